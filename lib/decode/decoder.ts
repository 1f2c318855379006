import { MultistatusError } from '../errors.js';
import { SNIFF_BYTES, sniff } from './sniff.js';
import { findInvalidUtf16 } from './utf16.js';
import { findInvalidUtf8, incompleteTail, utf8Length } from './utf8.js';

/** Called with a tolerated encoding quirk (code, message). */
export type EncodingNote = (code: string, message: string) => void;

/** An invalid byte sequence: where it starts and what to say about it. */
export interface InvalidBytes {
  message: string;
  /** Byte offset of its first byte in the body. */
  offset: number;
}

const NO_BYTES = new Uint8Array(0);

/**
 * Streaming bytes -> text. Picks the encoding by BOM > `hint` (Content-Type charset) >
 * XML declaration > UTF-8 (RFC 7303 §3), decodes fatally, and maps character positions of the
 * text it returned back to byte offsets for error messages.
 *
 * On an invalid byte sequence, `write()` returns the text before it (so that the responses it
 * completes are still delivered) and sets `invalid`; the caller then fails with ENCODING. So does
 * `end()` for a body short enough to be still undecided then.
 */
export class ByteDecoder {
  /** Canonical encoding name once decided. */
  encoding: string | undefined;
  /** Set by `write()` when it met an invalid byte sequence; nothing after it is decoded. */
  invalid: InvalidBytes | undefined;
  private head: Uint8Array | undefined;
  private decoder: TextDecoder | undefined;
  private bytesIn = 0;
  private variable = true;
  private unit = 1;
  private bomBytes = 0;
  private charsOut = 0;
  private lastText = '';
  private lastStart = 0;
  /** Bytes given to the TextDecoder but not yet returned as text (an unfinished character). */
  private tail: Uint8Array = NO_BYTES;

  constructor(
    private readonly hint: string | undefined,
    private readonly note: EncodingNote,
  ) {}

  /** Total bytes written so far. */
  get bytes(): number {
    return this.bytesIn;
  }

  /** Decodes one chunk; returns '' while the first bytes are still being sniffed. */
  write(bytes: Uint8Array): string {
    if (bytes.length === 0 || this.invalid !== undefined) return '';
    if (this.decoder === undefined) {
      const head = this.head === undefined ? bytes : concat(this.head, bytes);
      this.bytesIn += bytes.length;
      const found = sniff(head, false);
      if (found === undefined && head.length < SNIFF_BYTES) {
        this.head = head;
        return '';
      }
      this.head = undefined;
      this.start(found ?? {});
      return this.decode(head, this.bytesIn - head.length);
    }
    const before = this.bytesIn;
    this.bytesIn += bytes.length;
    return this.decode(bytes, before);
  }

  /** Flushes what is held back; throws `TRUNCATED` if the body ends inside a character. */
  end(): string {
    if (this.decoder === undefined) {
      const head = this.head ?? new Uint8Array(0);
      this.head = undefined;
      this.start(sniff(head, true) ?? {});
      const text = this.decode(head, this.bytesIn - head.length);
      if (this.invalid !== undefined) return text;
      // The text just decoded is what this call returns: byteOffset() keeps mapping it.
      this.flush();
      return text;
    }
    const text = this.flush();
    this.remember(text, this.bytesIn - this.pendingBytes());
    return text;
  }

  /** Byte offset of character `index` of the text most recently returned. */
  byteOffset(index: number): number {
    const k = Math.max(0, Math.min(index, this.lastText.length));
    if (!this.variable) return this.lastStart + k * this.unit;
    return this.lastStart + utf8Length(this.lastText.slice(0, k));
  }

  /** The TextDecoder's last text ('' unless it held bytes back, and then it throws: TRUNCATED). */
  private flush(): string {
    const decoder = this.decoder!;
    try {
      return decoder.decode();
    } catch {
      throw new MultistatusError(
        'TRUNCATED',
        `the body ends inside a ${this.encoding} character`,
        { offset: this.bytesIn - this.pendingBytes() },
      );
    }
  }

  private pendingBytes(): number {
    return this.variable ? this.tail.length : this.bytesIn - this.bomBytes - this.charsOut * this.unit;
  }

