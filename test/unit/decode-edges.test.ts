/**
 * lib/decode edge cases (the mutation survivors of decoder.ts, sniff.ts and utf8.ts): bodies so
 * short that they are still being sniffed when they end, chunks that split a UTF-16 character or
 * a byte order mark before an invalid sequence, a U+FEFF character in the middle of a body,
 * single-byte encodings with unassigned bytes, the exact CHARSET_CONFLICT and TRUNCATED messages,
 * and XML declarations that are not quite declarations. Expected values are worked out here from
 * the encodings' definitions (TextEncoder for UTF-8 lengths, code units for UTF-16, ISO-8859-3's
 * table for its unassigned bytes), not read back from lib/.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { ByteDecoder } from '../../lib/decode/decoder.js';
import { sniff } from '../../lib/decode/sniff.js';
import { utf8Length } from '../../lib/decode/utf8.js';
import { MultistatusError } from '../../lib/errors.js';
import { MultistatusParser } from '../../lib/index.js';
import { cut } from '../helpers/bytes.js';

const utf8 = (s: string): number[] => [...new TextEncoder().encode(s)];
const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const units16 = (units: readonly number[], le: boolean): number[] => units.flatMap((u) => (le ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
const codeUnits = (s: string): number[] => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));

interface Outcome {
  text: string;
  notes: [string, string][];
  decoder: ByteDecoder;
  error: MultistatusError | undefined;
}

/** Writes the chunks (stopping at an invalid sequence, as the parser does), then ends. */
function decodeAll(chunks: readonly Uint8Array[], hint?: string): Outcome {
  const notes: [string, string][] = [];
  const decoder = new ByteDecoder(hint, (code, message) => notes.push([code, message]));
  let text = '';
  let error: MultistatusError | undefined;
  try {
    for (const c of chunks) {
      text += decoder.write(c);
      if (decoder.invalid !== undefined) return { text, notes, decoder, error };
    }
    text += decoder.end();
  } catch (e) {
    if (!(e instanceof MultistatusError)) throw e;
    error = e;
  }
  return { text, notes, decoder, error };
}

/** Parses `body` as bytes (one chunk) and returns the error it fails with. */
function parseFailure(body: Uint8Array): MultistatusError {
  const parser = new MultistatusParser({ onResponse: () => undefined });
  try {
    parser.write(body);
    parser.end();
  } catch (e) {
    if (e instanceof MultistatusError) return e;
    throw e;
  }
  throw new Error('the parse did not fail');
}

const points = fc.array(fc.nat(), { maxLength: 12 });

