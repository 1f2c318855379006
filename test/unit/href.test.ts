/**
 * lib/href.ts on its own: `hrefPath` (the percent-decoded path of an href), `percentDecode`,
 * `resolveHref`. Checked against hand-written examples and, by property tests, against an
 * independent percent-decoder written here: a byte-level UTF-8 validator (RFC 3629 table 1: no
 * overlong forms, no surrogates, nothing past U+10FFFF) that shares nothing with lib/ (no
 * decodeURIComponent, no TextDecoder).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { hrefPath, percentDecode, resolveHref, schemeEnd } from '../../lib/href.js';

const HEX_DIGITS = '0123456789abcdefABCDEF';
const isHexDigit = (c: string | undefined): boolean => c !== undefined && c !== '' && HEX_DIGITS.includes(c);

/** Length of a well-formed UTF-8 sequence starting at `bytes[i]`, or 0 (RFC 3629 §4). */
function wellFormedLength(bytes: readonly number[], i: number): number {
  const b0 = bytes[i]!;
  const within = (k: number, lo: number, hi: number): boolean => i + k < bytes.length && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  const tail = (k: number): boolean => within(k, 0x80, 0xbf);
  if (b0 <= 0x7f) return 1;
  if (b0 >= 0xc2 && b0 <= 0xdf) return tail(1) ? 2 : 0;
  if (b0 === 0xe0) return within(1, 0xa0, 0xbf) && tail(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return tail(1) && tail(2) ? 3 : 0;
  if (b0 === 0xed) return within(1, 0x80, 0x9f) && tail(2) ? 3 : 0;
  if (b0 === 0xf0) return within(1, 0x90, 0xbf) && tail(2) && tail(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return tail(1) && tail(2) && tail(3) ? 4 : 0;
  if (b0 === 0xf4) return within(1, 0x80, 0x8f) && tail(2) && tail(3) ? 4 : 0;
  return 0;
}

/** The code point of a well-formed sequence of `len` bytes at `i`. */
function codePointAt(bytes: readonly number[], i: number, len: number): number {
  if (len === 1) return bytes[i]!;
  let cp = bytes[i]! & (len === 2 ? 0x1f : len === 3 ? 0x0f : 0x07);
  for (let k = 1; k < len; k++) cp = (cp << 6) | (bytes[i + k]! & 0x3f);
  return cp;
}

/**
 * The oracle: every maximal run of `%XX` escapes is read as bytes; each well-formed UTF-8 sequence
 * becomes its character; a byte that does not start one is kept as its escape, as sent. Everything
 * else (`+`, a lone `%`, `%` without two hex digits) is copied unchanged.
 */
export function oracleDecode(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (!(s[i] === '%' && isHexDigit(s[i + 1]) && isHexDigit(s[i + 2]))) {
      out += s[i];
      i += 1;
      continue;
    }
    const bytes: number[] = [];
    const sources: string[] = [];
    while (s[i] === '%' && isHexDigit(s[i + 1]) && isHexDigit(s[i + 2])) {
      bytes.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      sources.push(s.slice(i, i + 3));
      i += 3;
    }
    let k = 0;
    while (k < bytes.length) {
      const len = wellFormedLength(bytes, k);
      if (len === 0) {
        out += sources[k];
        k += 1;
      } else {
        out += String.fromCodePoint(codePointAt(bytes, k, len));
        k += len;
      }
    }
  }
  return out;
}

/** UTF-8 bytes of a code point (the encoder side of the round trip), written out by hand. */
function utf8Of(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
}

const escape = (b: number, upper = true): string => {
  const h = b.toString(16).padStart(2, '0');
  return `%${upper ? h.toUpperCase() : h}`;
};

/** Hand-checked: input -> decoded path. */
const EXAMPLES: [string, string, string][] = [
  ['no escapes', '/a/b c/+x', '/a/b c/+x'],
  ['one valid escape', '/a%20b', '/a b'],
  ['lower-case hex', '/caf%c3%a9', '/café'],
  ['a valid escape beside an invalid one', '/a%20b%FF', '/a b%FF'],
  ['invalid first, valid after', '/%FF/a%20b', '/%FF/a b'],
  ['a lone continuation byte between valid ones', '/%C3%A9%80%C3%A9', '/é%80é'],
  ['truncated 3-byte sequence then ASCII escape', '/%E2%82%41', '/%E2%82A'],
  ['`+` stays `+` (not form encoding), with escapes around', '/a+b%20c+d', '/a+b c+d'],
  ['`%2B` is a plus', '/a%2Bb', '/a+b'],
  ['UTF-8 of € split across three escapes', '/%E2%82%AC', '/€'],
  ['a 4-byte sequence (U+1F600)', '/%F0%9F%98%80', '/😀'],
  ['overlong `/` (C0 AF) kept verbatim', '/a%C0%AFb', '/a%C0%AFb'],
  ['overlong 3-byte NUL (E0 80 80) kept', '/%E0%80%80', '/%E0%80%80'],
  ['UTF-16 surrogate D800 (ED A0 80) kept', '/%ED%A0%80x', '/%ED%A0%80x'],
  ['past U+10FFFF (F4 90 80 80) kept', '/%F4%90%80%80', '/%F4%90%80%80'],
  ['`%` without two hex digits', '/100%/a%2/b%zz/%', '/100%/a%2/b%zz/%'],
  ['`%` then one hex digit then an escape', '/%4%41', '/%4A'],
  ['escaped slash and percent', '/a%2Fb/%25', '/a/b/%'],
  ['`..` segments are kept as sent', '/a/../b/./c', '/a/../b/./c'],
  ['absolute URL: scheme and authority dropped', 'https://dav.example/x%20y/', '/x y/'],
  ['absolute URL with port, query and fragment', 'http://h.example:8080/p%C3%A4th?q=%20#f%20', '/päth'],
  ['IPv6 host', 'http://[2001:db8::1]:8443/a%20b/', '/a b/'],
  ['IPv6 host, no path', 'http://[::1]', ''],
  ['authority only, then query', 'http://h.example?x=1', ''],
  ['userinfo in the authority', 'https://u:p%40w@h.example/d/', '/d/'],
  ['urn: scheme without authority', 'urn:uuid:f81d4fae', 'uuid:f81d4fae'],
  ['relative path with a query', 'a%20b?c=d', 'a b'],
  ['fragment before query sign', '/a#b?c', '/a'],
  ['empty', '', ''],
];

describe('lib/href.ts', function () {
  describe('hrefPath: hand-checked examples', function () {
    for (const [what, href, path] of EXAMPLES) {
      it(`${what}: ${JSON.stringify(href)} -> ${JSON.stringify(path)}`, function () {
        expect(hrefPath(href)).to.equal(path);
      });
    }
    it('the oracle agrees with every hand-checked example (it is fit to judge the property tests)', function () {
      for (const [, href, path] of EXAMPLES) {
        const authority = /^[A-Za-z][A-Za-z0-9+.-]*:(\/\/[^/?#]*)?/.exec(href);
        const rest = authority ? href.slice(authority[0].length) : href;
        expect(oracleDecode(rest.split(/[?#]/)[0]!), href).to.equal(path);
      }
    });
  });

  describe('percentDecode', function () {
    it('returns the very string when there is no `%`', function () {
      const s = '/plain/path+x';
      expect(percentDecode(s)).to.equal(s);
    });
    it('every single byte as an escape: ASCII decodes, any other lone byte is kept verbatim', function () {
      for (let b = 0; b < 256; b++) {
        for (const upper of [true, false]) {
          const e = escape(b, upper);
          expect(percentDecode(`x${e}y`), e).to.equal(b < 0x80 ? `x${String.fromCharCode(b)}y` : `x${e}y`);
        }
      }
    });
    it('every 2-byte lead with every continuation byte decodes exactly when well-formed', function () {
      for (let lead = 0xc0; lead <= 0xdf; lead++) {
        for (const cont of [0x7f, 0x80, 0xbf, 0xc0]) {
          const s = escape(lead) + escape(cont);
          const want = lead >= 0xc2 && cont >= 0x80 && cont <= 0xbf ? String.fromCodePoint(((lead & 0x1f) << 6) | (cont & 0x3f)) : oracleDecode(s);
          expect(percentDecode(s), s).to.equal(want);
        }
      }
    });
    it('the boundary second bytes of E0, ED, F0, F4 (overlong, surrogate, past U+10FFFF)', function () {
      const cases: [number, number, boolean][] = [
        [0xe0, 0x9f, false], [0xe0, 0xa0, true], [0xed, 0x9f, true], [0xed, 0xa0, false],
        [0xf0, 0x8f, false], [0xf0, 0x90, true], [0xf4, 0x8f, true], [0xf4, 0x90, false],
      ];
      for (const [lead, second, ok] of cases) {
        const bytes = lead >= 0xf0 ? [lead, second, 0x80, 0x80] : [lead, second, 0x80];
        const s = bytes.map((b) => escape(b)).join('');
        const got = percentDecode(s);
        expect(got !== s, `${s} decodes: ${String(ok)}`).to.equal(ok);
        expect(got, s).to.equal(oracleDecode(s));
      }
    });
  });

  describe('property tests against the independent decoder', function () {
    /** Pieces an href path is built from: plain text, `+`, stray `%`, escapes of valid and broken UTF-8. */
    const piece = fc.oneof(
      fc.constantFrom('/', 'a', 'Z', '+', ' ', '.', '..', '%', '%4', '%g1', '?', '#', '~', 'é'),
      fc.integer({ min: 0, max: 255 }).chain((b) => fc.boolean().map((u) => escape(b, u))),
      fc
        .integer({ min: 0, max: 0x10ffff })
        .filter((cp) => cp < 0xd800 || cp > 0xdfff)
        .chain((cp) => fc.boolean().map((u) => utf8Of(cp).map((b) => escape(b, u)).join(''))),
      // A valid sequence with its last byte cut off, or its lead byte alone.
      fc.integer({ min: 0x80, max: 0x10ffff }).map((cp) => utf8Of(cp).slice(0, -1).map((b) => escape(b)).join('')),
      // Overlong forms of an ASCII or 2-byte code point, and surrogates.
      fc.integer({ min: 0, max: 0x7ff }).map((cp) => [0xe0, 0x80 | (cp >> 6), 0x80 | (cp & 0x3f)].map((b) => escape(b)).join('')),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((cp) => [0xed, 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].map((b) => escape(b)).join('')),
    );
    const path = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));

    it('percentDecode equals the oracle on any mix of valid, invalid and partial escapes', function () {
      fc.assert(fc.property(path, (s) => percentDecode(s) === oracleDecode(s)), { numRuns: 3000, seed: 15 });
    });

    it('hrefPath of scheme://authority + path + ?query#fragment is the decoded path alone', function () {
      const clean = path.map((p) => p.replace(/[?#]/g, ''));
      const authority = fc.constantFrom('http://h.example', 'https://h.example:8443', 'http://[::1]', 'http://[2001:db8::7]:80', 'https://u%20:p@h.example');
      const tail = fc.constantFrom('', '?', '?a=%20&b', '#', '#x%20', '?q#f');
      fc.assert(
        fc.property(authority, clean, tail, (a, p, t) => {
          const absPath = p.startsWith('/') || p === '' ? p : `/${p}`;
          return hrefPath(`${a}${absPath}${t}`) === oracleDecode(absPath) && hrefPath(`${absPath}${t}`) === oracleDecode(absPath);
        }),
        { numRuns: 1500, seed: 16 },
      );
    });

    it('round trip: any text, every code unit escaped as UTF-8, decodes back to the text', function () {
      const text = fc.string({ unit: 'grapheme', maxLength: 20 });
      fc.assert(
        fc.property(text, fc.boolean(), (t, upper) => {
          const encoded = [...t].map((ch) => utf8Of(ch.codePointAt(0)!).map((b) => escape(b, upper)).join('')).join('');
          return hrefPath(`/${encoded}`) === `/${t}`;
        }),
        { numRuns: 1500, seed: 17 },
      );
    });
  });

  describe('schemeEnd', function () {
    it('finds the scheme colon only for a letter followed by scheme characters', function () {
      expect(schemeEnd('http://x')).to.equal(4);
      expect(schemeEnd('svn+ssh://x')).to.equal(7);
      expect(schemeEnd('a1.-+:x')).to.equal(5);
      expect(schemeEnd('urn:uuid:1')).to.equal(3);
      expect(schemeEnd('/a:b')).to.equal(-1);
      expect(schemeEnd('1a:b')).to.equal(-1);
      expect(schemeEnd('a b:c')).to.equal(-1);
      expect(schemeEnd('a_b:c')).to.equal(-1);
      expect(schemeEnd('abc')).to.equal(-1);
      expect(schemeEnd('')).to.equal(-1);
      expect(schemeEnd('Z:')).to.equal(1);
      expect(schemeEnd('@:x')).to.equal(-1);
      expect(schemeEnd('[:x')).to.equal(-1);
      expect(schemeEnd('`:x')).to.equal(-1);
      expect(schemeEnd('{:x')).to.equal(-1);
      expect(schemeEnd('a/:x')).to.equal(-1);
      expect(schemeEnd('a[:x')).to.equal(-1);
    });
  });

  describe('resolveHref', function () {
    const base = new URL('https://dav.example/base/dir/');
    const cases: [string, URL | undefined, string | undefined][] = [
      ['/a/b', base, 'https://dav.example/a/b'],
      ['file%20x', base, 'https://dav.example/base/dir/file%20x'],
      ['../up/./x', base, 'https://dav.example/base/up/x'],
      ['/a/../b/', base, 'https://dav.example/b/'],
      ['http://other.example/x', base, 'http://other.example/x'],
      ['http://[2001:DB8::1]:8080/a%20b', undefined, 'http://[2001:db8::1]:8080/a%20b'],
      ['HTTP://Host.Example/%7e', undefined, 'http://host.example/%7e'],
      ['/relative/without/base', undefined, undefined],
      ['relative', undefined, undefined],
      ['http://[::1', undefined, undefined],
      ['http://[::1', base, undefined],
      ['urn:uuid:f81d', undefined, 'urn:uuid:f81d'],
    ];
    for (const [href, b, want] of cases) {
      it(`${JSON.stringify(href)} against ${b ? b.href : 'no base'} -> ${String(want)}`, function () {
        expect(resolveHref(href, b)).to.equal(want);
      });
    }
  });
});
