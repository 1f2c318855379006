/**
 * Turns a stream of strings into UTF-8 chunks of exactly `chunkSize` bytes (the last one may be
 * shorter), the way bytes arrive from a socket: a chunk boundary may fall inside a multi-byte
 * character. Only one chunk is ever being filled; full chunks are handed out and forgotten.
 * Text is gathered into runs of a few KB before encoding, which keeps small writes cheap.
 */
export class Chunker {
  private readonly encoder = new TextEncoder();
  private readonly spill = new Uint8Array(4);
  private buf: Uint8Array;
  private pos = 0;
  private pending = '';
  private pendingBytes = 0;
  private readonly ready: Uint8Array[] = [];
  /** Bytes written so far (handed out or pending), as counted by the caller. */
  total = 0;

  constructor(readonly chunkSize: number) {
    if (!Number.isInteger(chunkSize) || chunkSize < 4) throw new RangeError(`chunkSize must be an integer >= 4, got ${chunkSize}`);
    this.buf = new Uint8Array(chunkSize);
  }

  /** Appends text whose UTF-8 length is `bytes`; full chunks become available from {@link take}. */
  push(text: string, bytes: number): void {
    this.pending += text;
    this.pendingBytes += bytes;
    this.total += bytes;
    if (this.pendingBytes >= 16384) this.encodePending();
  }

  /** The next full chunk, or `undefined`. */
  take(): Uint8Array | undefined {
    return this.ready.shift();
  }

  /** Hands out the last, partial chunk (if any). */
  flush(): void {
    this.encodePending();
    if (this.pos > 0) {
      this.ready.push(this.buf.subarray(0, this.pos));
      this.buf = new Uint8Array(this.chunkSize);
      this.pos = 0;
    }
  }

  private encodePending(): void {
    let rest = this.pending;
    this.pending = '';
    this.pendingBytes = 0;
    while (rest.length > 0) {
      const { read, written } = this.encoder.encodeInto(rest, this.pos === 0 ? this.buf : this.buf.subarray(this.pos));
      this.pos += written;
      if (read === rest.length) {
        if (this.pos === this.chunkSize) this.emit();
        return;
      }
      // The next character did not fit: split its bytes across this chunk and the next.
      const cp = rest.codePointAt(read) as number;
      const units = cp > 0xffff ? 2 : 1;
      const { written: n } = this.encoder.encodeInto(rest.slice(read, read + units), this.spill);
      const room = this.chunkSize - this.pos;
      this.buf.set(this.spill.subarray(0, room), this.pos);
      this.pos = this.chunkSize;
      this.emit();
      this.buf.set(this.spill.subarray(room, n), 0);
      this.pos = n - room;
      rest = rest.slice(read + units);
    }
  }

  private emit(): void {
    this.ready.push(this.buf);
    this.buf = new Uint8Array(this.chunkSize);
    this.pos = 0;
  }
}
