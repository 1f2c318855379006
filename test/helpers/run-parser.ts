/**
 * Run a body through each face of the parser and collect what it gave: the responses delivered
 * and then either the summary or the error.
 */
import { MultistatusParser, MultistatusStream, parseMultistatus } from '../../lib/index.js';
import type { MultistatusSummary, AnyParseOptions, ParseOptions } from '../../lib/index.js';
import type { DavResponse } from '../../lib/parser/model.js';

export interface Outcome {
  responses: DavResponse[];
  summary?: MultistatusSummary;
  error?: unknown;
}

/** `parseMultistatus` over a whole body (or any other source). */
export async function viaIterator(source: Parameters<typeof parseMultistatus>[0], options: AnyParseOptions = {}): Promise<Outcome> {
  const responses: DavResponse[] = [];
  const iterator = parseMultistatus(source, options as ParseOptions);
  try {
    for await (const response of iterator) responses.push(response);
    return { responses, summary: await iterator.summary() };
  } catch (error) {
    return { responses, error };
  }
}

/** The low-level push parser, one `write` per chunk, then `end`. */
export function viaParser(chunks: readonly Uint8Array[], options: AnyParseOptions = {}): Outcome {
  const responses: DavResponse[] = [];
  try {
    const parser = new MultistatusParser({ ...(options as ParseOptions), onResponse: (r) => responses.push(r) });
    for (const chunk of chunks) parser.write(chunk);
    return { responses, summary: parser.end() };
  } catch (error) {
    return { responses, error };
  }
}

function streamOf(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]);
      else controller.close();
    },
  });
}

/**
 * A ReadableStream of the chunks piped through `MultistatusStream`, read to its end. A read is
 * always pending, so each response is taken as soon as it is enqueued.
 */
export async function viaStream(chunks: readonly Uint8Array[], options: AnyParseOptions = {}): Promise<Outcome> {
  const responses: DavResponse[] = [];
  const transform = new MultistatusStream(options as ParseOptions);
  const reader = streamOf(chunks).pipeThrough(transform).getReader();
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      responses.push(value);
    }
    return { responses, summary: await transform.summary };
  } catch (error) {
    return { responses, error };
  }
}
