/**
 * Runs the `multistatus` command in a child process and collects what it printed. The built bin
 * (`dist/lib/cli/main.js`, what npm installs) is used when it is at least as new as every source
 * file under lib/; otherwise the TypeScript entry runs through tsx, so a stale build is never tested.
 *
 * `MULTISTATUS_CLI_BIN=<path to a built cli/main.js>` runs the same tests against another build
 * instead (for example an older release, to show which tests fail there). Unset, it changes nothing.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUILT_BIN = join(REPO, 'dist', 'lib', 'cli', 'main.js');
const SOURCE_BIN = join(REPO, 'lib', 'cli', 'main.ts');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliRun {
  /** Bytes or text for stdin; stdin is closed at once when absent. */
  stdin?: string | Uint8Array;
  env?: Record<string, string>;
  /** Kill the child past this many ms (the test then fails on `signal`). Default 20 s. */
  timeoutMs?: number;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : entry.name.endsWith('.ts') ? statSync(p).mtimeMs : 0);
  }
  return newest;
}

let command: string[] | undefined;

/** `node` arguments that start the command: the fresh build, the sources through tsx, or `MULTISTATUS_CLI_BIN`. */
export function cliCommand(): string[] {
  if (command) return command;
  const other = process.env.MULTISTATUS_CLI_BIN;
  if (other) return (command = [other]);
  let built = 0;
  try {
    built = statSync(BUILT_BIN).mtimeMs;
  } catch {
    // not built
  }
  command = built >= newestMtime(join(REPO, 'lib')) ? [BUILT_BIN] : ['--import=tsx', SOURCE_BIN];
  return command;
}

/**
 * Base environment of every run: no colour games, no proxy for the local test servers. The time zone is NOT pinned: the child inherits
 * the test's own TZ (CI runs the suite in UTC, America/New_York and Asia/Kolkata), so a test of
 * output in local time compares with the expected instant formatted in that same zone.
 */
export const CLI_ENV: Record<string, string> = { NO_COLOR: '1', NO_PROXY: '127.0.0.1,localhost' };

export function runCli(args: readonly string[], run: CliRun = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cliCommand(), ...args], {
      cwd: REPO,
      env: { ...process.env, ...CLI_ENV, ...run.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), run.timeoutMs ?? 20_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => undefined); // the command may exit before reading all of stdin
    if (run.stdin !== undefined) child.stdin.end(run.stdin);
    else child.stdin.end();
  });
}

/** The lines of NDJSON output, parsed (fails on any line that is not JSON). */
export function ndjsonLines(stdout: string): Record<string, unknown>[] {
  if (stdout === '') return [];
  if (!stdout.endsWith('\n')) throw new Error(`NDJSON output does not end with a newline: ${JSON.stringify(stdout.slice(-80))}`);
  return stdout
    .slice(0, -1)
    .split('\n')
    .map((line, i) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`line ${i + 1} of stdout is not JSON: ${JSON.stringify(line.slice(0, 200))}`);
      }
    });
}
