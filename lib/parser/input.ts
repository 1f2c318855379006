import type { ByteDecoder } from '../decode/decoder.js';
import type { ErrorPosition } from '../errors.js';
import type { TokenEvents } from '../tokenizer/events.js';
import { Tokenizer } from '../tokenizer/tokenizer.js';

/**
 * The bottom part: our tokenizer, its events bound to the state machine, and the positions of
 * what it has read: line, column and byte offset in the body, counting whitespace the prolog
 * skipped before `<?xml`.
 */
export class TokenInput {
  tokenizer: Tokenizer | undefined = undefined;
  /** Where character `k` of the text being written sits among the characters fed: `k + chunkStart`. */
  chunkStart = 0;
  /** Set once the first byte chunk arrives: maps character positions back to byte offsets. */
  decoder: ByteDecoder | undefined = undefined;
  /** Lines, columns (on the first line) and characters of whitespace skipped before `<?xml`. */
  leadLines = 0;
  leadColumns = 0;
  leadChars = 0;

  constructor(private readonly maxToken: number) {}

  /** Binds the tokenizer's events to `events` (once, before the first write). */
  attach(events: TokenEvents): void {
    this.tokenizer = new Tokenizer(events, { maxToken: this.maxToken });
  }

  /** Characters handed to the tokenizer so far. */
  get fed(): number {
    const t = this.tokenizer!;
    return t.base + t.held.length;
  }

  /** Tokenizes `text`; `start` is where it begins in the characters fed so far. Events fire synchronously. */
  write(text: string, start: number): void {
    this.chunkStart = start;
    this.tokenizer!.write(text);
  }

  /** Characters the tokenizer has read. */
  get position(): number {
    return this.tokenizer!.position;
  }

  /** 1-based line in the body. */
  line(): number {
    return this.tokenizer!.line + this.leadLines;
  }

  /** 1-based column in the body. */
  column(): number {
    const t = this.tokenizer!;
    return t.column + (t.line === 1 ? this.leadColumns : 0);
  }

  /** Line, column and byte offset of what the tokenizer is reading. */
  errorPosition(): ErrorPosition {
    const pos = this.tokenizer!.position;
    const offset = this.decoder ? this.decoder.byteOffset(pos - this.chunkStart) : pos + this.leadChars;
    return { line: this.line(), column: this.column(), offset };
  }

  /** The end of the body: the tokenizer fails unless the document is complete. */
  close(): void {
    this.tokenizer!.end();
  }
}
