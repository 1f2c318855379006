/** Where the body comes from: a file, stdin or (see request.ts) an HTTP response, read chunk by chunk. */
import { createReadStream, fstatSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { decompressed } from './decompress.js';
import { plural } from '../plural.js';
import { InputError } from './exit.js';
import type { Input } from './body-input.js';

export type { Input } from './body-input.js';

const CHUNK = 64 * 1024;

/** A file, or `-` for stdin; gzip and deflate bodies are decompressed on the way (decompress.ts). */
export async function openLocal(path: string): Promise<Input> {
  if (path === '-') return decompressed(fromReadable(process.stdin, 'stdin', stdinSize()), 'stdin');
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError(`${path} is a directory`);
    size = st.isFile() ? st.size : NaN;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const hint = code === 'ENOENT' ? schemeHint(path) : '';
    throw new InputError(`cannot read ${path}: ${(e as Error).message}${hint}`);
  }
  return decompressed(fromReadable(createReadStream(path, { highWaterMark: CHUNK }), path, Number.isNaN(size) ? undefined : size), path);
}

/**
 * For a missing file that looks like a URL without its scheme (`dav.example/files/`,
 * `127.0.0.1:8080/`, `localhost/dav`): the URL to give instead.
 */
export function schemeHint(path: string): string {
  const m = /^(localhost|\[[0-9a-f:.]+\]|[a-z0-9-]+(?:\.[a-z0-9-]+)+)(:\d{1,5})?(\/.*)?$/i.exec(path);
  if (!m) return '';
  // A dotted name with no port and no path (listing.xml) is a file name, not a host.
  if (m[2] === undefined && m[3] === undefined && !/^(localhost|\[|\d+\.\d+\.\d+\.\d+$)/i.test(path)) return '';
  // A name without a port is most likely a public server (https); an address or a port, a local one.
  const local = m[2] !== undefined || /^(localhost|\[|\d+\.\d+\.\d+\.\d+$)/i.test(m[1]!);
  const scheme = m[2] === ':443' || !local ? 'https' : 'http';
  return `; to fetch it, give the scheme: ${scheme}://${path}${m[3] === undefined ? '/' : ''}`;
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
        throw new InputError(`reading ${name} failed after ${plural(bytes, 'byte')}: ${(e as Error).message}`);
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
