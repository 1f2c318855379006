/**
 * Character classes of XML 1.0 (fifth edition): name characters, whitespace and the characters a
 * document may hold at all. ASCII is answered from a table; the rest by the ranges of the spec.
 */

/** Bit set in ASCII_CLASS for a NameStartChar. */
const START = 1;
/** Bit set in ASCII_CLASS for a NameChar. */
const NAME = 2;

const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 /* _ */ || c === 58; /* : */
  const other = (c >= 48 && c <= 57) || c === 45 /* - */ || c === 46; /* . */
  ASCII_CLASS[c] = (letter ? START | NAME : 0) | (other ? NAME : 0);
}

/** True for a NameStartChar in the Basic Multilingual Plane (surrogates excluded: see {@link isSupplementaryNameLead}). */
export function isNameStart(c: number): boolean {
  if (c < 128) return (ASCII_CLASS[c]! & START) !== 0;
  return isWideNameStart(c);
}

/** True for a NameChar in the Basic Multilingual Plane (surrogates excluded). */
export function isNameChar(c: number): boolean {
  if (c < 128) return (ASCII_CLASS[c]! & NAME) !== 0;
  return isWideNameStart(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040;
}

function isWideNameStart(c: number): boolean {
  if (c < 0x300) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
  if (c < 0x2000) return c >= 0x370 && c !== 0x37e;
  if (c < 0x3001) return c === 0x200c || c === 0x200d || (c >= 0x2070 && c <= 0x218f) || (c >= 0x2c00 && c <= 0x2fef);
  if (c < 0xd800) return true;
  return (c >= 0xf900 && c <= 0xfdcf) || (c >= 0xfdf0 && c <= 0xfffd);
}

/** True for the high (first) surrogate of a character in #x10000-#xEFFFF, which names may hold. */
export function isSupplementaryNameLead(c: number): boolean {
  return c >= 0xd800 && c <= 0xdb7f;
}

/** True for a high surrogate. */
export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** True for a low surrogate. */
export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** True for XML whitespace: space, tab, line feed, carriage return. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** True for a code point that a character reference may name (XML 1.0 Char). */
export function isCharCodePoint(cp: number): boolean {
  if (cp < 0x20) return cp === 9 || cp === 10 || cp === 13;
  if (cp < 0xd800) return true;
  if (cp < 0xe000) return false;
  if (cp < 0x10000) return cp !== 0xfffe && cp !== 0xffff;
  return cp <= 0x10ffff;
}

/** True for a whole name (a string) by the rules above: used for names that arrived in pieces. */
export function isName(name: string): boolean {
  if (name.length === 0) return false;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (isSupplementaryNameLead(c)) {
      if (!isLowSurrogate(name.charCodeAt(k + 1))) return false;
      k++;
      continue;
    }
    if (k === 0 ? !isNameStart(c) : !isNameChar(c)) return false;
  }
  return true;
}
