/** Where the body comes from: a file, stdin or (see request.ts) an HTTP response, read chunk by chunk. */
import { createReadStream, fstatSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { InputError } from './exit.js';

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

const CHUNK = 64 * 1024;

/** A file, or `-` for stdin. */
export async function openLocal(path: string): Promise<Input> {
  if (path === '-') return fromReadable(process.stdin, 'stdin', stdinSize());
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError(`${path} is a directory`);
    size = st.isFile() ? st.size : NaN;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read ${path}: ${(e as Error).message}`);
  }
  return fromReadable(createReadStream(path, { highWaterMark: CHUNK }), path, Number.isNaN(size) ? undefined : size);
}

/** The length of stdin when it is a regular file (`multistatus - < body.xml`). */
function stdinSize(): number | undefined {
  try {
    const st = fstatSync(0);
    return st.isFile() ? st.size : undefined;
  } catch {
    return undefined;
  }
}

function fromReadable(stream: Readable, name: string, total: number | undefined): Input {
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  let bytes = 0;
  return {
    total,
    async next() {
      let r: IteratorResult<Buffer | string>;
      try {
        r = await it.next();
      } catch (e) {
        throw new InputError(`reading ${name} failed after ${bytes} bytes: ${(e as Error).message}`);
      }
      if (r.done) return undefined;
      const chunk = typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value;
      bytes += chunk.byteLength;
      return chunk;
    },
    async cancel() {
      await it.return?.().catch(() => undefined);
    },
  };
}
