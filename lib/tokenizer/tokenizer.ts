import { isHighSurrogate, isLowSurrogate, isNameStart, isSupplementaryNameLead } from './chars.js';
import type { TokenEvents } from './events.js';
import { bang, cdata, comment, doctype, declaration, piBody, piTarget } from './markup.js';
import { M, unclosed } from './messages.js';
import { NameTable, holds } from './names.js';
import type { NameEntry } from './names.js';
import { reference } from './references.js';
import * as S from './states.js';
import { attrEq, attrName, attrQuote, attrValue, emptyEnd, endName, endSpace, inTag, startName, startNameEnd } from './tags.js';

/** Options of a {@link Tokenizer}. */
export interface TokenizerOptions {
  /** Longest text, attribute value, name, comment, PI or DOCTYPE (in UTF-16 units) before `onTooLong`. */
  maxToken?: number;
}

/**
 * A streaming XML 1.0 + Namespaces tokenizer (well-formedness only; names are not resolved here).
 * `write()` chunks of decoded text, `end()` once; events go to a {@link TokenEvents}. Each chunk
 * is scanned where it lies: a token cut between chunks keeps its state and the characters it has
 * read so far (`acc`), so no character is scanned twice and nothing is concatenated onto a chunk.
 *
 * Fields are read and written by the state functions of tags.ts, markup.ts and references.ts;
 * they are not an API.
 */
export class Tokenizer {
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
  last: NameEntry = { name: '', next: undefined };
  depth = 0;
  sawRoot = false;
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
  /** 1 for an entity reference, 2 for a character reference, once the character after `&` is read. */
  refKind = 0;
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

  /** Reads a chunk of text. Events fire synchronously. */
  write(chunk: string): void {
    if (this.held !== '') {
      chunk = this.held + chunk;
      this.held = '';
    }
    const last = chunk.length - 1;
    if (last >= 0 && isHighSurrogate(chunk.charCodeAt(last))) {
      // Its low surrogate is in the next chunk: wait for it (one character, once).
      this.held = chunk.slice(last);
      chunk = chunk.slice(0, last);
    }
    this.s = chunk;
    this.start = 0;
    this.refStart = 0;
    let i = 0;
    if (this.atStart && this.base === 0 && chunk.charCodeAt(0) === 0xfeff) i = 1; // a byte order mark
    this.i = i;
    const n = chunk.length;
    while (i < n) i = this.step(chunk, i);
    this.i = n;
    this.carry(chunk, n);
    this.base += n;
    this.s = '';
    this.i = 0;
  }

  /** The end of the body: fails unless the document is complete. */
  end(): void {
    if (this.held !== '') {
      // A high surrogate ended the body: it has no pair.
      this.held = '';
      this.base += 1;
      this.fail(M.loneSurrogate);
    }
    if (this.state !== S.TEXT) this.fail(M.unexpectedEnd);
    if (this.junk) this.fail(M.textOutsideRoot);
    if (this.depth > 0) this.fail(unclosed(this.open[this.depth - 1]!));
    if (!this.sawRoot) this.fail(M.noRoot);
  }

  /** One state's work from `i`; returns where the next state starts. */
  private step(s: string, i: number): number {
    switch (this.state) {
      case S.TEXT:
        return this.depth > 0 ? this.text(s, i) : this.outside(s, i);
      case S.LT:
        return this.lt(s, i);
      case S.START_NAME:
        return startName(this, s, i);
      case S.IN_TAG:
        return inTag(this, s, i);
      case S.ATTR_NAME:
        return attrName(this, s, i);
      case S.ATTR_EQ:
        return attrEq(this, s, i);
      case S.ATTR_QUOTE:
        return attrQuote(this, s, i);
      case S.ATTR_VALUE:
        return attrValue(this, s, i);
      case S.EMPTY_END:
        return emptyEnd(this, s, i);
      case S.END_NAME:
        return endName(this, s, i);
      case S.END_SPACE:
        return endSpace(this, s, i);
      case S.BANG:
        return bang(this, s, i);
      case S.COMMENT:
        return comment(this, s, i);
      case S.CDATA:
        return cdata(this, s, i);
      case S.PI_TARGET:
        return piTarget(this, s, i);
      case S.PI_BODY:
        return piBody(this, s, i);
      case S.DECLARATION:
        return declaration(this, s, i);
      case S.DOCTYPE:
        return doctype(this, s, i);
      default:
        return reference(this, s, i);
    }
  }

