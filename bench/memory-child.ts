/**
 * One memory measurement, in its own process: streams a generated body into one approach and
 * prints one JSON line (a {@link ChildReport}) on stdout. Run by `memory.ts`; by hand:
 *   node dist/bench/memory-child.js <approach> <body> <bytes>
 */
import { loadApproach } from './approaches/index.js';
import { body, isBodyName, type BodyStats } from './generators/index.js';
import { readPeakRss } from './rss.js';

export interface ChildReport {
  ok: boolean;
  /** Peak resident set size of the whole process, bytes. */
  peakRss: number;
  /** RSS just before the body started, bytes (runtime, modules, generator). */
  baselineRss: number;
  /** Seconds spent in the approach (generator time taken out). */
  parseSeconds: number;
  /** Seconds spent generating chunks. */
  generateSeconds: number;
  bytes: number;
  responses: number;
  /** Responses the approach reported. */
  found?: number;
  error?: { name: string; message: string; code?: string };
}

/** Wraps chunks so that time spent producing them can be taken out of the approach's time. */
function* timed(chunks: Iterator<Uint8Array>, clock: { seconds: number }): Generator<Uint8Array> {
  while (true) {
    const t = performance.now();
    const next = chunks.next();
    clock.seconds += (performance.now() - t) / 1000;
    if (next.done) return;
    yield next.value;
  }
}

async function main(): Promise<void> {
  const [id = '', bodyName = '', bytesArg = ''] = process.argv.slice(2);
  const approach = await loadApproach(id);
  if (!isBodyName(bodyName)) throw new Error(`unknown body ${bodyName}`);
  const targetBytes = Number(bytesArg);
  const stats: BodyStats = { bytes: 0, responses: 0 };
  const clock = { seconds: 0 };
  const report: ChildReport = { ok: false, peakRss: 0, baselineRss: process.memoryUsage.rss(), parseSeconds: 0, generateSeconds: 0, bytes: 0, responses: 0 };
  const start = performance.now();
  try {
    const result = await approach.run(timed(body(bodyName, { targetBytes }, stats), clock));
    report.ok = true;
    if (result.responses !== undefined) report.found = result.responses;
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    report.error = { name: e.name, message: e.message.slice(0, 300) };
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') report.error.code = code;
  }
  const elapsed = (performance.now() - start) / 1000;
  report.generateSeconds = clock.seconds;
  report.parseSeconds = elapsed - clock.seconds;
  report.bytes = stats.bytes;
  report.responses = stats.responses;
  report.peakRss = readPeakRss();
  process.stdout.write(JSON.stringify(report) + '\n');
}

await main();
