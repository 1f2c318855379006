// Character data: text inside the root element (kept, line ends normalised, references resolved
// by references.ts) and what lies outside it (whitespace only). State functions of a Tokenizer.
import { M } from './messages.js';
import * as S from './states.js';
import type { TokenizerState } from './state.js';

/** Character data inside the root element, up to the next `<`. */
export function text(t: TokenizerState, s: string, i: number): number {
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x3e) {
      if (c < 0xd800) continue;
      i = t.wide(s, i, c);
      continue;
    }
    if (c > 0x26 && c !== 0x3c && c !== 0x3e) continue;
    if (c >= 0x20) {
      switch (c) {
        case 0x3c: {
          // '<': the text ends.
          const acc = t.acc;
          const data = acc === '' ? s.slice(t.start, i) : acc + s.slice(t.start, i);
          t.acc = '';
          t.state = S.LT;
          t.i = i + 1;
          if (data.length > t.maxToken) t.tooLong();
          if (data.length > 0) t.events.onText(data);
          return i + 1;
        }
        case 0x26: // '&'
          t.acc += s.slice(t.start, i);
          t.beginRef(S.TEXT, s, i);
          return i + 1;
        case 0x3e: // '>': not after "]]"
          if (i - t.start >= 2 ? s.charCodeAt(i - 1) === 0x5d && s.charCodeAt(i - 2) === 0x5d : bracketsBefore(t, s, i) >= 2) {
            t.i = i + 1;
            t.fail(M.cdataEnd);
          }
      }
      continue;
    }
    if (c === 10) {
      if (t.crAt === t.base + i - 1) {
        // The LF of a CR LF: the CR already stood for the line end.
        t.acc += s.slice(t.start, i);
        t.start = i + 1;
        t.lineStart = t.base + i + 1;
      } else {
        t.newLine(i);
      }
    } else if (c === 13) {
      t.acc += s.slice(t.start, i) + '\n';
      t.start = i + 1;
      t.newLine(i);
      t.crAt = t.base + i;
    } else if (c !== 9) {
      t.i = i + 1;
      t.fail(M.badChar);
    }
  }
  return i;
}

/** `]` characters right before index `i`, counting those at the end of earlier chunks. */
function bracketsBefore(t: TokenizerState, s: string, i: number): number {
  if (i === t.start + 1) return s.charCodeAt(i - 1) === 0x5d ? (t.start === 0 ? t.brackets + 1 : 1) : 0;
  return t.start === 0 ? t.brackets : 0;
}

/** Whitespace outside the root element, up to the next `<`; anything else is an error when its run ends. */
export function outside(t: TokenizerState, s: string, i: number): number {
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3c) {
      t.i = i + 1;
      if (t.junk) t.fail(M.textOutsideRoot);
      t.skipped = 0;
      t.state = S.LT;
      return i + 1;
    }
    t.atStart = false;
    if (c === 32 || c === 9) continue;
    if (c === 10) {
      if (t.crAt === t.base + i - 1) t.lineStart = t.base + i + 1;
      else t.newLine(i);
      continue;
    }
    if (c === 13) {
      t.newLine(i);
      t.crAt = t.base + i;
      continue;
    }
    if (c < 0x20 || c >= 0xd800) {
      i = t.wide(s, i, c);
      if (c < 0x20) {
        t.i = i + 1;
        t.fail(M.badChar);
      }
    }
    if (!t.sawRoot) {
      // Before the root, the first character that is not whitespace or markup is the error.
      t.i = i + 1;
      t.fail(M.textOutsideRoot);
    }
    t.junk = true;
    if (c === 0x26) {
      t.beginRef(S.TEXT, s, i);
      return i + 1;
    }
  }
  return i;
}

/** `]` characters at the end of a chunk of text (at most 2 matter), counting `before` from earlier chunks. */
export function trailingBrackets(s: string, n: number, before: number): number {
  if (n === 0 || s.charCodeAt(n - 1) !== 0x5d) return 0;
  if (n === 1) return before + 1;
  return s.charCodeAt(n - 2) === 0x5d ? 2 : 1;
}
