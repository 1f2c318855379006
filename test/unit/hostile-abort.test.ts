/**
 * Abort, break and backpressure: stopping reads no further and cancels the source; a slow
 * consumer never makes the parser read more than a bounded number of chunks ahead. The root hook
 * (test/helpers/unhandled-rejections.ts) fails any of these tests that leaves a promise
 * rejection unhandled.
 */
import { expect } from 'chai';
import { MultistatusError, MultistatusParser, MultistatusStream, parseMultistatus } from '../../lib/index.js';
import type { DavResponse } from '../../lib/index.js';
import { endlessListing, recordingIterable, recordingStream } from '../helpers/hostile-sources.js';
import type { SourceLog } from '../helpers/hostile-sources.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function rejection(p: Promise<unknown>): Promise<MultistatusError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e, 'a MultistatusError').to.be.instanceOf(MultistatusError);
  return e as MultistatusError;
}

type Make = (perChunk: number, stallAfter?: number) => { source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>; log: SourceLog };
const faces: [string, Make][] = [
  [
    'ReadableStream',
    (perChunk, stallAfter) => {
      const { stream, log } = recordingStream(endlessListing(perChunk), stallAfter === undefined ? {} : { stallAfter });
      return { source: stream, log };
    },
  ],
  [
    'async iterator',
    (perChunk, stallAfter) => {
      const { iterable, log } = recordingIterable(endlessListing(perChunk), stallAfter === undefined ? {} : { stallAfter });
      return { source: iterable, log };
    },
  ],
];

describe('hostile input: abort, break and backpressure', () => {
  for (const [name, make] of faces) {
    describe(`parseMultistatus over an endless ${name}`, () => {
      it('a slow consumer: the parser reads one chunk per response it needs, no more', async () => {
        const { source, log } = make(1);
        const it = parseMultistatus(source);
        for (let i = 0; i < 5; i++) {
          const r = await it.next();
          expect((r.value as DavResponse).href).to.equal(`/r${i}`);
          await sleep(5);
          // chunk 0 is the root start tag; chunk k holds response k-1.
          expect(log.pulls, `after response ${i}`).to.equal(i + 2);
        }
        await it.return!();
        expect(log.cancelled).to.equal(true);
      });

      it('with many responses per chunk it still reads ahead by at most one chunk', async () => {
        const { source, log } = make(10);
        const it = parseMultistatus(source);
        for (let i = 0; i < 25; i++) await it.next();
        await sleep(10);
        expect(log.pulls).to.equal(1 + 3);
        await it.return!();
      });

      it('break cancels the source and reads nothing more; summary() then rejects ABORTED', async () => {
        const { source, log } = make(1);
        const it = parseMultistatus(source);
        let n = 0;
        for await (const _ of it) if (++n === 3) break;
        expect(log.cancelled).to.equal(true);
        const pulls = log.pulls;
        await sleep(10);
        expect(log.pulls).to.equal(pulls);
        expect((await rejection(it.summary())).code).to.equal('ABORTED');
        expect(await it.next()).to.deep.equal({ done: true, value: undefined });
      });

      it('an AbortSignal fired between responses: the next read rejects ABORTED, the source is cancelled', async () => {
        const { source, log } = make(1);
        const ac = new AbortController();
        const it = parseMultistatus(source, { signal: ac.signal });
        await it.next();
        await it.next();
        ac.abort();
        const pulls = log.pulls;
        const e = await rejection(it.next());
        expect(e.code).to.equal('ABORTED');
        expect(log.cancelled).to.equal(true);
        expect(log.pulls).to.equal(pulls);
        expect(await it.next()).to.deep.equal({ done: true, value: undefined });
      });

      it('an AbortSignal fired while a read is pending (a stalled connection) ends it at once', async () => {
        const { source, log } = make(1, 3);
        const ac = new AbortController();
        const it = parseMultistatus(source, { signal: ac.signal });
        await it.next();
        await it.next();
        const pending = it.next();
        await sleep(10);
        const t0 = performance.now();
        ac.abort(new Error('user gave up'));
        const e = await rejection(pending);
        expect(performance.now() - t0).to.be.below(200);
        expect(e.code).to.equal('ABORTED');
        expect(log.cancelled).to.equal(true);
      });

      it('return() while a read is pending (a stalled connection) ends it at once', async () => {
        const { source, log } = make(1, 2);
        const it = parseMultistatus(source);
        await it.next();
        const pending = it.next();
        await sleep(10);
        await it.return!();
        expect(log.cancelled).to.equal(true);
        expect(await pending).to.deep.equal({ done: true, value: undefined });
      });

      it('a signal aborted before the parse starts: ABORTED, nothing read, the source cancelled', async () => {
        const { source, log } = make(1);
        const it = parseMultistatus(source, { signal: AbortSignal.abort() });
        expect((await rejection(it.next())).code).to.equal('ABORTED');
        expect(log.pulls).to.equal(0);
        expect(log.cancelled).to.equal(true);
      });

      it('abort with nobody asking for the summary leaves no rejection unhandled', async () => {
        const { source } = make(1);
        const ac = new AbortController();
        const it = parseMultistatus(source, { signal: ac.signal });
        await it.next();
        ac.abort();
        await sleep(10);
      });
    });
  }

  describe('MultistatusStream', () => {
    it('a slow consumer keeps the piped source a bounded number of chunks ahead', async () => {
      const { stream, log } = recordingStream(endlessListing(1));
      const reader = stream.pipeThrough(new MultistatusStream()).getReader();
      for (let i = 0; i < 5; i++) {
        const { value } = await reader.read();
        expect(value!.href).to.equal(`/r${i}`);
      }
      await sleep(50);
      const ahead = log.pulls - 6;
      expect(ahead, 'chunks read beyond what the consumer took').to.be.at.most(4);
      await reader.cancel();
      await sleep(10);
      expect(log.cancelled, 'cancelling the readable cancels the piped source').to.equal(true);
    });

    it('an AbortSignal errors the readable with ABORTED, cancels the piped source and rejects the summary', async () => {
      const { stream, log } = recordingStream(endlessListing(1));
      const ac = new AbortController();
      const ms = new MultistatusStream({ signal: ac.signal });
      const reader = stream.pipeThrough(ms).getReader();
      await reader.read();
      ac.abort();
      const e = await rejection(reader.read());
      expect(e.code).to.equal('ABORTED');
      expect((await rejection(ms.summary)).code).to.equal('ABORTED');
      await sleep(20);
      expect(log.cancelled).to.equal(true);
    });
  });

  describe('MultistatusParser', () => {
    it('write() after the signal fired throws ABORTED, and so does end()', () => {
      const ac = new AbortController();
      const got: string[] = [];
      const p = new MultistatusParser({ signal: ac.signal, onResponse: (r) => got.push(r.href) });
      p.write('<D:multistatus xmlns:D="DAV:"><D:response><D:href>/a</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>');
      ac.abort();
      expect(() => p.write('<D:response>')).to.throw(MultistatusError).with.property('code', 'ABORTED');
      expect(() => p.end()).to.throw(MultistatusError).with.property('code', 'ABORTED');
      expect(got).to.deep.equal(['/a']);
    });
  });
});
