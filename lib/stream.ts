import { MultistatusError } from './errors.js';
import { MultistatusParser } from './parser/parser.js';
import type { Empty, OptionsFor, PropsOf } from './props.js';
import type { DavResponse } from './parser/model.js';
import type { AnyParseOptions, DavResponse as TypedResponse, MultistatusSummary } from './types.js';
import { loadStreamClasses, streamClasses } from './web-streams.js';
import { plural } from './plural.js';

type Chunk = Uint8Array | string;

/**
 * A transform stream from body bytes (or text) to `DavResponse` objects, to pipe a fetch body
 * through: `res.body.pipeThrough(new MultistatusStream())`. Uses the runtime's web streams; where
 * there are none, web-streams-polyfill's, after `await MultistatusStream.ready()` has loaded them.
 *
 * It is a readable/writable pair rather than a plain `TransformStream` so that a parse error
 * reaches the reader only after every response before it: a TransformStream that errors drops
 * what is still queued. The writable side waits while responses are waiting to be read, so a
 * slow reader holds back the body (at most one chunk's responses are buffered). The type of the
 * responses' `props` follows the options (see {@link PropsOf}).
 *
 * @example
 * const res = await fetch(url, { method: 'PROPFIND', headers: { Depth: '1' } });
 * const reader = res.body!.pipeThrough(new MultistatusStream({ properties: ['getetag'] })).getReader();
 */
export class MultistatusStream<const O extends AnyParseOptions = Empty> implements TransformStream<Uint8Array | string, TypedResponse<PropsOf<O>>> {
  /** The responses, one at a time. */
  readonly readable: ReadableStream<TypedResponse<PropsOf<O>>>;
  /** Where the body's bytes (or text) go. */
  readonly writable: WritableStream<Uint8Array | string>;
  /** Resolves with the summary once the body has ended; rejects with the parse error. */
  readonly summary: Promise<MultistatusSummary>;

  /**
   * Resolves once a `MultistatusStream` can be made: at once in a runtime with web streams (Node,
   * Deno, Bun, browsers); elsewhere once web-streams-polyfill has been loaded (a dynamic `import()`,
   * which bundlers put in a chunk of its own). Only needed where the runtime has no web streams.
   */
  static async ready(): Promise<void> {
    await loadStreamClasses();
  }

  /** @throws MultistatusError `USAGE` where the runtime has no web streams and `ready()` has not resolved. */
  constructor(options?: OptionsFor<O>) {
    const given: AnyParseOptions = options ?? {};
    const classes = streamClasses();
    if (!classes) {
      throw new MultistatusError(
        'USAGE',
        'this runtime has no web streams: await MultistatusStream.ready() first (it loads web-streams-polyfill), or install a global polyfill',
      );
    }
    const queue: DavResponse[] = [];
    let head = 0;
    let ended = false;
    let failure: unknown;
    let wakeReader: (() => void) | undefined;
    let wakeWriter: (() => void) | undefined;
    let resolveSummary!: (s: MultistatusSummary) => void;
    let rejectSummary!: (e: unknown) => void;
    this.summary = new Promise<MultistatusSummary>((res, rej) => {
      resolveSummary = res;
      rejectSummary = rej;
    });
    // Nobody may ever ask for the summary: do not let its rejection go unhandled.
    this.summary.catch(() => undefined);

    const parser = new MultistatusParser({ ...given, onResponse: (r: DavResponse) => queue.push(r) });
    const wake = (): void => {
      wakeReader?.();
      wakeReader = undefined;
    };
    const fail = (e: unknown): void => {
      if (ended) return;
      ended = true;
      failure = e;
      rejectSummary(e);
      wake();
      wakeWriter?.();
    };
    const drained = (): Promise<void> =>
      head >= queue.length || ended ? Promise.resolve() : new Promise<void>((res) => (wakeWriter = res));

    const signal = given.signal;
    const onAbort = (): void => fail(new MultistatusError('ABORTED', 'the parse was aborted'));
    signal?.addEventListener('abort', onAbort, { once: true });

    const { ReadableStream: Readable, WritableStream: Writable } = classes;

    // The parser builds untyped-at-compile-time maps; the options decide what they hold.
    this.readable = new Readable<DavResponse>(
      {
        async pull(controller) {
          for (;;) {
            if (head < queue.length) {
              const r = queue[head]!;
              (queue as (DavResponse | undefined)[])[head++] = undefined;
              if (head === queue.length) {
                queue.length = 0;
                head = 0;
                wakeWriter?.();
                wakeWriter = undefined;
              }
              controller.enqueue(r);
              return;
            }
            if (ended) {
              if (failure !== undefined) controller.error(failure);
              else controller.close();
              return;
            }
            await new Promise<void>((res) => (wakeReader = res));
          }
        },
        cancel(reason) {
          fail(new MultistatusError('ABORTED', `the stream was cancelled${reason === undefined ? '' : `: ${String(reason)}`}`));
        },
      },
      { highWaterMark: 0 },
    ) as ReadableStream<TypedResponse<PropsOf<O>>>;

    let bytes = 0; // what the source gave, for the offset of a SOURCE error
    this.writable = new Writable<Chunk>({
      async write(chunk) {
        if (ended) throw failure ?? new MultistatusError('USAGE', 'write after the end of the body');
        bytes += typeof chunk === 'string' ? chunk.length : chunk.byteLength;
        try {
          parser.write(chunk);
        } catch (e) {
          fail(e);
          throw e;
        } finally {
          wake();
        }
        await drained();
      },
      close() {
        if (ended) {
          if (failure !== undefined) throw failure;
          return;
        }
        try {
          const summary = parser.end();
          ended = true;
          signal?.removeEventListener('abort', onAbort);
          resolveSummary(summary);
          wake();
        } catch (e) {
          fail(e);
          throw e;
        }
      },
      abort(reason) {
        if (reason instanceof MultistatusError) return fail(reason);
        const message = reason instanceof Error ? reason.message : String(reason);
        fail(new MultistatusError('SOURCE', `the source failed after ${plural(bytes, 'byte')}: ${message}`, { offset: bytes }, reason));
      },
    });
  }
}
