/**
 * Bodies cut short (a proxy dropping the connection): cut anywhere, the parse delivers every
 * complete response, exactly as the whole body gives it, and then TRUNCATED. Real bodies are cut
 * at every byte offset of their first kilobytes and at seeded random offsets after.
 */
import { mulberry32 as prng } from '../helpers/prng.js';
import { expect } from 'chai';
import { listFixtures, fixtureBytes, readExpected } from '../helpers/fixtures.js';
import type { Fixture } from '../helpers/fixtures.js';
import { iterate, pipe, push } from '../helpers/parse-outcome.js';
import type { Outcome } from '../helpers/parse-outcome.js';
import { responseEnds, rootEnd } from '../helpers/response-ends.js';
import { canonicalJson } from '../reference/serialise.js';
import type { DavResponse } from '../../lib/index.js';

const SWEEP_BYTES = 4096;

function fixture(name: string): Fixture {
  const f = listFixtures().find((x) => x.name === name);
  if (!f) throw new Error(`no fixture ${name}`);
  return f;
}


interface Body {
  bytes: Uint8Array;
  ends: number[];
  rootEnd: number;
  /** The responses the whole body gives, canonical JSON each, and their hrefs. */
  full: string[];
  hrefs: string[];
}

async function prepare(f: Fixture): Promise<Body> {
  const bytes = fixtureBytes(f);
  const ends = responseEnds(bytes);
  const whole = await iterate(bytes);
  expect(whole.error, f.name).to.equal(undefined);
  const expected = readExpected(f) as { responses: unknown[] | number } | undefined;
  const count = typeof expected?.responses === 'number' ? expected.responses : expected?.responses.length;
  // The end tags found in the bytes are the top-level responses of the expected file (none nested).
  expect(ends.length, `${f.name}: response end tags vs expected`).to.equal(count);
  expect(whole.responses.length).to.equal(count);
  if (Array.isArray(expected?.responses)) {
    expect(whole.responses.map((r) => r.href)).to.deep.equal(expected.responses.map((r) => (r as DavResponse).href));
  }
  return { bytes, ends, rootEnd: rootEnd(bytes), full: whole.responses.map((r) => canonicalJson(r)), hrefs: whole.responses.map((r) => r.href) };
}

/**
 * What a cut at `cut` must give; returns a complaint or ''. Plain comparisons (not chai) because
 * it runs thousands of times.
 */
function cutProblem(body: Body, cut: number, out: Outcome): string {
  const complete = body.ends.filter((e) => e <= cut).length;
  const err = out.error;
  if (cut >= body.rootEnd) {
    if (err) return `complete body failed: ${err.code} ${err.message}`;
    if (out.responses.length !== body.full.length) return `complete body gave ${out.responses.length} responses`;
    return '';
  }
  const code = cut === 0 ? 'NOT_MULTISTATUS' : 'TRUNCATED';
  if (!err) return `no error (expected ${code})`;
  if (err.code !== code) return `${err.code} (expected ${code}): ${err.message}`;
  if (out.responses.length !== complete) return `${out.responses.length} responses delivered, expected ${complete}`;
  // Every earlier response is compared in full at the cut where it was the last complete one.
  for (let i = 0; i < complete - 1; i++) {
    if (out.responses[i]!.href !== body.hrefs[i]) return `response ${i} has href ${out.responses[i]!.href}`;
  }
  if (complete > 0 && canonicalJson(out.responses[complete - 1]) !== body.full[complete - 1]) {
    return `response ${complete - 1} differs from the whole body's`;
  }
  if (cut > 0 && !(typeof err.offset === 'number' && err.offset >= cut - 3 && err.offset <= cut)) {
    return `offset ${String(err.offset)} not within 3 bytes before the cut`;
  }
  return '';
}

function checkCut(body: Body, cut: number, out: Outcome): void {
  const problem = cutProblem(body, cut, out);
  if (problem !== '') expect.fail(`cut at byte ${cut}: ${problem}`);
}

