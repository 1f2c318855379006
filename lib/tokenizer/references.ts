// Entity and character references (`&amp;`, `&#233;`, `&#xE9;`) in text and attribute values:
// the REF state of a Tokenizer, which resolves them into the token being read.
import { isCharCodePoint, isLowSurrogate, isNameChar, isNameStart, isSupplementaryNameLead } from './chars.js';
import { M } from './messages.js';
import * as S from './states.js';
import type { TokenizerState } from './state.js';

/** Longest character reference body (`#x10FFFF` and leading zeros) read before it is refused. */
const MAX_CHAR_REF = 16;

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

/** The character a reference body (what lies between `&` and `;`) stands for, or an error message. */
export function resolveReference(body: string): { text: string } | { error: string } {
  if (body === '') return { error: M.emptyRef };
  if (body.charCodeAt(0) !== 0x23 /* # */) {
    const text = predefined(body);
    return text === undefined ? { error: M.undefinedRef } : { text };
  }
  const hex = body.charCodeAt(1) === 0x78; /* x */
  const digits = body.slice(hex ? 2 : 1);
  if (digits === '' || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return { error: M.badCharRef };
  const cp = parseInt(digits, hex ? 16 : 10);
  if (!isCharCodePoint(cp)) return { error: M.badCharRef };
  return { text: String.fromCodePoint(cp) };
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
    } else if ((c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) {
      if (t.ref.length + i - t.refStart <= MAX_CHAR_REF) continue;
    }
    if (kind !== 2 && isSupplementaryNameLead(c) && isLowSurrogate(s.charCodeAt(i + 1))) {
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
  const raw = t.ref + s.slice(t.refStart, i);
  t.ref = '';
  t.i = i + 1;
  const resolved = resolveReference(raw.slice(1));
  if ('error' in resolved) return t.fail(resolved.error);
  back(t, resolved.text, i + 1);
  return i + 1;
}

/**
 * The character at `i` cannot continue a reference and is no `;`: a malformed character
 * reference is an error; an `&` that starts no reference at all (a server that wrote
 * `/tree/a&b/` raw) is, unambiguously, a literal `&` (a diagnostic, an error in strict mode).
 */
function notReference(t: TokenizerState, s: string, i: number, c: number): number {
  t.i = i;
  if (t.refKind === 2) {
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
