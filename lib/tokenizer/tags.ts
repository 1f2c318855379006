// Start tags, attributes and end tags: the state functions of a Tokenizer for what lies between
// `<` and `>` of an element's tags. Each reads from `s[i]` and returns where the next state starts.
import { isLowSurrogate, isName, isNameChar, isNameStart, isSupplementaryNameLead } from './chars.js';
import { M, duplicate, mismatch } from './messages.js';
import type { NameEntry } from './names.js';
import * as S from './states.js';
import type { TokenizerState } from './state.js';

/** Attribute names on one element past which duplicates are found with a Set. */
const LINEAR_ATTRS = 16;

/**
 * Scans name characters from `i`; returns the index of the first character that is not one.
 * A supplementary character (a surrogate pair) counts as one column.
 */
function scanName(t: TokenizerState, s: string, i: number): number {
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isNameChar(c)) continue;
    if (isSupplementaryNameLead(c) && isLowSurrogate(s.charCodeAt(i + 1))) {
      t.pairs++;
      i++;
      continue;
    }
    break;
  }
  return i;
}

/** The entry of the name that ends at `i`: the stored copy, cut from the chunk only when it was not seen recently. */
function nameEndingAt(t: TokenizerState, s: string, i: number): NameEntry {
  let entry: NameEntry;
  if (t.acc === '') {
    entry = t.names.entry(s, t.start, i);
  } else {
    const whole = t.acc + s.slice(t.start, i);
    t.acc = '';
    entry = t.names.entry(whole, 0, whole.length);
  }
  if (!entry.qname) {
    // `<:x>`, `<p:>`, `p:q:r="1"`, `xmlns:="…"`: a Name in XML 1.0, but no QName (Namespaces §4 [7]).
    t.i = i;
    t.fail(M.notQName);
  }
  return entry;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

export function startName(t: TokenizerState, s: string, i: number): number {
  i = scanName(t, s, i);
  if (i === s.length) return i;
  const entry = nameEndingAt(t, s, i);
  t.last.next = entry;
  t.last = entry;
  t.tagEntry = entry;
  t.tagName = entry.name;
  return startNameEnd(t, s, i, s.charCodeAt(i));
}

/** What follows a start tag's name (at `i`, the character `c`). */
export function startNameEnd(t: TokenizerState, s: string, i: number, c: number): number {
  if (c === 0x3e) {
    t.openElement(t.tagName, false, i + 1);
    return i + 1;
  }
  if (c === 0x2f) {
    t.state = S.EMPTY_END;
    return i + 1;
  }
  if (isSpaceCode(c)) {
    if (c === 10 || c === 13) t.lineEnd(i, c);
    t.spaced = true;
    t.state = S.IN_TAG;
    return i + 1;
  }
  t.i = i + 1;
  return t.fail(M.badNameChar);
}

export function inTag(t: TokenizerState, s: string, i: number): number {
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9) {
      t.spaced = true;
      continue;
    }
    if (c === 10 || c === 13) {
      t.lineEnd(i, c);
      t.spaced = true;
      continue;
    }
    if (c === 0x3e) {
      t.openElement(t.tagName, false, i + 1);
      return i + 1;
    }
    if (c === 0x2f) {
      t.state = S.EMPTY_END;
      return i + 1;
    }
    t.i = i + 1;
    if (!isNameStart(c) && !isSupplementaryNameLead(c)) return t.fail(M.badAttrNameChar);
    if (!t.spaced) return t.fail(M.noSpaceBetweenAttrs);
    t.start = i;
    t.state = S.ATTR_NAME;
    return i;
  }
  return i;
}

export function attrName(t: TokenizerState, s: string, i: number): number {
  i = scanName(t, s, i);
  if (i === s.length) return i;
  const c = s.charCodeAt(i);
  t.attrName = nameEndingAt(t, s, i).name;
  if (c === 0x3d) {
    t.state = S.ATTR_QUOTE;
    return i + 1;
  }
  if (isSpaceCode(c)) {
    if (c === 10 || c === 13) t.lineEnd(i, c);
    t.state = S.ATTR_EQ;
    return i + 1;
  }
  t.i = i + 1;
  return t.fail(c === 0x3e || c === 0x2f ? M.noValue : M.badAttrNameChar);
}

export function attrEq(t: TokenizerState, s: string, i: number): number {
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3d) {
      t.state = S.ATTR_QUOTE;
      return i + 1;
    }
    if (!isSpaceCode(c)) {
      t.i = i + 1;
      return t.fail(M.noValue);
    }
    if (c === 10 || c === 13) t.lineEnd(i, c);
  }
  return i;
}

export function attrQuote(t: TokenizerState, s: string, i: number): number {
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      t.quote = c;
      t.start = i + 1;
      t.state = S.ATTR_VALUE;
      return i + 1;
    }
    if (!isSpaceCode(c)) {
      t.i = i + 1;
      return t.fail(M.unquoted);
    }
    if (c === 10 || c === 13) t.lineEnd(i, c);
  }
  return i;
}

