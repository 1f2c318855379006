/**
 * Bytes that are not valid in the body's encoding: ENCODING with the byte offset of the first bad
 * byte, after every response that was complete before it, whatever the chunking.
 */
import { concat } from '../helpers/bytes.js';
import { expect } from 'chai';
import { chunksOf, iterate, push } from '../helpers/parse-outcome.js';

const enc = new TextEncoder();
const HEAD = '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">';
const FIRST = '<D:response><D:href>/first</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>';


/** A UTF-8 body with `bad` inside the second response's href; returns it and the offset of `bad`. */
function utf8Body(bad: number[]): { bytes: Uint8Array; at: number } {
  const before = enc.encode(`${HEAD}${FIRST}<D:response><D:href>/caf`);
  const after = enc.encode('</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response></D:multistatus>');
  return { bytes: concat(before, Uint8Array.from(bad), after), at: before.length };
}

const BAD_UTF8: [string, number[]][] = [
  ['0xFF', [0xff]],
  ['a lone continuation byte', [0x80]],
  ['an overlong "/" (C0 AF)', [0xc0, 0xaf]],
  ['an overlong 3-byte form (E0 80 AF)', [0xe0, 0x80, 0xaf]],
  ['an encoded surrogate (ED A0 80)', [0xed, 0xa0, 0x80]],
  ['a code point past U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80]],
  ['a lead byte followed by ASCII (E2 82 41)', [0xe2, 0x82, 0x41]],
  ['a 2-byte lead at the end of a tag (C3 <)', [0xc3]],
];

describe('hostile input: invalid character encoding', () => {
  for (const [what, bad] of BAD_UTF8) {
    it(`UTF-8: ${what} is ENCODING at its byte offset, after the complete responses, however it is chunked`, async () => {
      const { bytes, at } = utf8Body(bad);
      for (const size of [bytes.length, 64, 7, 1, at, at + 1]) {
        const out = push(chunksOf(bytes, size));
        const where = `chunks of ${size}`;
        expect(out.error?.code, `${where}: ${out.error?.message}`).to.equal('ENCODING');
        expect(out.error!.offset, where).to.equal(at);
        expect(out.error!.message).to.match(/utf-8/i);
        expect(out.responses.map((r) => r.href), where).to.deep.equal(['/first']);
      }
      const viaIterator = await iterate(bytes);
      expect(viaIterator.error?.code).to.equal('ENCODING');
      expect(viaIterator.responses.map((r) => r.href)).to.deep.equal(['/first']);
    });
  }

  it('UTF-8: the error has the line and column of the bad byte', () => {
    const { bytes } = utf8Body([0xff]);
    const out = push([bytes]);
    expect(out.error?.line).to.equal(2);
    expect(out.error?.column).to.equal(`<D:multistatus xmlns:D="DAV:">${FIRST}<D:response><D:href>/caf`.length + 1);
  });

  it('UTF-8 after a BOM and after multi-byte characters: the offset still counts bytes', () => {
    const before = concat(Uint8Array.of(0xef, 0xbb, 0xbf), enc.encode(`${HEAD}${FIRST}<D:response><D:href>/é😀`));
    const bytes = concat(before, Uint8Array.of(0xff), enc.encode('</D:href></D:response></D:multistatus>'));
    for (const size of [bytes.length, 5, 1]) {
      const out = push(chunksOf(bytes, size));
      expect(out.error?.code).to.equal('ENCODING');
      expect(out.error!.offset, `chunks of ${size}`).to.equal(before.length);
      expect(out.responses).to.have.length(1);
    }
  });

  describe('UTF-16', () => {
    function utf16(text: string, littleEndian: boolean): Uint8Array {
      const out = new Uint8Array(text.length * 2);
      const view = new DataView(out.buffer);
      for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
      return out;
    }
    const head16 = '\uFEFF<?xml version="1.0" encoding="utf-16"?>\n<D:multistatus xmlns:D="DAV:">';

    for (const le of [true, false]) {
      const name = le ? 'UTF-16LE' : 'UTF-16BE';
      for (const [what, bad] of [
        ['a lone high surrogate', '\uD83D'],
        ['a lone low surrogate', '\uDE00'],
      ] as const) {
        it(`${name}: ${what} is ENCODING at its byte offset, after the complete responses`, () => {
          const before = `${head16}${FIRST}<D:response><D:href>/x`;
          const bytes = utf16(`${before}${bad}y</D:href></D:response></D:multistatus>`, le);
          for (const size of [bytes.length, 64, 3, 1]) {
            const out = push(chunksOf(bytes, size));
            expect(out.error?.code, `chunks of ${size}: ${out.error?.message}`).to.equal('ENCODING');
            expect(out.error!.offset, `chunks of ${size}`).to.equal(before.length * 2);
            expect(out.responses.map((r) => r.href), `chunks of ${size}`).to.deep.equal(['/first']);
          }
        });
      }

      it(`${name}: a valid surrogate pair split across chunks parses`, () => {
        const bytes = utf16(`${head16}${FIRST}<D:response><D:href>/😀</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response></D:multistatus>`, le);
        for (const size of [1, 3]) {
          const out = push(chunksOf(bytes, size));
          expect(out.error, out.error?.message).to.equal(undefined);
          expect(out.responses.map((r) => r.path)).to.deep.equal(['/first', '/😀']);
        }
      });

      it(`${name}: an odd number of bytes at the end is TRUNCATED`, () => {
        const bytes = utf16(`${head16}${FIRST}</D:multistatus>`, le);
        const out = push([bytes, Uint8Array.of(0x20)]);
        expect(out.error?.code).to.equal('TRUNCATED');
        expect(out.error!.offset).to.equal(bytes.length);
      });
    }
  });

  it('an encoding nobody supports is ENCODING, named in the message (declaration or option)', () => {
    const declared = push([enc.encode(`<?xml version="1.0" encoding="x-no-such-charset"?><D:multistatus xmlns:D="DAV:"/>`)]);
    expect(declared.error?.code).to.equal('ENCODING');
    expect(declared.error!.message).to.contain('x-no-such-charset');
    const option = push([enc.encode(`<D:multistatus xmlns:D="DAV:"/>`)], { encoding: 'x-no-such-charset' });
    expect(option.error?.code).to.equal('ENCODING');
    expect(option.error!.message).to.contain('x-no-such-charset');
  });

  it('single-byte encodings never fail: every byte is a character', () => {
    const bytes = concat(
      enc.encode(`<?xml version="1.0" encoding="iso-8859-1"?><D:multistatus xmlns:D="DAV:"><D:response><D:href>/caf`),
      Uint8Array.of(0xe9, 0xff, 0x80),
      enc.encode('</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response></D:multistatus>'),
    );
    const out = push([bytes]);
    expect(out.error).to.equal(undefined);
    // windows-1252 (what the Encoding Standard makes of iso-8859-1): E9 é, FF ÿ, 80 €.
    expect(out.responses[0]!.href).to.equal('/café\u00ff€');
  });
});
