/** Stable error codes of {@link MultistatusError}. */
export type MultistatusErrorCode =
  /** The body is not well-formed XML. */
  | 'XML_SYNTAX'
  /** The root element is not `{DAV:}multistatus` (an HTML error page, a `DAV:error` body, empty). */
  | 'NOT_MULTISTATUS'
  /** The stream ended inside the document. */
  | 'TRUNCATED'
  /** Bytes that are invalid in the body's character encoding, or an unsupported encoding. */
  | 'ENCODING'
  /** A resource limit was passed; the message names the limit and the option that raises it. */
  | 'LIMIT_EXCEEDED'
  /** The `signal` was aborted. */
  | 'ABORTED'
  /** The source failed (network reset...); `cause` holds its error. */
  | 'SOURCE'
  /** Strict mode: a quirk that is tolerated otherwise. */
  | 'STRICT'
  /** The parser was misused (write after end...). */
  | 'USAGE'
  /** The server answered a request with a status other than 207 (client layer); see {@link HttpDetails}. */
  | 'HTTP'
  /** A write method's 207 held an entry that is not 2xx (client layer); see `PartialFailureError`. */
  | 'PARTIAL_FAILURE';

/** Where an error happened, when it comes from the XML. */
export interface ErrorPosition {
  /** 1-based line. */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** 0-based byte offset into the body. */
  offset?: number;
}

/** What a non-207 answer was: carried by a {@link MultistatusError} of code `HTTP`. */
export interface HttpDetails {
  /** The HTTP status code (404, 403...). */
  status: number;
  /** The reason phrase, `""` when the server sent none (HTTP/2). */
  statusText: string;
  /** The request method, when known (`PROPFIND`, `REPORT`). */
  method?: string;
  /** The URL that answered (after redirects). */
  url: string;
  /** The `WWW-Authenticate` challenge, if any. */
  wwwAuthenticate?: string;
  /** The `Content-Type` of the body, if any. */
  contentType?: string;
  /** The start of the body (at most 1 KiB), control characters escaped, newlines kept. */
  body?: string;
  /** `true` when {@link body} is only the start of the body. */
  bodyCut?: boolean;
  /** `Retry-After` in milliseconds, when the server sent one it could understand. */
  retryAfterMs?: number;
}

/**
 * The only error type this library throws. Responses delivered before it stay valid.
 *
 * @example
 * try {
 *   for await (const r of parseMultistatus(res)) console.log(r.href);
 * } catch (e) {
 *   if (e instanceof MultistatusError && e.code === 'NOT_MULTISTATUS') console.error('not a 207 body:', e.message);
 *   else throw e;
 * }
 */
export class MultistatusError extends Error {
  override name = 'MultistatusError';
  readonly code: MultistatusErrorCode;
  readonly line?: number;
  readonly column?: number;
  /** Byte offset into the body. */
  readonly offset?: number;
  /** Code `HTTP`: the status code of the answer. */
  readonly status?: number;
  /** Code `HTTP`: the status, the request, the challenge and the start of the body. */
  readonly http?: HttpDetails;

  constructor(code: MultistatusErrorCode, message: string, position: ErrorPosition = {}, cause?: unknown, http?: HttpDetails) {
    super(message + formatPosition(position), cause === undefined ? undefined : { cause });
    this.code = code;
    if (http !== undefined) {
      this.http = http;
      this.status = http.status;
    }
    if (position.line !== undefined) this.line = position.line;
    if (position.column !== undefined) this.column = position.column;
    if (position.offset !== undefined) this.offset = position.offset;
  }
}

function formatPosition(p: ErrorPosition): string {
  const parts: string[] = [];
  if (p.line !== undefined) parts.push(`line ${p.line}`);
  if (p.column !== undefined) parts.push(`column ${p.column}`);
  if (p.offset !== undefined) parts.push(`byte ${p.offset}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
