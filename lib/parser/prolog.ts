import { MultistatusError } from '../errors.js';
import type { ErrorPosition } from '../errors.js';
import { quote } from './report.js';
import type { Report } from './report.js';
import type { TokenInput } from './input.js';

/** Thrown from an event handler to stop the tokenizer when the root turns out not to be a multistatus. */
const DEFER = Symbol('defer');
/** Characters of the body's start kept to show in NOT_MULTISTATUS. */
const HEAD_CHARS = 256;

/**
 * What reaches the tokenizer, and what its complaints become. Holds whitespace before `<?xml`
 * until what follows it is known, keeps the start of the body to quote it, detects a root that is
 * not a multistatus (waiting until enough of the body has arrived to show what it is) and turns
 * the tokenizer's errors into `MultistatusError`s: {@link Prolog.syntaxError} and
 * {@link Prolog.adopt} are the one place where XML_SYNTAX and NOT_MULTISTATUS come from.
 */
export class Prolog {
  /** The root element's start tag has been read. */
  sawRoot = false;
  /** A root that is not a multistatus (or a body that is not XML): the tokenizer is fed no more. */
  rootProblem: string | undefined = undefined;
  private rootPosition: ErrorPosition | undefined = undefined;
  private rootFrom = 0;
  /** The start of the body (up to HEAD_CHARS characters), kept until the root is known. */
  private head = '';
  private leading = true;
  /** Whitespace (and the start of a `<?xml` split after it) held back at the start of the body. */
  private leadText = '';
  /** Where the body's first non-space character is (a body that is not XML is wrong from there). */
  private firstChar: ErrorPosition | undefined = undefined;
  private wsLines = 0;
  private wsColumns = 0;
  private wsChars = 0;
  /** The last whitespace character seen was a CR (an LF right after it ends no other line). */
  private wsCr = false;

  constructor(
    private readonly input: TokenInput,
    private readonly report: Report,
  ) {
  }

  /** Passes decoded text on to the tokenizer (after the leading whitespace rule). */
  feed(text: string): void {
    if (text === '') return;
    if (this.firstChar === undefined) this.findFirstChar(text);
    if ((!this.sawRoot || this.rootProblem !== undefined) && this.head.length < HEAD_CHARS) {
      this.head += text.slice(0, HEAD_CHARS - this.head.length);
    }
    if (this.rootProblem !== undefined) return this.checkRoot();
    // Where character `k` of `text` sits among the characters the tokenizer got: `k + start`.
    let start = this.input.fed;
    if (this.leading) {
      // XML forbids anything before the declaration; servers sometimes send a newline first.
      // Whitespace is held until what follows it is known, however the body is chunked.
      const all = this.leadText + text;
      const held = this.leadText.length;
      let i = 0;
      while (i < all.length && isSpaceCode(all.charCodeAt(i))) i++;
      // An XML declaration is "<?xml" and whitespace ("<?xml-stylesheet" is a processing instruction).
      if (i === all.length || (i > 0 && all.length - i < 6 && '<?xml'.startsWith(all.slice(i, i + 5)))) {
        this.leadText = all;
        return;
      }
      this.leadText = '';
      this.leading = false;
      if (i > 0 && all.startsWith('<?xml', i) && isSpaceCode(all.charCodeAt(i + 5))) {
        this.skipLead(all.slice(0, i));
        start -= i - held;
        this.input.chunkStart = start;
        this.report.diag('LEADING_WHITESPACE', 'whitespace before the XML declaration was skipped');
        text = all.slice(i);
      } else {
        start += held;
        text = all;
      }
    }
    this.push(text, start);
  }

  /** At the end of the body: whitespace still held (and perhaps the start of a declaration) goes to the tokenizer, to judge. */
  flush(): void {
    if (this.leadText === '') return;
    const held = this.leadText;
    this.leadText = '';
    this.leading = false;
    this.push(held, this.input.fed);
  }

  /** The root element's start tag has been read. */
  seeRoot(): void {
    this.sawRoot = true;
  }

  /** Counts the lines and columns of skipped leading whitespace, so that positions stay true. */
  private skipLead(ws: string): void {
    const input = this.input;
    input.leadChars = ws.length;
    for (let k = 0; k < ws.length; k++) {
      const c = ws.charCodeAt(k);
      if (c === 13 && ws.charCodeAt(k + 1) === 10) continue; // CR LF is one line end
      if (c === 10 || c === 13) {
        input.leadLines++;
        input.leadColumns = 0;
      } else {
        input.leadColumns++;
      }
    }
  }