  private start(found: { bom?: string; pattern?: string; declared?: string }): void {
    let chosen: string;
    if (found.bom) {
      chosen = found.bom;
      this.bomBytes = found.bom === 'utf-8' ? 3 : 2;
      if (this.hint !== undefined && family(canonical(this.hint)) !== family(chosen)) {
        this.note('CHARSET_CONFLICT', `the byte order mark says ${chosen}, the charset says ${this.hint}; the BOM wins`);
      }
    } else if (this.hint !== undefined) {
      chosen = canonical(this.hint);
      const declared = found.declared ?? found.pattern;
      if (declared !== undefined && family(canonical(declared)) !== family(chosen)) {
        this.note('CHARSET_CONFLICT', `the XML declaration says ${declared}, the charset says ${this.hint}; the charset wins`);
      }
    } else if (found.pattern) {
      chosen = found.pattern;
    } else if (found.declared !== undefined) {
      chosen = canonical(found.declared);
      if (family(chosen) === 'utf-16') {
        // The declaration was read as single bytes, so the body cannot be UTF-16.
        this.note('CHARSET_CONFLICT', `the XML declaration says ${found.declared} but the body is not UTF-16; reading UTF-8`);
        chosen = 'utf-8';
      }
    } else {
      chosen = 'utf-8';
    }
    this.encoding = chosen;
    this.decoder = new TextDecoder(chosen, { fatal: true });
    this.variable = chosen === 'utf-8';
    this.unit = chosen.startsWith('utf-16') ? 2 : 1;
  }

  private decode(bytes: Uint8Array, before: number): string {
    const decoder = this.decoder!;
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      return this.validPrefix(bytes, before);
    }
    let start: number;
    if (this.variable) {
      start = before - this.tail.length;
      if (start === 0 && this.bomBytes) start = this.bomBytes;
      if (bytes.length >= 3 || this.tail.length === 0) {
        this.tail = bytes.slice(bytes.length - incompleteTail(bytes));
      } else {
        // A character may have started in an earlier chunk (one byte per chunk).
        const joined = concat(this.tail, bytes);
        this.tail = joined.slice(joined.length - incompleteTail(joined));
      }
    } else {
      start = this.bomBytes + this.charsOut * this.unit;
    }
    this.remember(text, start);
    if (!this.variable) this.keepTail(bytes);
    return text;
  }

  /** UTF-16: keeps the bytes the TextDecoder holds back (an odd byte, a high surrogate). */
  private keepTail(bytes: Uint8Array): void {
    const held = this.pendingBytes();
    if (held === 0) this.tail = NO_BYTES;
    else if (held <= bytes.length) this.tail = bytes.slice(bytes.length - held);
    else this.tail = concat(this.tail, bytes).slice(-held);
  }

  /**
   * After the TextDecoder refused `bytes`: decodes what comes before the first invalid sequence
   * (the TextDecoder's held-back bytes included), records where that sequence starts, and
   * returns the text before it.
   */
  private validPrefix(bytes: Uint8Array, before: number): string {
    const joined = this.tail.length > 0 ? concat(this.tail, bytes) : bytes;
    const first = before - this.tail.length; // byte offset of joined[0]
    const enc = this.encoding!;
    const at = enc === 'utf-8' ? findInvalidUtf8(joined, false) : enc.startsWith('utf-16') ? findInvalidUtf16(joined, enc === 'utf-16le') : refusedAt(joined, enc);
    let text = '';
    if (at > 0) text = new TextDecoder(enc, { ignoreBOM: first > 0 }).decode(joined.subarray(0, at));
    this.remember(text, first === 0 && this.bomBytes ? this.bomBytes : first);
    this.tail = NO_BYTES;
    this.invalid = { message: `invalid ${enc} byte sequence`, offset: first + Math.max(0, at) };
    return text;
  }

  private remember(text: string, start: number): void {
    this.charsOut += text.length;
    this.lastText = text;
    this.lastStart = start;
  }
}

function canonical(label: string): string {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    throw new MultistatusError('ENCODING', `unsupported character encoding: ${label}`);
  }
}

/**
 * Other encodings (single-byte ones with unassigned bytes, such as ISO-8859-3's 0xA5): the length
 * of the longest prefix of `bytes` that a fatal TextDecoder accepts, found by bisection (the error
 * path only). For a single-byte encoding that is the offset of the refused byte.
 */
function refusedAt(bytes: Uint8Array, enc: string): number {
  let ok = 0;
  let bad = bytes.length;
  while (bad - ok > 1) {
    const mid = (ok + bad) >>> 1;
    try {
      new TextDecoder(enc, { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      ok = mid;
    } catch {
      bad = mid;
    }
  }
  return ok;
}

function family(enc: string): string {
  return enc.startsWith('utf-16') ? 'utf-16' : enc;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
