/**
 * The inputs of the differential test, all deterministic: every fixture body, the hostile and
 * fuzz corpora (their own generators, reused), seeded mutations of real bodies (characters
 * dropped, duplicated, swapped; the fuzzer's byte mutations; cuts at every position) and the
 * chunkings each input is fed in.
 *
 * Inputs are text: the tokenizers take decoded chunks (the decode layer turns bytes into text
 * before them). Bytes are decoded as UTF-8, invalid sequences becoming U+FFFD.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { BUILTIN_DECODERS } from '../../lib/index.js';
import { FIXTURES_DIR, fixtureBytes, listFixtures } from '../helpers/fixtures.js';
import { mutate } from '../helpers/fuzz-mutate.js';
import { APACHE_401, NGINX_502, OK, XHTML_403, billionLaughs, body, displayname } from '../helpers/hostile-bodies.js';
import { mulberry32, seedOf } from '../helpers/prng.js';
import { docArb } from '../property/model.js';
import { render } from '../property/render.js';

export interface Input {
  /** Where it comes from, e.g. `fixture rfc/rfc4918-9.1.3.xml` or `drop 3@120 of servers/x.xml`. */
  name: string;
  text: string;
}

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** Every body under fixtures/ (rfc, servers, synthetic, hostile), .xml.gz gunzipped. */
export function fixtureInputs(): Input[] {
  const out = listFixtures().map((f) => ({ name: `fixture ${f.name}`, text: utf8.decode(fixtureBytes(f)) }));
  const hostile = join(FIXTURES_DIR, 'hostile');
  for (const file of readdirSync(hostile).sort()) {
    if (file.endsWith('.xml')) out.push({ name: `fixture hostile/${file}`, text: utf8.decode(readFileSync(join(hostile, file))) });
  }
  return out;
}

/** The hostile-input tests' bodies (test/helpers/hostile-bodies.ts). */
export function hostileInputs(): Input[] {
  const doctypes: [string, string][] = [
    ['billion laughs', billionLaughs()],
    ['quadratic blowup', `<!DOCTYPE m [<!ENTITY a "${'x'.repeat(1024)}">]>`],
    ['empty DOCTYPE', '<!DOCTYPE x>'],
    ['external subset', '<!DOCTYPE m SYSTEM "http://127.0.0.1:9/x.dtd">'],
    ['public id', '<!DOCTYPE m PUBLIC "-//x//EN" "file:///etc/passwd">'],
    ['parameter entity', '<!DOCTYPE m [<!ENTITY % p SYSTEM "http://127.0.0.1:9/"> %p;]>'],
    ['XXE', '<!DOCTYPE m [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'],
    ['comment in the subset', `<!DOCTYPE x [<!-- ${'p'.repeat(500)} -->]>`],
  ];
  const inner: [string, string][] = [
    ['no reference', OK('/after')],
    ['a declared entity', displayname('&lol10;&a;&xxe;')],
    ['predefined entities', displayname('&lt;&amp;&gt;&quot;&apos;&#233;&#x1F600;')],
    ['an undefined entity', displayname('&leak;')],
  ];
  const out: Input[] = [];
  for (const [d, doctype] of doctypes) for (const [i, rest] of inner) out.push({ name: `hostile DTD: ${d}, ${i}`, text: body(doctype, rest) });
  for (const [i, rest] of inner) out.push({ name: `hostile no DTD: ${i}`, text: body('', rest) });
  out.push({ name: 'hostile page: nginx 502', text: NGINX_502 });
  out.push({ name: 'hostile page: Apache 401 (DOCTYPE)', text: APACHE_401 });
  out.push({ name: 'hostile page: XHTML 403', text: XHTML_403 });
  return out;
}

/** Documents of the property test's generator (test/property), rendered with its random choices. */
export function propertyInputs(count: number): Input[] {
  const docs = fc.sample(docArb(new Set(BUILTIN_DECODERS.keys())), { seed: 22, numRuns: count });
  return docs.map((d, i) => ({ name: `property doc #${i}`, text: render(d) }));
}

type Random = () => number;
const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** A length favouring small values: 1..max. */
const len = (r: Random, max: number): number => 1 + Math.floor(r() ** 3 * max);

