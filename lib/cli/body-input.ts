/** What the CLI reads a body from (a file, stdin, an HTTP response): its own file, so that input.ts and decompress.ts need not import each other. */
export interface Input {
  /** The next chunk of body bytes, `undefined` at the end. Rejects with an `InputError` or `HttpError`. */
  next(): Promise<Uint8Array | undefined>;
  /** Stop reading and release the file or connection. */
  cancel(): Promise<void>;
  /** Body length in bytes, when known (a regular file, a Content-Length). */
  total?: number;
  /** Charset from a Content-Type. */
  encoding?: string;
  /** The URL the body was fetched from, to resolve hrefs against. */
  baseUrl?: string;
}
