/**
 * Mutation fuzzing: the fixture bodies with bytes flipped, deleted, duplicated and inserted. Every
 * case must end with responses and/or one MultistatusError (never another exception, never a
 * hang), within a time bound per case and in bounded memory, and the same way whether it arrives
 * in one chunk or in many. `npm run test:fuzz` runs it for a time budget (FUZZ_SECONDS); a case
 * that fails is printed as base64, to be kept under fixtures/hostile/ with a regression test.
 */
import { mulberry32 as prng } from '../helpers/prng.js';
import { mutate } from '../helpers/fuzz-mutate.js';
import { expect } from 'chai';
import { MultistatusError, MultistatusParser, parseMultistatus } from '../../lib/index.js';
import type { DavResponse, MultistatusErrorCode } from '../../lib/index.js';
import { fixtureBytes, listFixtures } from '../helpers/fixtures.js';
import { canonicalJson } from '../reference/serialise.js';

const SECONDS = Number(process.env.FUZZ_SECONDS ?? 0);
const CASES = Number(process.env.FUZZ_CASES ?? 1500);
/** First seed: the cases are the same on every run unless this changes. */
const FIRST_SEED = Number(process.env.FUZZ_SEED ?? 1);
const CASE_MS = 2000;
const HEAP_MIB = 512;

const CODES: MultistatusErrorCode[] = ['XML_SYNTAX', 'NOT_MULTISTATUS', 'TRUNCATED', 'ENCODING', 'LIMIT_EXCEEDED', 'STRICT'];

interface Ending {
  responses: DavResponse[];
  code: string;
  error?: MultistatusError;
}

/** Parses `bytes` in chunks of the given sizes; anything but a MultistatusError is rethrown. */
function run(bytes: Uint8Array, sizes: (i: number) => number, strict: boolean): Ending {
  const responses: DavResponse[] = [];
  try {
    const p = new MultistatusParser({ strict, onResponse: (r) => responses.push(r) });
    for (let at = 0, i = 0; at < bytes.length; i++) {
      const n = Math.max(1, sizes(i));
      p.write(bytes.subarray(at, at + n));
      at += n;
    }
    p.end();
    return { responses, code: 'OK' };
  } catch (e) {
    if (!(e instanceof MultistatusError)) throw e;
    return { responses, code: e.code, error: e };
  }
}

function describeCase(name: string, seed: number, bytes: Uint8Array): string {
  return `${name}, seed ${seed}; input (base64): ${Buffer.from(bytes).toString('base64')}`;
}

/** One case: the properties every ending must have. Returns a complaint or ''. */
function fuzzCase(name: string, src: Uint8Array, seed: number): string {
  const r = prng(seed);
  const bytes = mutate(src, r);
  const strict = r() < 0.2;
  const t0 = performance.now();
  let whole: Ending;
  let split: Ending;
  try {
    whole = run(bytes, () => bytes.length, strict);
    const chunk = 1 + Math.floor(r() * 97);
    split = run(bytes, (i) => (i % 3 === 0 ? 1 : chunk), strict);
  } catch (e) {
    return `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  }
  const ms = performance.now() - t0;
  if (ms > CASE_MS) return `took ${Math.round(ms)} ms`;
  for (const end of [whole, split]) {
    if (end.code !== 'OK' && !CODES.includes(end.code as MultistatusErrorCode)) return `unexpected code ${end.code}`;
    if (end.error?.offset !== undefined && (end.error.offset < 0 || end.error.offset > bytes.length)) return `offset ${end.error.offset} outside the body`;
    if (end.error?.line !== undefined && end.error.line < 1) return `line ${end.error.line}`;
    for (const resp of end.responses) if (typeof resp.href !== 'string' || !Array.isArray(resp.propstats)) return 'a malformed response';
  }
  if (whole.code !== split.code) return `one chunk ended ${whole.code} (${whole.error?.message}), many chunks ${split.code} (${split.error?.message})`;
  if (whole.responses.length !== split.responses.length) return `one chunk gave ${whole.responses.length} responses, many chunks ${split.responses.length}`;
  if (canonicalJson(whole.responses) !== canonicalJson(split.responses)) return 'the responses differ between one chunk and many';
  return '';
}

describe('fuzz: mutated fixture bodies always end cleanly', function () {
  this.timeout(Math.max(120_000, SECONDS * 1000 * 2));
  const sources = listFixtures()
    .filter((f) => !f.gzip)
    .map((f) => ({ name: f.name, bytes: fixtureBytes(f) }))
    .filter((f) => f.bytes.length < 64 * 1024);

  it(`${SECONDS > 0 ? `for ${SECONDS} s` : `${CASES} cases`}: responses and/or one MultistatusError, chunking-independent, bounded time and memory`, () => {
    expect(sources.length).to.be.greaterThan(50);
    const heap0 = process.memoryUsage().heapUsed;
    const deadline = SECONDS > 0 ? performance.now() + SECONDS * 1000 : Infinity;
    let cases = 0;
    const codes = new Map<string, number>();
    for (let seed = FIRST_SEED; SECONDS > 0 ? performance.now() < deadline : cases < CASES; seed++) {
      const src = sources[seed % sources.length]!;
      const problem = fuzzCase(src.name, src.bytes, seed);
      if (problem !== '') expect.fail(`${problem}\n${describeCase(src.name, seed, mutate(src.bytes, prng(seed)))}`);
      cases++;
      if (cases % 200 === 0) {
        const mib = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
        expect(mib, 'heap growth (MiB)').to.be.below(HEAP_MIB);
      }
      const code = run(mutate(src.bytes, prng(seed)), (i) => (i === 0 ? 1 << 30 : 1), false).code;
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    // The mutations reach every kind of ending, and most cases still parse or fail on syntax.
    for (const code of ['OK', 'XML_SYNTAX', 'TRUNCATED', 'ENCODING']) expect(codes.get(code) ?? 0, `cases ending ${code}`).to.be.greaterThan(0);
    if (SECONDS > 0) console.log(`      ${cases} cases: ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}`);
  });

  it('the iterator ends the same way as the push parser, without unhandled rejections', async () => {
    for (let seed = 1; seed <= 150; seed++) {
      const src = sources[seed % sources.length]!;
      const bytes = mutate(src.bytes, prng(seed));
      const push = run(bytes, () => bytes.length, false);
      const got: DavResponse[] = [];
      let code = 'OK';
      try {
        for await (const r of parseMultistatus(bytes)) got.push(r);
      } catch (e) {
        if (!(e instanceof MultistatusError)) throw e;
        code = e.code;
      }
      expect(code, describeCase(src.name, seed, bytes)).to.equal(push.code);
      expect(got.length).to.equal(push.responses.length);
    }
  });
});
