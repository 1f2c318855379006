// Markup that is not an element: comments, CDATA sections, processing instructions, the XML
// declaration and the DOCTYPE (skipped). The state functions of a Tokenizer from `<!` or `<?` on.
import { isLowSurrogate, isNameChar, isSupplementaryNameLead } from './chars.js';
import { checkDeclaration } from './declaration.js';
import { M } from './messages.js';
import * as S from './states.js';
import type { TokenizerState } from './state.js';

const COMMENT_OPEN = '--';
const CDATA_OPEN = '[CDATA[';
const DOCTYPE_OPEN = 'DOCTYPE';

/** After `<!`: which of the three it opens, read a character at a time (it is at most seven). */
export function bang(t: TokenizerState, s: string, i: number): number {
  const n = s.length;
  for (; i < n; i++) {
    const b = t.bang + s[i];
    t.bang = b;
    t.i = i + 1;
    if (b === COMMENT_OPEN) {
      t.state = S.COMMENT;
      t.mark = 0;
      t.start = i + 1;
      t.skipped = 0;
      return i + 1;
    }
    if (b === CDATA_OPEN) {
      if (t.depth === 0) return t.fail(M.cdataOutsideRoot);
      t.state = S.CDATA;
      t.mark = 0;
      t.start = i + 1;
      t.acc = '';
      return i + 1;
    }
    if (b === DOCTYPE_OPEN) {
      if (t.sawRoot) return t.fail(M.lateDoctype);
      if (t.sawDoctype) return t.fail(M.secondDoctype);
      t.sawDoctype = true;
      t.state = S.DOCTYPE;
      t.mark = 0;
      t.dtQuote = 0;
      t.dtSubset = false;
      t.dtTail = '';
      t.start = i + 1;
      t.skipped = 0;
      return i + 1;
    }
    if (!COMMENT_OPEN.startsWith(b) && !CDATA_OPEN.startsWith(b) && !DOCTYPE_OPEN.startsWith(b)) return t.fail(M.badMarkup);
  }
  return i;
}

/**
 * A character of markup that keeps no text: line ends counted, characters XML forbids refused.
 * Returns the index of the last character read (the second half of a surrogate pair).
 */
function plain(t: TokenizerState, s: string, i: number, c: number): number {
  if (c < 0x20) {
    if (c === 10 || c === 13) t.lineEnd(i, c);
    else if (c !== 9) {
      t.i = i + 1;
      t.fail(M.badChar);
    }
    return i;
  }
  return c >= 0xd800 ? t.wide(s, i, c) : i;
}

/** In a comment: `--` may only end it. `mark` counts the dashes just read. */
export function comment(t: TokenizerState, s: string, i: number): number {
  const n = s.length;
  let dashes = t.mark;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2d) {
      if (dashes === 2) {
        t.i = i + 1;
        return t.fail(M.badComment);
      }
      dashes++;
      continue;
    }
    if (dashes === 2) {
      t.i = i + 1;
      if (c !== 0x3e) return t.fail(M.badComment);
      if (t.skipped + i - 2 - t.start > t.maxToken) t.tooLong();
      t.resume(i + 1);
      return i + 1;
    }
    dashes = 0;
    i = plain(t, s, i, c);
  }
  t.mark = dashes;
  return i;
}

/** In a CDATA section: its text (line ends normalised) up to `]]>`. `mark` counts the `]` just read. */
export function cdata(t: TokenizerState, s: string, i: number): number {
  const n = s.length;
  let brackets = t.mark;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5d) {
      brackets++;
      continue;
    }
    if (c === 0x3e && brackets >= 2) {
      const text = t.acc === '' ? s.slice(t.start, i - 2) : (t.acc + s.slice(t.start, i + 1)).slice(0, -3);
      t.acc = '';
      t.resume(i + 1);
      if (text.length > t.maxToken) t.tooLong();
      if (text.length > 0) t.events.onText(text);
      return i + 1;
    }
    brackets = 0;
    if (c === 13) {
      t.acc += s.slice(t.start, i) + '\n';
      t.start = i + 1;
      t.newLine(i);
      t.crAt = t.base + i;
    } else if (c === 10 && t.crAt === t.base + i - 1) {
      t.acc += s.slice(t.start, i);
      t.start = i + 1;
      t.lineStart = t.base + i + 1;
    } else {
      i = plain(t, s, i, c);
    }
  }
  t.mark = brackets;
  return i;
}

