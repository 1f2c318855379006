/**
 * The read loop for the requests the library drives itself (the walk, sync-collection pages):
 * take each response from its iterator, write what the format made of it, update the progress.
 */
import type { MultistatusIterator } from '../iterate.js';
import type { Format, RunStats } from './format.js';
import type { Output } from './output.js';
import type { PumpResult } from './pump.js';
import type { Progress } from './progress.js';

export interface ResponsePumpOptions {
  format: Format;
  out: Output;
  progress?: Progress;
  sharedScreen?: boolean;
  /** Bytes read so far, for the progress. */
  bytes?: () => number;
}

/** Drains `it` to its end; rejects with its error after every response before it has been written. */
export async function pumpResponses(it: MultistatusIterator, { format, out, progress, sharedScreen, bytes }: ResponsePumpOptions): Promise<PumpResult> {
  const started = performance.now();
  let responses = 0;
  let flushed = started;
  const write = async (): Promise<void> => {
    if (out.pending > 0) {
      if (sharedScreen) progress?.clear();
      await out.flush();
    }
    progress?.update(bytes?.() ?? 0, responses);
    flushed = performance.now();
  };
  try {
    for await (const r of it) {
      responses++;
      format.response(r);
      // Write in batches (a write per response would cost more than the parse), at least every 50 ms.
      if (out.pending > 64 * 1024 || performance.now() - flushed > 50) await write();
      if (out.closed) {
        await it.return?.();
        return { ended: false };
      }
    }
  } finally {
    await write();
  }
  const summary = await it.summary();
  const stats: RunStats = { seconds: (performance.now() - started) / 1000 };
  format.end(summary, stats);
  await write();
  return { ended: true, summary, stats };
}
