import { isHighSurrogate, isNameStart, isSupplementaryNameLead } from './chars.js';
import { bang, cdata, comment, doctype, declaration, piBody, piTarget } from './markup.js';
import { M, unclosed } from './messages.js';
import { holds } from './names.js';
import { reference } from './references.js';
import { TokenizerState } from './state.js';
import * as S from './states.js';
import { outside, text, trailingBrackets } from './text.js';
import { attrEq, attrName, attrQuote, attrValue, emptyEnd, endName, endSpace, inTag, startName, startNameEnd } from './tags.js';

export type { TokenizerOptions } from './state.js';

/**
 * A streaming XML 1.0 + Namespaces tokenizer (well-formedness only; names are not resolved here).
 * `write()` chunks of decoded text, `end()` once; events go to a `TokenEvents` (events.ts). Each chunk
 * is scanned where it lies: a token cut between chunks keeps its state and the characters it has
 * read so far (`acc`), so no character is scanned twice and nothing is concatenated onto a chunk.
 *
 * What it has read is a {@link TokenizerState} (state.ts), which the state functions of text.ts,
 * tags.ts, markup.ts and references.ts read and write; this class holds the dispatch.
 */
export class Tokenizer extends TokenizerState {
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
        return this.depth > 0 ? text(this, s, i) : outside(this, s, i);
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
        // A character reference keeps only its value: its leading zeros may run on (XML 1.0 [66]).
        if (this.refKind < 2) {
          this.ref += s.slice(this.refStart);
          if (this.ref.length > this.maxToken) this.tooLong();
        }
        if (this.refReturn === S.TEXT && this.depth === 0) this.skipped += n - this.refStart;
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
}