  private push(text: string, start: number): void {
    try {
      this.input.write(text, start);
    } catch (e) {
      if (e === DEFER) return this.checkRoot();
      const callback = this.report.callbackError;
      if (callback !== undefined && callback.error === e) {
        this.report.failure = new MultistatusError('USAGE', 'onResponse threw; the parse cannot go on', {}, e);
        throw e;
      }
      throw this.adopt(e);
    }
  }

  // ---- tokenizer errors -> MultistatusError (XML_SYNTAX, NOT_MULTISTATUS) ------------------

  /** A well-formedness error: NOT_MULTISTATUS when the body never looked like XML, else XML_SYNTAX. */
  syntaxError(message: string): never {
    if (!this.sawRoot && !this.head.trim().startsWith('<')) this.deferRoot('the body is not XML', '', this.firstChar);
    throw this.report.fail('XML_SYNTAX', message, true);
  }

  /** Anything thrown from the tokenizer (or the decoder) as the parse's MultistatusError. */
  adopt(e: unknown): MultistatusError {
    const report = this.report;
    if (e instanceof MultistatusError) {
      report.failure ??= e;
      return report.failure;
    }
    const error = new MultistatusError('XML_SYNTAX', e instanceof Error ? e.message : String(e), this.input.errorPosition(), e);
    report.failure = error;
    return error;
  }

  /** An error from the byte decoder: a deferred NOT_MULTISTATUS wins over it. */
  decoderError(e: unknown): MultistatusError {
    return this.rootProblem !== undefined ? this.rootFailure() : this.adopt(e);
  }

  /** Defers NOT_MULTISTATUS until the body shows what it is: stops the tokenizer by throwing DEFER. */
  deferRoot(problem: string, tagStart: string, at?: ErrorPosition): never {
    this.rootProblem = problem;
    this.rootPosition = at ?? this.input.errorPosition();
    const i = tagStart === '' ? -1 : this.head.indexOf(tagStart);
    this.rootFrom = i < 0 ? 0 : i;
    throw DEFER;
  }

  /** Throws the deferred NOT_MULTISTATUS once 80 characters from the root are known (end() throws it at the end). */
  private checkRoot(): void {
    if (this.head.length - this.rootFrom >= 80 || this.head.length >= HEAD_CHARS) throw this.rootFailure();
  }

  /** The deferred NOT_MULTISTATUS, quoting the body from its root. */
  rootFailure(): MultistatusError {
    const got = quote(this.head.slice(this.rootFrom).trim());
    const error = new MultistatusError('NOT_MULTISTATUS', `${this.rootProblem!}: got ${got}`, this.rootPosition);
    this.report.failure = error;
    return error;
  }

  /** At the end of a body that never opened a root element: what it was instead. */
  noRoot(): MultistatusError {
    const got = this.head.trim();
    if (got === '') return this.report.fail('NOT_MULTISTATUS', 'the body is empty', true);
    if (got.startsWith('<')) return this.report.fail('TRUNCATED', `the body ended before its root element: got ${quote(got)}`, true);
    // `got` holds a character that trim() keeps, so findFirstChar (whose whitespace trim() drops too) stopped there.
    const error = new MultistatusError('NOT_MULTISTATUS', `the body is not XML: got ${quote(got)}`, this.firstChar!);
    this.report.failure = error;
    return error;
  }

  /** Notes where the first non-space character is, counting the whitespace before it. */
  private findFirstChar(text: string): void {
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === 10 || c === 13) {
        // CR LF is one line end, also when a write ends between the two.
        if (c === 13 || !this.wsCr) {
          this.wsLines++;
          this.wsColumns = 0;
        }
        this.wsCr = c === 13;
      } else if (c === 32 || c === 9 || c === 0xfeff) {
        this.wsCr = false;
        this.wsColumns++;
      } else {
        const decoder = this.input.decoder;
        const offset = decoder ? decoder.byteOffset(k) : this.wsChars + k;
        this.firstChar = { line: this.wsLines + 1, column: this.wsColumns + 1, offset };
        return;
      }
    }
    this.wsChars += text.length;
  }
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
