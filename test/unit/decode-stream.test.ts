/**
 * lib/decode/decoder.ts (ByteDecoder) on its own, by property tests: random text encoded as UTF-8
 * (with or without a BOM), UTF-16LE/BE (BOM or `<?xml` pattern) and windows-1252, cut into random
 * chunks. The text returned across `write()` and `end()` must be the whole text; `byteOffset(k)`
 * after each write must be the byte offset of that character in the body, computed here with
 * TextEncoder or by counting code units (not with lib's utf8Length); an invalid UTF-8 sequence
 * must be reported at the offset the independent RFC 3629 validator (test/helpers/utf8-oracle.ts)
 * finds, with exactly the text before it returned; a body cut inside a character must end in
 * TRUNCATED at that character's first byte.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { ByteDecoder } from '../../lib/decode/decoder.js';
import { MultistatusError } from '../../lib/errors.js';
import { cut } from '../helpers/bytes.js';
import { oracleInvalidUtf8 } from '../helpers/utf8-oracle.js';

const utf8 = (s: string): number[] => [...new TextEncoder().encode(s)];
const utf16 = (s: string, le: boolean): number[] => {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return out;
};

/** Indices of code point starts in `t` (and its end): where a byte offset is meaningful. */
function boundaries(t: string): number[] {
  const out: number[] = [];
  let i = 0;
  for (const ch of t) {
    out.push(i);
    i += ch.length;
  }
  out.push(t.length);
  return out;
}

interface Run {
  text: string;
  notes: string[];
  encoding: string | undefined;
  invalid: { offset: number } | undefined;
  error: MultistatusError | undefined;
}

/**
 * Feeds the chunks; after each write checks byteOffset at every code point boundary of the text
 * returned, with `bytesOf` giving the byte length of a piece of text and `start` the byte offset
 * where the text after the BOM begins.
 */
function run(chunks: Uint8Array[], hint: string | undefined, bytesOf: ((s: string) => number) | undefined, start: number): Run {
  const notes: string[] = [];
  const d = new ByteDecoder(hint, (code) => notes.push(code));
  let text = '';
  const check = (t: string): void => {
    if (t === '' || bytesOf === undefined) return;
    const base = start + bytesOf(text);
    for (const k of boundaries(t)) expect(d.byteOffset(k), `byteOffset(${k}) of ${JSON.stringify(t)}`).to.equal(base + bytesOf(t.slice(0, k)));
    expect(d.byteOffset(t.length + 5), 'past the end: clamped').to.equal(base + bytesOf(t));
    expect(d.byteOffset(-3), 'before the start: clamped').to.equal(base);
  };
  let error: MultistatusError | undefined;
  try {
    for (const c of chunks) {
      const t = d.write(c);
      check(t);
      text += t;
    }
    if (d.invalid === undefined) {
      const t = d.end();
      check(t);
      text += t;
    }
  } catch (e) {
    if (!(e instanceof MultistatusError)) throw e;
    error = e;
  }
  // Writes after an invalid sequence are ignored, and not counted.
  if (d.invalid === undefined) expect(d.bytes).to.equal(chunks.reduce((n, c) => n + c.length, 0));
  return { text, notes, encoding: d.encoding, invalid: d.invalid, error };
}

const text = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.startsWith('<?xml') && !s.startsWith('\ufeff'));
const points = fc.array(fc.nat(), { maxLength: 12 });

