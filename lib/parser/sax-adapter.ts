import { SaxesParser } from 'saxes';
import type { SaxesAttributePlain, SaxesTagPlain } from 'saxes';
import type { ByteDecoder } from '../decode/decoder.js';
import type { ErrorPosition } from '../errors.js';

/** The saxes events the adapter passes on (to the state machine), one method each. */
export interface SaxEvents {
  onOpen(tag: SaxesTagPlain): void;
  onClose(tag: SaxesTagPlain): void;
  /** Text and CDATA alike. */
  onText(text: string): void;
  onAttribute(attr: SaxesAttributePlain): void;
  onDoctype(text: string): void;
  /** Comments and processing instructions: dropped, but bounded like text. */
  onIgnored(text: string): void;
  onSaxError(err: Error): void;
}

/** The two saxes internals the adapter patches, and the unfinished token it holds across writes. */
interface SaxesInternals {
  closeTag(): void;
  name: string;
  text: string;
  commentHandler: (text: string) => void;
  piHandler: (pi: { body: string }) => void;
}

/**
 * The bottom part: one saxes parser (no `xmlns`; our own namespace scope is faster and linear in
 * depth), its events bound to a {@link SaxEvents}, and the positions of what it has read: line,
 * column and byte offset in the body, counting whitespace the prolog skipped before `<?xml`.
 */
export class SaxAdapter {
  readonly sax: SaxesParser<{ position: true; xmlns: false }>;
  /** Name in the end tag saxes is closing (saxes reports the close before it checks the name). */
  endName = '';
  /** Characters handed to saxes so far (saxes' own `position` is only right during a write). */
  fed = 0;
  /** Where character `k` of what saxes got sits in the current text: `k + (position - chunkStart)`. */
  chunkStart = 0;
  /** Set once the first byte chunk arrives: maps character positions back to byte offsets. */
  decoder: ByteDecoder | undefined = undefined;
  /** Lines, columns (on the first line) and characters of whitespace skipped before `<?xml`. */
  leadLines = 0;
  leadColumns = 0;
  leadChars = 0;

  constructor() {
    this.sax = new SaxesParser<{ position: true; xmlns: false }>({ position: true, xmlns: false });
  }

  /** Binds saxes' events to `events` (once, before the first write). */
  attach(events: SaxEvents): void {
    const sax = this.sax;
    sax.on('opentag', events.onOpen.bind(events));
    sax.on('closetag', events.onClose.bind(events));
    sax.on('text', events.onText.bind(events));
    sax.on('cdata', events.onText.bind(events));
    sax.on('attribute', events.onAttribute.bind(events));
    sax.on('doctype', events.onDoctype.bind(events));
    sax.on('error', events.onSaxError.bind(events));
    // What follows is set as named properties, after the handlers above: saxes' on() stores with a
    // computed key, and V8 turns an object given more than a few properties that way into a slow
    // dictionary (an eighth handler made the whole parse 3.5 times slower).
    const internals = sax as unknown as SaxesInternals;
    // Comments and PIs are dropped but bounded like text, whatever the chunking.
    internals.commentHandler = events.onIgnored.bind(events);
    internals.piHandler = (pi) => events.onIgnored(pi.body);
    // saxes reports the open element closed before it checks the end tag's name, so
    // </D:responsX> would deliver the <D:response> it does not close: note the name it read.
    const closeTag = internals.closeTag;
    internals.closeTag = (): void => {
      this.endName = internals.name;
      closeTag.call(sax);
    };
  }

  /** Hands `text` to saxes; `start` is where it begins in the characters fed so far. Events fire synchronously. */
  write(text: string, start: number): void {
    this.chunkStart = start;
    this.fed += text.length;
    this.sax.write(text);
  }

  /**
   * Length of the longest token saxes holds unfinished across writes (text, CDATA, comment or
   * attribute value in `text`, a name in `name`): it reports them only once they end.
   */
  held(): number {
    const held = this.sax as unknown as SaxesInternals;
    return held.text.length > held.name.length ? held.text.length : held.name.length;
  }

  /** Characters saxes has read (only right during a write). */
  get position(): number {
    return this.sax.position;
  }

  /** 1-based line in the body (saxes counts from the declaration when leading whitespace was skipped). */
  line(): number {
    return this.sax.line + this.leadLines;
  }

  /** 1-based column in the body. */
  column(): number {
    return this.sax.column + 1 + (this.sax.line === 1 ? this.leadColumns : 0);
  }

  /** Line, column and byte offset of what saxes is reading. */
  errorPosition(): ErrorPosition {
    const sax = this.sax;
    // Between writes saxes counts the last chunk twice: never past what it was given.
    const pos = Math.min(sax.position, this.fed);
    const offset = this.decoder ? this.decoder.byteOffset(pos - this.chunkStart) : pos + this.leadChars;
    return { line: this.line(), column: this.column(), offset };
  }

  /** Ends saxes (it throws on an unclosed document). */
  close(): void {
    this.sax.close();
  }
}
