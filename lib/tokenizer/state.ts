// The state a Tokenizer's scanners (text.ts, tags.ts, markup.ts, references.ts) read and write,
// and the steps they share. Apart from tokenizer.ts, so that the scanners import this file and
// not the dispatch that imports them (no import cycle).
import { isLowSurrogate } from './chars.js';
import type { TokenEvents } from './events.js';
import { M } from './messages.js';
import { NameTable } from './names.js';
import type { NameEntry } from './names.js';
import * as S from './states.js';

/** Options of a `Tokenizer` (tokenizer.ts). */
export interface TokenizerOptions {
  /** Longest text, attribute value, name, comment, PI or DOCTYPE (in UTF-16 units) before `onTooLong`. */
  maxToken?: number;
}

/**
 * What a `Tokenizer` (tokenizer.ts) has read: the chunk, the token under way, positions, the open elements
 * (its fields are read and written by the state functions of text.ts, tags.ts, markup.ts and
 * references.ts; they are not an API), and the steps those functions share.
 */
export class TokenizerState {
  /** The chunk being read, and the index of the next character in it. */
  s = '';
  i = 0;
  /** Characters before `s` (the absolute position of `s[0]`). */
  base = 0;
  state = S.TEXT;
  /** Index in `s` where the characters of the current token not yet in `acc` start. */
  start = 0;
  /** The current token's characters so far (earlier chunks, line ends normalised, references resolved). */
  acc = '';
  /** Length of a skipped token (comment, PI, DOCTYPE, text outside the root) in earlier chunks. */
  skipped = 0;
  // Positions: lines so far, the absolute position where the current line starts, surrogate
  // pairs on it (a column counts characters, not UTF-16 units), and where the last CR was.
  line = 1;
  lineStart = 0;
  pairs = 0;
  crAt = -2;
  // The document: names of the open elements, and their entries in the name table.
  readonly open: string[] = [];
  readonly openEntries: NameEntry[] = [];
  /** The entry of the last tag's name: its `next` is the guess for the next start tag. */
  last: NameEntry = { name: '', next: undefined, qname: true };
  depth = 0;
  sawRoot = false;
  /** A DOCTYPE has been read (XML 1.0 [22]: a prolog has at most one). */
  sawDoctype = false;
  closedRoot = false;
  /** Nothing but a byte order mark has been read: an XML declaration may come. */
  atStart = true;
  /** The `<` just read was the body's first character: `<?xml` there is the XML declaration. */
  declPossible = false;
  /** Non-whitespace outside the root element, reported when its run ends. */
  junk = false;
  /** `]` characters ending the text read so far (for `]]>`), across chunks. */
  brackets = 0;
  // The tag being read.
  tagName = '';
  tagEntry: NameEntry = this.last;
  attrName = '';
  spaced = false;
  quote = 0;
  readonly attrNames: string[] = [];
  /** The attribute names as a Set, once an element has many. */
  attrSet: Set<string> | undefined = undefined;
  // References: the state to return to and the raw characters read so far (`&` included).
  refReturn = S.TEXT;
  ref = '';
  refStart = 0;
  /**
   * Once the character after `&` is read: 1 an entity reference; a character reference: 2 after
   * `&#`, 3 with decimal digits, 4 after `&#x`, 5 with hex digits.
   */
  refKind = 0;
  /** A character reference's value so far (its digits are not kept). */
  refValue = 0;
  // Markup: the characters after `<!`, dashes or `?` just read, DOCTYPE sub-state.
  bang = '';
  mark = 0;
  dtQuote = 0;
  dtSubset = false;
  dtTail = '';
  /** A high surrogate that ended the last chunk, held until its pair arrives. */
  held = '';
  readonly names = new NameTable();
  readonly maxToken: number;

  constructor(
    readonly events: TokenEvents,
    options: TokenizerOptions = {},
  ) {
    this.maxToken = options.maxToken ?? Number.MAX_SAFE_INTEGER;
  }

  /** Characters read so far (the absolute position of the next one). */
  get position(): number {
    return this.base + this.i;
  }

  /** 1-based column of the next character. */
  get column(): number {
    return this.base + this.i - this.lineStart - this.pairs + 1;
  }

  /** A character at or above U+D800 in text or a value: a surrogate pair (returns the index of its second half), U+FFFE/U+FFFF or a lone surrogate (errors). */
  wide(s: string, i: number, c: number): number {
    if (c < 0xd800) return i;
    if (c <= 0xdbff) {
      if (isLowSurrogate(s.charCodeAt(i + 1))) {
        this.pairs++;
        return i + 1;
      }
      this.i = i + 1;
      this.fail(M.loneSurrogate);
    }
    if (c <= 0xdfff) {
      this.i = i + 1;
      this.fail(M.loneSurrogate);
    }
    if (c >= 0xfffe) {
      this.i = i + 1;
      this.fail(M.badChar);
    }
    return i;
  }

  /** A line ends at index `i` (LF, or CR; the LF of a CR LF is not counted again by callers). */
  newLine(i: number): void {
    this.line++;
    this.lineStart = this.base + i + 1;
    this.pairs = 0;
  }

  /** Counts a line end in markup (where line ends are not kept): CR, LF and CR LF are one each. */
  lineEnd(i: number, c: number): void {
    if (c === 13) {
      this.newLine(i);
      this.crAt = this.base + i;
    } else if (this.crAt === this.base + i - 1) {
      this.lineStart = this.base + i + 1;
    } else {
      this.newLine(i);
    }
  }
  // ---- shared by the state functions ---------------------------------------------------------------

  /** Starts a reference at `s[i]` (`&`); `back` is the state that goes on after it. */
  beginRef(back: number, s: string, i: number): void {
    this.refReturn = back;
    this.ref = '';
    this.refStart = i;
    this.refKind = 0;
    this.refValue = 0;
    this.state = S.REF;
  }

  /** A start tag ends: the root rules, then the events. */
  openElement(name: string, selfClosing: boolean, after: number): void {
    this.i = after;
    if (this.depth === 0) {
      if (this.closedRoot) this.fail(M.secondRoot);
      this.sawRoot = true;
    }
    this.openEntries[this.depth] = this.tagEntry;
    this.open[this.depth++] = name;
    this.state = S.TEXT;
    this.start = after;
    this.brackets = 0;
    this.events.onOpen(name, selfClosing);
    if (selfClosing) this.closeElement(name, after);
  }

  /** An element closes (its end tag checked). */
  closeElement(name: string, after: number): void {
    this.i = after;
    const depth = --this.depth;
    this.open[depth] = '';
    this.last = this.openEntries[depth]!;
    if (depth === 0) this.closedRoot = true;
    this.state = S.TEXT;
    this.start = after;
    this.brackets = 0;
    this.skipped = 0;
    this.events.onClose(name);
  }

  /** Markup that is not character data ended (a comment, PI, DOCTYPE): text goes on after it. */
  resume(after: number): void {
    this.i = after;
    this.state = S.TEXT;
    this.start = after;
    this.brackets = 0;
    this.skipped = 0;
  }

  fail(message: string): never {
    return this.events.onError(message);
  }

  tooLong(): never {
    return this.events.onTooLong();
  }
}