  /** At the end of a chunk: what the unfinished token has read goes into `acc` (or is counted). */
  private carry(s: string, n: number): void {
    switch (this.state) {
      case S.TEXT:
        if (this.depth > 0) {
          this.acc += s.slice(this.start);
          if (this.acc.length > this.maxToken) this.tooLong();
          this.brackets = trailingBrackets(s, n, this.brackets);
        } else {
          this.skipped += n - this.start;
          if (this.skipped > this.maxToken) this.tooLong();
        }
        return;
      case S.START_NAME:
      case S.ATTR_NAME:
      case S.END_NAME:
      case S.ATTR_VALUE:
      case S.CDATA:
      case S.PI_TARGET:
      case S.DECLARATION:
        this.acc += s.slice(this.start);
        // A CDATA section's `]` just read may be its end, not its text.
        if (this.acc.length - (this.state === S.CDATA ? this.mark : 0) > this.maxToken) this.tooLong();
        return;
      case S.COMMENT:
      case S.PI_BODY:
      case S.DOCTYPE:
        this.skipped += n - this.start;
        // A comment's dashes or a PI's `?` just read may be its end, not its text.
        if (this.skipped - (this.state === S.DOCTYPE ? 0 : this.mark) > this.maxToken) this.tooLong();
        return;
      case S.REF:
        this.ref += s.slice(this.refStart);
        if (this.ref.length > this.maxToken) this.tooLong();
        if (this.refReturn === S.TEXT && this.depth === 0) this.skipped += n - this.refStart;
    }
  }

  // ---- text ----------------------------------------------------------------------------------

