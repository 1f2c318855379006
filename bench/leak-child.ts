/**
 * The leak check, in its own process (run with --expose-gc by `leak.ts`): streams a
 * sync-collection body of `total` responses into the push parser and takes a heap snapshot
 * after a full GC at response `checkpoint` and at the last response. Prints a {@link LeakReport}.
 *   node --expose-gc dist/bench/leak-child.js <total> <checkpoint>
 */
import { MultistatusParser } from '../lib/index.js';
import { body, type BodyStats } from './generators/index.js';

export interface MemorySnapshot {
  responses: number;
  heapUsed: number;
  rss: number;
  external: number;
  arrayBuffers: number;
  seconds: number;
}

export interface LeakReport {
  bytes: number;
  responses: number;
  snapshots: MemorySnapshot[];
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

function snapshot(responses: number, start: number): MemorySnapshot {
  for (let i = 0; i < 3; i++) gc?.();
  const m = process.memoryUsage();
  return { responses, heapUsed: m.heapUsed, rss: m.rss, external: m.external, arrayBuffers: m.arrayBuffers, seconds: (performance.now() - start) / 1000 };
}

const total = Number(process.argv[2]);
const checkpoint = Number(process.argv[3]);
const stats: BodyStats = { bytes: 0, responses: 0 };
const snapshots: MemorySnapshot[] = [];
const start = performance.now();
let seen = 0;
const parser = new MultistatusParser({
  onResponse() {
    seen++;
    if (seen === checkpoint || seen === total) snapshots.push(snapshot(seen, start));
  },
});
for (const chunk of body('sync', { maxResponses: total }, stats)) parser.write(chunk);
parser.end();
const report: LeakReport = { bytes: stats.bytes, responses: seen, snapshots };
process.stdout.write(JSON.stringify(report) + '\n');
