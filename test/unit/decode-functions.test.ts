/**
 * The byte-level helpers of lib/decode on their own: `findInvalidUtf8`, `incompleteTail`,
 * `utf8Length`, `findInvalidUtf16` and `sniff`. Checked against oracles written here from the
 * specifications (RFC 3629 table 1 for UTF-8, RFC 2781 for UTF-16, XML 1.0 appendix F for the
 * sniffing), sharing nothing with lib/: exhaustive over every lead byte and the boundary second
 * bytes, and by property tests over random byte strings.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { findInvalidUtf16 } from '../../lib/decode/utf16.js';
import { findInvalidUtf8, incompleteTail, utf8Length } from '../../lib/decode/utf8.js';
import { SNIFF_BYTES, sniff } from '../../lib/decode/sniff.js';
import { oracleInvalidUtf8 } from '../helpers/utf8-oracle.js';

/**
 * The oracle for incompleteTail: looking back at most three bytes past the trailing continuation
 * bytes (10xxxxxx), a lead byte whose high bits announce a longer sequence than is there.
 */
function oracleIncompleteTail(bytes: readonly number[]): number {
  const isContinuation = (b: number): boolean => b >= 0x80 && b <= 0xbf;
  let back = 0;
  while (back < 3 && back < bytes.length && isContinuation(bytes[bytes.length - 1 - back]!)) back++;
  if (back === 3 || back === bytes.length) return 0;
  const lead = bytes[bytes.length - 1 - back]!;
  // 110xxxxx announces 2 bytes, 1110xxxx 3, 11110xxx (and above) 4, 0xxxxxxx 1.
  const announced = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return announced > back + 1 ? back + 1 : 0;
}

/** UTF-8 length of a well-formed string, counted per code point (RFC 3629 table 1). */
function oracleUtf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The oracle for findInvalidUtf16 (RFC 2781 §2.2), units read in the given byte order. */
function oracleInvalidUtf16(bytes: readonly number[], le: boolean): number {
  const units: number[] = [];
  for (let i = 0; i + 1 < bytes.length; i += 2) units.push(le ? bytes[i]! + 256 * bytes[i + 1]! : 256 * bytes[i]! + bytes[i + 1]!);
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const isHigh = u >= 0xd800 && u <= 0xdbff;
    const isLow = u >= 0xdc00 && u <= 0xdfff;
    if (isLow) return 2 * i;
    if (isHigh) {
      if (i === units.length - 1) return -1;
      const next = units[i + 1]!;
      if (!(next >= 0xdc00 && next <= 0xdfff)) return 2 * i;
      i++;
    }
  }
  return -1;
}

const bytesOf = (xs: readonly number[]): Uint8Array => Uint8Array.from(xs);

/** Bytes that matter to UTF-8 and UTF-16 validation: every boundary of the tables above, and any byte. */
const interestingByte = fc.oneof(
  fc.constantFrom(0x00, 0x3c, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff, 0xd7, 0xd8, 0xdb, 0xdc, 0xdf, 0xfe),
  fc.integer({ min: 0, max: 255 }),
);
const byteArrays = fc.array(interestingByte, { maxLength: 12 });

