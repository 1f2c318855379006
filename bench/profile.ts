import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Approach } from './approaches/index.js';
import { REPO_ROOT } from './paths.js';
import { bodyChunks, type BodyName } from './generators/index.js';

/** The parts of a V8 `.cpuprofile` read here. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileEntry {
  /** Function name (or `(garbage collector)`, `(program)`...). */
  name: string;
  /** `file:line`, relative to the repository where it is inside it. */
  where: string;
  /** Self time, milliseconds. */
  selfMs: number;
  /** Share of all sampled time. */
  share: number;
}

export interface ProfileResult {
  approach: string;
  body: BodyName;
  bytes: number;
  runs: number;
  totalMs: number;
  samplingIntervalUs: number;
  /** Functions by self time, largest first. */
  functions: ProfileEntry[];
  /** Self time by file (`lib/parser/state-machine.ts`, `node_modules/saxes/saxes.js`, `(garbage collector)`...). */
  files: ProfileEntry[];
  /** Where the raw profile was written (open it in Chrome DevTools). */
  profileFile: string;
}

const ROOT = REPO_ROOT;

/**
 * Profiles one approach with V8's CPU profiler (the profiler behind `node --cpu-prof`), started
 * after the body has been generated so that only parsing is sampled.
 */
export async function runProfile(approach: Approach, bodyName: BodyName, bytes: number, runs: number, profileFile: string): Promise<ProfileResult> {
  const { chunks, stats } = bodyChunks(bodyName, { targetBytes: bytes });
  await approach.run(chunks); // warm up outside the profile
  const session = new Session();
  session.connect();
  const samplingIntervalUs = 100;
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
  await session.post('Profiler.start');
  for (let i = 0; i < runs; i++) await approach.run(chunks);
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
  session.disconnect();
  mkdirSync(dirname(profileFile), { recursive: true });
  await writeFile(profileFile, JSON.stringify(profile));
  const { functions, files, totalMs } = summarise(profile);
  return { approach: approach.id, body: bodyName, bytes: stats.bytes, runs, totalMs, samplingIntervalUs, functions: functions.slice(0, 25), files: files.slice(0, 12), profileFile };
}

/**
 * Self time per function and per file. Time is counted in samples times the median interval,
 * not from the raw time deltas: on a busy machine a sample taken after the process was descheduled
 * carries the whole gap, which would be charged to whatever function happened to be running.
 */
export function summarise(profile: CpuProfile): { functions: ProfileEntry[]; files: ProfileEntry[]; totalMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const deltas = [...profile.timeDeltas].sort((a, b) => a - b);
  const interval = deltas[Math.floor(deltas.length / 2)] ?? 0;
  const selfUs = new Map<number, number>();
  for (const id of profile.samples) selfUs.set(id, (selfUs.get(id) ?? 0) + interval);
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, ProfileEntry>();
  const file = new Map<string, ProfileEntry>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const { path, line } = original(frame.url, frame.lineNumber, frame.columnNumber);
    const name = frame.functionName || (path ? '(anonymous)' : '(native)');
    const where = path ? `${path}:${line + 1}` : '';
    add(fn, `${name} ${where}`, name, where, us);
    add(file, path || name, path || name, '', us);
  }
  const sorted = (m: Map<string, ProfileEntry>): ProfileEntry[] =>
    [...m.values()].map((e) => ({ ...e, selfMs: e.selfMs / 1000, share: e.selfMs / totalUs })).sort((a, b) => b.selfMs - a.selfMs);
  return { functions: sorted(fn), files: sorted(file), totalMs: totalUs / 1000 };
}

function add(map: Map<string, ProfileEntry>, key: string, name: string, where: string, us: number): void {
  const entry = map.get(key) ?? { name, where, selfMs: 0, share: 0 };
  entry.selfMs += us;
  map.set(key, entry);
}

/** Only our own compiled files are mapped back to their TypeScript; dependencies keep their shipped file and line. */
const DIST = `${ROOT}dist/`;
const sourceMaps = new Map<string, SourceMap | undefined>();

/** The source position of a compiled one (`dist/lib/x.js:10` -> `lib/x.ts:12`), path relative to the repository. */
function original(url: string, line: number, column: number): { path: string; line: number } {
  if (!url) return { path: '', line };
  let path = url.startsWith('file://') ? fileURLToPath(url) : url;
  if (!path.startsWith(DIST)) return { path: path.startsWith(ROOT) ? path.slice(ROOT.length) : path, line };
  if (!sourceMaps.has(path)) {
    const mapFile = `${path}.map`;
    sourceMaps.set(path, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]) : undefined);
  }
  const entry = sourceMaps.get(path)?.findEntry(line, column);
  if (entry && 'originalSource' in entry && entry.originalSource) {
    path = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : new URL(entry.originalSource, url).pathname;
    line = entry.originalLine;
  }
  return { path: path.startsWith(ROOT) ? path.slice(ROOT.length) : path, line };
}
