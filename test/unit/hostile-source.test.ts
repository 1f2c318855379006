/**
 * A source that fails part-way (a network reset): the complete responses come first, then one
 * SOURCE error carrying the original error as `cause` and the byte offset reached.
 */
import { expect } from 'chai';
import { MultistatusError, MultistatusStream, parseMultistatus } from '../../lib/index.js';
import type { DavResponse } from '../../lib/index.js';
import { fixtureBytes, listFixtures } from '../helpers/fixtures.js';
import { chunkList, recordingIterable, recordingStream } from '../helpers/hostile-sources.js';
import { iterate } from '../helpers/parse-outcome.js';
import { responseEnds } from '../helpers/response-ends.js';

const body = fixtureBytes(listFixtures().find((f) => f.name === 'servers/nginx-propfind-d1-allprop.xml')!);
const ends = responseEnds(body);
const SIZE = 1000;
const chunks: Uint8Array[] = [];
for (let i = 0; i < body.length; i += SIZE) chunks.push(body.subarray(i, i + SIZE));

describe('hostile input: a source that fails', () => {
  for (const failAfter of [0, 1, 5, chunks.length - 1]) {
    const reached = Math.min(body.length, failAfter * SIZE);
    const complete = ends.filter((e) => e <= reached).length;

    it(`an async iterator failing after ${failAfter} chunks (${reached} bytes): ${complete} responses, then SOURCE`, async () => {
      const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
      const { iterable } = recordingIterable(chunkList(chunks), { failAfter, error: reset });
      const out = await iterate(iterable);
      expect(out.responses).to.have.length(complete);
      expect(out.error?.code).to.equal('SOURCE');
      expect(out.error!.cause).to.equal(reset);
      expect(out.error!.offset).to.equal(reached);
      expect(out.error!.message).to.contain('ECONNRESET').and.to.contain(String(reached));
    });

    it(`a ReadableStream erroring after ${failAfter} chunks: ${complete} responses, then SOURCE`, async () => {
      const reset = new TypeError('terminated');
      const { stream } = recordingStream(chunkList(chunks), { failAfter, error: reset });
      const out = await iterate(stream);
      expect(out.responses).to.have.length(complete);
      expect(out.error?.code).to.equal('SOURCE');
      expect(out.error!.cause).to.equal(reset);
      expect(out.error!.offset).to.equal(reached);
    });
  }

  it('a fetch Response whose body fails: SOURCE after the complete responses', async () => {
    const { stream } = recordingStream(chunkList(chunks), { failAfter: 5 });
    const out = await iterate(new Response(stream, { status: 207, headers: { 'content-type': 'application/xml; charset=utf-8' } }));
    expect(out.responses).to.have.length(ends.filter((e) => e <= 5 * SIZE).length);
    expect(out.error?.code).to.equal('SOURCE');
  });

  it('a sync iterable that throws, and a source that throws something not an Error', async () => {
    function* throwing(): Generator<Uint8Array> {
      yield chunks[0]!;
      yield chunks[1]!;
      throw new Error('disk gone');
    }
    const out = await iterate(throwing());
    expect(out.error?.code).to.equal('SOURCE');
    expect(out.error!.offset).to.equal(2 * SIZE);
    async function* weird(): AsyncGenerator<Uint8Array> {
      yield chunks[0]!;
      throw 'a string';
    }
    const odd = await iterate(weird());
    expect(odd.error?.code).to.equal('SOURCE');
    expect(odd.error!.cause).to.equal('a string');
    expect(odd.error!.message).to.contain('a string');
  });

  it('summary() rejects with the same SOURCE error', async () => {
    const { iterable } = recordingIterable(chunkList(chunks), { failAfter: 3 });
    const it = parseMultistatus(iterable);
    const summary = await it.summary().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(summary).to.be.instanceOf(MultistatusError);
    expect((summary as MultistatusError).code).to.equal('SOURCE');
  });

  it('the stream face: a failing piped source errors the readable with SOURCE (cause: its error) after the complete responses; the summary rejects the same', async () => {
    const reset = new Error('ECONNRESET');
    const { stream } = recordingStream(chunkList(chunks), { failAfter: 5, error: reset });
    const ms = new MultistatusStream();
    const reader = stream.pipeThrough(ms).getReader();
    const got: DavResponse[] = [];
    let failure: unknown;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        got.push(value);
      }
    } catch (e) {
      failure = e;
    }
    expect(got).to.have.length(ends.filter((e) => e <= 5 * SIZE).length);
    expect(failure, 'the readable errors').to.be.instanceOf(MultistatusError);
    expect((failure as MultistatusError).code).to.equal('SOURCE');
    expect((failure as MultistatusError).cause).to.equal(reset);
    expect((failure as MultistatusError).message).to.contain('ECONNRESET');
    expect((failure as MultistatusError).offset, 'the bytes the source gave').to.equal(5 * SIZE);
    const summary = await ms.summary.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(summary, 'summary rejects with the same error').to.equal(failure);
  });
});
