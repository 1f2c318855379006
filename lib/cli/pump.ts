/**
 * The command's read loop: pull a chunk from the input, push it through the synchronous parser,
 * write whatever the format produced for the responses it completed, update the progress. One
 * chunk at a time, so memory holds one chunk and one response, whatever the body's size.
 */
import { MultistatusParser } from '../parser/parser.js';
import type { MultistatusSummary, ParseOptions } from '../types.js';
import type { Format, RunStats } from './format.js';
import type { Input } from './input.js';
import type { Output } from './output.js';
import type { Progress } from './progress.js';

export interface PumpOptions {
  parse: ParseOptions;
  format: Format;
  out: Output;
  progress?: Progress;
  /** stdout and the progress share a terminal: erase the progress line before writing rows. */
  sharedScreen?: boolean;
}

export type PumpResult =
  | { ended: true; summary: MultistatusSummary; stats: RunStats }
  /** The reader of stdout went away: reading stopped early, which is not an error. */
  | { ended: false };

/**
 * Parses `input` to its end. Rejects with the parser's `MultistatusError` or the input's error,
 * after the output of every response completed before it has been written.
 */
export async function pump(input: Input, { parse, format, out, progress, sharedScreen }: PumpOptions): Promise<PumpResult> {
  let responses = 0;
  let bytes = 0;
  const parser = new MultistatusParser({
    ...parse,
    onResponse(r) {
      responses++;
      format.response(r);
    },
  });
  const write = async (): Promise<void> => {
    if (out.pending > 0) {
      if (sharedScreen) progress?.clear();
      await out.flush();
    }
    progress?.update(bytes, responses);
  };
  const started = performance.now();
  try {
    for (;;) {
      const chunk = await input.next();
      if (chunk === undefined) break;
      bytes += chunk.byteLength;
      try {
        parser.write(chunk);
      } finally {
        await write();
      }
      if (out.closed) {
        await input.cancel();
        return { ended: false };
      }
    }
    let summary: MultistatusSummary;
    try {
      summary = parser.end();
    } finally {
      await write();
    }
    const stats: RunStats = { seconds: (performance.now() - started) / 1000 };
    format.end(summary, stats);
    await write();
    return { ended: true, summary, stats };
  } catch (e) {
    await input.cancel();
    throw e;
  }
}
