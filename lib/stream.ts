import { TransformStream as PolyfillTransformStream } from 'web-streams-polyfill';
import { MultistatusError } from './errors.js';
import { MultistatusParser } from './parser/parser.js';
import type { DavResponse, MultistatusSummary, ParseOptions } from './types.js';

type Chunk = Uint8Array | string;

/**
 * A `TransformStream` from body bytes (or text) to `DavResponse` objects, to pipe a fetch body
 * through: `res.body.pipeThrough(new MultistatusStream())`. Uses the runtime's TransformStream,
 * or web-streams-polyfill's where there is none.
 */
export class MultistatusStream implements TransformStream<Chunk, DavResponse> {
  readonly readable: ReadableStream<DavResponse>;
  readonly writable: WritableStream<Chunk>;
  /** Resolves with the summary once the body has ended; rejects with the parse error. */
  readonly summary: Promise<MultistatusSummary>;

  constructor(options: ParseOptions = {}) {
    let resolve!: (s: MultistatusSummary) => void;
    let reject!: (e: unknown) => void;
    this.summary = new Promise<MultistatusSummary>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Nobody may ever ask for the summary: do not let its rejection go unhandled.
    this.summary.catch(() => undefined);
    let controller: TransformStreamDefaultController<DavResponse> | undefined;
    const parser = new MultistatusParser({ ...options, onResponse: (r) => controller!.enqueue(r) });
    const signal = options.signal;
    const Impl = (globalThis.TransformStream ?? PolyfillTransformStream) as typeof TransformStream;
    const fail = (e: unknown): void => {
      reject(e);
    };
    const stream = new Impl<Chunk, DavResponse>({
      start(c) {
        controller = c;
        signal?.addEventListener(
          'abort',
          () => {
            const e = new MultistatusError('ABORTED', 'the parse was aborted');
            fail(e);
            c.error(e);
          },
          { once: true },
        );
      },
      transform(chunk) {
        try {
          parser.write(chunk);
        } catch (e) {
          fail(e);
          throw e;
        }
      },
      flush() {
        try {
          resolve(parser.end());
        } catch (e) {
          fail(e);
          throw e;
        }
      },
      cancel(reason: unknown) {
        fail(new MultistatusError('ABORTED', `the stream was cancelled${reason === undefined ? '' : `: ${String(reason)}`}`));
      },
    } as Transformer<Chunk, DavResponse>);
    this.readable = stream.readable;
    this.writable = stream.writable;
  }
}
