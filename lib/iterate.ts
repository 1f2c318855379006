import { charsetOf } from './charset.js';
import { MultistatusError } from './errors.js';
import { httpError } from './http-error.js';
import { MultistatusParser } from './parser/parser.js';
import { plural } from './plural.js';
import { isResponse, readerOf } from './source.js';
import type { ChunkReader, Source } from './source.js';
import type { Empty, OptionsFor, Props, PropsOf } from './props.js';
import type { DavResponse, Props as LooseProps } from './parser/model.js';
import type { AnyParseOptions, DavResponse as TypedResponse, MultistatusSummary } from './types.js';

/**
 * The async iterator returned by {@link parseMultistatus}; `P` is the type of each response's
 * `props`.
 *
 * @example
 * const it: MultistatusIterator = parseMultistatus(body);
 * for await (const r of it) console.log(r.href);
 * console.log((await it.summary()).syncToken);
 */
export interface MultistatusIterator<P extends object = Props> extends AsyncIterableIterator<TypedResponse<P>> {
  /**
   * What the body said besides its responses (sync-token, truncation, diagnostics…). Resolves once
   * the body has been read to its end; if the iteration has not got there, it reads on, dropping
   * the responses nobody took. Rejects with the parse error, if there was one.
   */
  summary(): Promise<MultistatusSummary>;
}

/**
 * Parses a `207 Multi-Status` body and yields each `response` as soon as its end tag arrives. It
 * reads a chunk only when the consumer asks for more, and `break` (or `return()`) cancels the
 * source. For a fetch `Response`, the charset of its Content-Type is used unless
 * `options.encoding` is given, and a status other than 207 is a `MultistatusError` of code
 * `HTTP` (status, URL, challenge and the start of the body) rather than a parse of the body. The
 * type of `props` follows the options (see {@link PropsOf}).
 *
 * @example
 * for await (const r of parseMultistatus(await fetch(url, { method: 'PROPFIND' }))) console.log(r.href);
 */
export function parseMultistatus<const O extends AnyParseOptions = Empty>(source: Source, options?: OptionsFor<O>): MultistatusIterator<PropsOf<O>> {
  const given: AnyParseOptions = options ?? {};
  let encoding = given.encoding;
  let reader: ChunkReader | undefined;
  if (isResponse(source)) {
    if (encoding === undefined) encoding = charsetOf(source.headers.get('content-type'));
    if (typeof source.status === 'number' && source.status !== 207) reader = refusal(source);
  }
  // The parser builds untyped-at-compile-time maps; the options decide what they hold.
  return new Iteration(reader ?? readerOf(source), { ...given, encoding }) as MultistatusIterator<LooseProps> as unknown as MultistatusIterator<PropsOf<O>>;
}

/** A reader that fails with the `HTTP` error of a non-207 `Response` (and releases its body). */
function refusal(res: Response): ChunkReader {
  let error: Promise<MultistatusError> | undefined;
  const made = (): Promise<MultistatusError> => (error ??= httpError(res, undefined, res.url));
  return {
    next: async () => {
      throw await made();
    },
    cancel: async () => {
      await made();
    },
  };
}

class Iteration implements MultistatusIterator<LooseProps> {
  private readonly queue: DavResponse[] = [];
  private head = 0;
  private readonly parser: MultistatusParser;
  private finished = false;
  private result: MultistatusSummary | undefined;
  private failure: unknown;
  private thrown = false;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly signal: AbortSignal | undefined;
  private readonly onAbort: () => void;
  private bytes = 0;
  private cancelled: Promise<void> | undefined;

  constructor(
    private readonly reader: ChunkReader,
    options: AnyParseOptions,
  ) {
    this.parser = new MultistatusParser({ ...options, onResponse: (r: DavResponse) => this.queue.push(r) });
    this.signal = options.signal;
    this.onAbort = () => {
      void this.cancelSource(this.signal?.reason);
    };
    this.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<DavResponse>> {
    const run = this.chain.then(() => this.step());
    this.chain = run.catch(() => undefined);
    return run;
  }

  async return(): Promise<IteratorResult<DavResponse>> {
    if (!this.finished) {
      this.finish(new MultistatusError('ABORTED', 'the iteration was stopped before the end of the body'));
      this.thrown = true;
      await this.cancelSource(undefined);
    }
    this.queue.length = 0;
    this.head = 0;
    return { done: true, value: undefined };
  }

  async summary(): Promise<MultistatusSummary> {
    while (!this.finished) {
      const r = await this.next().catch(() => ({ done: true as const, value: undefined }));
      if (r.done) break;
    }
    if (this.result) return this.result;
    throw this.failure;
  }

  private async step(): Promise<IteratorResult<DavResponse>> {
    for (;;) {
      if (this.head < this.queue.length) {
        const value = this.queue[this.head]!;
        if (++this.head === this.queue.length) {
          this.queue.length = 0;
          this.head = 0;
        } else {
          (this.queue as (DavResponse | undefined)[])[this.head - 1] = undefined;
        }
        return { done: false, value };
      }
      if (this.finished) {
        if (this.failure !== undefined && !this.thrown) {
          this.thrown = true;
          throw this.failure;
        }
        return { done: true, value: undefined };
      }
      await this.pull();
    }
  }

  private async pull(): Promise<void> {
    if (this.signal?.aborted) return this.abort();
    let chunk: IteratorResult<Uint8Array | string>;
    try {
      chunk = await this.reader.next();
    } catch (e) {
      if (this.signal?.aborted) return this.abort();
      // The client layer's readers fail with errors that already say what happened (HTTP, SOURCE).
      if (e instanceof MultistatusError) return this.finish(e);
      const message = e instanceof Error ? e.message : String(e);
      return this.finish(
        new MultistatusError('SOURCE', `the source failed after ${plural(this.bytes, 'byte')}: ${message}`, { offset: this.bytes }, e),
      );
    }
    if (this.signal?.aborted) return this.abort();
    try {
      if (chunk.done) {
        this.result = this.parser.end();
        this.finish(undefined);
      } else {
        const value = chunk.value;
        this.bytes += typeof value === 'string' ? value.length : value.byteLength;
        this.parser.write(value);
      }
    } catch (e) {
      this.finish(e);
      await this.cancelSource(e);
    }
  }

  private abort(): void {
    const reason: unknown = this.signal?.reason;
    const why = reason instanceof Error ? `: ${reason.message}` : '';
    this.finish(new MultistatusError('ABORTED', `the parse was aborted${why}`, { offset: this.bytes }, reason));
    // A signal that fired before the parse began never ran onAbort: cancel the source here.
    void this.cancelSource(reason);
  }

  /** Cancels the source once, whoever asks first (abort, return, a parse error); never rejects. */
  private cancelSource(reason: unknown): Promise<void> {
    this.cancelled ??= this.reader.cancel(reason).catch(() => undefined);
    return this.cancelled;
  }

  private finish(failure: unknown): void {
    if (this.finished) return;
    this.finished = true;
    this.failure = failure;
    this.signal?.removeEventListener('abort', this.onAbort);
  }
}
