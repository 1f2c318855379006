/**
 * Sends one write method through the client's request path (`openRequest`: credentials, headers,
 * timeout, signal, injected fetch) and says what came back: a 207 to read entry by entry, or a
 * 2xx other than 207 (success; for LOCK with the token and the `lockdiscovery` of its body).
 */
import { MultistatusError } from '../errors.js';
import type { ParseOptions } from '../types.js';
import type { Depth, RequestOptions } from './options.js';
import { openResponse } from './outcome.js';
import type { OpenedOutcome } from './outcome.js';
import { parseOpened } from './propfind.js';
import { openRequest } from './request.js';

/** One write request. */
export interface WriteSpec {
  method: string;
  url: string;
  depth?: Depth | undefined;
  /** The XML body; `''` for none (then no Content-Type is sent). */
  body: string;
  /** The method's own headers (Destination, Overwrite, Lock-Token, Timeout…); the caller's `headers` win. */
  headers?: Record<string, string>;
}

const isPlainSuccess = (status: number): boolean => status >= 200 && status <= 299 && status !== 207;

/**
 * Sends `spec`. A 2xx other than 207 comes back through `openRequest` as an `HTTP` error: the
 * fetch is wrapped so that `openRequest` sees a bodiless copy of that answer, and the real one
 * (headers and body) is kept here.
 */
export async function sendWrite(spec: WriteSpec, request: RequestOptions, parse: ParseOptions, stop?: AbortSignal): Promise<OpenedOutcome> {
  const headers = new Headers(spec.headers);
  if (request.headers !== undefined) for (const [name, value] of new Headers(request.headers)) headers.set(name, value);
  const inner = request.fetch ?? globalThis.fetch;
  let answer: Response | undefined;
  const wrapped = (async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    let sent = init;
    if (init !== undefined && init.body === '') {
      const without = new Headers(init.headers);
      if (spec.headers?.['Content-Type'] === undefined && !hasHeader(request.headers, 'content-type')) without.delete('content-type');
      sent = { ...init, headers: without, body: null };
    }
    const res = await inner(input, sent);
    answer = res;
    if (!isPlainSuccess(res.status)) return res;
    return new Response(null, { status: res.status, statusText: res.statusText, headers: res.headers });
  }) as typeof fetch;

  try {
    const opened = await openRequest({ method: spec.method, url: spec.url, depth: spec.depth, body: spec.body }, { ...request, headers, fetch: wrapped }, stop);
    const out: OpenedOutcome = { status: 207, responses: parseOpened(opened, parse) };
    const location = answer?.headers.get('location');
    if (location !== null && location !== undefined) out.location = location;
    return out;
  } catch (e) {
    if (e instanceof MultistatusError && e.code === 'HTTP' && answer !== undefined && isPlainSuccess(answer.status) && e.status === answer.status) {
      return openResponse(answer, parse, spec.method, answer.url || spec.url);
    }
    throw e;
  }
}

function hasHeader(headers: RequestOptions['headers'], name: string): boolean {
  return headers !== undefined && new Headers(headers).has(name);
}