describe('ByteDecoder', function () {
  it('UTF-8, with or without a BOM: the whole text, byte offsets of every character, whatever the chunking', function () {
    fc.assert(
      fc.property(text, fc.boolean(), points, (t, bom, ps) => {
        const body = [...(bom ? [0xef, 0xbb, 0xbf] : []), ...utf8(t)];
        const r = run(cut(body, ps), undefined, (s) => utf8(s).length, bom ? 3 : 0);
        expect(r.error).to.equal(undefined);
        expect(r.text).to.equal(t);
        expect(r.encoding).to.equal('utf-8');
        expect(r.notes).to.deep.equal([]);
      }),
      { numRuns: 1500, seed: 71 },
    );
  });

  it('UTF-16LE and BE, by BOM or by the `<?xml` pattern, whatever the chunking', function () {
    fc.assert(
      fc.property(text, fc.boolean(), fc.boolean(), points, (t0, le, bom, ps) => {
        const t = bom ? t0 : `<?xml version="1.0" encoding="UTF-16"?>${t0}`;
        const body = [...(bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : []), ...utf16(t, le)];
        const r = run(cut(body, ps), undefined, (s) => 2 * s.length, bom ? 2 : 0);
        expect(r.error).to.equal(undefined);
        expect(r.text).to.equal(t);
        expect(r.encoding).to.equal(le ? 'utf-16le' : 'utf-16be');
      }),
      { numRuns: 800, seed: 72 },
    );
  });

  it('windows-1252 from the charset hint or the declaration: one byte per character', function () {
    // WHATWG's windows-1252 index: 0x20-0x7E and 0xA0-0xFF are the same code points; three of the
    // 0x80-0x9F block, by hand. (Node's own non-fatal windows-1252 TextDecoder reads 0x80-0x9F as
    // Latin-1, so it cannot serve as the oracle.)
    const HIGH: Record<number, string> = { 0x80: '\u20ac', 0x99: '\u2122', 0x9f: '\u0178' };
    const byte = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }), fc.constantFrom(0x80, 0x99, 0x9f));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 40 }), fc.boolean(), points, (xs, byHint, ps) => {
        const declText = byHint ? '' : '<?xml version="1.0" encoding="windows-1252"?>';
        const body = [...utf8(declText), ...xs];
        const want = declText + xs.map((b) => HIGH[b] ?? String.fromCharCode(b)).join('');
        const r = run(cut(body, ps), byHint ? ' Windows-1252 ' : undefined, (s) => s.length, 0);
        expect(r.error).to.equal(undefined);
        expect(r.text).to.equal(want);
        expect(r.encoding).to.equal('windows-1252');
      }),
      { numRuns: 800, seed: 73 },
    );
  });

  it('an invalid UTF-8 sequence: its offset by the independent validator, exactly the text before it returned', function () {
    const junk = fc.array(fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f, 0x8f, 0x90), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(text, junk, text, fc.boolean(), points, (before, bad, after, bom, ps) => {
        const body = [...(bom ? [0xef, 0xbb, 0xbf] : []), ...utf8(before), ...bad, ...utf8(`${after}x`)];
        const at = oracleInvalidUtf8(body.slice(bom ? 3 : 0), true);
        const r = run(cut(body, ps), undefined, (s) => utf8(s).length, bom ? 3 : 0);
        if (at < 0) {
          expect(r.invalid).to.equal(undefined);
          return;
        }
        const offset = at + (bom ? 3 : 0);
        expect(r.error).to.equal(undefined);
        expect(r.invalid?.offset).to.equal(offset);
        expect(r.text).to.equal(new TextDecoder().decode(Uint8Array.from(body.slice(bom ? 3 : 0, offset))));
      }),
      { numRuns: 2000, seed: 74 },
    );
  });

  it('a sequence whose second byte is already out of range, cut by a chunk end: the text before it kept, its offset exact', function () {
    // F4 90 (past U+10FFFF), E0 80 (overlong), ED A0 (surrogate), F0 8F (overlong): TextDecoder
    // refuses them before the sequence is complete.
    for (const bad of [[0xf4, 0x90], [0xe0, 0x80], [0xed, 0xa0], [0xf0, 0x8f]]) {
      const r = run([Uint8Array.from([0x20, 0xc3, 0xa9, ...bad]), Uint8Array.from([0x78])], undefined, (s) => utf8(s).length, 0);
      expect(r.text, bad.join(' ')).to.equal(' \u00e9');
      expect(r.invalid?.offset, bad.join(' ')).to.equal(3);
    }
  });

  it('a body cut inside a UTF-8 or UTF-16 character ends in TRUNCATED at its first byte', function () {
    fc.assert(
      fc.property(text, fc.constantFrom('é', '€', '😀'), fc.nat(), fc.constantFrom('utf-8', 'utf-16le', 'utf-16be'), points, (t, ch, k, enc, ps) => {
        const whole = enc === 'utf-8' ? utf8(ch) : utf16(ch, enc === 'utf-16le');
        const keep = 1 + (k % (whole.length - 1));
        const head = enc === 'utf-8' ? utf8(t) : [...(enc === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]), ...utf16(t, enc === 'utf-16le')];
        const body = [...head, ...whole.slice(0, keep)];
        const r = run(cut(body, ps), undefined, (s) => (enc === 'utf-8' ? utf8(s).length : 2 * s.length), enc === 'utf-8' ? 0 : 2);
        expect(r.error?.code, `${enc} cut after ${keep} of ${whole.length} bytes`).to.equal('TRUNCATED');
        expect(r.error?.offset).to.equal(head.length);
        expect(r.text).to.equal(t);
      }),
      { numRuns: 1000, seed: 75 },
    );
  });

  describe('which encoding wins (BOM > charset > declaration > UTF-8) and the notes it leaves', function () {
    const latin = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
    const cases: [string, Uint8Array, string | undefined, string, string[]][] = [
      ['UTF-8 BOM, no hint', Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]), undefined, 'utf-8', []],
      ['UTF-8 BOM, utf8 hint (same encoding)', Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]), 'utf8', 'utf-8', []],
      ['UTF-8 BOM, latin1 hint', Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]), 'latin1', 'utf-8', ['CHARSET_CONFLICT']],
      ['UTF-16LE BOM, utf-16be hint (one family)', Uint8Array.from([0xff, 0xfe, 0x41, 0]), 'utf-16be', 'utf-16le', []],
      ['UTF-16BE BOM, utf-8 hint', Uint8Array.from([0xfe, 0xff, 0, 0x41]), 'utf-8', 'utf-16be', ['CHARSET_CONFLICT']],
      ['hint beats a different declaration', latin('<?xml version="1.0" encoding="utf-8"?><a/>'), 'iso-8859-1', 'windows-1252', ['CHARSET_CONFLICT']],
      ['hint agrees with the declaration', latin('<?xml version="1.0" encoding="UTF-8"?><a/>'), 'utf-8', 'utf-8', []],
      ['hint beats a UTF-16 pattern', Uint8Array.from([0x3c, 0, 0x3f, 0, 0x78, 0]), 'utf-8', 'utf-8', ['CHARSET_CONFLICT']],
      ['hint of the pattern family', Uint8Array.from([0x3c, 0, 0x3f, 0, 0x78, 0]), 'utf-16le', 'utf-16le', []],
      ['declaration without hint', latin('<?xml version="1.0" encoding="ISO-8859-1"?><a/>'), undefined, 'windows-1252', []],
      ['a UTF-16 declaration in single bytes is read as UTF-8', latin('<?xml version="1.0" encoding="UTF-16"?><a/>'), undefined, 'utf-8', ['CHARSET_CONFLICT']],
      ['nothing: UTF-8', latin('<a/>'), undefined, 'utf-8', []],
    ];
    for (const [what, body, hint, want, notes] of cases) {
      it(what, function () {
        const r = run([body], hint, undefined, 0);
        expect(r.encoding).to.equal(want);
        expect(r.notes).to.deep.equal(notes);
      });
    }
    it('an unknown charset is an ENCODING error naming it', function () {
      const d = new ByteDecoder('x-unknown', () => undefined);
      try {
        d.write(Uint8Array.from([0x41, 0x42, 0x43, 0x44, 0x45, 0x46]));
        expect.fail('no error');
      } catch (e) {
        expect((e as MultistatusError).code).to.equal('ENCODING');
        expect((e as MultistatusError).message).to.contain('x-unknown');
      }
    });
    it('an empty body, and empty writes, give no text', function () {
      const d = new ByteDecoder(undefined, () => undefined);
      expect(d.write(new Uint8Array(0))).to.equal('');
      expect(d.end()).to.equal('');
      expect(d.encoding).to.equal('utf-8');
      expect(d.bytes).to.equal(0);
    });
    it('sniffing waits for up to SNIFF_BYTES when the declaration has not ended', function () {
      const d = new ByteDecoder(undefined, () => undefined);
      const open = '<?xml version="1.0" encoding="windows-1252"';
      expect(d.write(Uint8Array.from(open, (c) => c.charCodeAt(0)))).to.equal('');
      expect(d.encoding).to.equal(undefined);
      expect(d.write(Uint8Array.from('?><a>\u00e9</a>', (c) => c.charCodeAt(0)))).to.equal(`${open}?><a>\u00e9</a>`);
      expect(d.encoding).to.equal('windows-1252');
    });
  });
});