  /** Character data inside the root element, up to the next `<`. */
  private text(s: string, i: number): number {
    const n = s.length;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x3e) {
        if (c < 0xd800) continue;
        i = this.wide(s, i, c);
        continue;
      }
      if (c > 0x26 && c !== 0x3c && c !== 0x3e) continue;
      if (c >= 0x20) {
        switch (c) {
          case 0x3c: {
            // '<': the text ends.
            const acc = this.acc;
            const text = acc === '' ? s.slice(this.start, i) : acc + s.slice(this.start, i);
            this.acc = '';
            this.state = S.LT;
            this.i = i + 1;
            if (text.length > this.maxToken) this.tooLong();
            if (text.length > 0) this.events.onText(text);
            return i + 1;
          }
          case 0x26: // '&'
            this.acc += s.slice(this.start, i);
            this.beginRef(S.TEXT, s, i);
            return i + 1;
          case 0x3e: // '>': not after "]]"
            if (i - this.start >= 2 ? s.charCodeAt(i - 1) === 0x5d && s.charCodeAt(i - 2) === 0x5d : this.bracketsBefore(s, i) >= 2) {
              this.i = i + 1;
              this.fail(M.cdataEnd);
            }
        }
        continue;
      }
      if (c === 10) {
        if (this.crAt === this.base + i - 1) {
          // The LF of a CR LF: the CR already stood for the line end.
          this.acc += s.slice(this.start, i);
          this.start = i + 1;
          this.lineStart = this.base + i + 1;
        } else {
          this.newLine(i);
        }
      } else if (c === 13) {
        this.acc += s.slice(this.start, i) + '\n';
        this.start = i + 1;
        this.newLine(i);
        this.crAt = this.base + i;
      } else if (c !== 9) {
        this.i = i + 1;
        this.fail(M.badChar);
      }
    }
    return i;
  }

  /** `]` characters right before index `i`, counting those at the end of earlier chunks. */
  private bracketsBefore(s: string, i: number): number {
    if (i === this.start + 1) return s.charCodeAt(i - 1) === 0x5d ? (this.start === 0 ? this.brackets + 1 : 1) : 0;
    return this.start === 0 ? this.brackets : 0;
  }

  /** Whitespace outside the root element, up to the next `<`; anything else is an error when its run ends. */
  private outside(s: string, i: number): number {
    const n = s.length;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x3c) {
        this.i = i + 1;
        if (this.junk) this.fail(M.textOutsideRoot);
        this.skipped = 0;
        this.state = S.LT;
        return i + 1;
      }
      this.atStart = false;
      if (c === 32 || c === 9) continue;
      if (c === 10) {
        if (this.crAt === this.base + i - 1) this.lineStart = this.base + i + 1;
        else this.newLine(i);
        continue;
      }
      if (c === 13) {
        this.newLine(i);
        this.crAt = this.base + i;
        continue;
      }
      if (c < 0x20 || c >= 0xd800) {
        i = this.wide(s, i, c);
        if (c < 0x20) {
          this.i = i + 1;
          this.fail(M.badChar);
        }
      }
      if (!this.sawRoot) {
        // Before the root, the first character that is not whitespace or markup is the error.
        this.i = i + 1;
        this.fail(M.textOutsideRoot);
      }
      this.junk = true;
      if (c === 0x26) {
        this.beginRef(S.TEXT, s, i);
        return i + 1;
      }
    }
    return i;
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

  // ---- after '<' ------------------------------------------------------------------------------

  private lt(s: string, i: number): number {
    const c = s.charCodeAt(i);
    this.start = i + 1;
    this.declPossible = this.atStart;
    this.atStart = false;
    switch (c) {
      case 0x2f: {
        // '/': most end tags close the open element and end right after its name: check in place.
        const depth = this.depth;
        if (depth > 0) {
          const name = this.open[depth - 1]!;
          const end = i + 1 + name.length;
          if (end < s.length && s.charCodeAt(end) === 0x3e && holds(s, i + 1, name)) {
            this.closeElement(name, end + 1);
            return end + 1;
          }
        }
        this.state = S.END_NAME;
        return i + 1;
      }
      case 0x21: // '!'
        this.bang = '';
        this.state = S.BANG;
        return i + 1;
      case 0x3f: // '?'
        this.state = S.PI_TARGET;
        return i + 1;
    }
    if (isNameStart(c) || isSupplementaryNameLead(c)) {
      if (this.attrNames.length !== 0) {
        this.attrNames.length = 0;
        this.attrSet = undefined;
      }
      // Responses repeat: the name that followed the last tag's name last time is checked in place.
      const guess = this.last.next;
      if (guess !== undefined) {
        const name = guess.name;
        const end = i + name.length;
        if (end < s.length && holds(s, i, name)) {
          const after = s.charCodeAt(end);
          if (after === 0x3e || after === 0x2f || after === 32 || after === 10 || after === 13 || after === 9) {
            this.last = guess;
            this.tagEntry = guess;
            this.tagName = name;
            return startNameEnd(this, s, end, after);
          }
        }
      }
      this.start = i;
      this.state = S.START_NAME;
      return i;
    }
    this.i = i + 1;
    return this.fail(M.badNameChar);
  }

  // ---- shared by the state functions ---------------------------------------------------------------

  /** Starts a reference at `s[i]` (`&`); `back` is the state that goes on after it. */
  beginRef(back: number, s: string, i: number): void {
    this.refReturn = back;
    this.ref = '';
    this.refStart = i;
    this.refKind = 0;
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

/** `]` characters at the end of a chunk of text (at most 2 matter), counting `before` from earlier chunks. */
function trailingBrackets(s: string, n: number, before: number): number {
  if (n === 0 || s.charCodeAt(n - 1) !== 0x5d) return 0;
  if (n === 1) return before + 1;
  return s.charCodeAt(n - 2) === 0x5d ? 2 : 1;
}
