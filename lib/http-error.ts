/**
 * A non-207 answer as a {@link MultistatusError} of code `HTTP`: status, request, challenge and the
 * bounded start of the body, control characters escaped.
 */
import { MultistatusError } from './errors.js';
import type { HttpDetails } from './errors.js';

/** Bytes of a non-207 body kept in the error. */
export const BODY_START_BYTES = 1024;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Control characters (C0 but newline and tab, DEL, C1, bidi controls) as `\xNN` / `\uNNNN`. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * Reads at most {@link BODY_START_BYTES} of `res`'s body, cancels the rest, and returns the
 * `HTTP` error. `read` reads one chunk (the caller's timeout applies); it may throw, then the
 * body is left out.
 */
export async function httpError(
  res: Response,
  method: string | undefined,
  url: string,
  read?: (reader: ReadableStreamDefaultReader<Uint8Array>) => Promise<ReadableStreamReadResult<Uint8Array>>,
): Promise<MultistatusError> {
  const details: HttpDetails = { status: res.status, statusText: res.statusText ?? '', url: res.url || url };
  if (method !== undefined) details.method = method;
  const challenge = res.headers.get('www-authenticate');
  if (challenge !== null) details.wwwAuthenticate = challenge;
  const type = res.headers.get('content-type');
  if (type !== null) details.contentType = type;
  const retryAfter = retryAfterMs(res.headers.get('retry-after'));
  if (retryAfter !== undefined) details.retryAfterMs = retryAfter;
  try {
    const start = await bodyStart(res, read);
    if (start !== undefined) {
      details.body = start.text;
      if (start.cut) details.bodyCut = true;
    }
  } catch {
    // The body could not be read: the status says enough.
  }
  return httpErrorOf(details);
}

/** The error for `details`: `HTTP 404 Not Found from PROPFIND http://…: <first line of the body>`. */
export function httpErrorOf(details: HttpDetails, cause?: unknown): MultistatusError {
  const request = [details.method, details.url].filter((x) => x).join(' ');
  let message = `HTTP ${details.status}${details.statusText ? ` ${details.statusText}` : ''}${request ? ` from ${request}` : ''}`;
  if (details.status === 207) message += ' with no body';
  const line = details.body?.split('\n').find((l) => l.trim() !== '');
  if (line !== undefined) message += `: ${line.trim().slice(0, 160)}${details.bodyCut || line.trim().length > 160 ? '…' : ''}`;
  return new MultistatusError('HTTP', message, {}, cause, details);
}

async function bodyStart(
  res: Response,
  read = (r: ReadableStreamDefaultReader<Uint8Array>) => r.read(),
): Promise<{ text: string; cut: boolean } | undefined> {
  if (res.body === null || res.body === undefined || typeof res.body.getReader !== 'function') return undefined;
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let complete = false;
  try {
    while (size <= BODY_START_BYTES) {
      const r = await read(reader);
      if (r.done) {
        complete = true;
        break;
      }
      chunks.push(r.value);
      size += r.value.byteLength;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(Math.min(size, BODY_START_BYTES));
  let at = 0;
  for (const c of chunks) {
    const part = c.subarray(0, bytes.length - at);
    bytes.set(part, at);
    at += part.byteLength;
    if (at >= bytes.length) break;
  }
  // A multi-byte character cut at the end is dropped rather than shown as U+FFFD.
  const text = new TextDecoder('utf-8').decode(bytes, { stream: !complete || size > BODY_START_BYTES });
  const trimmed = escapeControls(text.replace(/\r\n?/g, '\n')).trim();
  if (trimmed === '') return undefined;
  return { text: trimmed, cut: !complete || size > BODY_START_BYTES };
}

/** `Retry-After` (seconds or an HTTP date) in ms from now; undefined when absent or not understood. */
export function retryAfterMs(value: string | null): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const when = Date.parse(v);
  if (Number.isNaN(when)) return undefined;
  return Math.max(0, when - Date.now());
}
