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
  | 'USAGE';

/** Where an error happened, when it comes from the XML. */
export interface ErrorPosition {
  /** 1-based line. */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** 0-based byte offset into the body. */
  offset?: number;
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

  constructor(code: MultistatusErrorCode, message: string, position: ErrorPosition = {}, cause?: unknown) {
    super(message + formatPosition(position), cause === undefined ? undefined : { cause });
    this.code = code;
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
