/**
 * Helpers for the CHECKLIST §3 edge-case tests (test/unit/checklist-*.test.ts): read an RFC example
 * from fixtures/rfc, run a body through all three faces (iterator, TransformStream, push parser)
 * and require that they agree, cut bodies into chunks.
 */
import { mulberry32 } from './prng.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { MultistatusError, MultistatusParser, MultistatusStream, parseMultistatus } from '../../lib/index.js';
import type { Diagnostic, MultistatusSummary, AnyParseOptions, ParseOptions } from '../../lib/index.js';
import type { DavResponse } from '../../lib/parser/model.js';
import { FIXTURES_DIR } from './fixtures.js';

export type Chunk = Uint8Array | string;
export type Body = Chunk | Chunk[];

export interface Parsed {
  responses: DavResponse[];
  summary: MultistatusSummary;
}

export interface Failed {
  /** Responses delivered before the error. */
  responses: DavResponse[];
  error: MultistatusError;
}

/** The bytes of `fixtures/rfc/<name>` (name with or without `.xml`). */
export function rfc(name: string): Uint8Array {
  const file = name.endsWith('.xml') ? name : `${name}.xml`;
  return new Uint8Array(readFileSync(join(FIXTURES_DIR, 'rfc', file)));
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Cuts bytes (or text) into pieces of `size` units. */
export function pieces<T extends Chunk>(body: T, size: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < body.length; i += size) out.push(body.slice(i, i + size) as T);
  return out;
}

/** Cuts bytes (or text) at the given offsets. */
export function cutAt<T extends Chunk>(body: T, ...offsets: number[]): T[] {
  const out: T[] = [];
  let from = 0;
  for (const at of [...offsets].sort((a, b) => a - b)) {
    out.push(body.slice(from, at) as T);
    from = at;
  }
  out.push(body.slice(from) as T);
  return out;
}

/** A small deterministic PRNG (mulberry32) for reproducible random splits. */
export const seeded = mulberry32;

/** Cuts bytes into random pieces of 1..maxSize bytes, reproducibly from `seed`. */
export function randomPieces(body: Uint8Array, seed: number, maxSize = 17): Uint8Array[] {
  const rnd = seeded(seed);
  const out: Uint8Array[] = [];
  let i = 0;
  while (i < body.length) {
    const n = 1 + Math.floor(rnd() * maxSize);
    out.push(body.slice(i, i + n));
    i += n;
  }
  return out;
}

function chunksOf(body: Body): Chunk[] {
  return Array.isArray(body) ? body : [body];
}

type Outcome = { ok: true; responses: DavResponse[]; summary: MultistatusSummary } | { ok: false; responses: DavResponse[]; error: unknown };

async function viaIterator(body: Body, options: AnyParseOptions): Promise<Outcome> {
  const responses: DavResponse[] = [];
  const it = parseMultistatus(chunksOf(body), options as ParseOptions);
  try {
    for await (const r of it) responses.push(r);
    return { ok: true, responses, summary: await it.summary() };
  } catch (error) {
    return { ok: false, responses, error };
  }
}

async function viaStream(body: Body, options: AnyParseOptions): Promise<Outcome> {
  const chunks = chunksOf(body);
  const source = new ReadableStream<Chunk>({
    start(c) {
      for (const chunk of chunks) c.enqueue(chunk);
      c.close();
    },
  });
  const ms = new MultistatusStream(options as ParseOptions);
  const reader = source.pipeThrough(ms).getReader();
  const responses: DavResponse[] = [];
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      responses.push(r.value);
    }
    return { ok: true, responses, summary: await ms.summary };
  } catch (error) {
    return { ok: false, responses, error };
  }
}

function viaParser(body: Body, options: AnyParseOptions): Outcome {
  const responses: DavResponse[] = [];
  const parser = new MultistatusParser({ ...(options as ParseOptions), onResponse: (r) => responses.push(r) });
  try {
    for (const chunk of chunksOf(body)) parser.write(chunk);
    return { ok: true, responses, summary: parser.end() };
  } catch (error) {
    return { ok: false, responses, error };
  }
}

/** Runs the body through the three faces and checks they give the same result. */
async function allFaces(body: Body, options: AnyParseOptions): Promise<Outcome> {
  const iterator = await viaIterator(body, options);
  const stream = await viaStream(body, options);
  const push = viaParser(body, options);
  for (const [name, other] of [['MultistatusStream', stream], ['MultistatusParser', push]] as const) {
    expect(other.ok, `${name} succeeds exactly when parseMultistatus does`).to.equal(iterator.ok);
    expect(other.responses, `${name} yields the responses parseMultistatus yields`).to.deep.equal(iterator.responses);
    if (iterator.ok && other.ok) expect(other.summary, `${name} summary`).to.deep.equal(iterator.summary);
    if (!iterator.ok && !other.ok) {
      expect(codeOf(other.error), `${name} error code`).to.equal(codeOf(iterator.error));
    }
  }
  return iterator;
}

function codeOf(e: unknown): string {
  return e instanceof MultistatusError ? e.code : `not a MultistatusError: ${String(e)}`;
}

/** Parses a body that must succeed (all three faces agree); returns its responses and summary. */
export async function parse(body: Body, options: AnyParseOptions = {}): Promise<Parsed> {
  const out = await allFaces(body, options);
  if (!out.ok) throw new Error(`expected the body to parse, got ${String(out.error)}`);
  return { responses: out.responses, summary: out.summary };
}

/** Parses a body that must fail (all three faces agree); returns the error and the responses before it. */
export async function parseFailing(body: Body, options: AnyParseOptions = {}): Promise<Failed> {
  const out = await allFaces(body, options);
  if (out.ok) throw new Error(`expected the body to fail, but it gave ${out.responses.length} responses and a summary`);
  expect(out.error).to.be.instanceOf(MultistatusError);
  return { responses: out.responses, error: out.error as MultistatusError };
}

/** The one response of a body that must parse to exactly one. */
export async function only(body: Body, options: AnyParseOptions = {}): Promise<DavResponse> {
  const { responses } = await parse(body, options);
  expect(responses).to.have.length(1);
  return responses[0]!;
}

/** Diagnostic codes of a summary, in order. */
export function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

/** Wraps response elements in a multistatus root that binds `D:` to `DAV:`. */
export function ms(inner: string, extraNs = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:"${extraNs}>${inner}</D:multistatus>`;
}

/** A propstat-form response with one propstat. */
export function propResponse(href: string, props: string, status = 'HTTP/1.1 200 OK'): string {
  return `<D:response><D:href>${href}</D:href><D:propstat><D:prop>${props}</D:prop><D:status>${status}</D:status></D:propstat></D:response>`;
}

/** The status line model of `HTTP/1.1 <code> <text>`. */
export function st(code: number, text: string): { code: number; text: string; line: string } {
  return { code, text, line: `HTTP/1.1 ${code} ${text}` };
}
