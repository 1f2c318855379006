/**
 * Every body under fixtures/ against its `*.expected.json` (see fixtures/README.md):
 *  (a) the reference walker (test/reference, over @xmldom/xmldom) still produces the committed file;
 *  (b) parseMultistatus over the whole body gives that model (typed), and with `typed: false` (and a
 *      baseUrl) exactly the walker's raw model;
 *  (c) MultistatusParser fed one byte at a time and in seeded random splits, and MultistatusStream,
 *      give the expected model too: each face is compared with the expected file, never with the
 *      parser's own whole-body result, so a bug shared by every face cannot pass unseen.
 * Every typed value is compared; only `$unchecked` values (test/reference/unchecked.ts) accept
 * whatever the parser gave.
 * Bodies that must fail: every face yields exactly `responsesBefore` responses, then rejects with a
 * MultistatusError of the expected code.
 */
import { expect } from 'chai';
import type { Document } from '@xmldom/xmldom';
import { MultistatusError } from '../../lib/index.js';
import type { ParseOptions } from '../../lib/index.js';
import { fixtureBytes, fixtureText, listFixtures, readExpected } from '../helpers/fixtures.js';
import type { Fixture } from '../helpers/fixtures.js';
import { byteSplits, mulberry32, randomSplits, seedOf } from '../helpers/prng.js';
import { viaIterator, viaParser, viaStream } from '../helpers/run-parser.js';
import type { Outcome } from '../helpers/run-parser.js';
import { acceptUnchecked, expectSameResponses, outcomeJson, responseList } from '../helpers/compare-models.js';
import type { ResponseList } from '../helpers/compare-models.js';
import { OracleError, modelFromDocument, parseReferenceDocument, referenceModel } from '../reference/dom-model.js';
import type { ReferenceModel } from '../reference/dom-model.js';
import { digestOfJson, isDigestExpectation, isFailureExpectation } from '../reference/expected.js';
import type { FailureExpectation } from '../reference/expected.js';
import { toJson } from '../reference/serialise.js';
import type { Json } from '../reference/serialise.js';

const BASE_URL = 'https://dav.example.test/base/dir/';
/** Bodies up to this size are also fed one byte per `write`. */
const BYTE_BY_BYTE_LIMIT = 128 * 1024;
/**
 * MUTATION_QUICK=1 (the mutation run, test/mutation/.mocharc.json): leave out the gzip bulk bodies
 * and the one-byte-per-write runs, which repeat what the random splits check at many times the cost.
 */
const QUICK = process.env.MUTATION_QUICK === '1';

function expectFailure(outcome: Outcome, want: FailureExpectation, face: string): void {
  expect(outcome.error, `${face}: should fail with ${want.error}`).to.be.instanceOf(MultistatusError);
  expect((outcome.error as MultistatusError).code, `${face}: error code (${String(outcome.error)})`).to.equal(want.error);
  expect(outcome.responses.length, `${face}: responses before the error`).to.equal(want.responsesBefore);
}

function describeFailure(fixture: Fixture, want: FailureExpectation): void {
  const options: ParseOptions = want.options ?? {};
  const mode = want.options ? ` with ${JSON.stringify(want.options)}` : '';
  describe(`${fixture.name} (must fail${mode}: ${want.error} after ${want.responsesBefore})`, () => {
    const bytes = fixtureBytes(fixture);

    it('is refused by the reference walker too', () => {
      expect(() => referenceModel(fixtureText(bytes))).to.throw(OracleError);
    });

    it('parseMultistatus (whole body)', async () => {
      expectFailure(await viaIterator(bytes, options), want, 'parseMultistatus');
    });

    it('MultistatusParser, one byte per write', () => {
      expectFailure(viaParser(byteSplits(bytes), options), want, 'MultistatusParser');
    });

    it('MultistatusParser, random splits', () => {
      expectFailure(viaParser(randomSplits(bytes, mulberry32(seedOf(fixture.name)), 64), options), want, 'MultistatusParser');
    });

    // One byte per chunk: a write then completes at most one response, and a read is pending for it.
    it('MultistatusStream, one byte per chunk', async () => {
      expectFailure(await viaStream(byteSplits(bytes), options), want, 'MultistatusStream');
    });
  });
}

/** Typed and raw models from one DOM (the DOM of a 16 MB body is large: build it once, drop it). */
function referenceModels(bytes: Uint8Array): { typed: ReferenceModel; raw: ReferenceModel } {
  const doc: Document = parseReferenceDocument(fixtureText(bytes));
  return { typed: modelFromDocument(doc), raw: modelFromDocument(doc, { typed: false, baseUrl: BASE_URL }) };
}

