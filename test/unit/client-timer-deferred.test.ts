/** The request's wait clock and the deferred iterator, on their own (client mutation survivors). */
import { expect } from 'chai';
import { DeferredIterator } from '../../lib/client/deferred.js';
import { WaitClock } from '../../lib/client/timer.js';
import type { MultistatusIterator } from '../../lib/iterate.js';
import type { Props } from '../../lib/parser/model.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** An empty inner iterator that counts its return() calls. */
function countingInner(): { inner: MultistatusIterator<Props>; returns: { n: number } } {
  const returns = { n: 0 };
  const inner = {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      return { done: true as const, value: undefined };
    },
    async return() {
      returns.n++;
      return { done: true as const, value: undefined };
    },
    async summary() {
      throw new Error('not used');
    },
  } as unknown as MultistatusIterator<Props>;
  return { inner, returns };
}

describe('client: the wait clock', function () {
  it('a signal aborted before the clock is made aborts it at once, with its reason', function () {
    const clock = new WaitClock(undefined, [undefined, AbortSignal.abort('gone')]);
    expect(clock.signal.aborted).to.equal(true);
    expect(clock.signal.reason).to.equal('gone');
  });

  it('a caller signal aborted later aborts it; after dispose() it no longer does', function () {
    const a = new AbortController();
    const live = new WaitClock(undefined, [a.signal]);
    a.abort('late');
    expect(live.signal.reason).to.equal('late');
    const b = new AbortController();
    const disposed = new WaitClock(undefined, [b.signal]);
    disposed.dispose();
    b.abort('after');
    expect(disposed.signal.aborted).to.equal(false);
  });

  it('runs out after its time with a TimeoutError naming it; dispose() stops an armed clock', async function () {
    const clock = new WaitClock(20, []);
    clock.arm();
    const stopped = new WaitClock(20, []);
    stopped.arm();
    stopped.dispose();
    await sleep(60);
    expect(clock.timedOut).to.equal(true);
    expect((clock.signal.reason as DOMException).name).to.equal('TimeoutError');
    expect((clock.signal.reason as DOMException).message).to.equal('no answer within 20 ms');
    expect(stopped.timedOut).to.equal(false);
    expect(stopped.signal.aborted).to.equal(false);
  });
});

describe('client: the deferred iterator', function () {
  it('a failed start is thrown once; then the iteration is done', async function () {
    const it = new DeferredIterator(() => Promise.reject(new Error('no server')));
    let thrown: unknown;
    try {
      await it.next();
    } catch (e) {
      thrown = e;
    }
    expect((thrown as Error).message).to.equal('no server');
    expect(await it.next()).to.deep.equal({ done: true, value: undefined });
  });

  it('return() closes the inner iterator once, however often it and next() are called after', async function () {
    const { inner, returns } = countingInner();
    const it = new DeferredIterator(() => Promise.resolve(inner));
    await it.next();
    await it.return();
    await it.return();
    await it.next();
    expect(returns.n).to.equal(1);
  });
});
