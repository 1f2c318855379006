/** Anything a multistatus body can be read from. */
export type Source =
  | ReadableStream<Uint8Array>
  | Response
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>
  | Uint8Array
  | ArrayBuffer
  | string;

/** A pull reader over a source: one chunk at a time, cancellable. */
export interface ChunkReader {
  next(): Promise<IteratorResult<Uint8Array | string>>;
  cancel(reason?: unknown): Promise<void>;
}

/** Size of the slices a whole body (string or bytes) is cut into, so responses flow one by one. */
const SLICE = 64 * 1024;

/** Normalises any {@link Source} to a {@link ChunkReader}. */
export function readerOf(source: Source): ChunkReader {
  if (typeof source === 'string') {
    const text = source;
    return sliced(text, text.length, (a, b) => text.slice(a, b));
  }
  if (source instanceof ArrayBuffer) source = new Uint8Array(source);
  if (ArrayBuffer.isView(source)) {
    const view = source as ArrayBufferView;
    const bytes = view instanceof Uint8Array ? view : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    return sliced(bytes, bytes.length, (a, b) => bytes.subarray(a, b));
  }
  if (isResponse(source)) {
    // A fetch Response; node-fetch's (the webdav client's) has a Node Readable as its body.
    if (source.body === null || source.body === undefined) return fromIterator([][Symbol.iterator]());
    return readerOf(source.body as Source);
  }
  if (typeof (source as ReadableStream).getReader === 'function') return fromStream(source as ReadableStream<Uint8Array>);
  if (typeof (source as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    return fromAsyncIterator((source as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]());
  }
  if (typeof (source as Iterable<unknown>)[Symbol.iterator] === 'function') {
    return fromIterator((source as Iterable<Uint8Array | string>)[Symbol.iterator]());
  }
  throw new TypeError('parseMultistatus: unsupported source (expected a Response, ReadableStream, (async) iterable, Uint8Array or string)');
}

/** True for a fetch `Response` (duck-typed so polyfills and undici's class pass too). */
export function isResponse(source: unknown): source is Response {
  return (
    typeof source === 'object' &&
    source !== null &&
    'body' in source &&
    'headers' in source &&
    typeof (source as Response).arrayBuffer === 'function'
  );
}

function sliced<T extends Uint8Array | string>(whole: T, length: number, slice: (a: number, b: number) => T): ChunkReader {
  let at = 0;
  let cancelled = false;
  return {
    next: () => {
      if (cancelled || at >= length) return Promise.resolve({ done: true, value: undefined });
      const end = Math.min(length, at + SLICE);
      const value = slice(at, end);
      at = end;
      return Promise.resolve({ done: false, value });
    },
    cancel: () => {
      cancelled = true;
      return Promise.resolve();
    },
  };
}

function fromStream(stream: ReadableStream<Uint8Array>): ChunkReader {
  const reader = stream.getReader();
  return {
    next: () => reader.read() as Promise<IteratorResult<Uint8Array>>,
    cancel: async (reason) => {
      try {
        await reader.cancel(reason);
      } finally {
        reader.releaseLock();
      }
    },
  };
}

function fromAsyncIterator(it: AsyncIterator<Uint8Array | string>): ChunkReader {
  return {
    next: () => it.next(),
    cancel: async () => {
      await it.return?.();
    },
  };
}

function fromIterator(it: Iterator<Uint8Array | string>): ChunkReader {
  return {
    next: () => {
      try {
        return Promise.resolve(it.next());
      } catch (e) {
        return Promise.reject(e);
      }
    },
    cancel: () => {
      try {
        it.return?.();
      } catch {
        // Nothing to clean up.
      }
      return Promise.resolve();
    },
  };
}
