/**
 * Start and stop the live-test servers through the project's own scripts (test/servers/*.sh).
 * Each server gets a fresh state directory (config, pid, logs in `run/`, document root in `root/`) and a
 * free port on 127.0.0.1; every server started here is stopped by pid by {@link stopServer}, by the
 * root hook after the run (also after failures), or, as a last resort, when the process exits.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, rmSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPTS = fileURLToPath(new URL('../servers/', import.meta.url));
/** Bound on one start: it may have to apt-get install the server first. */
const START_TIMEOUT_MS = 240_000;

/**
 * `apache2-finite`: apache2 with `DavDepthInfinity Off` (its default: Depth: infinity refused).
 * `svn`: Subversion's mod_dav_svn (autoversioning) under apache2, the seeded root imported into a
 * fresh repository. `webdav-server`: the npm package (a devDependency), stock options. `chezdav`:
 * GNOME phodav's server. `pywebdav`: PyWebDAV3's davserver3 (Content-Length and Transfer-Encoding together).
 */
export type ServerName =
  | 'apache2' | 'apache2-finite' | 'nginx' | 'lighttpd' | 'rclone' | 'radicale' | 'sabre' | 'sabre-caldav'
  | 'xandikos' | 'svn' | 'webdav-server' | 'chezdav' | 'pywebdav';

export interface LiveServer {
  name: ServerName;
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** The pid the script recorded (the master process for apache2, nginx, lighttpd). */
  pid: number;
  /** State directory: `run/` holds config, pid and logs. */
  state: string;
  /** Document root (or storage folder of radicale and sabre-caldav). */
  root: string;
}

const running = new Map<number, LiveServer>();

/**
 * Where state directories go: tmpfs (/dev/shm) when there is one, since creating 100,000 files on this
 * VM's ext4 /tmp took 60–90 s (0.6–1 ms of kernel time per file) against ~1.6 s on tmpfs.
 */
function tempBase(): string {
  try {
    if (statSync('/dev/shm').isDirectory()) {
      accessSync('/dev/shm', constants.W_OK);
      return '/dev/shm';
    }
  } catch {
    // no tmpfs: the OS temp dir it is
  }
  return tmpdir();
}

function scriptOf(name: ServerName): { script: string; env: Record<string, string> } {
  if (name === 'sabre-caldav') return { script: join(SCRIPTS, 'sabre.sh'), env: { SABRE_MODE: 'caldav' } };
  if (name === 'apache2-finite') return { script: join(SCRIPTS, 'apache2.sh'), env: { DAV_DEPTH_INFINITY: 'Off' } };
  return { script: join(SCRIPTS, `${name}.sh`), env: {} };
}

/** Start `name`; `seed` fills the document root first (the script then hands it to the server's user). */
export async function startServer(name: ServerName, seed?: (root: string) => Promise<void> | void): Promise<LiveServer> {
  const state = await mkdtemp(join(tempBase(), `multistatus-${name}-`));
  const root = join(state, 'root');
  await mkdir(root);
  try {
    if (seed) await seed(root);
    const { script, env } = scriptOf(name);
    const { stdout } = await run('bash', [script, 'start'], {
      env: { ...process.env, ...env, STATE: state, ROOT: root },
      timeout: START_TIMEOUT_MS,
    });
    const last = stdout.trim().split('\n').pop() ?? '';
    const [url, pid] = last.split(' ');
    if (!url?.startsWith('http://127.0.0.1:') || !Number(pid)) throw new Error(`${name}: unexpected start output ${JSON.stringify(stdout)}`);
    const server: LiveServer = { name, url, pid: Number(pid), state, root };
    running.set(server.pid, server);
    return server;
  } catch (err) {
    await rm(state, { recursive: true, force: true });
    const stderr = (err as { stderr?: string }).stderr;
    throw new Error(`could not start ${name}${stderr ? `:\n${stderr}` : ''}`, { cause: err });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stop by pid (the script: TERM, bounded wait, KILL), check the pid is gone, remove the state directory. */
export async function stopServer(server: LiveServer): Promise<void> {
  if (!running.delete(server.pid)) return;
  const { script, env } = scriptOf(server.name);
  try {
    await run('bash', [script, 'stop'], { env: { ...process.env, ...env, STATE: server.state }, timeout: 30_000 });
  } finally {
    if (alive(server.pid)) process.kill(server.pid, 'SIGKILL');
    await rm(server.state, { recursive: true, force: true });
  }
}

export async function stopAllServers(): Promise<void> {
  const errors: unknown[] = [];
  for (const server of [...running.values()]) await stopServer(server).catch((e: unknown) => errors.push(e));
  if (errors.length) throw new AggregateError(errors, 'some live servers did not stop cleanly');
}

/**
 * Last resort (mocha interrupted, process exiting): TERM every server still recorded and remove its state
 * directory. Synchronous: exit handlers cannot wait.
 */
export function killAllServersNow(): void {
  for (const { pid, state } of running.values()) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(state, { recursive: true, force: true });
  }
  running.clear();
}

/**
 * Inside a `describe`: start `name` (seeded by `seed`) before its tests and stop it after them, also
 * when they fail. Returns the running server (available from the first `before` hook on).
 */
export function liveServer(name: ServerName, seed?: (root: string) => Promise<void> | void): () => LiveServer {
  let server: LiveServer | undefined;
  before(async function () {
    this.timeout(START_TIMEOUT_MS + 60_000);
    server = await startServer(name, seed);
  });
  after(async function () {
    if (server) await stopServer(server);
  });
  return () => {
    if (!server) throw new Error(`${name} is not running`);
    return server;
  };
}