describe('lib/decode helpers', function () {
  describe('findInvalidUtf8', function () {
    it('every lead byte with every boundary second byte, complete and cut off, final or not', function () {
      const seconds = [0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff];
      for (let b0 = 0; b0 < 256; b0++) {
        for (const b1 of seconds) {
          for (const tail of [[], [0x80], [0x80, 0xbf], [0x41], [0x80, 0x41]]) {
            const xs = [0x41, b0, b1, ...tail];
            for (const final of [true, false]) {
              expect(findInvalidUtf8(bytesOf(xs), final), `${xs.map((b) => b.toString(16)).join(' ')} final=${String(final)}`).to.equal(oracleInvalidUtf8(xs, final));
            }
          }
        }
        for (const final of [true, false]) expect(findInvalidUtf8(bytesOf([b0]), final), `${b0.toString(16)} alone`).to.equal(oracleInvalidUtf8([b0], final));
      }
    });
    it('hand-checked: overlong, surrogate, past U+10FFFF, cut off', function () {
      const cases: [number[], boolean, number][] = [
        [[0x61, 0xc3, 0xa9, 0x62], true, -1],
        [[0xc0, 0xaf], true, 0],
        [[0x61, 0xe0, 0x80, 0x80], true, 1],
        [[0xed, 0xa0, 0x80], true, 0],
        [[0xed, 0x9f, 0xbf], true, -1],
        [[0xf4, 0x90, 0x80, 0x80], true, 0],
        [[0xf4, 0x8f, 0xbf, 0xbf], true, -1],
        [[0xf0, 0x8f, 0xbf, 0xbf], true, 0],
        [[0x61, 0xe2, 0x82], false, -1],
        [[0x61, 0xe2, 0x82], true, 1],
        [[0x61, 0xe2, 0x41], false, 1],
        // Cut off, but the second byte already rules out a well-formed sequence.
        [[0x61, 0xe0, 0x80], false, 1],
        [[0xed, 0xa0], false, 0],
        [[0x20, 0xf0, 0x8f], false, 1],
        [[0x20, 0xf4, 0x90], false, 1],
        [[0x20, 0xf4, 0x8f, 0x80], false, -1],
        [[0xf0, 0x9f, 0x98, 0x80, 0xf0], false, -1],
        [[0xf0, 0x9f, 0x98, 0x80, 0xf0], true, 4],
        [[0xf8, 0x80, 0x80, 0x80, 0x80], true, 0],
        [[], true, -1],
      ];
      for (const [xs, final, want] of cases) expect(findInvalidUtf8(bytesOf(xs), final), xs.map((b) => b.toString(16)).join(' ')).to.equal(want);
    });
    it('equals the oracle on random byte strings', function () {
      fc.assert(
        fc.property(byteArrays, fc.boolean(), (xs, final) => findInvalidUtf8(bytesOf(xs), final) === oracleInvalidUtf8(xs, final)),
        { numRuns: 5000, seed: 41 },
      );
    });
  });

  describe('incompleteTail', function () {
    it('hand-checked', function () {
      const cases: [number[], number][] = [
        [[], 0],
        [[0x41], 0],
        [[0xc3], 1],
        [[0xc3, 0xa9], 0],
        [[0xe2], 1],
        [[0xe2, 0x82], 2],
        [[0xe2, 0x82, 0xac], 0],
        [[0xf0], 1],
        [[0xf0, 0x9f], 2],
        [[0xf0, 0x9f, 0x98], 3],
        [[0xf0, 0x9f, 0x98, 0x80], 0],
        [[0x80], 0],
        [[0x80, 0x80, 0x80], 0],
        [[0x41, 0x80, 0x80, 0x80], 0],
        [[0xf0, 0x80, 0x80, 0x80], 0],
      ];
      for (const [xs, want] of cases) expect(incompleteTail(bytesOf(xs)), xs.map((b) => b.toString(16)).join(' ')).to.equal(want);
    });
    it('equals the oracle on random byte strings', function () {
      fc.assert(fc.property(byteArrays, (xs) => incompleteTail(bytesOf(xs)) === oracleIncompleteTail(xs)), { numRuns: 5000, seed: 42 });
    });
  });

  describe('utf8Length', function () {
    it('hand-checked: one code point of each length', function () {
      expect(utf8Length('')).to.equal(0);
      expect(utf8Length('\u007f')).to.equal(1);
      expect(utf8Length('\u0080')).to.equal(2);
      expect(utf8Length('\u07ff')).to.equal(2);
      expect(utf8Length('\u0800')).to.equal(3);
      expect(utf8Length('\uffff')).to.equal(3);
      expect(utf8Length('\u{10000}')).to.equal(4);
      expect(utf8Length('a\u{10ffff}b')).to.equal(6);
      expect(utf8Length('\ud7ff\ue000')).to.equal(6);
    });
    it('equals the per-code-point count on any well-formed string', function () {
      fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => utf8Length(s) === oracleUtf8Length(s)), { numRuns: 3000, seed: 43 });
    });
  });

  describe('findInvalidUtf16', function () {
    it('hand-checked, both byte orders', function () {
      const cases: [number[], number][] = [
        [[0x0041, 0xd83d, 0xde00, 0x0042], -1],
        [[0x0041, 0xde00], 2],
        [[0xd83d, 0x0041], 0],
        [[0x0041, 0xd83d], -1],
        [[0xd7ff, 0xe000, 0xdbff, 0xdc00, 0xd800, 0xdfff], -1],
        [[0xdc00], 0],
        [[0xdfff], 0],
        [[0xd800, 0xdbff], 0],
        [[0xd800, 0xe000], 0],
      ];
      for (const le of [true, false]) {
        for (const [units, want] of cases) {
          const xs = units.flatMap((u) => (le ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
          expect(findInvalidUtf16(bytesOf(xs), le), `${units.map((u) => u.toString(16)).join(' ')} le=${String(le)}`).to.equal(want);
          // An odd byte at the end is left for the next chunk.
          expect(findInvalidUtf16(bytesOf([...xs, 0xd8]), le)).to.equal(want);
        }
      }
    });
    it('equals the oracle on random byte strings', function () {
      fc.assert(fc.property(byteArrays, fc.boolean(), (xs, le) => findInvalidUtf16(bytesOf(xs), le) === oracleInvalidUtf16(xs, le)), { numRuns: 5000, seed: 44 });
    });
  });

  describe('sniff', function () {
    const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
    it('byte order marks, also alone', function () {
      expect(sniff(bytesOf([0xef, 0xbb, 0xbf]), false)).to.deep.equal({ bom: 'utf-8' });
      expect(sniff(bytesOf([0xff, 0xfe]), false)).to.deep.equal({ bom: 'utf-16le' });
      expect(sniff(bytesOf([0xfe, 0xff]), false)).to.deep.equal({ bom: 'utf-16be' });
      expect(sniff(bytesOf([0xef, 0xbb, 0xbf, 0x3c]), true)).to.deep.equal({ bom: 'utf-8' });
    });
    it('the UTF-16 form of "<?" without a BOM', function () {
      expect(sniff(bytesOf([0x3c, 0, 0x3f, 0, 0x78]), false)).to.deep.equal({ pattern: 'utf-16le' });
      expect(sniff(bytesOf([0, 0x3c, 0, 0x3f, 0]), false)).to.deep.equal({ pattern: 'utf-16be' });
      expect(sniff(bytesOf([0x3c, 0, 0x3f, 0]), true)).to.deep.equal({ pattern: 'utf-16le' });
      expect(sniff(bytesOf([0, 0x3c, 0, 0x3f]), true)).to.deep.equal({ pattern: 'utf-16be' });
      expect(sniff(bytesOf([0x3c, 0, 0x3e, 0, 0x78]), true)).to.deep.equal({});
      expect(sniff(bytesOf([0, 0x3c, 0, 0x3e, 0]), true)).to.deep.equal({});
    });
    it('fewer than five bytes: undefined while a BOM or "<?xml" may still form, else nothing found', function () {
      for (const xs of [[], [0xef], [0xef, 0xbb], [0xff], [0xfe], [0x3c], [0x3c, 0x3f], [0x3c, 0x3f, 0x78, 0x6d], [0x3c, 0], [0x3c, 0, 0x3f], [0], [0, 0x3c, 0]]) {
        expect(sniff(bytesOf(xs), false), xs.join(' ')).to.equal(undefined);
        expect(sniff(bytesOf(xs), true), `${xs.join(' ')} final`).to.deep.equal({});
      }
      for (const xs of [[0x41], [0xef, 0x41], [0x3c, 0x41], [0x3c, 0x3f, 0x79], [0, 0x41], [0xbb]]) expect(sniff(bytesOf(xs), false), xs.join(' ')).to.deep.equal({});
    });
    it('the encoding pseudo-attribute of an ASCII XML declaration', function () {
      const cases: [string, string | undefined][] = [
        ['<?xml version="1.0" encoding="ISO-8859-1"?>', 'ISO-8859-1'],
        ["<?xml version='1.0' encoding='windows-1252'?>", 'windows-1252'],
        ['<?xml version="1.0" encoding = \t"utf-8"?>', 'utf-8'],
        ['<?xml version="1.0" encoding\r\n=\n\'x\'?>', 'x'],
        ['<?xml version="1.0"?>', undefined],
        ['<?xml version="1.0" encoding?>', undefined],
        ['<?xml version="1.0" encoding=utf-8?>', undefined],
        ['<?xml version="1.0" encoding="utf-8?>', undefined],
        ['<?xml encoding=""?>', ''],
      ];
      for (const [decl, want] of cases) {
        expect(sniff(ascii(`${decl}<a/>`), false), decl).to.deep.equal(want === undefined ? {} : { declared: want });
      }
    });
    it('a declaration whose "?>" has not arrived: undefined until final or SNIFF_BYTES', function () {
      const open = '<?xml version="1.0" encoding="utf-8"';
      expect(sniff(ascii(open), false)).to.equal(undefined);
      expect(sniff(ascii(`${open}?`), false)).to.equal(undefined);
      expect(sniff(ascii(open), true)).to.deep.equal({});
      const long = `${open}${' '.repeat(SNIFF_BYTES - open.length)}`;
      expect(long.length).to.equal(SNIFF_BYTES);
      expect(sniff(ascii(long), false)).to.deep.equal({});
      expect(sniff(ascii(long.slice(0, -1)), false)).to.equal(undefined);
      expect(sniff(ascii('<?xml?>'), false)).to.deep.equal({});
    });
    it('no declaration, five bytes or more', function () {
      expect(sniff(ascii('<D:multistatus/>'), false)).to.deep.equal({});
      expect(sniff(ascii('<?xmL ?>'), false)).to.deep.equal({});
      expect(sniff(ascii('<?xm'), true)).to.deep.equal({});
    });
  });
});
