/**
 * Sources that record what the parser does to them: how many chunks it pulled, whether it
 * cancelled, and that can fail (a network reset) or never answer (a stalled connection).
 */

export interface SourceLog {
  /** Chunks handed out. */
  pulls: number;
  /** Bytes handed out. */
  bytes: number;
  /** `cancel()` (stream) or `return()` (async iterator) was called. */
  cancelled: boolean;
  cancelReason?: unknown;
}

export interface ScriptOptions {
  /** After this many chunks, fail with `error` instead of giving the next one. */
  failAfter?: number;
  error?: Error;
  /** After this many chunks, never answer (until cancelled). */
  stallAfter?: number;
}

/** Chunk `i` of a body, or undefined at its end. */
export type ChunkAt = (i: number) => Uint8Array | undefined;

export function chunkList(chunks: Uint8Array[]): ChunkAt {
  return (i) => chunks[i];
}

/** A web ReadableStream pulled one chunk at a time (highWaterMark 0: nothing is read ahead by itself). */
export function recordingStream(chunkAt: ChunkAt, options: ScriptOptions = {}): { stream: ReadableStream<Uint8Array>; log: SourceLog } {
  const log: SourceLog = { pulls: 0, bytes: 0, cancelled: false };
  let release: (() => void) | undefined;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(c) {
        if (options.failAfter !== undefined && log.pulls >= options.failAfter) {
          c.error(options.error ?? new Error('ECONNRESET'));
          return;
        }
        if (options.stallAfter !== undefined && log.pulls >= options.stallAfter) {
          await new Promise<void>((resolve) => (release = resolve));
          return;
        }
        const chunk = chunkAt(log.pulls);
        if (chunk === undefined) {
          c.close();
          return;
        }
        log.pulls++;
        log.bytes += chunk.length;
        c.enqueue(chunk);
      },
      cancel(reason) {
        log.cancelled = true;
        log.cancelReason = reason;
        release?.();
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, log };
}

/** An async iterator over the chunks, recording `next` and `return` calls. */
export function recordingIterable(chunkAt: ChunkAt, options: ScriptOptions = {}): { iterable: AsyncIterable<Uint8Array>; log: SourceLog } {
  const log: SourceLog = { pulls: 0, bytes: 0, cancelled: false };
  let release: ((r: IteratorResult<Uint8Array>) => void) | undefined;
  const iterator: AsyncIterator<Uint8Array> = {
    next() {
      if (log.cancelled) return Promise.resolve({ done: true, value: undefined });
      if (options.failAfter !== undefined && log.pulls >= options.failAfter) {
        return Promise.reject(options.error ?? new Error('ECONNRESET'));
      }
      if (options.stallAfter !== undefined && log.pulls >= options.stallAfter) {
        return new Promise((resolve) => (release = resolve));
      }
      const chunk = chunkAt(log.pulls);
      if (chunk === undefined) return Promise.resolve({ done: true, value: undefined });
      log.pulls++;
      log.bytes += chunk.length;
      return Promise.resolve({ done: false, value: chunk });
    },
    return() {
      log.cancelled = true;
      release?.({ done: true, value: undefined });
      return Promise.resolve({ done: true, value: undefined });
    },
  };
  return { iterable: { [Symbol.asyncIterator]: () => iterator }, log };
}

const encoder = new TextEncoder();

/**
 * An endless listing: chunk 0 opens the multistatus, every later chunk is `perChunk` complete
 * responses (/r0, /r1, ...). Never ends, so a parser that reads ahead without bound never stops.
 */
export function endlessListing(perChunk = 1): ChunkAt {
  let n = 0;
  return (i) => {
    if (i === 0) return encoder.encode('<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">\n');
    let s = '';
    for (let k = 0; k < perChunk; k++) {
      s += `<D:response><D:href>/r${n++}</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>\n`;
    }
    return encoder.encode(s);
  };
}
