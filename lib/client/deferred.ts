/**
 * A {@link MultistatusIterator} whose body is not there yet: the request is sent on the first
 * `next()` (or `summary()`); `return()` before the answer stops the request.
 */
import type { MultistatusIterator } from '../iterate.js';
import type { DavResponse, Props } from '../parser/model.js';
import type { MultistatusSummary } from '../types.js';

export class DeferredIterator implements MultistatusIterator<Props> {
  private inner: MultistatusIterator<Props> | undefined;
  private starting: Promise<MultistatusIterator<Props>> | undefined;
  private failure: unknown;
  private failed = false;
  private thrown = false;
  private closed = false;
  private readonly stopper = new AbortController();

  /** `start` sends the request (aborting on `stop`) and returns the iterator over its body. */
  constructor(private readonly start: (stop: AbortSignal) => Promise<MultistatusIterator<Props>>) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<DavResponse>> {
    const inner = await this.open();
    if (inner === undefined) {
      if (this.failed && !this.thrown) {
        this.thrown = true;
        throw this.failure;
      }
      return { done: true, value: undefined };
    }
    return inner.next();
  }

  async return(): Promise<IteratorResult<DavResponse>> {
    if (!this.closed) {
      this.closed = true;
      if (this.inner) await this.inner.return?.();
      else this.stopper.abort();
    }
    return { done: true, value: undefined };
  }

  async summary(): Promise<MultistatusSummary> {
    const inner = await this.open();
    if (inner === undefined) throw this.failure;
    return inner.summary();
  }

  private async open(): Promise<MultistatusIterator<Props> | undefined> {
    if (this.inner) return this.inner;
    if (this.failed || (this.closed && !this.starting)) return undefined;
    this.starting ??= this.start(this.stopper.signal);
    try {
      this.inner = await this.starting;
    } catch (e) {
      if (!this.failed) {
        this.failed = true;
        this.failure = e;
      }
      return undefined;
    }
    if (this.closed) await this.inner.return?.();
    return this.inner;
  }
}
