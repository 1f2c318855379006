import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BodyName } from './generators/index.js';
import type { ChildReport } from './memory-child.js';
import { readPeakRssOf } from './rss.js';

const MiB = 1024 * 1024;
const CHILD = fileURLToPath(new URL('./memory-child.js', import.meta.url));

export type CellStatus = 'ok' | 'out-of-memory' | 'string-limit' | 'timeout' | 'error' | 'skipped';

/** One approach at one body size. */
export interface MemoryCell {
  approach: string;
  /** Target body size, bytes. */
  size: number;
  status: CellStatus;
  /** Peak RSS, bytes: the child's own figure, or for a child that died the last one polled from /proc. */
  peakRss?: number;
  baselineRss?: number;
  parseSeconds?: number;
  /** Body MiB per parse second (one run; no error bar). */
  mibPerSec?: number;
  /** Actual body bytes and responses. */
  bytes?: number;
  responses?: number;
  wallSeconds: number;
  /** What went wrong, for a cell that is not `ok`. */
  detail?: string;
}

export interface MemoryOptions {
  body: BodyName;
  sizes: readonly number[];
  approaches: readonly string[];
  timeoutSeconds: number;
  onCell?: (cell: MemoryCell) => void;
}

/** Runs each approach at each size in its own process, smallest size first. */
export async function runMemory(options: MemoryOptions): Promise<MemoryCell[]> {
  const cells: MemoryCell[] = [];
  for (const approach of options.approaches) {
    let timedOutAt: number | undefined;
    for (const size of [...options.sizes].sort((a, b) => a - b)) {
      const cell: MemoryCell =
        timedOutAt === undefined
          ? await runChild(approach, options.body, size, options.timeoutSeconds)
          : { approach, size, status: 'skipped', wallSeconds: 0, detail: `not run: timed out (${options.timeoutSeconds} s) at ${formatSize(timedOutAt)}` };
      if (cell.status === 'timeout') timedOutAt = size;
      cells.push(cell);
      options.onCell?.(cell);
    }
  }
  return cells;
}

function runChild(approach: string, body: BodyName, size: number, timeoutSeconds: number): Promise<MemoryCell> {
  const started = performance.now();
  const child = spawn(process.execPath, [CHILD, approach, body, String(size)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let polledPeak = 0;
  let timedOut = false;
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-4000)));
  const poll = setInterval(() => {
    const peak = child.pid === undefined ? undefined : readPeakRssOf(child.pid);
    if (peak !== undefined && peak > polledPeak) polledPeak = peak;
  }, 100);
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutSeconds * 1000);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      const cell: MemoryCell = { approach, size, status: 'error', wallSeconds: (performance.now() - started) / 1000 };
      const report = parseReport(stdout);
      if (polledPeak) cell.peakRss = polledPeak;
      if (timedOut) {
        cell.status = 'timeout';
        cell.detail = `killed after ${timeoutSeconds} s`;
      } else if (report) {
        Object.assign(cell, {
          peakRss: Math.max(report.peakRss, polledPeak),
          baselineRss: report.baselineRss,
          parseSeconds: report.parseSeconds,
          bytes: report.bytes,
          responses: report.responses,
        });
        classifyReport(cell, report);
      } else if (/heap out of memory|Reached heap limit|Allocation failed/i.test(stderr)) {
        cell.status = 'out-of-memory';
        cell.detail = 'JavaScript heap out of memory (V8 heap limit)';
      } else {
        cell.detail = signal ? `killed by ${signal}` : `exit code ${code}: ${lastLine(stderr)}`;
      }
      resolve(cell);
    });
  });
}

function classifyReport(cell: MemoryCell, report: ChildReport): void {
  if (report.ok) {
    if (report.found !== undefined && report.found !== report.responses) {
      cell.detail = `found ${report.found} responses, the body has ${report.responses}`;
      return;
    }
    cell.status = 'ok';
    cell.mibPerSec = report.bytes / MiB / report.parseSeconds;
    return;
  }
  const error = report.error ?? { name: 'Error', message: 'unknown' };
  if (error.code === 'ERR_STRING_TOO_LONG' || /Invalid string length|string longer than/i.test(error.message)) {
    cell.status = 'string-limit';
    cell.detail = `${error.message} (after ${formatSize(report.bytes)})`;
  } else if (/out of memory|Array buffer allocation failed/i.test(error.message)) {
    cell.status = 'out-of-memory';
    cell.detail = error.message;
  } else {
    cell.detail = `${error.name}: ${error.message}`;
  }
}

function parseReport(stdout: string): ChildReport | undefined {
  const line = stdout.trim().split('\n').pop();
  if (!line) return undefined;
  try {
    return JSON.parse(line) as ChildReport;
  } catch {
    return undefined;
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop()?.slice(0, 300) ?? '';
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * MiB) return `${+(bytes / (1024 * MiB)).toFixed(2)} GiB`;
  if (bytes >= MiB) return `${+(bytes / MiB).toFixed(1)} MiB`;
  return `${+(bytes / 1024).toFixed(1)} KiB`;
}