describe('lib/decode edge cases', function () {
  describe('a body that ends while still being sniffed (under SNIFF_BYTES, no "?>")', function () {
    it('UTF-8: end() returns the whole text and byteOffset maps every character of it', function () {
      for (const s of ['<?x', '<?xml é\u20ac!', '<?xml version="1.0" \u{1f600}<']) {
        const d = new ByteDecoder(undefined, () => undefined);
        const bytes = Uint8Array.from(utf8(s));
        expect(d.write(bytes.subarray(0, 2)), s).to.equal('');
        expect(d.write(bytes.subarray(2)), s).to.equal('');
        expect(d.encoding, s).to.equal(undefined);
        expect(d.end(), s).to.equal(s);
        expect(d.encoding).to.equal('utf-8');
        for (let k = 0; k <= s.length; k++) {
          // Only code point boundaries are meaningful (k inside a surrogate pair is skipped).
          if (k > 0 && k < s.length && s.charCodeAt(k) >= 0xdc00 && s.charCodeAt(k) <= 0xdfff) continue;
          expect(d.byteOffset(k), `${s} at ${k}`).to.equal(utf8(s.slice(0, k)).length);
        }
      }
    });

    it('UTF-16 by the four-byte "<?" pattern alone: decoded when the body ends', function () {
      for (const le of [true, false]) {
        const d = new ByteDecoder(undefined, () => undefined);
        expect(d.write(Uint8Array.from(units16(codeUnits('<?'), le)))).to.equal('');
        expect(d.end()).to.equal('<?');
        expect(d.encoding).to.equal(le ? 'utf-16le' : 'utf-16be');
        expect(d.byteOffset(1)).to.equal(2);
        expect(d.byteOffset(2)).to.equal(4);
      }
    });

    it('an invalid byte in it: end() sets `invalid` at that byte and returns the text before it', function () {
      const cases: [number[], string, number][] = [
        [[0xff], '', 0], // the first byte of a UTF-16LE BOM, alone: not UTF-8
        [[0xfe], '', 0],
        [[...ascii('<?xml é'), 0xff, 0x3c], '<?xml ', 6], // é in Latin-1 (0xE9) is no UTF-8
        [[...utf8('<?xml version="1.0" \u00e9'), 0xc0, 0x80], '<?xml version="1.0" \u00e9', 22],
      ];
      for (const [bytes, before, offset] of cases) {
        const { text, decoder, error } = decodeAll([Uint8Array.from(bytes)]);
        expect(error, bytes.join(' ')).to.equal(undefined);
        expect(text, bytes.join(' ')).to.equal(before);
        expect(decoder.invalid, bytes.join(' ')).to.deep.equal({ message: 'invalid utf-8 byte sequence', offset });
      }
    });

    it('cut inside a character: TRUNCATED at its first byte', function () {
      const cases: [number[], number][] = [
        [[0xef, 0xbb], 0], // two bytes of a UTF-8 BOM, read as UTF-8: an unfinished character
        [utf8('<?xml \u20ac').slice(0, 7), 6],
        [utf8('<?xml \u{1f600}').slice(0, 9), 6],
      ];
      for (const [bytes, offset] of cases) {
        const { text, error } = decodeAll([Uint8Array.from(bytes)]);
        expect(error?.code, bytes.join(' ')).to.equal('TRUNCATED');
        expect(error?.message, bytes.join(' ')).to.equal(`the body ends inside a utf-8 character (byte ${offset})`);
        expect(text, bytes.join(' ')).to.equal('');
      }
    });

    it('through the parser: ENCODING at the invalid byte (not "empty" or TRUNCATED)', function () {
      const e1 = parseFailure(Uint8Array.of(0xff));
      expect([e1.code, e1.message, e1.offset]).to.deep.equal(['ENCODING', 'invalid utf-8 byte sequence (line 1, column 1, byte 0)', 0]);
      const e2 = parseFailure(Uint8Array.from([...ascii('<?xml version="1.0" '), 0xe9, 0x3c]));
      expect([e2.code, e2.offset]).to.deep.equal(['ENCODING', 20]);
      expect(e2.message).to.match(/^invalid utf-8 byte sequence \(line 1, column \d+, byte 20\)$/);
    });

    it('through the parser: an XML error inside it has the byte offset of its character', function () {
      // The same body as a string gives the character offset; as UTF-8 bytes the offset must be
      // the UTF-8 length of the text before that character.
      for (const body of ['<?xml version="1.0" \u0001 <a>', '<?xml \u00e9\u20ac\u0001 <a>', '<?xml versio="1.0" <a>']) {
        const parser = new MultistatusParser({ onResponse: () => undefined });
        let chars: MultistatusError | undefined;
        try {
          parser.write(body);
          parser.end();
        } catch (e) {
          chars = e as MultistatusError;
        }
        expect(chars?.code, body).to.equal('XML_SYNTAX');
        const bytes = parseFailure(Uint8Array.from(utf8(body)));
        expect(bytes.code, body).to.equal('XML_SYNTAX');
        expect(bytes.message, body).to.equal(chars!.message.replace(`byte ${chars!.offset})`, `byte ${bytes.offset})`));
        expect(bytes.offset, body).to.equal(utf8(body.slice(0, chars!.offset)).length);
        expect(bytes.offset, body).to.be.below(utf8(body).length);
      }
    });
  });

  describe('byteOffset when no text was returned', function () {
    it('is 0 before any text (also while sniffing)', function () {
      const d = new ByteDecoder(undefined, () => undefined);
      expect(d.byteOffset(0)).to.equal(0);
      expect(d.byteOffset(4)).to.equal(0);
      expect(d.write(Uint8Array.of(0xef, 0xbb))).to.equal('');
      expect(d.byteOffset(4)).to.equal(0);
    });

    it('an empty write changes nothing: byteOffset still maps the text returned before it', function () {
      const d = new ByteDecoder(undefined, () => undefined);
      expect(d.write(Uint8Array.from(utf8('<a>\u00e9b')))).to.equal('<a>\u00e9b');
      expect(d.write(new Uint8Array(0))).to.equal('');
      expect(d.byteOffset(4)).to.equal(5);
      expect(d.write(Uint8Array.from(utf8('c\u00e9')).subarray(0, 2))).to.equal('c');
      expect(d.write(new Uint8Array(0))).to.equal('');
      expect(d.byteOffset(0)).to.equal(6);
      expect(d.byteOffset(1)).to.equal(7);
      expect(d.bytes).to.equal(8);
    });
  });

  describe('exact messages', function () {
    it('TRUNCATED: "the body ends inside a <encoding> character"', function () {
      const cases: [number[], string, number][] = [
        [[0x61, 0xe2, 0x82], 'utf-8', 1],
        [[0xff, 0xfe, 0x61, 0x00, 0x3d], 'utf-16le', 4],
        [[0xfe, 0xff, 0x00, 0x61, 0xd8, 0x3d], 'utf-16be', 4],
      ];
      for (const [bytes, enc, offset] of cases) {
        const { error } = decodeAll([Uint8Array.from(bytes)]);
        expect(error?.code).to.equal('TRUNCATED');
        expect(error?.message).to.equal(`the body ends inside a ${enc} character (byte ${offset})`);
        expect(error?.offset).to.equal(offset);
      }
      const e = parseFailure(Uint8Array.from(utf8('<D:multistatus xmlns:D="DAV:">\u00e9')).subarray(0, 31));
      expect([e.code, e.offset]).to.deep.equal(['TRUNCATED', 30]);
      expect(e.message).to.equal('the body ends inside a utf-8 character (byte 30)');
    });

    it('CHARSET_CONFLICT: which source says what, and which wins', function () {
      const cases: [number[], string | undefined, string][] = [
        [[0xef, 0xbb, 0xbf, 0x41], 'latin1', 'the byte order mark says utf-8, the charset says latin1; the BOM wins'],
        [[0xfe, 0xff, 0x00, 0x41], 'UTF-8', 'the byte order mark says utf-16be, the charset says UTF-8; the BOM wins'],
        [ascii('<?xml version="1.0" encoding="UTF-8"?><a/>'), 'ISO-8859-1', 'the XML declaration says UTF-8, the charset says ISO-8859-1; the charset wins'],
        [[0x3c, 0, 0x3f, 0, 0x78, 0], 'utf-8', 'the XML declaration says utf-16le, the charset says utf-8; the charset wins'],
        [ascii('<?xml version="1.0" encoding="UTF-16"?><a/>'), undefined, 'the XML declaration says UTF-16 but the body is not UTF-16; reading UTF-8'],
      ];
      for (const [bytes, hint, message] of cases) {
        expect(decodeAll([Uint8Array.from(bytes)], hint).notes).to.deep.equal([['CHARSET_CONFLICT', message]]);
      }
    });
  });

  describe('UTF-16 invalid sequences under any chunking', function () {
    it('a lone surrogate: exactly the text before it, its offset by counting code units', function () {
      const text = fc.string({ unit: 'grapheme', maxLength: 12 });
      const bad = fc.constantFrom([0xdc00], [0xdfff], [0xd800, 0x41], [0xdbff, 0xdbff, 0xdc00], [0xd83d, 0x20ac]);
      fc.assert(
        fc.property(text, bad, text, fc.boolean(), points, (before, units, after, le, ps) => {
          const body = [...(le ? [0xff, 0xfe] : [0xfe, 0xff]), ...units16([...codeUnits(before), ...units, ...codeUnits(`${after}x`)], le)];
          const { text: got, decoder, error } = decodeAll(cut(body, ps));
          expect(error).to.equal(undefined);
          expect(got).to.equal(before);
          expect(decoder.invalid).to.deep.equal({ message: `invalid utf-16${le ? 'le' : 'be'} byte sequence`, offset: 2 + 2 * before.length });
        }),
        { numRuns: 600, seed: 151 },
      );
    });

    it('hand-picked splits of 1, 2 and 3 bytes around a surrogate pair before the bad unit', function () {
      // FF FE | 41 00 | 3D D8 00 DE (U+1F600) | 00 DC (lone low surrogate) | 42 00
      const body = [0xff, 0xfe, 0x41, 0x00, 0x3d, 0xd8, 0x00, 0xde, 0x00, 0xdc, 0x42, 0x00];
      for (const ps of [[5], [1, 3, 5, 7, 9], [2, 5], [3, 6], [4, 7], [5, 8], [6, 9], [7], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]]) {
        const { text, decoder } = decodeAll(cut(body, ps));
        expect(text, ps.join(',')).to.equal('A\u{1f600}');
        expect(decoder.invalid?.offset, ps.join(',')).to.equal(8);
      }
    });
  });

  describe('U+FEFF and byte order marks before an invalid sequence in the same chunk', function () {
    it('a U+FEFF character starting a later chunk is text, kept before the invalid byte', function () {
      const r = decodeAll([Uint8Array.from(ascii('ab')), Uint8Array.of(0xef, 0xbb, 0xbf, 0x63, 0xff)]);
      expect(r.text).to.equal('ab\ufeffc');
      expect(r.decoder.invalid?.offset).to.equal(6);
      const r16 = decodeAll([Uint8Array.of(0xff, 0xfe, 0x41, 0x00), Uint8Array.of(0xff, 0xfe, 0x42, 0x00, 0x00, 0xdc)]);
      expect(r16.text).to.equal('A\ufeffB');
      expect(r16.decoder.invalid?.offset).to.equal(8);
    });

    it('the byte order mark itself is not text', function () {
      const r = decodeAll([Uint8Array.of(0xef, 0xbb, 0xbf, 0x61, 0xff)]);
      expect(r.text).to.equal('a');
      expect(r.decoder.invalid?.offset).to.equal(4);
      const r16 = decodeAll([Uint8Array.of(0xfe, 0xff, 0x00, 0x61, 0xdc, 0x00)]);
      expect(r16.text).to.equal('a');
      expect(r16.decoder.invalid?.offset).to.equal(4);
    });
  });

  describe('single-byte encodings with unassigned bytes (ISO-8859-3 leaves 0xA5, 0xAE, 0xBE, 0xC3, 0xD0, 0xE3, 0xF0 out)', function () {
    it('ENCODING at the unassigned byte, the text before it returned, whatever the chunking', function () {
      const printable = fc.array(fc.integer({ min: 0x20, max: 0x7e }), { maxLength: 30 });
      fc.assert(
        fc.property(printable, fc.constantFrom(0xa5, 0xae, 0xbe, 0xc3, 0xd0, 0xe3, 0xf0), printable, points, (before, hole, after, ps) => {
          const body = [...before, hole, ...after];
          const { text, decoder, error } = decodeAll(cut(body, ps), 'iso-8859-3');
          expect(error).to.equal(undefined);
          expect(decoder.encoding).to.equal('iso-8859-3');
          expect(text).to.equal(String.fromCharCode(...before));
          expect(decoder.invalid).to.deep.equal({ message: 'invalid iso-8859-3 byte sequence', offset: before.length });
        }),
        { numRuns: 300, seed: 152 },
      );
    });

    it('through the parser', function () {
      const body = Uint8Array.from([...ascii('<?xml version="1.0" encoding="iso-8859-3"?><D:multistatus xmlns:D="DAV:">'), 0xa5]);
      const e = parseFailure(body);
      expect([e.code, e.offset]).to.deep.equal(['ENCODING', body.length - 1]);
      expect(e.message).to.match(new RegExp(`^invalid iso-8859-3 byte sequence \\(line 1, column \\d+, byte ${body.length - 1}\\)$`));
    });
  });

  it('a multi-byte legacy encoding in one chunk: the offset of the byte its decoder refuses (Shift_JIS)', function () {
    // Shift_JIS: 0x82 0xA0 is HIRAGANA LETTER A; 0xA0 cannot start a character (WHATWG Encoding §13.3.1).
    const r = decodeAll([Uint8Array.of(0x61, 0x82, 0xa0, 0xa0, 0x62)], 'shift_jis');
    expect(r.decoder.encoding).to.equal('shift_jis');
    expect(r.text).to.equal('a\u3042');
    expect(r.decoder.invalid).to.deep.equal({ message: 'invalid shift_jis byte sequence', offset: 3 });
  });

  it('the charset label is trimmed of any white space (String.prototype.trim), not only ASCII', function () {
    const cases: [string, string][] = [
      ['\u00a0utf-8\u00a0', 'utf-8'],
      ['\vwindows-1252', 'windows-1252'],
      ['\ufeffutf-16le\u2028', 'utf-16le'],
      [' \tlatin1\r\n', 'windows-1252'],
    ];
    for (const [hint, enc] of cases) {
      const d = new ByteDecoder(hint, () => undefined);
      d.write(Uint8Array.from(ascii('<a/>')));
      expect(d.encoding, JSON.stringify(hint)).to.equal(enc);
    }
  });

  describe('sniff: what is and is not the encoding declaration', function () {
    const declared = (s: string): unknown => sniff(Uint8Array.from(ascii(s)), false);
    it('the declaration ends at the first "?>", not at a lone "?" or ">"', function () {
      expect(declared('<?xml version="1>0" encoding="windows-1252"?><a/>')).to.deep.equal({ declared: 'windows-1252' });
      expect(declared('<?xml version="1?0" encoding="windows-1252"?><a/>')).to.deep.equal({ declared: 'windows-1252' });
      expect(declared('<?xml version="1.0"?><a encoding="windows-1252"?>')).to.deep.equal({});
    });
    it('"encoding" must follow white space (XML 1.0 [80])', function () {
      expect(declared('<?xmlencoding="windows-1252"?><a/>')).to.deep.equal({});
      expect(declared('<?xml version="1.0"encoding="windows-1252"?><a/>')).to.deep.equal({});
      expect(declared('<?xml version="1.0" xencoding="windows-1252"?><a/>')).to.deep.equal({});
      expect(declared('<?xml abcdef="windows-1252"?><a/>')).to.deep.equal({});
      for (const s of [' ', '\t', '\r', '\n']) expect(declared(`<?xml version="1.0"${s}encoding="windows-1252"?>`), JSON.stringify(s)).to.deep.equal({ declared: 'windows-1252' });
    });
    it('white space around "=": space, tab, CR, LF on either side', function () {
      for (const s of [' ', '\t', '\r', '\n', ' \t\r\n']) {
        expect(declared(`<?xml encoding${s}="x"?>`), `before ${JSON.stringify(s)}`).to.deep.equal({ declared: 'x' });
        expect(declared(`<?xml encoding=${s}'x'?>`), `after ${JSON.stringify(s)}`).to.deep.equal({ declared: 'x' });
      }
    });
    it('no "=" or no quote: nothing declared', function () {
      expect(declared('<?xml encoding "windows-1252"?>')).to.deep.equal({});
      expect(declared('<?xml encoding:"windows-1252"?>')).to.deep.equal({});
      expect(declared('<?xml encoding=|windows-1252|?>')).to.deep.equal({});
      expect(declared('<?xml encoding=`windows-1252`?>')).to.deep.equal({});
    });
  });

  it('utf8Length of decoded text cut anywhere (byteOffset may cut a surrogate pair): as TextEncoder counts it', function () {
    // TextEncoder encodes a lone surrogate as U+FFFD, 3 bytes.
    expect(utf8Length('\ud83d')).to.equal(3);
    expect(utf8Length('a\ud83d')).to.equal(4);
    expect(utf8Length('\u{1f600}\ud83d')).to.equal(7);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 16 }), fc.nat(), (t, k) => {
        const s = t.slice(0, k % (t.length + 1));
        expect(utf8Length(s)).to.equal(new TextEncoder().encode(s).length);
      }),
      { numRuns: 1000, seed: 153 },
    );
  });
});