describe('hostile input: bodies cut short', () => {
  for (const name of [
    'servers/radicale-report-calendar-query.xml',
    'servers/nginx-propfind-d1-allprop.xml',
    'servers/apache2-propfind-d0-allprop-dead.xml',
    'rfc/rfc4918-9.1.3.xml',
  ]) {
    it(`${name}: cut at every byte of the first ${SWEEP_BYTES / 1024} KiB, then at random offsets`, async () => {
      const body = await prepare(fixture(name));
      const n = body.bytes.length;
      for (let cut = 0; cut <= Math.min(n, SWEEP_BYTES); cut++) checkCut(body, cut, push([body.bytes.subarray(0, cut)]));
      const random = prng(n);
      for (let k = 0; k < 100 && n > SWEEP_BYTES; k++) {
        const cut = SWEEP_BYTES + Math.floor(random() * (n - SWEEP_BYTES));
        checkCut(body, cut, push([body.bytes.subarray(0, cut)]));
      }
    });
  }

  it('servers/radicale-propfind-d1-bulk500.xml.gz (550 kB): random cuts through the iterator, in 16 KiB chunks', async () => {
    const body = await prepare(fixture('servers/radicale-propfind-d1-bulk500.xml.gz'));
    const random = prng(500);
    for (let k = 0; k < 25; k++) {
      const cut = Math.floor(random() * body.bytes.length);
      const prefix = body.bytes.subarray(0, cut);
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < prefix.length; i += 16384) chunks.push(prefix.subarray(i, i + 16384));
      checkCut(body, cut, await iterate(chunks));
    }
  });

  it('the stream face gives the same at every cut of a small body (one byte per chunk)', async () => {
    const body = await prepare(fixture('servers/radicale-report-calendar-query.xml'));
    const random = prng(7);
    for (let k = 0; k < 40; k++) {
      const cut = Math.floor(random() * body.bytes.length);
      const chunks = Array.from(body.bytes.subarray(0, cut), (b) => Uint8Array.of(b));
      checkCut(body, cut, await pipe(chunks));
    }
  });

  describe('named cut points in a synthetic body', () => {
    const xml =
      '<?xml version="1.0" encoding="utf-8"?>\n<d:multistatus xmlns:d="DAV:" xmlns:x="urn:x">' +
      '<d:response><d:href>/one</d:href><d:status>HTTP/1.1 200 OK</d:status></d:response>' +
      '<d:response><d:href>/tw&amp;o</d:href><d:propstat><d:prop>' +
      '<x:v x:attr="value &lt; here">text 😀 é <![CDATA[<raw> & data]]></x:v>' +
      '</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>' +
      '</d:multistatus>\n';
    const bytes = new TextEncoder().encode(xml);
    const byteAt = (marker: string, extra = 0): number => new TextEncoder().encode(xml.slice(0, xml.indexOf(marker))).length + extra;
    const cases: [string, number, number][] = [
      ['inside the XML declaration', 10, 0],
      ['inside the root start tag', byteAt('xmlns:x'), 0],
      ['between the responses', byteAt('<d:response><d:href>/tw'), 1],
      ['inside a start tag name', byteAt('<d:propstat>', 4), 1],
      ['inside an attribute value', byteAt('value &lt;', 3), 1],
      ['inside an entity in an attribute', byteAt('&lt; here', 2), 1],
      ['inside an entity in text', byteAt('&amp;o', 3), 1],
      ['inside CDATA', byteAt('<raw>'), 1],
      ['inside the CDATA end', byteAt(']]>', 2), 1],
      ['after the first byte of a 4-byte character', byteAt('😀', 1), 1],
      ['after the third byte of a 4-byte character', byteAt('😀', 3), 1],
      ['after the first byte of a 2-byte character', byteAt('é', 1), 1],
      ['inside an end tag', byteAt('</d:response></d:multistatus>', 5), 1],
      ['right after the last response', byteAt('</d:multistatus>'), 2],
      ['inside the root end tag', byteAt('</d:multistatus>', 8), 2],
    ];
    for (const [what, cut, complete] of cases) {
      it(`${what} (byte ${cut}): TRUNCATED after ${complete} responses`, async () => {
        for (const out of [push([bytes.subarray(0, cut)]), await iterate(Array.from(bytes.subarray(0, cut), (b) => Uint8Array.of(b)))]) {
          expect(out.error?.code, out.error?.message).to.equal('TRUNCATED');
          expect(out.responses.map((r) => r.href)).to.deep.equal(['/one', '/tw&o'].slice(0, complete));
          expect(out.error!.offset).to.be.within(cut - 3, cut);
        }
      });
    }

    it('the whole body parses, with a trailing newline or without', () => {
      expect(push([bytes]).responses).to.have.length(2);
      expect(push([bytes.subarray(0, bytes.length - 1)]).error).to.equal(undefined);
    });

    it('a body that is only the XML declaration is TRUNCATED, an empty one NOT_MULTISTATUS', () => {
      expect(push([bytes.subarray(0, byteAt('<d:multistatus'))]).error?.code).to.equal('TRUNCATED');
      expect(push([new Uint8Array(0)]).error?.code).to.equal('NOT_MULTISTATUS');
      expect(push([]).error?.code).to.equal('NOT_MULTISTATUS');
    });
  });
});
