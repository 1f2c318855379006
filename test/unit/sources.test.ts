import { expect } from 'chai';
import { Readable } from 'node:stream';
import { MultistatusStream, parseMultistatus } from '../../lib/index.js';
import type { DavResponse } from '../../lib/index.js';
import { body, propResponse } from '../helpers/collect.js';

const N = 50;
const xml = body(Array.from({ length: N }, (_, i) => propResponse(`/f${i}`, `<D:getcontentlength>${i}</D:getcontentlength>`)).join('\n') + '<D:sync-token>tok</D:sync-token>');
const bytes = new TextEncoder().encode(xml);

function chunks(size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.slice(i, i + size));
  return out;
}

async function all(it: AsyncIterable<DavResponse>): Promise<number[]> {
  const out: number[] = [];
  for await (const r of it) out.push(r.props.getcontentlength as number);
  return out;
}

const expected = Array.from({ length: N }, (_, i) => i);

/** A web ReadableStream over the chunks that records how many were pulled and whether it was cancelled. */
function countingStream(parts: Uint8Array[]): { stream: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
  let i = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(c) {
        if (i < parts.length) c.enqueue(parts[i++]!);
        else c.close();
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => i, cancelled: () => cancelled };
}

describe('sources and faces', () => {
  it('a whole string, a Uint8Array and an ArrayBuffer', async () => {
    expect(await all(parseMultistatus(xml))).to.deep.equal(expected);
    expect(await all(parseMultistatus(bytes))).to.deep.equal(expected);
    expect(await all(parseMultistatus(bytes.buffer.slice(0)))).to.deep.equal(expected);
  });
  it('sync and async iterables of bytes or strings', async () => {
    expect(await all(parseMultistatus(chunks(7)))).to.deep.equal(expected);
    async function* gen(): AsyncGenerator<string> {
      for (let i = 0; i < xml.length; i += 11) yield xml.slice(i, i + 11);
    }
    expect(await all(parseMultistatus(gen()))).to.deep.equal(expected);
  });
  it('a Node Readable', async () => {
    expect(await all(parseMultistatus(Readable.from(chunks(100).map((c) => Buffer.from(c)))))).to.deep.equal(expected);
  });
  it('a web ReadableStream and a fetch Response (its charset is used)', async () => {
    expect(await all(parseMultistatus(countingStream(chunks(64)).stream))).to.deep.equal(expected);
    const latin = Uint8Array.from(body(propResponse('/a', '<D:displayname>Café</D:displayname>')), (c) => c.charCodeAt(0));
    const res = new Response(latin, { status: 207, headers: { 'content-type': 'application/xml; charset="ISO-8859-1"' } });
    const it = parseMultistatus(res);
    const got: DavResponse[] = [];
    for await (const r of it) got.push(r);
    expect(got[0]!.props.displayname).to.equal('Café');
    expect((await it.summary()).encoding).to.equal('windows-1252');
  });
  it('summary() after the loop carries the sync-token; summary() alone reads to the end', async () => {
    const it = parseMultistatus(chunks(50));
    await all(it);
    const s = await it.summary();
    expect(s).to.include({ responses: N, syncToken: 'tok', truncated: false, bytes: bytes.length });
    const s2 = await parseMultistatus(chunks(50)).summary();
    expect(s2.responses).to.equal(N);
  });
  it('pulls a chunk only when asked: after the first response only the first few chunks were read', async () => {
    const src = countingStream(chunks(64));
    const it = parseMultistatus(src.stream);
    const first = await it.next();
    expect(first.done).to.equal(false);
    const firstLen = bytes.indexOf(new TextEncoder().encode('</D:response>')[0]!, xml.indexOf('</D:response>')) + 13;
    expect(src.pulled()).to.be.at.most(Math.ceil(firstLen / 64) + 1);
    await it.return!();
  });
  it('break cancels the source and summary() then rejects with ABORTED', async () => {
    const src = countingStream(chunks(64));
    const it = parseMultistatus(src.stream);
    let n = 0;
    for await (const _ of it) if (++n === 3) break;
    expect(src.cancelled()).to.equal(true);
    expect(src.pulled()).to.be.below(chunks(64).length);
    let code: string | undefined;
    await it.summary().catch((e: { code: string }) => (code = e.code));
    expect(code).to.equal('ABORTED');
  });
  it('MultistatusStream: pipeThrough gives the same responses and a summary', async () => {
    const ms = new MultistatusStream();
    const out = await all(countingStream(chunks(33)).stream.pipeThrough(ms));
    expect(out).to.deep.equal(expected);
    expect((await ms.summary).syncToken).to.equal('tok');
  });
  it('MultistatusStream rejects its summary and errors the readable on a broken body', async () => {
    const ms = new MultistatusStream();
    const broken = bytes.slice(0, bytes.length - 30);
    const got: number[] = [];
    let code: string | undefined;
    try {
      for await (const r of new Response(broken).body!.pipeThrough(ms)) got.push(r.props.getcontentlength as number);
    } catch (e) {
      code = (e as { code: string }).code;
    }
    expect(code).to.equal('TRUNCATED');
    expect(got).to.deep.equal(expected);
    let summaryCode: string | undefined;
    await ms.summary.catch((e: { code: string }) => (summaryCode = e.code));
    expect(summaryCode).to.equal('TRUNCATED');
  });
});
