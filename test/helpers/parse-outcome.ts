/**
 * Runs a body through one face of the parser and records how it ended: the responses delivered
 * and the MultistatusError after them, if any. Anything thrown that is not a MultistatusError is
 * rethrown, so a test fails on it.
 */
import { MultistatusError, MultistatusParser, MultistatusStream, parseMultistatus } from '../../lib/index.js';
import type { MultistatusSummary, AnyParseOptions, ParseOptions, Source } from '../../lib/index.js';
import type { DavResponse } from '../../lib/parser/model.js';

export interface Outcome {
  responses: DavResponse[];
  error?: MultistatusError;
  summary?: MultistatusSummary;
}

function settle(responses: DavResponse[], e: unknown): Outcome {
  if (e instanceof MultistatusError) return { responses, error: e };
  throw e;
}

/** parseMultistatus over any source; the summary when the body was complete. */
export async function iterate(source: Source, options: AnyParseOptions = {}): Promise<Outcome> {
  const responses: DavResponse[] = [];
  const it = parseMultistatus(source, options as ParseOptions);
  try {
    for await (const r of it) responses.push(r);
    return { responses, summary: await it.summary() };
  } catch (e) {
    return settle(responses, e);
  }
}

/** The synchronous push parser, one write per chunk. */
export function push(chunks: Iterable<Uint8Array | string>, options: AnyParseOptions = {}): Outcome {
  const responses: DavResponse[] = [];
  try {
    const parser = new MultistatusParser({ ...(options as ParseOptions), onResponse: (r) => responses.push(r) });
    for (const chunk of chunks) parser.write(chunk);
    return { responses, summary: parser.end() };
  } catch (e) {
    return settle(responses, e);
  }
}

/** The TransformStream face, fed from a ReadableStream of the chunks. */
export async function pipe(chunks: (Uint8Array | string)[], options: AnyParseOptions = {}): Promise<Outcome> {
  const responses: DavResponse[] = [];
  const ms = new MultistatusStream(options as ParseOptions);
  let i = 0;
  const input = new ReadableStream<Uint8Array | string>({
    pull(c) {
      if (i < chunks.length) c.enqueue(chunks[i++]!);
      else c.close();
    },
  });
  try {
    const reader = input.pipeThrough(ms).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      responses.push(value);
    }
    return { responses, summary: await ms.summary };
  } catch (e) {
    return settle(responses, e);
  }
}

/** Cuts `body` into chunks of `size` (the last one shorter). */
export function chunksOf<T extends Uint8Array | string>(body: T, size: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < body.length; i += size) out.push(body.slice(i, i + size) as T);
  return out;
}
