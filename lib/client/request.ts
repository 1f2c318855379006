/**
 * Sends one WebDAV request with `fetch` and opens its 207 body as a cancellable stream of chunks.
 * A non-207 answer is `HTTP`; a failed connection, a timeout or a body that breaks off is `SOURCE`
 * with the cause; the caller's signal is `ABORTED`.
 */
import { charsetOf } from '../charset.js';
import { MultistatusError } from '../errors.js';
import { httpError } from '../http-error.js';
import type { Depth, RequestOptions } from './options.js';
import { WaitClock } from './timer.js';

/** One request. */
export interface RequestSpec {
  method: string;
  url: string | URL;
  /** No Depth header when undefined. */
  depth?: Depth | undefined;
  /** The XML request body. */
  body: string;
}

/** A 207 answer, its body not read yet. */
export interface OpenedBody {
  /** The URL that answered (after redirects): the base for its hrefs. */
  url: string;
  /** The charset of its Content-Type. */
  encoding?: string;
  /** The Content-Length, when the body is not content-encoded. */
  length?: number;
  /** The body's chunks; `return()` cancels the body and releases the connection. */
  chunks: AsyncIterableIterator<Uint8Array>;
}

/** Base64 of the UTF-8 bytes of `text` (no Buffer: web APIs only). */
function base64(text: string): string {
  let binary = '';
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The request headers: defaults, then the caller's (which replace a default of the same name). */
export function requestHeaders(spec: RequestSpec, options: RequestOptions): Headers {
  const headers = new Headers({ 'Content-Type': 'application/xml; charset=utf-8' });
  if (spec.depth !== undefined) headers.set('Depth', String(spec.depth));
  if (options.auth) headers.set('Authorization', `Basic ${base64(`${options.auth.username}:${options.auth.password}`)}`);
  if (options.headers !== undefined) for (const [name, value] of new Headers(options.headers)) headers.set(name, value);
  return headers;
}

/**
 * Sends `spec` and resolves once a 207 answer's headers are in. `stop` (internal) aborts too.
 * Rejects with `HTTP`, `SOURCE` or `ABORTED`.
 */
export async function openRequest(spec: RequestSpec, options: RequestOptions, stop?: AbortSignal): Promise<OpenedBody> {
  const url = typeof spec.url === 'string' ? spec.url : spec.url.href;
  const what = `${spec.method} ${url}`;
  const clock = new WaitClock(options.timeout, [options.signal, stop]);
  const doFetch = options.fetch ?? globalThis.fetch;
  const failure = (e: unknown, during: string): MultistatusError => {
    if (e instanceof MultistatusError) return e;
    if (options.signal?.aborted) {
      const reason: unknown = options.signal.reason;
      return new MultistatusError('ABORTED', `${what} was aborted${reason instanceof Error ? `: ${reason.message}` : ''}`, {}, reason);
    }
    if (stop?.aborted) return new MultistatusError('ABORTED', `${what} was stopped`, {}, stop.reason);
    if (clock.timedOut) return new MultistatusError('SOURCE', `${what}: ${during} within ${options.timeout} ms`, {}, clock.signal.reason);
    return new MultistatusError('SOURCE', `${what}: ${networkError(e)}`, {}, e);
  };

  clock.arm();
  let res: Response;
  try {
    res = await doFetch(url, { method: spec.method, headers: requestHeaders(spec, options), body: spec.body, redirect: 'follow', signal: clock.signal });
  } catch (e) {
    clock.dispose();
    throw failure(e, 'no response');
  }
  clock.disarm();

  const read = async (reader: ReadableStreamDefaultReader<Uint8Array>): Promise<ReadableStreamReadResult<Uint8Array>> => {
    clock.arm();
    try {
      return await reader.read();
    } finally {
      clock.disarm();
    }
  };
  if (res.status !== 207 || res.body === null) {
    try {
      throw await httpError(res, spec.method, url, read);
    } finally {
      clock.dispose();
    }
  }

  const reader = res.body.getReader();
  let bytes = 0;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    clock.dispose();
    await reader.cancel().catch(() => undefined);
  };
  const chunks: AsyncIterableIterator<Uint8Array> = {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (closed) return { done: true, value: undefined };
      let r: ReadableStreamReadResult<Uint8Array>;
      try {
        r = await read(reader);
      } catch (e) {
        const err = clock.timedOut
          ? new MultistatusError('SOURCE', `${what}: the body stalled after ${bytes} bytes: nothing for ${options.timeout} ms`, { offset: bytes }, clock.signal.reason)
          : options.signal?.aborted || stop?.aborted
            ? failure(e, '')
            : new MultistatusError('SOURCE', `${what}: the body broke off after ${bytes} bytes: ${networkError(e)}`, { offset: bytes }, e);
        await close();
        throw err;
      }
      if (r.done) {
        closed = true;
        clock.dispose();
        return { done: true, value: undefined };
      }
      bytes += r.value.byteLength;
      return { done: false, value: r.value };
    },
    async return() {
      await close();
      return { done: true, value: undefined };
    },
  };
  const opened: OpenedBody = { url: res.url || url, chunks };
  const encoding = charsetOf(res.headers.get('content-type'));
  if (encoding !== undefined) opened.encoding = encoding;
  const contentEncoding = res.headers.get('content-encoding');
  const length = Number(res.headers.get('content-length') ?? NaN);
  // fetch undoes Content-Encoding: then Content-Length counts other bytes than the parser gets.
  if ((contentEncoding === null || contentEncoding.trim().toLowerCase() === 'identity') && Number.isSafeInteger(length) && length >= 0) {
    opened.length = length;
  }
  return opened;
}

/** `connect ECONNREFUSED 127.0.0.1:1` rather than fetch's bare `fetch failed`. */
export function networkError(e: unknown): string {
  const parts: string[] = [];
  for (let err: unknown = e; err instanceof Error && parts.length < 4; err = err.cause) {
    const msg = err instanceof AggregateError && err.errors.length ? `${err.message} ${networkError(err.errors[0])}` : err.message;
    if (msg && !parts.includes(msg)) parts.push(msg);
  }
  return parts.length ? parts.join(': ') : String(e);
}