interface Comparable {
  responses: ResponseList;
  summary: Json;
}

function comparable(model: { responses: Json[]; summary: Json }): Comparable {
  return { responses: responseList(model.responses), summary: model.summary };
}

/** Everything a fixture's tests share, computed on first use (the 20k bodies make it costly). */
interface Context {
  bytes: Uint8Array;
  /** The walker's typed model. */
  typed: Comparable;
  /** The walker's raw model, with BASE_URL. */
  raw: Comparable;
}

function describeModel(fixture: Fixture, expected: Json): void {
  describe(fixture.name, function () {
    if (fixture.gzip) this.timeout(600_000);
    let context: Context | undefined;
    const load = async (): Promise<Context> => {
      if (context) return context;
      const bytes = fixtureBytes(fixture);
      const { typed, raw } = referenceModels(bytes);
      context = {
        bytes,
        typed: comparable({ responses: toJson(typed.responses) as Json[], summary: toJson(typed.summary) }),
        raw: comparable({ responses: toJson(raw.responses) as Json[], summary: toJson(raw.summary) }),
      };
      return context;
    };
    after(() => {
      context = undefined;
    });

    /** The expected model: the committed file, or for a digest the walker's output (checked in (a)). */
    const expectedModel = async (): Promise<Comparable> =>
      isDigestExpectation(expected)
        ? (await load()).typed
        : comparable(expected as { responses: Json[]; summary: Json });

    /** The outcome of one face against the expected model (typed). */
    const expectExpected = async (outcome: Outcome, what: string): Promise<void> => {
      const want = await expectedModel();
      const got = comparable(outcomeJson(outcome));
      const accepted = want.responses.json.map((r, i) => acceptUnchecked(r, got.responses.json[i]));
      expectSameResponses(got.responses, responseList(accepted), what);
      expect(got.summary, `${what}: summary`).to.deep.equal(want.summary);
      expect(outcome.summary?.responses, `${what}: summary.responses`).to.equal(want.responses.json.length);
    };

    it('(a) the reference walker reproduces the expected file', async () => {
      const { typed } = await load();
      if (isDigestExpectation(expected)) {
        expect(digestOfJson(typed.responses.json, typed.summary)).to.deep.equal(expected);
      } else {
        const want = await expectedModel();
        expectSameResponses(typed.responses, want.responses, 'walker');
        expect(typed.summary).to.deep.equal(want.summary);
      }
    });

    it('(b) parseMultistatus gives the expected model (typed)', async () => {
      await expectExpected(await viaIterator(fixtureBytes(fixture)), 'parser');
    });

    it('(b) with typed: false and a baseUrl it gives the walker raw model', async () => {
      const { bytes, raw } = await load();
      const got = comparable(outcomeJson(await viaIterator(bytes, { typed: false, baseUrl: BASE_URL })));
      expectSameResponses(got.responses, raw.responses, 'parser raw');
      expect(got.summary, 'summary').to.deep.equal(raw.summary);
    });

    if (!QUICK && !fixture.gzip && fixtureBytes(fixture).length <= BYTE_BY_BYTE_LIMIT) {
      it('(c) MultistatusParser, one byte per write: the expected model', async () => {
        const { bytes } = await load();
        await expectExpected(viaParser(byteSplits(bytes)), 'byte by byte');
      });
    }

    const seed = seedOf(fixture.name);
    it(`(c) MultistatusParser, random splits (seed ${seed}): the expected model`, async () => {
      const { bytes } = await load();
      const maxChunk = fixture.gzip ? 65_536 : 256;
      await expectExpected(viaParser(randomSplits(bytes, mulberry32(seed), maxChunk)), 'random splits');
    });

    it('(c) MultistatusStream: the expected model', async () => {
      const { bytes } = await load();
      const maxChunk = fixture.gzip ? 65_536 : 64;
      await expectExpected(await viaStream(randomSplits(bytes, mulberry32(seed ^ 0x5eed), maxChunk)), 'stream');
    });
  });
}

describe('fixtures: parser against the reference model', () => {
  for (const fixture of listFixtures()) {
    if (QUICK && fixture.gzip) continue;
    const expected = readExpected(fixture);
    if (expected === undefined) {
      it(`${fixture.name} has an expected file (run npm run fixtures:update)`, () => {
        expect.fail(`missing ${fixture.expectedPath}`);
      });
    } else if (isFailureExpectation(expected)) {
      describeFailure(fixture, expected);
    } else {
      describeModel(fixture, expected);
    }
  }
});
