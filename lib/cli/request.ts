/**
 * How the command talks HTTP, in one place: the library's client options built from the command
 * line ({@link clientOptions}: fetch, headers, credentials, timeout), one PROPFIND or REPORT
 * opened through the library as an {@link Input}, and the library's errors turned into the
 * command's messages ({@link cliHttpError}).
 */
import { MultistatusError } from '../errors.js';
import type { RequestOptions } from '../client/options.js';
import { openRequest } from '../client/request.js';
import { isProtocolError } from '../client/retry.js';
import { plural } from '../plural.js';
import type { Depth } from './args.js';
import type { Credentials } from './credentials.js';
import { HttpError } from './exit.js';
import type { Input } from './input.js';
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

/** Lines of a non-207 body shown. */
const SHOWN_LINES = 12;

/** The library's request options for the command line's `-H`, credentials, `--timeout` and the fetch to use. */
export function clientOptions(spec: Omit<RequestSpec, 'url' | 'method' | 'depth' | 'body'>): RequestOptions {
  const headers: [string, string][] = [['User-Agent', spec.userAgent], ...spec.headers];
  const options: RequestOptions = { headers };
  if (spec.auth !== undefined) options.auth = spec.auth;
  if (spec.fetch !== undefined) options.fetch = spec.fetch;
  if (spec.timeout !== undefined) options.timeout = spec.timeout * 1000;
  return options;
}

/** Sends the request and hands the 207 body on chunk by chunk. Rejects with an {@link HttpError}. */
export async function request(spec: RequestSpec): Promise<Input> {
  const what = `${spec.method} ${spec.url.href}`;
  let opened;
  try {
    opened = await openRequest({ method: spec.method, url: spec.url, depth: libraryDepth(spec.depth), body: spec.body }, clientOptions(spec));
  } catch (e) {
    throw cliHttpError(e, spec);
  }
  const chunks = opened.chunks;
  let bytes = 0;
  return {
    total: opened.length,
    encoding: opened.encoding,
    baseUrl: opened.url,
    async next() {
      let r: IteratorResult<Uint8Array>;
      try {
        r = await chunks.next();
      } catch (e) {
        if (isTimeout(e)) throw new HttpError(`${what}: the body stalled after ${plural(bytes, 'byte')}: nothing for ${spec.timeout} s (--timeout)`);
        throw cliHttpError(e, spec);
      }
      if (r.done) return undefined;
      bytes += r.value.byteLength;
      return r.value;
    },
    async cancel() {
      await chunks.return?.();
    },
  };
}

/** The command line's depth as the library takes it. */
export function libraryDepth(depth: Depth | undefined): 0 | 1 | 'infinity' | undefined {
  return depth === '0' ? 0 : depth === '1' ? 1 : depth;
}

function isTimeout(e: unknown): boolean {
  return e instanceof MultistatusError && e.code === 'SOURCE' && (e.cause as Error | undefined)?.name === 'TimeoutError';
}

/**
 * The command's message for a failure of the library's client: an `HTTP` error with its status
 * line, a hint for 401 and the first lines of the body; a `SOURCE` failure (no connection, a
 * timeout, a broken body) as the library words it. Other errors are returned as they are.
 */
export function cliHttpError(e: unknown, spec: Pick<RequestSpec, 'auth' | 'timeout'> & { method?: string; url?: URL }): unknown {
  if (!(e instanceof MultistatusError)) return e;
  if (e.code === 'SOURCE') {
    if (isTimeout(e) && spec.method !== undefined && spec.url !== undefined && /: no response within /.test(e.message)) {
      return new HttpError(`${spec.method} ${spec.url.href}: no response within ${spec.timeout} s (--timeout)`);
    }
    // fetch refuses this answer every time (Content-Length and Transfer-Encoding both sent…): say what works instead.
    if (isProtocolError(e)) {
      const target = spec.url?.href ?? 'URL';
      return new HttpError(`${e.message}\n  not retried: fetch refuses this answer every time. Save the body with curl and read it from stdin:\n  curl -s -X PROPFIND -H 'Depth: 1' ${target} | multistatus -`);
    }
    return new HttpError(e.message);
  }
  if (e.code !== 'HTTP' || e.http === undefined) return e;
  const http = e.http;
  const walkPrefix = /^walk: listing \S+ failed[^:]*: /.exec(e.message)?.[0] ?? '';
  let message = `${walkPrefix}HTTP ${http.status}${http.statusText ? ` ${http.statusText}` : ''} from ${http.method ?? ''} ${http.url}`;
  if (http.status === 401) {
    const offered = http.wwwAuthenticate ? ` (WWW-Authenticate: ${http.wwwAuthenticate})` : '';
    if (spec.auth === undefined) message += `: the server needs credentials${offered}; give them with -u user (the password is asked for) or --netrc`;
    else if (http.wwwAuthenticate && !/\bbasic\b/i.test(http.wwwAuthenticate)) message += `: -u sends Basic credentials, which this server does not take${offered}`;
    else message += `: the credentials given were refused${offered}`;
  } else if (http.status === 207) {
    message += ': 207 with no body';
  } else {
    message += `, expected 207 Multi-Status${http.contentType ? ` (body: ${http.contentType})` : ''}`;
  }
  return new HttpError(`${message}\n${bodyLines(http.body, http.bodyCut === true)}`);
}

/** The first lines of the body, indented. */
function bodyLines(body: string | undefined, cut: boolean): string {
  if (body === undefined) return '  (empty body)';
  const lines = body.split('\n');
  const shown = lines.slice(0, SHOWN_LINES).map((line) => `  | ${safeLines(line)}`).join('\n');
  return cut || lines.length > SHOWN_LINES ? `${shown}\n  | …` : shown;
}