/** One character-level mutation; returns a label and the mutated text. */
function mutateText(src: string, r: Random): [string, string] {
  const at = Math.floor(r() * src.length);
  const n = Math.min(len(r, 16), src.length - at);
  switch (Math.floor(r() * 4)) {
    case 0:
      return [`drop ${n}@${at}`, src.slice(0, at) + src.slice(at + n)];
    case 1:
      return [`duplicate ${n}@${at}`, src.slice(0, at + n) + src.slice(at, at + n) + src.slice(at + n)];
    case 2: {
      // swap two adjacent runs
      const m = Math.min(len(r, 16), src.length - at - n);
      return [`swap ${n}+${m}@${at}`, src.slice(0, at) + src.slice(at + n, at + n + m) + src.slice(at, at + n) + src.slice(at + n + m)];
    }
    default: {
      const bytes = mutate(encoder.encode(src), r); // the fuzzer's byte mutations
      return [`fuzz bytes`, utf8.decode(bytes)];
    }
  }
}

/**
 * `count` mutants of the plain-text (not gzipped) fixture bodies: fixture, mutation and position
 * drawn from a PRNG seeded by `seed`, so the same list on every run.
 */
export function mutationInputs(fixtures: readonly Input[], count: number, seed: number): Input[] {
  const r = mulberry32(seed);
  const out: Input[] = [];
  for (let i = 0; i < count; i++) {
    const src = pick(r, fixtures);
    const [what, text] = mutateText(src.text, r);
    out.push({ name: `mutant #${i}: ${what} of ${src.name}`, text });
  }
  return out;
}

/** `src` cut at every position (0 .. length-1). */
export function truncationInputs(src: Input): Input[] {
  const out: Input[] = [];
  for (let at = 0; at < src.text.length; at++) out.push({ name: `cut @${at} of ${src.name}`, text: src.text.slice(0, at) });
  return out;
}

/** `src` cut at `count` seeded positions. */
export function sampledTruncations(src: Input, count: number): Input[] {
  const r = mulberry32(seedOf(src.name));
  const out: Input[] = [];
  for (let i = 0; i < count && src.text.length > 0; i++) {
    const at = Math.floor(r() * src.text.length);
    out.push({ name: `cut @${at} of ${src.name}`, text: src.text.slice(0, at) });
  }
  return out;
}

export interface Chunking {
  how: string;
  chunks: string[];
}

/**
 * Splits never fall inside a surrogate pair: a streaming TextDecoder (the decode layer) never
 * hands out half a pair, and saxes mis-reads one cut there (it pairs the high half with the
 * next chunk's first character).
 */
function isLow(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff && at > 0 && text.charCodeAt(at - 1) >= 0xd800 && text.charCodeAt(at - 1) <= 0xdbff;
}

/** One chunk per character (code point). */
export function charChunks(text: string): string[] {
  return [...text];
}

/** Seeded random chunks of 1..maxChunk code units (small sizes likelier). */
export function randomChunks(text: string, seed: number, maxChunk: number): string[] {
  const r = mulberry32(seed);
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + len(r, maxChunk));
    if (end < text.length && isLow(text, end)) end++;
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

/** Which chunkings to make: `all` (whole, 1-char, random), `whole` only, or `random` only. */
export type Ways = 'all' | 'whole' | 'random';

/**
 * The chunkings an input is fed in: whole; one character per chunk (bodies up to 64 Ki
 * characters: past that it only costs time); seeded random splits (small pieces for small
 * bodies, up to 64 KiB for bodies over 1 MiB).
 */
export function chunkings(input: Input, ways: Ways = 'all'): Chunking[] {
  const out: Chunking[] = [];
  if (ways !== 'random') out.push({ how: 'whole', chunks: [input.text] });
  if (ways === 'all' && input.text.length <= 1 << 16) out.push({ how: '1-char chunks', chunks: charChunks(input.text) });
  if (ways !== 'whole') {
    const max = input.text.length > 1 << 20 ? 1 << 16 : 64;
    out.push({ how: `random chunks (seed of name, max ${max})`, chunks: randomChunks(input.text, seedOf(input.name), max) });
  }
  return out;
}
