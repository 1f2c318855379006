import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { REPO_ROOT } from '../paths.js';

/** Where and with what a set of figures was measured. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  v8: string;
  /** Package versions as installed. */
  packages: Record<string, string>;
  /** `git describe`-like commit of the library, with `-dirty` for uncommitted changes. */
  commit: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews figures. */
  loadStart: number;
  loadEnd?: number;
  date: string;
}

const ROOT = REPO_ROOT;
const PACKAGES = ['multistatus', 'saxes', 'fast-xml-parser', 'webdav', '@xmldom/xmldom', 'sax', 'benchmark', 'typescript'];

function versionOf(name: string): string {
  const file = name === 'multistatus' ? `${ROOT}package.json` : `${ROOT}node_modules/${name}/package.json`;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'lib'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${head}-dirty` : head;
  } catch {
    return 'unknown';
  }
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    packages: Object.fromEntries(PACKAGES.map((p) => [p, versionOf(p)])),
    commit: commit(),
    loadStart: os.loadavg()[0] ?? 0,
    date: new Date().toISOString(),
  };
}

/** Notes the load average at the end of a run. */
export function finishMachine(machine: Machine): Machine {
  return { ...machine, loadEnd: os.loadavg()[0] ?? 0 };
}
