/** openRequest() over a fake fetch: where a broken body broke off, closing twice, reading after the end. */
import { expect } from 'chai';
import { MultistatusError } from '../../lib/errors.js';
import { networkError, openRequest } from '../../lib/client/request.js';

const SPEC = { method: 'PROPFIND', url: 'http://dav.example/d/', depth: 1 as const, body: '<x/>' };

/** A 207 whose body sends `sent` bytes, then fails with `error` (or waits until the request's signal aborts when undefined). */
function fakeFetch(sent: number, error: Error | undefined, cancelled: { n: number }): typeof fetch {
  return (async (_url: string, init: RequestInit) => {
    let step = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        // as fetch does: the request's signal errors the body being read
        init.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
      },
      pull(controller) {
        if (step++ === 0) controller.enqueue(new Uint8Array(sent));
        else if (error !== undefined) controller.error(error);
        else return new Promise<void>(() => undefined);
        return undefined;
      },
      cancel() {
        cancelled.n++;
      },
    });
    return new Response(body, { status: 207, headers: { 'Content-Type': 'application/xml' } });
  }) as typeof fetch;
}

async function drain(chunks: AsyncIterableIterator<Uint8Array>): Promise<MultistatusError> {
  try {
    for (;;) if ((await chunks.next()).done) break;
  } catch (e) {
    expect(e).to.be.instanceOf(MultistatusError);
    return e as MultistatusError;
  }
  throw new Error('expected the body to fail');
}

describe('client: openRequest over a fake fetch', function () {
  it('a body that breaks off is SOURCE with the byte offset where it stopped; then the body is done', async function () {
    const cancelled = { n: 0 };
    const opened = await openRequest(SPEC, { fetch: fakeFetch(12, new TypeError('terminated'), cancelled) });
    const error = await drain(opened.chunks);
    expect(error.code).to.equal('SOURCE');
    expect(error.offset).to.equal(12);
    expect(error.message).to.match(/broke off after 12 bytes/);
    expect(await opened.chunks.next()).to.deep.equal({ done: true, value: undefined });
  });

  it('a body that stalls past the timeout is SOURCE with the byte offset where it stalled', async function () {
    const opened = await openRequest(SPEC, { timeout: 50, fetch: fakeFetch(7, undefined, { n: 0 }) });
    const error = await drain(opened.chunks);
    expect(error.code).to.equal('SOURCE');
    expect(error.offset).to.equal(7);
    expect(error.message).to.match(/stalled after 7 bytes/);
  });

  it('return() cancels the body once, and reading after it is done without touching the body', async function () {
    const cancelled = { n: 0 };
    const opened = await openRequest(SPEC, { fetch: fakeFetch(3, undefined, cancelled) });
    expect((await opened.chunks.next()).value).to.have.length(3);
    await opened.chunks.return!();
    await opened.chunks.return!();
    expect(cancelled.n).to.equal(1);
    expect(await opened.chunks.next()).to.deep.equal({ done: true, value: undefined });
  });

  it('a stop signal aborted while the body is read is ABORTED ("was stopped"), not a broken body', async function () {
    const stop = new AbortController();
    const opened = await openRequest(SPEC, { fetch: fakeFetch(3, undefined, { n: 0 }) }, stop.signal);
    await opened.chunks.next();
    const pending = drain(opened.chunks);
    stop.abort();
    const error = await pending;
    expect(error.code).to.equal('ABORTED');
    expect(error.message).to.match(/was stopped$/);
  });

  it('the charset and the Content-Length of the answer, the length only when the body is not content-encoded', async function () {
    const open = (headers: Record<string, string>) =>
      openRequest(SPEC, { fetch: (async () => new Response('<x/>', { status: 207, headers })) as typeof fetch });
    const latin = await open({ 'Content-Type': 'application/xml; charset=ISO-8859-1', 'Content-Length': '12' });
    expect(latin.encoding?.toLowerCase()).to.equal('iso-8859-1');
    expect(latin.length).to.equal(12);
    const plain = await open({ 'Content-Type': 'application/xml', 'Content-Length': '0' });
    expect('encoding' in plain).to.equal(false);
    expect(plain.length).to.equal(0);
    expect((await open({ 'Content-Length': '12', 'Content-Encoding': 'gzip' })).length).to.equal(undefined);
    expect((await open({ 'Content-Length': '12', 'Content-Encoding': ' Identity ' })).length).to.equal(12);
    expect((await open({ 'Content-Type': 'application/xml' })).length).to.equal(undefined);
    expect((await open({ 'Content-Length': '-1' })).length).to.equal(undefined);
  });
});

describe('client: networkError', function () {
  it('the causes joined, at most four, each message once, empty ones left out', function () {
    const chain = new Error('a', { cause: new Error('b', { cause: new Error('c', { cause: new Error('d', { cause: new Error('e') }) }) }) });
    expect(networkError(chain)).to.equal('a: b: c: d');
    expect(networkError(new TypeError('fetch failed', { cause: new Error('fetch failed', { cause: new Error('connect ECONNREFUSED') }) }))).to.equal(
      'fetch failed: connect ECONNREFUSED',
    );
    expect(networkError(new Error('', { cause: new Error('reset') }))).to.equal('reset');
  });

  it('an AggregateError names its first error; something not an Error is written as a string', function () {
    expect(networkError(new AggregateError([new Error('connect ECONNREFUSED ::1:80'), new Error('other')], 'connect failed'))).to.equal(
      'connect failed connect ECONNREFUSED ::1:80',
    );
    expect(networkError('plain')).to.equal('plain');
  });
});
