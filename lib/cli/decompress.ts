/**
 * Compressed bodies on files and stdin: gzip (`1f 8b`) and zlib-wrapped deflate (`78 01|5e|9c|da`)
 * are recognised by their first bytes, whatever the file is called, and decompressed as a stream:
 * one compressed chunk in, whatever it expands to out, so memory stays flat.
 */
import { Readable, pipeline } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';
import { InputError } from './exit.js';
import type { Input } from './body-input.js';

/** `gzip`, `deflate`, or `undefined` for a body that is neither (judged on its first two bytes). */
export function compressionOf(head: Uint8Array): 'gzip' | 'deflate' | undefined {
  if (head.length < 2) return undefined;
  const a = head[0]!;
  const b = head[1]!;
  if (a === 0x1f && b === 0x8b) return 'gzip';
  if (a === 0x78 && (b === 0x01 || b === 0x5e || b === 0x9c || b === 0xda)) return 'deflate';
  return undefined;
}

/**
 * `input` as it is, or decompressed when its first bytes say gzip or deflate (then `total`, the
 * compressed length, is dropped). Reads the first chunk to decide. `name` is for messages.
 */
export async function decompressed(input: Input, name: string): Promise<Input> {
  const head: Uint8Array[] = [];
  let size = 0;
  while (size < 2) {
    const chunk = await input.next();
    if (chunk === undefined) break;
    head.push(chunk);
    size += chunk.byteLength;
  }
  const kind = compressionOf(head.length === 1 ? head[0]! : Buffer.concat(head));
  const body = kind === undefined ? replay(input, head) : inflate(input, head, kind, name);
  return { ...body, total: kind === undefined ? input.total : undefined, encoding: input.encoding, baseUrl: input.baseUrl };
}

/** The chunks already read, then the rest of `input`. */
function replay(input: Input, held: Uint8Array[]): Input {
  return {
    next: async () => (held.length ? held.shift() : input.next()),
    cancel: () => input.cancel(),
  };
}

function inflate(input: Input, held: Uint8Array[], kind: 'gzip' | 'deflate', name: string): Input {
  let inBytes = 0;
  async function* compressed(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const chunk = held.length ? held.shift() : await input.next();
      if (chunk === undefined) return;
      inBytes += chunk.byteLength;
      yield chunk;
    }
  }
  const zlib = kind === 'gzip' ? createGunzip() : createInflate();
  const source = Readable.from(compressed(), { objectMode: false });
  // An input error (InputError, HttpError) destroys zlib with that same error: it reaches next() as is.
  pipeline(source, zlib, () => undefined);
  const it = zlib[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return {
    async next() {
      try {
        const r = await it.next();
        return r.done ? undefined : r.value;
      } catch (e) {
        if (e instanceof InputError || (e as Error).name === 'HttpError') throw e;
        throw new InputError(`${name}: the ${kind} data is damaged after ${inBytes} compressed bytes: ${(e as Error).message}`);
      }
    },
    async cancel() {
      zlib.destroy();
      await input.cancel();
    },
  };
}
