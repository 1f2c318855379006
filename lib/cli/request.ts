/**
 * Sends the PROPFIND or REPORT with `fetch` and hands the 207 body on as an {@link Input}, chunk by
 * chunk. Any other status, a failed connection, a timeout or a body that breaks off is an
 * {@link HttpError} whose message says what happened.
 */
import { charsetOf } from '../charset.js';
import type { Depth } from './args.js';
import type { Credentials } from './credentials.js';
import { HttpError } from './exit.js';
import type { Input } from './input.js';
import { plural } from '../plural.js';
import { safeLines } from './safe-text.js';

export interface RequestSpec {
  url: URL;
  method: 'PROPFIND' | 'REPORT';
  /** No Depth header when undefined. */
  depth?: Depth;
  body: string;
  /** Extra headers from `-H`: the first of a name replaces the default, later ones add to it. */
  headers: readonly [string, string][];
  /** Basic authentication (credentials.ts). */
  auth?: Credentials;
  /** The fetch to use (transport.ts: proxies, TLS options); default the global one. */
  fetch?: typeof fetch;
  /** Seconds to wait for the response headers, then for each chunk of the body. */
  timeout?: number;
  userAgent: string;
}

/** How much of a non-207 body is shown. */
const SHOWN_BYTES = 800;
const SHOWN_LINES = 12;

export async function request(spec: RequestSpec): Promise<Input> {
  const what = `${spec.method} ${spec.url.href}`;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const arm = (): void => {
    if (spec.timeout === undefined) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`timed out after ${spec.timeout} s`));
    }, spec.timeout * 1000);
  };
  const disarm = (): void => clearTimeout(timer);

  arm();
  let res: Response;
  try {
    res = await (spec.fetch ?? fetch)(spec.url, {
      method: spec.method,
      headers: requestHeaders(spec),
      body: spec.body,
      redirect: 'follow',
      signal: controller.signal,
    });
  } catch (e) {
    disarm();
    if (timedOut) throw new HttpError(`${what}: no response within ${spec.timeout} s (--timeout)`);
    throw new HttpError(`${what}: ${networkError(e)}`);
  }

  if (res.status !== 207 || res.body === null) {
    let shown: string;
    try {
      shown = await bodyStart(res, arm);
    } catch {
      shown = timedOut ? `(no body within ${spec.timeout} s)` : '(the body could not be read)';
    }
    disarm();
    throw new HttpError(statusMessage(res, what, spec) + '\n' + shown);
  }

  const reader = res.body.getReader();
  const encodingHeader = res.headers.get('content-encoding');
  const length = Number(res.headers.get('content-length') ?? NaN);
  const compressed = encodingHeader !== null && encodingHeader.trim().toLowerCase() !== 'identity';
  let bytes = 0;
  return {
    // fetch undoes Content-Encoding: then Content-Length counts other bytes than the parser gets.
    total: !compressed && Number.isSafeInteger(length) && length >= 0 ? length : undefined,
    encoding: charsetOf(res.headers.get('content-type')),
    baseUrl: res.url || spec.url.href,
    async next() {
      arm();
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (e) {
        disarm();
        if (timedOut) throw new HttpError(`${what}: the body stalled after ${plural(bytes, 'byte')}: nothing for ${spec.timeout} s (--timeout)`);
        throw new HttpError(`${what}: the body broke off after ${plural(bytes, 'byte')}: ${networkError(e)}`);
      }
      // The clock runs only while waiting for the server, not while a slow reader of stdout holds us up.
      disarm();
      if (chunk.done) return undefined;
      bytes += chunk.value.byteLength;
      return chunk.value;
    },
    async cancel() {
      disarm();
      await reader.cancel().catch(() => undefined);
    },
  };
}

function requestHeaders(spec: RequestSpec): Headers {
  const headers = new Headers({ 'Content-Type': 'application/xml; charset=utf-8', 'User-Agent': spec.userAgent });
  if (spec.depth !== undefined) headers.set('Depth', spec.depth);
  if (spec.auth !== undefined) {
    headers.set('Authorization', `Basic ${Buffer.from(`${spec.auth.username}:${spec.auth.password}`, 'utf8').toString('base64')}`);
  }
  const given = new Set<string>();
  for (const [name, value] of spec.headers) {
    const key = name.toLowerCase();
    if (given.has(key)) headers.append(name, value);
    else headers.set(name, value);
    given.add(key);
  }
  return headers;
}

function statusMessage(res: Response, what: string, spec: RequestSpec): string {
  const type = res.headers.get('content-type');
  let message = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''} from ${what}`;
  if (res.status === 401) {
    const challenge = res.headers.get('www-authenticate');
    const offered = challenge ? ` (WWW-Authenticate: ${challenge})` : '';
    if (spec.auth === undefined) {
      message += `: the server needs credentials${offered}; give them with -u user (the password is asked for) or --netrc`;
    } else if (challenge && !/\bbasic\b/i.test(challenge)) {
      message += `: -u sends Basic credentials, which this server does not take${offered}`;
    } else {
      message += `: the credentials given were refused${offered}`;
    }
  } else if (res.status === 207) {
    message += ': 207 with no body';
  } else {
    message += `, expected 207 Multi-Status${type ? ` (body: ${type})` : ''}`;
  }
  return message;
}

/** The first lines of the body, indented, for the error message. */
async function bodyStart(res: Response, arm: () => void): Promise<string> {
  if (res.body === null) return '  (no body)';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let complete = false;
  try {
    while (size < SHOWN_BYTES) {
      arm();
      const r = await reader.read();
      if (r.done) {
        complete = true;
        break;
      }
      chunks.push(r.value);
      size += r.value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const bytes = Buffer.concat(chunks).subarray(0, SHOWN_BYTES);
  let text = new TextDecoder('utf-8').decode(bytes).trim();
  if (text === '') return '  (empty body)';
  let lines = text.split(/\r?\n/);
  const cut = !complete || size > SHOWN_BYTES || lines.length > SHOWN_LINES;
  lines = lines.slice(0, SHOWN_LINES);
  text = lines.map((line) => `  | ${safeLines(line)}`).join('\n');
  return cut ? `${text}\n  | …` : text;
}

/** `connect ECONNREFUSED 127.0.0.1:1` rather than fetch's bare `fetch failed`. */
function networkError(e: unknown): string {
  const parts: string[] = [];
  for (let err: unknown = e; err instanceof Error && parts.length < 4; err = err.cause) {
    const msg = err instanceof AggregateError && err.errors.length ? `${err.message} ${networkError(err.errors[0])}` : err.message;
    if (msg && !parts.includes(msg)) parts.push(msg);
  }
  return parts.length ? parts.join(': ') : String(e);
}
