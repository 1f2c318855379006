/**
 * Progress on stderr: bytes read, responses, rate, elapsed time and resident memory, with a bar
 * and a percentage when the body length is known. On a terminal one line is redrawn in place (at
 * most ten times a second); elsewhere (`--progress` into a file or pipe) a plain line is written
 * each second. It never writes to stdout.
 */
import { humanBytes, humanCount, humanDuration, humanRate } from './units.js';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const BAR = 24;
const TTY_INTERVAL_MS = 100;
const LOG_INTERVAL_MS = 1000;

export class Progress {
  private readonly tty: boolean;
  private readonly started: number;
  private last = -Infinity;
  /** A line is on screen (TTY mode) that a write to the same terminal must erase first. */
  private shown = false;
  private bytes = 0;
  private responses = 0;
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number | undefined,
    private readonly now: () => number = () => performance.now(),
    private readonly rss: () => number = () => process.memoryUsage.rss(),
  ) {
    this.tty = stream.isTTY === true;
    this.started = now();
  }

  /** Draws the first line now, and keeps the elapsed time going while no data arrives. */
  start(): void {
    this.update(0, 0);
    this.ticker = setInterval(() => this.update(this.bytes, this.responses), TTY_INTERVAL_MS * 2.5);
    this.ticker.unref();
  }

  /** New figures; redraws if enough time has passed. */
  update(bytes: number, responses: number): void {
    this.bytes = bytes;
    this.responses = responses;
    const t = this.now();
    if (t - this.last < (this.tty ? TTY_INTERVAL_MS : LOG_INTERVAL_MS)) return;
    this.last = t;
    this.draw(false);
  }

  /** Erase the line on a terminal, before rows are written to the same screen. */
  clear(): void {
    if (!this.tty || !this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = false;
    this.last = -Infinity; // redraw at the next update
  }

  /** The last line, kept on screen. */
  finish(): void {
    clearInterval(this.ticker);
    this.draw(true);
  }

  /** The progress line for the current figures (no control characters). */
  line(final: boolean): string {
    const seconds = (this.now() - this.started) / 1000;
    const parts: string[] = [];
    if (this.total !== undefined && this.total > 0) {
      const fraction = Math.min(1, this.bytes / this.total);
      const filled = Math.round(fraction * BAR);
      parts.push(`[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%`);
      parts.push(`${humanBytes(this.bytes)} of ${humanBytes(this.total)}`);
    } else {
      parts.push(humanBytes(this.bytes));
    }
    parts.push(`${humanCount(this.responses)} response${this.responses === 1 ? '' : 's'}`, humanRate(this.bytes, seconds), humanDuration(seconds));
    parts.push(`rss ${humanBytes(this.rss())}`);
    return (this.tty ? '' : final ? 'multistatus: done: ' : 'multistatus: ') + parts.join('  ');
  }

  private draw(final: boolean): void {
    let text = this.line(final);
    if (this.tty) {
      // Wider than the terminal, the line would wrap and \r could not redraw it.
      const width = (this.stream.columns ?? 80) - 1;
      if (text.length > width) text = text.slice(0, Math.max(0, width));
      this.stream.write(`\r${text}\x1b[K${final ? '\n' : ''}`);
      this.shown = !final;
    } else {
      this.stream.write(`${text}\n`);
    }
  }
}
