/**
 * Which failures are worth another try, and how long to wait before it.
 *
 * Transient (retried): a connection refused, reset, aborted or timed out; a body that broke off
 * (the connection closed mid-body); no answer within `timeout`; and the statuses that say "try
 * again later": 408, 429, 502, 503 and 504 (with `Retry-After` obeyed up to `maxRetryDelay`).
 * Everything else fails at once: the other statuses (500, 501, 507, 4xx…), an answer `fetch`
 * refuses as not HTTP/1.1 (`Content-Length` and `Transfer-Encoding` both sent…), a TLS or
 * certificate error, a host name that does not resolve, a body that is not well-formed or ends
 * inside the document while the connection closed cleanly (the server sends the same again),
 * and an abort.
 */
import { MultistatusError } from '../errors.js';

/** HTTP statuses that say "try again later". */
const TRANSIENT_STATUS = new Set([408, 429, 502, 503, 504]);

/** Error codes (Node's `err.code`, undici's) of a connection that failed or broke off for now. */
const TRANSIENT_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EAI_AGAIN',
  'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT',
]);

/** How browsers word a connection that failed (they give no code). */
const BROWSER_NETWORK = /^(Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed|network error)$/i;

/**
 * `fetch` refused the answer as not HTTP/1.1 (undici's llhttp codes are `HPE_*`; with both
 * `Content-Length` and `Transfer-Encoding` sent, undici may instead find the body's length unlike
 * the header, `UND_ERR_RES_CONTENT_LENGTH_MISMATCH`, depending on how the bytes arrive): it will every time.
 */
export function isProtocolError(e: unknown): boolean {
  for (let err: unknown = e, n = 0; err instanceof Error && n < 6; err = err.cause, n++) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('HPE_') || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH')) return true;
    if (/does not match the HTTP\/1\.1 protocol/i.test(err.message)) return true;
  }
  return false;
}

/** The error, or one of its causes, is a timeout or carries a transient connection code. */
function transientCause(e: unknown): boolean {
  for (let err: unknown = e, n = 0; err instanceof Error && n < 6; err = err.cause, n++) {
    if (err.name === 'TimeoutError') return true;
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
    if (err instanceof AggregateError && err.errors.some(transientCause)) return true;
    // Browsers say only this much about a network failure.
    if (err.name === 'TypeError' && code === undefined && err.cause === undefined && BROWSER_NETWORK.test(err.message)) return true;
  }
  return false;
}

/**
 * A failure that may not happen again (see the file's comment for the set): a `SOURCE` failure
 * whose cause is a timeout or a transient connection code, or an `HTTP` 408/429/502/503/504.
 */
export function isTransient(e: unknown): boolean {
  if (!(e instanceof MultistatusError)) return false;
  if (e.code === 'HTTP') return e.status !== undefined && TRANSIENT_STATUS.has(e.status);
  if (e.code !== 'SOURCE') return false;
  return !isProtocolError(e) && transientCause(e.cause);
}

/** Backoff before retry number `attempt` (1-based): the server's `Retry-After` if any, else `base` doubled each time; at most `max`. */
export function retryDelay(e: unknown, attempt: number, base: number, max: number): number {
  const asked = e instanceof MultistatusError ? e.http?.retryAfterMs : undefined;
  const ms = asked ?? base * 2 ** (attempt - 1);
  return Math.min(Math.max(0, ms), max);
}

/** Waits `ms`, or less if `signal` aborts (then it resolves too: the caller checks the signal). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