/** A processing instruction's target (`<?target`), up to the whitespace or `?>` after it. */
export function piTarget(t: TokenizerState, s: string, i: number): number {
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isNameChar(c)) continue;
    if (isSupplementaryNameLead(c) && isLowSurrogate(s.charCodeAt(i + 1))) {
      t.pairs++;
      i++;
      continue;
    }
    const target = t.acc + s.slice(t.start, i);
    t.acc = '';
    t.i = i + 1;
    const space = c === 32 || c === 9 || c === 10 || c === 13;
    if (target === '' || !(space || c === 0x3f)) return t.fail(target === '' && (space || c === 0x3f) ? M.noPiTarget : M.badPiChar);
    if (target.length === 3 && target.toLowerCase() === 'xml') {
      if (target !== 'xml') return t.fail(M.piXml);
      if (!t.declPossible) return t.fail(M.declNotAtStart);
      t.state = S.DECLARATION;
      t.start = i;
      return i;
    }
    if (target.indexOf(':') >= 0) return t.fail(M.piColon);
    if (!isNameStartOfTarget(target)) return t.fail(M.badPiChar);
    if (c === 10 || c === 13) t.lineEnd(i, c);
    t.state = S.PI_BODY;
    t.mark = c === 0x3f ? 1 : 0;
    t.start = i + 1;
    t.skipped = 0;
    return i + 1;
  }
  return i;
}

function isNameStartOfTarget(target: string): boolean {
  const c = target.charCodeAt(0);
  return !(c === 0x2d || c === 0x2e || (c >= 0x30 && c <= 0x39) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040);
}

/** A processing instruction's body, up to `?>` (skipped). `mark` is 1 right after a `?`. */
export function piBody(t: TokenizerState, s: string, i: number): number {
  const n = s.length;
  let question = t.mark;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3e && question === 1) {
      t.i = i + 1;
      if (t.skipped + i - 1 - t.start > t.maxToken) t.tooLong();
      t.resume(i + 1);
      return i + 1;
    }
    question = c === 0x3f ? 1 : 0;
    i = plain(t, s, i, c);
  }
  t.mark = question;
  return i;
}

/** The XML declaration, from just after `<?xml` to `?>`: read whole, then checked. */
export function declaration(t: TokenizerState, s: string, i: number): number {
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3e && (i > t.start ? s.charCodeAt(i - 1) === 0x3f : t.acc.endsWith('?'))) {
      const body = (t.acc + s.slice(t.start, i + 1)).slice(0, -2);
      t.acc = '';
      t.i = i + 1;
      const problem = checkDeclaration(body);
      if (problem !== undefined) return t.fail(problem);
      t.resume(i + 1);
      return i + 1;
    }
    if (c === 0x3c || c === 0x3e) {
      // Markup cannot occur inside the declaration: it was never closed.
      t.i = i + 1;
      return t.fail(checkDeclaration(t.acc + s.slice(t.start, i)) ?? M.declIncomplete);
    }
    i = plain(t, s, i, c);
  }
  return i;
}

/**
 * A DOCTYPE, skipped: up to the `>` outside quotes and outside its internal subset, where comments
 * and processing instructions may hold any of those. `mark` is 1 in such a comment, 2 in such a PI.
 */
export function doctype(t: TokenizerState, s: string, i: number): number {
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    i = plain(t, s, i, c);
    if (t.dtQuote !== 0) {
      if (c === t.dtQuote) t.dtQuote = 0;
      continue;
    }
    if (t.mark !== 0) {
      t.dtTail = (t.dtTail + s[i]).slice(-3);
      if ((t.mark === 1 && t.dtTail === '-->') || (t.mark === 2 && t.dtTail.endsWith('?>'))) {
        t.mark = 0;
        t.dtTail = '';
      }
      continue;
    }
    if (t.dtSubset) {
      t.dtTail = (t.dtTail + s[i]).slice(-4);
      if (t.dtTail === '<!--') {
        t.mark = 1;
        t.dtTail = '';
      } else if (t.dtTail.endsWith('<?')) {
        t.mark = 2;
        t.dtTail = '';
      } else if (c === 0x22 || c === 0x27) {
        t.dtQuote = c;
      } else if (c === 0x5d) {
        t.dtSubset = false;
      }
      continue;
    }
    if (c === 0x22 || c === 0x27) t.dtQuote = c;
    else if (c === 0x5b) t.dtSubset = true;
    else if (c === 0x3e) {
      t.i = i + 1;
      if (t.skipped + i - t.start > t.maxToken) t.tooLong();
      t.resume(i + 1);
      t.events.onDoctype();
      return i + 1;
    }
  }
  return i;
}
