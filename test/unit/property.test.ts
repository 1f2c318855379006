/**
 * Property-based: generated multistatus models (test/property/model.ts), written with random
 * prefixes, namespace declarations, whitespace, comments, PIs, CDATA and character references
 * (render.ts), parsed in random chunks, give exactly what the model says (expect.ts, worked out
 * without the parser). A few hundred cases here; `npm run test:fuzz` runs many thousands
 * (FUZZ_RUNS, FUZZ_SECONDS).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { BUILTIN_DECODERS, MultistatusParser, parseMultistatus } from '../../lib/index.js';
import type { MultistatusSummary } from '../../lib/index.js';
import type { DavResponse } from '../../lib/parser/model.js';
import { docArb } from '../property/model.js';
import type { Doc } from '../property/model.js';
import { chunkSizes, render } from '../property/render.js';
import { expected } from '../property/expect.js';
import { canonicalJson } from '../reference/serialise.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 0);
const builtin = new Set(BUILTIN_DECODERS.keys());
const enc = new TextEncoder();

function summaryPart(s: MultistatusSummary): Record<string, unknown> {
  const out: Record<string, unknown> = { responses: s.responses, truncated: s.truncated, diagnosticCount: s.diagnosticCount };
  if (s.syncToken !== undefined) out.syncToken = s.syncToken;
  if (s.responseDescription !== undefined) out.responseDescription = s.responseDescription;
  if (s.extensions !== undefined) out.extensions = s.extensions;
  return out;
}

function parseChunked(xml: string, doc: Doc, typed: boolean): { responses: DavResponse[]; summary: MultistatusSummary } {
  const bytes = enc.encode(xml);
  const responses: DavResponse[] = [];
  const parser = new MultistatusParser({ typed, baseUrl: doc.baseUrl, onResponse: (r) => responses.push(r) });
  let at = 0;
  for (const n of chunkSizes(doc.seed, bytes.length)) {
    parser.write(bytes.subarray(at, at + n));
    at += n;
  }
  return { responses, summary: parser.end() };
}

function check(doc: Doc, typed: boolean): void {
  const xml = render(doc);
  const want = expected(doc, typed, doc.baseUrl);
  let got: { responses: DavResponse[]; summary: MultistatusSummary };
  try {
    got = parseChunked(xml, doc, typed);
  } catch (e) {
    throw new Error(`parse failed: ${(e as Error).message}\n--- body ---\n${xml}`, { cause: e });
  }
  const diff = (what: string, a: unknown, b: unknown): void => {
    const ja = canonicalJson(a);
    const jb = canonicalJson(b);
    if (ja !== jb) throw new Error(`${what} differ (typed: ${typed})\n--- body ---\n${xml}\n--- got ---\n${ja}\n--- expected ---\n${jb}`);
  };
  diff('responses', got.responses, want.responses);
  diff('summary', summaryPart(got.summary), want.summary);
}

const params = (): fc.Parameters<[Doc]> => (SECONDS > 0 ? { numRuns: RUNS, interruptAfterTimeLimit: SECONDS * 1000, markInterruptAsFailure: false } : { numRuns: RUNS });

describe('property: generated multistatus documents parse to their model', () => {
  for (const typed of [true, false]) {
    const what = typed ? 'typed values' : 'raw values (typed: false)';
    it(`${what}, random chunking (${RUNS} cases${SECONDS ? `, at most ${SECONDS} s` : ''})`, () => {
      let cases = 0;
      fc.assert(
        fc.property(docArb(builtin), (doc) => {
          cases++;
          check(doc, typed);
        }),
        params(),
      );
      if (SECONDS > 0) console.log(`      ${cases} documents`);
    });
  }

  it('the iterator gives the same as the push parser on generated documents', async () => {
    await fc.assert(
      fc.asyncProperty(docArb(builtin), async (doc) => {
        const xml = render(doc);
        const got: DavResponse[] = [];
        for await (const r of parseMultistatus(enc.encode(xml), { baseUrl: doc.baseUrl })) got.push(r);
        expect(canonicalJson(got)).to.equal(canonicalJson(expected(doc, true, doc.baseUrl).responses));
      }),
      { numRuns: Math.min(2000, Math.max(20, Math.floor(RUNS / 10))), ...(SECONDS > 0 ? { interruptAfterTimeLimit: SECONDS * 250, markInterruptAsFailure: false } : {}) },
    );
  });
});
