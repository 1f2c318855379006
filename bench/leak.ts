import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { LeakReport, MemorySnapshot } from './leak-child.js';

const CHILD = fileURLToPath(new URL('./leak-child.js', import.meta.url));

export interface LeakResult {
  total: number;
  checkpoint: number;
  bytes: number;
  responses: number;
  early?: MemorySnapshot;
  late?: MemorySnapshot;
  /** Heap after GC at the end minus heap after GC at the checkpoint, bytes. */
  heapGrowth?: number;
  rssGrowth?: number;
  /** Heap growth within the tolerance. */
  pass: boolean;
  /** Heap growth allowed, bytes. */
  tolerance: number;
  error?: string;
}

/** Runs the leak check in a child process and compares the two snapshots. */
export async function runLeak(total: number, checkpoint: number, timeoutSeconds: number): Promise<LeakResult> {
  const tolerance = 1024 * 1024;
  const result: LeakResult = { total, checkpoint, bytes: 0, responses: 0, pass: false, tolerance };
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', CHILD, String(total), String(checkpoint)], {
      timeout: timeoutSeconds * 1000,
      maxBuffer: 1 << 20,
    });
    const report = JSON.parse(stdout.trim().split('\n').pop() ?? '') as LeakReport;
    result.bytes = report.bytes;
    result.responses = report.responses;
    const [early, late] = report.snapshots;
    if (early && late) {
      result.early = early;
      result.late = late;
      result.heapGrowth = late.heapUsed - early.heapUsed;
      result.rssGrowth = late.rss - early.rss;
      result.pass = report.responses === total && result.heapGrowth < tolerance;
    } else {
      result.error = `expected two snapshots, got ${report.snapshots.length}`;
    }
  } catch (error) {
    result.error = error instanceof Error ? error.message.slice(0, 500) : String(error);
  }
  return result;
}
