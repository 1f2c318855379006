/**
 * Runs the stream face and the iterator face over a set of bodies, fed in chunks of several sizes,
 * and returns everything they produced (responses, summary, or the error) as plain JSON, so that a
 * run with native web streams and a run on web-streams-polyfill's can be compared exactly.
 *
 * The library and the ReadableStream class are passed in: the caller decides which ones run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Library from '../../lib/index.js';
import { listingChunks } from '../browser/listing.js';

type Lib = typeof Library;

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Body {
  name: string;
  bytes: Uint8Array;
}

/** A generated Apache-like listing (always there) and every `*.xml` under fixtures/, by name. */
export function bodies(): Body[] {
  const listing = new TextEncoder().encode([...listingChunks(40)].join(''));
  const found: Body[] = [{ name: 'generated/listing-40.xml', bytes: listing }];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.xml')) found.push({ name: path.relative(repoRoot, file), bytes: readFileSync(file) });
    }
  };
  walk(path.join(repoRoot, 'fixtures'));
  return found;
}

/** Chunk sizes each body is fed in: whole, 4 KiB, and 7 bytes (the last only for small bodies). */
function chunkings(size: number): number[] {
  const sizes = [Infinity, 4096];
  if (size <= 64 * 1024) sizes.push(7);
  return sizes;
}

function split(bytes: Uint8Array, size: number): Uint8Array[] {
  if (size >= bytes.length) return [bytes];
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

/** Dates, bigints, non-finite numbers and errors made JSON-comparable; key order kept. */
export function plain(value: unknown): unknown {
  if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString() };
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
  if (value instanceof Error) {
    const e = value as Error & { code?: unknown; line?: unknown; column?: unknown; offset?: unknown };
    return { $error: e.name, code: e.code, message: e.message, line: e.line, column: e.column, offset: e.offset };
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

export interface FaceRun {
  responses: unknown[];
  summary?: unknown;
  error?: unknown;
}

export interface BodyRun {
  name: string;
  chunk: string;
  stream: FaceRun;
  iterator: FaceRun;
}

type ReadableStreamClass = new <R>(source: UnderlyingDefaultSource<R>) => ReadableStream<R>;

async function viaStream(lib: Lib, RS: ReadableStreamClass, chunks: Uint8Array[]): Promise<FaceRun> {
  const run: FaceRun = { responses: [] };
  const source = new RS<Uint8Array>({
    pull(controller) {
      const next = chunks.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
  const stream = new lib.MultistatusStream();
  const summary = stream.summary.then(
    (s) => ({ ok: true as const, s }),
    (e: unknown) => ({ ok: false as const, e }),
  );
  try {
    const reader = source.pipeThrough(stream).getReader();
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      run.responses.push(plain(value));
    }
  } catch (error) {
    run.error = plain(error);
  }
  const settled = await summary;
  if (settled.ok) run.summary = plain(settled.s);
  else run.error ??= plain(settled.e);
  return run;
}

async function viaIterator(lib: Lib, chunks: Uint8Array[]): Promise<FaceRun> {
  const run: FaceRun = { responses: [] };
  async function* source() {
    for (const chunk of chunks) yield chunk;
  }
  const responses = lib.parseMultistatus(source());
  try {
    for await (const r of responses) run.responses.push(plain(r));
    run.summary = plain(await responses.summary());
  } catch (error) {
    run.error = plain(error);
  }
  return run;
}

export async function runFaces(lib: Lib, RS: ReadableStreamClass): Promise<BodyRun[]> {
  const runs: BodyRun[] = [];
  for (const body of bodies()) {
    for (const size of chunkings(body.bytes.length)) {
      runs.push({
        name: body.name,
        chunk: String(size),
        stream: await viaStream(lib, RS, split(body.bytes, size)),
        iterator: await viaIterator(lib, split(body.bytes, size)),
      });
    }
  }
  return runs;
}
