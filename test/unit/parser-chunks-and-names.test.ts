/**
 * Two promises re-judged from test/mutation/equivalent-parser.json (issue 20), written as
 * behaviour so that they hold for any tokenizer:
 * - a chunk that decodes to no text (an empty chunk, one byte of a UTF-16 unit, part of a BOM or
 *   of a multi-byte character) changes nothing: every split of a body yields what the whole does,
 *   responses, diagnostics (with positions) and the error alike;
 * - the parser's memory does not grow with the number of distinct element names it has read.
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { expect } from 'chai';
import { MultistatusParser } from '../../lib/index.js';
import type { DavResponse, MultistatusSummary } from '../../lib/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Outcome {
  hrefs: string[];
  summary?: MultistatusSummary;
  error?: { code: string; message: string; line?: number; column?: number; offset?: number };
}

function parse(chunks: Uint8Array[]): Outcome {
  const out: Outcome = { hrefs: [] };
  const parser = new MultistatusParser({ onResponse: (r: DavResponse) => out.hrefs.push(r.href) });
  try {
    for (const c of chunks) parser.write(c);
    out.summary = parser.end();
  } catch (e) {
    const err = e as { code: string; message: string; line?: number; column?: number; offset?: number };
    out.error = { code: err.code, message: err.message, line: err.line, column: err.column, offset: err.offset };
  }
  return out;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < s.length; i++) {
    out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return out;
}

const DECL = '<?xml version="1.0" encoding="utf-8"?>';
const MS = '<D:multistatus xmlns:D="DAV:"><D:response><D:href>/caf\u00e9</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response></D:multistatus>';
const BODIES: [string, Uint8Array][] = [
  ['a BOM, then the declaration', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(DECL + MS)])],
  ['whitespace before the declaration (a diagnostic with its position)', utf8(`\n \r\n${DECL}${MS}`)],
  ['UTF-16 with a BOM', utf16le(`<?xml version="1.0" encoding="UTF-16"?>${MS}`)],
  ['an HTML page (not a multistatus)', utf8('\n<html><body>\u00e9rror</body></html>')],
  ['a body cut inside a response', utf8(`${DECL}${MS.slice(0, 80)}`)],
];

describe('parser: chunks that decode to no text, and the memory of names', function () {
  for (const [what, body] of BODIES) {
    it(`${what}: every split of the first bytes, with empty chunks between, yields what the whole body does`, function () {
      const whole = parse([body]);
      for (let cut = 0; cut <= Math.min(12, body.length); cut++) {
        // One byte at a time up to `cut`, an empty chunk after each, then the rest.
        const chunks: Uint8Array[] = [new Uint8Array(0)];
        for (let i = 0; i < cut; i++) chunks.push(body.subarray(i, i + 1), new Uint8Array(0));
        chunks.push(body.subarray(cut));
        expect(parse(chunks), `split after ${cut} bytes`).to.deep.equal(whole);
      }
    });
  }

  it('memory does not grow with the number of distinct element names read', function () {
    this.timeout(60_000);
    const perResponse = 1000;
    const responses = 150; // 150,000 distinct names of ~30 characters
    const parser = new MultistatusParser({ onResponse: () => undefined, limits: { maxProperties: perResponse + 10 } });
    parser.write(`<?xml version="1.0"?><D:multistatus xmlns:D="DAV:" xmlns:X="urn:x">`);
    const write = (from: number, to: number): void => {
      for (let r = from; r < to; r++) {
        let props = '';
        for (let i = 0; i < perResponse; i++) props += `<X:name-long-enough-${r}-${i}/>`;
        parser.write(`<D:response><D:href>/${r}</D:href><D:propstat><D:prop>${props}</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>`);
      }
    };
    write(0, 10); // caches warm, whatever their bound
    gc();
    const before = process.memoryUsage().heapUsed;
    write(10, responses);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    parser.write('</D:multistatus>');
    expect(parser.end().responses).to.equal(responses);
    // Kept names would hold 140,000 entries (well over 20 MB); a bounded cache holds a few thousand.
    expect(grown, `heap grew by ${(grown / 2 ** 20).toFixed(1)} MiB while the parser read 140,000 new names`).to.be.below(8 * 2 ** 20);
  });
});
