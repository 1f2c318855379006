// Entity and character references (`&amp;`, `&#233;`, `&#xE9;`) in text and attribute values:
// the REF state of a Tokenizer, which resolves them into the token being read.
import { isCharCodePoint, isLowSurrogate, isNameChar, isNameStart, isSupplementaryNameLead } from './chars.js';
import { M } from './messages.js';
import * as S from './states.js';
import type { TokenizerState } from './state.js';

/** Largest code point: a character reference past it is refused as soon as a digit takes it there. */
const MAX_CODE_POINT = 0x10ffff;

/** The five entities XML predefines. */
function predefined(name: string): string | undefined {
  switch (name) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  return undefined;
}

/** The REF state: from just after `&` to the `;` (or to the character that shows it is no reference). */
export function reference(t: TokenizerState, s: string, i: number): number {
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3b) return finish(t, s, i);
    const kind = t.refKind;
    if (kind === 0) {
      if (c === 0x23) {
        t.refKind = 2;
        continue;
      }
      if (isNameStart(c)) {
        t.refKind = 1;
        continue;
      }
    } else if (kind === 1) {
      if (isNameChar(c)) continue;
    } else {
      // A character reference: its value is summed as the digits come (leading zeros add nothing,
      // XML 1.0 [66] allows any number of them), refused once past U+10FFFF (no overflow).
      let digit = -1;
      if (c >= 0x30 && c <= 0x39) digit = c - 0x30;
      else if (kind >= 4 && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66) digit = (c | 0x20) - 0x57;
      else if (kind === 2 && c === 0x78) {
        t.refKind = 4;
        continue;
      }
      if (digit >= 0) {
        const value = t.refValue * (kind >= 4 ? 16 : 10) + digit;
        if (kind === 2 || kind === 4) t.refKind = kind + 1;
        t.refValue = value;
        if (value <= MAX_CODE_POINT) continue;
      }
    }
    if (kind < 2 && isSupplementaryNameLead(c) && isLowSurrogate(s.charCodeAt(i + 1))) {
      t.refKind = 1;
      t.pairs++;
      i++;
      continue;
    }
    return notReference(t, s, i, c);
  }
  return i;
}

/** The `;` at `i` ends the reference: its character joins the token. */
function finish(t: TokenizerState, s: string, i: number): number {
  t.i = i + 1;
  const kind = t.refKind;
  let text: string | undefined;
  if (kind === 3 || kind === 5) {
    // Digits were read (decimal 3, hex 5), and the value is at most U+10FFFF.
    if (!isCharCodePoint(t.refValue)) return t.fail(M.badCharRef);
    text = String.fromCodePoint(t.refValue);
  } else if (kind === 1) {
    text = predefined((t.ref + s.slice(t.refStart, i)).slice(1));
    if (text === undefined) return t.fail(M.undefinedRef);
  } else {
    return t.fail(kind === 0 ? M.emptyRef : M.badCharRef);
  }
  t.ref = '';
  back(t, text, i + 1);
  return i + 1;
}

/**
 * The character at `i` cannot continue a reference and is no `;`: a malformed character
 * reference is an error; an `&` that starts no reference at all (a server that wrote
 * `/tree/a&b/` raw) is, unambiguously, a literal `&` (a diagnostic, an error in strict mode).
 */
function notReference(t: TokenizerState, s: string, i: number, c: number): number {
  t.i = i;
  if (t.refKind >= 2) {
    t.i = i + 1;
    return t.fail(M.badCharRef);
  }
  if (c < 0x20 && c !== 9 && c !== 10 && c !== 13) {
    t.i = i + 1;
    return t.fail(M.badChar);
  }
  const raw = t.ref + s.slice(t.refStart, i);
  t.ref = '';
  t.events.onDiagnostic('BARE_AMPERSAND', `a "&" that starts no entity or character reference was read as a literal "&": got ${JSON.stringify(raw.length > 20 ? raw.slice(0, 20) + '…' : raw)}`);
  back(t, raw, i);
  return i;
}

/** Back to the text or value the reference was in, with `text` added to it. */
function back(t: TokenizerState, text: string, after: number): void {
  const state = t.refReturn;
  if (state === S.ATTR_VALUE || t.depth > 0) t.acc += text;
  t.state = state;
  t.start = after;
  t.brackets = 0;
}
