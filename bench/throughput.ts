import Benchmark from 'benchmark';
import type { Approach, RunResult } from './approaches/approach.js';
import { BODIES, bodyChunks, DEFAULT_CHUNK_SIZE, type BodyName } from './generators/index.js';

const MiB = 1024 * 1024;

export interface ThroughputOptions {
  body: BodyName;
  /** Target body size in bytes. */
  bytes: number;
  approaches: readonly Approach[];
  /** benchmark.js `maxTime` per approach, in seconds. */
  maxTime: number;
  /** benchmark.js `minSamples`. */
  minSamples: number;
  /** Called after each approach (progress output). */
  onRow?: (row: ThroughputRow) => void;
}

export interface ThroughputRow {
  id: string;
  label: string;
  group: Approach['group'];
  /** MiB of body per second (mean). */
  mibPerSec?: number;
  /** Relative margin of error (± percent, 95 % confidence) from benchmark.js. */
  rme?: number;
  samples?: number;
  /** `mibPerSec` divided by raw saxes' (no xmlns) on the same chunks. */
  ratioToSaxes?: number;
  /** Responses the approach reported, when it reports them. */
  responses?: number;
  /** Why there is no figure. */
  error?: string;
}

export interface ThroughputResult {
  body: BodyName;
  bodyLabel: string;
  bytes: number;
  responses: number;
  chunkSize: number;
  chunks: number;
  rows: ThroughputRow[];
}

/** Runs each approach with benchmark.js over the same in-memory chunks, one after the other, in this process. */
export async function runThroughput(options: ThroughputOptions): Promise<ThroughputResult> {
  const { chunks, stats } = bodyChunks(options.body, { targetBytes: options.bytes });
  const rows: ThroughputRow[] = [];
  for (const approach of options.approaches) {
    const row = await measure(approach, chunks, stats.bytes, stats.responses, options);
    rows.push(row);
    options.onRow?.(row);
  }
  const saxes = rows.find((r) => r.id === 'saxes')?.mibPerSec;
  if (saxes) for (const row of rows) if (row.mibPerSec !== undefined) row.ratioToSaxes = row.mibPerSec / saxes;
  return {
    body: options.body,
    bodyLabel: BODIES[options.body].label,
    bytes: stats.bytes,
    responses: stats.responses,
    chunkSize: DEFAULT_CHUNK_SIZE,
    chunks: chunks.length,
    rows,
  };
}

async function measure(approach: Approach, chunks: Uint8Array[], bytes: number, responses: number, options: ThroughputOptions): Promise<ThroughputRow> {
  const row: ThroughputRow = { id: approach.id, label: approach.label, group: approach.group };
  // One checked run first: it warms up, and a wrong count means the figures would be meaningless.
  let first: RunResult;
  try {
    first = await approach.run(chunks);
  } catch (error) {
    row.error = errorText(error);
    return row;
  }
  if (first.responses !== undefined) {
    row.responses = first.responses;
    if (first.responses !== responses) {
      row.error = `found ${first.responses} responses, the body has ${responses}`;
      return row;
    }
  }
  let sink = 0;
  const bench = approach.async
    ? new Benchmark(approach.id, {
        defer: true,
        maxTime: options.maxTime,
        minSamples: options.minSamples,
        fn: (deferred: Benchmark.Deferred) => {
          (approach.run(chunks) as Promise<RunResult>).then(
            (r) => {
              sink += r.checksum;
              deferred.resolve();
            },
            (error: unknown) => {
              throw error;
            },
          );
        },
      })
    : new Benchmark(approach.id, {
        maxTime: options.maxTime,
        minSamples: options.minSamples,
        fn: () => {
          sink += (approach.run(chunks) as RunResult).checksum;
        },
      });
  await new Promise<void>((resolve) => {
    bench.on('complete', () => resolve());
    bench.run({ async: true });
  });
  if (bench.error) {
    row.error = errorText(bench.error);
    return row;
  }
  if (!Number.isFinite(sink)) row.error = 'checksum is not finite';
  row.mibPerSec = (bench.hz * bytes) / MiB;
  row.rme = bench.stats.rme;
  row.samples = bench.stats.sample.length;
  return row;
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
