import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LeakResult } from './leak.js';
import type { MemoryCell } from './memory.js';
import type { ProfileResult } from './profile.js';
import type { Machine } from './report/machine.js';
import type { ThroughputResult } from './throughput.js';
import type { TtfrResult } from './ttfr.js';

/** The raw figures of each part, one JSON file per part in the results directory. */
export interface ThroughputFile {
  machine: Machine;
  maxTime: number;
  minSamples: number;
  bodies: ThroughputResult[];
}

export interface MemoryFile {
  machine: Machine;
  body: string;
  sizes: number[];
  timeoutSeconds: number;
  /** V8's heap limit in the children (Node's default for this machine), bytes. */
  heapLimit: number;
  labels: Record<string, string>;
  groups: Record<string, 'library' | 'floor' | 'client'>;
  cells: MemoryCell[];
}

export interface TtfrFile {
  machine: Machine;
  runs: TtfrResult[];
}

export interface LeakFile {
  machine: Machine;
  result: LeakResult;
}

export interface ProfileFile {
  machine: Machine;
  result: ProfileResult;
}

export interface Results {
  throughput?: ThroughputFile;
  memory?: MemoryFile;
  ttfr?: TtfrFile;
  leak?: LeakFile;
  profile?: ProfileFile;
}

export type Part = keyof Results;
export const PARTS: readonly Part[] = ['throughput', 'memory', 'ttfr', 'leak', 'profile'];

export function loadResults(dir: string): Results {
  const results: Results = {};
  for (const part of PARTS) {
    const file = join(dir, `${part}.json`);
    if (existsSync(file)) Object.assign(results, { [part]: JSON.parse(readFileSync(file, 'utf8')) as unknown });
  }
  return results;
}

export function saveResult<P extends Part>(dir: string, part: P, data: NonNullable<Results[P]>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${part}.json`), JSON.stringify(data, null, 1) + '\n');
}
