/** Which failures are worth another try, and how long to wait before it. */
import { MultistatusError } from '../errors.js';

/** HTTP statuses that say "try again later". */
const TRANSIENT_STATUS = new Set([408, 429, 502, 503, 504]);

/**
 * A failure that may not happen again: a connection that failed or broke off, a timeout, a body
 * cut short, or a 408/429/502/503/504 answer. Not an abort, not a parse error, not another status.
 */
export function isTransient(e: unknown): boolean {
  if (!(e instanceof MultistatusError)) return false;
  if (e.code === 'SOURCE' || e.code === 'TRUNCATED') return true;
  return e.code === 'HTTP' && e.status !== undefined && TRANSIENT_STATUS.has(e.status);
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