/** A quoted attribute value: whitespace characters become spaces (CR LF one space), references are resolved. */
export function attrValue(t: TokenizerState, s: string, i: number): number {
  const n = s.length;
  const quote = t.quote;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x3c) {
      if (c >= 0xd800) i = t.wide(s, i, c);
      continue;
    }
    if (c === quote) {
      const value = t.acc === '' ? s.slice(t.start, i) : t.acc + s.slice(t.start, i);
      t.acc = '';
      t.i = i + 1;
      attribute(t, value);
      t.state = S.IN_TAG;
      t.spaced = false;
      return i + 1;
    }
    if (c >= 0x20) {
      if (c === 0x3c) {
        t.i = i + 1;
        return t.fail(M.ltInValue);
      }
      if (c === 0x26) {
        t.acc += s.slice(t.start, i);
        t.beginRef(S.ATTR_VALUE, s, i);
        return i + 1;
      }
      continue;
    }
    if (c === 9) {
      t.acc += s.slice(t.start, i) + ' ';
      t.start = i + 1;
    } else if (c === 10) {
      if (t.crAt === t.base + i - 1) {
        t.acc += s.slice(t.start, i);
        t.lineStart = t.base + i + 1;
      } else {
        t.acc += s.slice(t.start, i) + ' ';
        t.newLine(i);
      }
      t.start = i + 1;
    } else if (c === 13) {
      t.acc += s.slice(t.start, i) + ' ';
      t.start = i + 1;
      t.newLine(i);
      t.crAt = t.base + i;
    } else {
      t.i = i + 1;
      return t.fail(M.badChar);
    }
  }
  return i;
}

/** An attribute is complete: unique on its element, then handed on. */
function attribute(t: TokenizerState, value: string): void {
  const name = t.attrName;
  const names = t.attrNames;
  const count = names.length;
  if (count < LINEAR_ATTRS) {
    for (let k = 0; k < count; k++) if (names[k] === name) t.fail(duplicate(name));
  } else {
    if (count === LINEAR_ATTRS) t.attrSet = new Set(names);
    if (t.attrSet!.has(name)) t.fail(duplicate(name));
    t.attrSet!.add(name);
  }
  names.push(name);
  if (value.length > t.maxToken) t.tooLong();
  t.events.onAttribute(name, value);
}

export function emptyEnd(t: TokenizerState, s: string, i: number): number {
  if (s.charCodeAt(i) !== 0x3e) {
    t.i = i + 1;
    return t.fail(M.slashNotClosing);
  }
  t.openElement(t.tagName, true, i + 1);
  return i + 1;
}

/** An end tag's name, compared in place with the open element's (no string is made when they match). */
export function endName(t: TokenizerState, s: string, i: number): number {
  i = scanName(t, s, i);
  if (i === s.length) return i;
  const c = s.charCodeAt(i);
  const expected = t.depth > 0 ? t.open[t.depth - 1]! : '';
  let matched: boolean;
  let empty: boolean;
  if (t.acc === '') {
    const start = t.start;
    const length = i - start;
    empty = length === 0;
    matched = length === expected.length && !empty;
    for (let k = 0; matched && k < length; k++) matched = s.charCodeAt(start + k) === expected.charCodeAt(k);
    t.tagName = matched ? expected : s.slice(start, i);
  } else {
    const whole = t.acc + s.slice(t.start, i);
    t.acc = '';
    empty = false;
    matched = whole === expected;
    t.tagName = matched ? expected : whole;
  }
  t.mark = matched ? 1 : 0;
  t.i = i + 1;
  if (c === 0x3e) return finishEnd(t, i + 1, empty);
  if (isSpaceCode(c) && !empty) {
    if (c === 10 || c === 13) t.lineEnd(i, c);
    t.state = S.END_SPACE;
    return i + 1;
  }
  return t.fail(M.badEndChar);
}

export function endSpace(t: TokenizerState, s: string, i: number): number {
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3e) {
      t.i = i + 1;
      return finishEnd(t, i + 1, false);
    }
    if (!isSpaceCode(c)) {
      t.i = i + 1;
      return t.fail(M.badEndChar);
    }
    if (c === 10 || c === 13) t.lineEnd(i, c);
  }
  return i;
}

function finishEnd(t: TokenizerState, after: number, empty: boolean): number {
  if (empty) return t.fail(M.emptyEnd);
  const name = t.tagName;
  if (t.mark !== 1) {
    if (!isName(name)) return t.fail(M.badEndChar);
    if (t.depth === 0) return t.fail(M.closeWithoutOpen);
    return t.fail(mismatch(name, t.open[t.depth - 1]!));
  }
  t.closeElement(name, after);
  return after;
}
