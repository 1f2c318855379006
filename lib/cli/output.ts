/**
 * Buffered writes to stdout: text is gathered while a chunk of the body is parsed and written in
 * one go, honouring backpressure. A reader that goes away (`| head`) closes it quietly.
 */
import type { Writable } from 'node:stream';

export class Output {
  private parts: string[] = [];
  private size = 0;
  /** The reader went away (EPIPE): stop producing. */
  closed = false;
  private failure: Error | undefined;

  constructor(readonly stream: Writable & { isTTY?: boolean }) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') this.closed = true;
      else this.failure = e;
    });
  }

  get isTTY(): boolean {
    return this.stream.isTTY === true;
  }

  /** Bytes (UTF-16 units) waiting to be written. */
  get pending(): number {
    return this.size;
  }

  push(text: string): void {
    this.parts.push(text);
    this.size += text.length;
  }

  /** Writes what was pushed; resolves once the stream can take more (or the reader is gone). */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.size === 0 || this.closed) {
      this.parts = [];
      this.size = 0;
      return;
    }
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.size = 0;
    // Each flush waits for its own write callback, so at most one batch is ever buffered.
    await new Promise<void>((resolve, reject) => {
      this.stream.write(text, (e) => {
        const code = (e as NodeJS.ErrnoException | null | undefined)?.code;
        if (!e) resolve();
        else if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') {
          this.closed = true;
          resolve();
        } else reject(e);
      });
    });
  }
}
