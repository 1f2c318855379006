/**
 * CHECKLIST §3 "Streaming behaviour" (#68-#72): responses delivered as their end tag arrives,
 * chunk boundaries anywhere, early stop cancels the source, the end-of-stream summary,
 * non-multistatus bodies, a 10^5-response listing in bounded memory.
 */
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { expect } from 'chai';
import { MultistatusError, MultistatusParser, MultistatusStream, parseMultistatus } from '../../lib/index.js';
import type { DavResponse, XmlElement } from '../../lib/index.js';
import { codes, ms, parse, parseFailing, pieces, propResponse, randomPieces, rfc, utf8 } from '../helpers/checklist.js';

const el = (name: string, children: (XmlElement | string)[] = [], attributes: Record<string, string> = {}): XmlElement => ({
  name,
  attributes,
  children,
});
const HEAD = '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">\n';
const TAIL = '</D:multistatus>\n';
const item = (i: number): string =>
  `<D:response><D:href>/big/file-${i}.txt</D:href><D:propstat><D:prop><D:getcontentlength>${i}</D:getcontentlength>` +
  `<D:getetag>"e${i}"</D:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>\n`;

const timeout = (ms: number): Promise<'timeout'> => new Promise((resolve) => setTimeout(() => resolve('timeout'), ms));

/** An endless listing as a pull-based web stream that counts its pulls and records its cancellation. */
function endlessStream(): { stream: ReadableStream<Uint8Array>; pulls: () => number; cancelled: () => unknown } {
  let n = 0;
  let pulls = 0;
  let cancelled: unknown = 'not cancelled';
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(c) {
        pulls++;
        c.enqueue(utf8((n === 0 ? HEAD : '') + item(n++) + item(n++)));
      },
      cancel(reason) {
        cancelled = reason;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulls: () => pulls, cancelled: () => cancelled };
}

describe('CHECKLIST §3 streaming behaviour', function () {
  it('#68 MultistatusParser delivers each response when its end tag is written, not before', function () {
    const got: string[] = [];
    const p = new MultistatusParser({ onResponse: (r) => got.push(r.href) });
    const body = HEAD + item(1) + item(2) + TAIL;
    const end1 = body.indexOf('</D:response>') + '</D:response>'.length;
    const end2 = body.lastIndexOf('</D:response>');
    p.write(utf8(body.slice(0, end1 - 1))); // all of response 1 but its final ">"
    expect(got).to.deep.equal([]);
    p.write(utf8(body.slice(end1 - 1, end1)));
    expect(got).to.deep.equal(['/big/file-1.txt']);
    p.write(utf8(body.slice(end1, end2)));
    expect(got).to.deep.equal(['/big/file-1.txt']);
    p.write(utf8(body.slice(end2)));
    expect(got).to.deep.equal(['/big/file-1.txt', '/big/file-2.txt']);
    expect(p.end().responses).to.equal(2);
  });

  it('#68 parseMultistatus yields the first response while the source is still waiting for more bytes', async function () {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* source(): AsyncGenerator<Uint8Array> {
      yield utf8(HEAD + item(1));
      await gate;
      yield utf8(item(2) + TAIL);
    }
    const it = parseMultistatus(source());
    const first = await Promise.race([it.next(), timeout(2000)]);
    expect(first).to.not.equal('timeout');
    expect((first as IteratorResult<DavResponse>).value.href).to.equal('/big/file-1.txt');
    release();
    const rest: string[] = [];
    for await (const r of it) rest.push(r.href);
    expect(rest).to.deep.equal(['/big/file-2.txt']);
  });

  it('#68 MultistatusStream emits the first response before the rest of the body is written', async function () {
    const ms = new MultistatusStream();
    const writer = ms.writable.getWriter();
    const reader = ms.readable.getReader();
    void writer.write(utf8(HEAD + item(1)));
    const first = await Promise.race([reader.read(), timeout(2000)]);
    expect(first).to.not.equal('timeout');
    expect((first as ReadableStreamReadResult<DavResponse>).value!.href).to.equal('/big/file-1.txt');
    void writer.write(utf8(item(2) + TAIL));
    void writer.close();
    expect((await reader.read()).value!.href).to.equal('/big/file-2.txt');
    expect((await reader.read()).done).to.equal(true);
    expect((await ms.summary).responses).to.equal(2);
  });

  it('#68 chunk boundaries inside tags, attribute values, entity references, CDATA, multi-byte characters and the BOM', async function () {
    const text =
      '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:" xmlns:Z="urn:z" xmlns:C="urn:ietf:params:xml:ns:caldav">\n' +
      '<D:response><D:href>/caf%C3%A9/a&amp;b</D:href><D:propstat><D:prop>' +
      '<Z:attr title="x &amp; y &#x4E2D; &lt;z&gt;" other=\'1\'>v</Z:attr>' +
      '<C:calendar-data><![CDATA[BEGIN:VCALENDAR\r\nSUMMARY:<b>&amp;</b> ]]]]><![CDATA[>\nEND:VCALENDAR\n]]></C:calendar-data>' +
      '<D:displayname>Grüße 中文 \u{1F600} &#128512; &amp;&lt;&gt;&quot;&apos;</D:displayname>' +
      '<!-- a comment --><?pi x?><D:getcontentlength\n>42</D:getcontentlength\n>' +
      '</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>\n' +
      '<D:sync-token>http://example.com/sync/1</D:sync-token>\n</D:multistatus>\n';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    const whole = await parse(bytes);
    expect(whole.responses[0]!.props).to.deep.equal({
      '{urn:z}attr': el('{urn:z}attr', ['v'], { title: 'x & y 中 <z>', other: '1' }),
      '{urn:ietf:params:xml:ns:caldav}calendar-data': 'BEGIN:VCALENDAR\nSUMMARY:<b>&amp;</b> ]]>\nEND:VCALENDAR\n',
      displayname: 'Grüße 中文 \u{1F600} \u{1F600} &<>"\'',
      getcontentlength: 42,
    });
    expect(whole.responses[0]!.path).to.equal('/café/a&b');
    expect(whole.summary.syncToken).to.equal('http://example.com/sync/1');
    const one = await parse(pieces(bytes, 1));
    expect(one).to.deep.equal(whole);
    for (let seed = 1; seed <= 25; seed++) {
      expect(await parse(randomPieces(bytes, seed)), `seed ${seed}`).to.deep.equal(whole);
    }
  });

  it('#68 every RFC example in this suite gives identical results one byte at a time and in seeded random splits', async function () {
    for (const name of ['rfc4918-9.1.5', 'rfc3253-3.8.1', 'rfc4791-7.8.1', 'rfc6578-3.13', 'rfc3744-5.9']) {
      const bytes = rfc(name);
      const whole = await parse(bytes);
      expect(await parse(pieces(bytes, 1)), name).to.deep.equal(whole);
      expect(await parse(randomPieces(bytes, 7, 64)), name).to.deep.equal(whole);
    }
  });

  it('#69 breaking out of for-await cancels a web ReadableStream source after a bounded number of pulls', async function () {
    const { stream, pulls, cancelled } = endlessStream();
    const hrefs: string[] = [];
    for await (const r of parseMultistatus(stream)) {
      hrefs.push(r.href);
      if (hrefs.length === 3) break;
    }
    expect(hrefs).to.deep.equal(['/big/file-0.txt', '/big/file-1.txt', '/big/file-2.txt']);
    expect(cancelled()).to.not.equal('not cancelled');
    expect(pulls()).to.be.at.most(3);
  });

  it('#69 the iterator reads the next chunk only when asked for the next response', async function () {
    const { stream, pulls } = endlessStream();
    const it = parseMultistatus(stream);
    await it.next(); // response 0 (the first chunk holds responses 0 and 1)
    const after = pulls();
    await timeout(30);
    expect(pulls(), 'no read-ahead while the consumer waits').to.equal(after);
    await it.next(); // response 1 is already parsed: no new chunk needed
    expect(pulls()).to.equal(after);
    await it.next(); // response 2: one more chunk
    expect(pulls()).to.equal(after + 1);
    await it.return!();
  });

  it('#69 breaking out destroys a Node Readable source; a fetch Response body is cancelled', async function () {
    let produced = 0;
    const node = Readable.from(
      (function* () {
        yield HEAD;
        for (;;) yield item(produced++);
      })(),
    );
    let seen = 0;
    for await (const _r of parseMultistatus(node)) if (++seen === 2) break;
    await timeout(10);
    expect(node.destroyed).to.equal(true);
    expect(produced).to.be.below(100);

    const { stream, cancelled } = endlessStream();
    for await (const _r of parseMultistatus(new Response(stream, { status: 207, headers: { 'content-type': 'application/xml; charset=utf-8' } }))) break;
    expect(cancelled()).to.not.equal('not cancelled');
  });

  it('#69 an AbortSignal stops the iterator with ABORTED and cancels the source', async function () {
    const { stream, cancelled } = endlessStream();
    const controller = new AbortController();
    const it = parseMultistatus(stream, { signal: controller.signal });
    expect((await it.next()).value.href).to.equal('/big/file-0.txt');
    controller.abort();
    let error: unknown;
    try {
      for (;;) if ((await it.next()).done) break;
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(MultistatusError);
    expect((error as MultistatusError).code).to.equal('ABORTED');
    await timeout(10);
    expect(cancelled()).to.not.equal('not cancelled');
  });

  it('#69 cancelling the MultistatusStream readable cancels the piped source; summary rejects with ABORTED', async function () {
    const { stream, cancelled } = endlessStream();
    const ms = new MultistatusStream();
    const reader = stream.pipeThrough(ms).getReader();
    expect((await reader.read()).value!.href).to.equal('/big/file-0.txt');
    await reader.cancel('enough');
    await timeout(10);
    expect(cancelled(), 'the piped source was cancelled').to.not.equal('not cancelled');
    let error: unknown;
    await ms.summary.catch((e: unknown) => (error = e));
    expect((error as MultistatusError).code).to.equal('ABORTED');
  });

  it('#69 an endless calendar-data is not buffered without bound: LIMIT_EXCEEDED after about maxTextLength', async function () {
    let bytes = 0;
    const line = utf8('DESCRIPTION:' + 'y'.repeat(1000) + '\n');
    async function* source(): AsyncGenerator<Uint8Array> {
      const head = utf8(HEAD + '<D:response><D:href>/x.ics</D:href><D:propstat><D:prop><C:calendar-data xmlns:C="urn:ietf:params:xml:ns:caldav">');
      bytes += head.length;
      yield head;
      for (;;) {
        bytes += line.length;
        yield line;
      }
    }
    const limit = 256 * 1024;
    let error: unknown;
    try {
      for await (const _r of parseMultistatus(source(), { limits: { maxTextLength: limit } })) expect.fail('no response is complete');
    } catch (e) {
      error = e;
    }
    expect((error as MultistatusError).code).to.equal('LIMIT_EXCEEDED');
    expect(bytes).to.be.below(limit + 4 * line.length + 200);
  });

  it('#70 the summary carries responsedescription, sync-token, truncated, diagnostics and unknown top-level elements', async function () {
    const body =
      '<?xml version="1.0" encoding="utf-8"?>\n' +
      '<D:multistatus xmlns:D="DAV:" xmlns:X="urn:x">\n' +
      '<X:meta a="1">m</X:meta>\n' +
      '<D:response><D:href>/r</D:href><D:propstat><D:prop><D:getcontentlength>big</D:getcontentlength></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>\n' +
      '<D:response><D:href>/</D:href><D:status>HTTP/1.1 507 Insufficient Storage</D:status></D:response>\n' +
      '<D:responsedescription>\n  partial result\n</D:responsedescription>\n' +
      '<D:sync-token>http://example.com/sync/9</D:sync-token>\n' +
      '</D:multistatus>\n';
    const bytes = utf8(body);
    const { responses, summary } = await parse(bytes);
    expect(responses[0]!.props).to.deep.equal({});
    expect(responses[0]!.propstats[0]!.raw).to.deep.equal({ getcontentlength: 'big' });
    const { diagnostics, ...rest } = summary;
    expect(rest).to.deep.equal({
      responses: 2,
      bytes: bytes.length,
      encoding: 'utf-8',
      syncToken: 'http://example.com/sync/9',
      responseDescription: 'partial result',
      truncated: true,
      diagnosticCount: 1,
      extensions: [el('{urn:x}meta', ['m'], { a: '1' })],
    });
    expect(diagnostics.map((d) => [d.code, d.line, d.href])).to.deep.equal([['BAD_VALUE', 4, '/r']]);
  });

  it('#70 diagnostics past limits.maxDiagnostics are counted, not kept; summary() reads to the end when nothing was consumed', async function () {
    const body = ms([1, 2, 3, 4, 5].map((i) => propResponse(`/${i}`, '<D:getcontentlength>x</D:getcontentlength>')).join(''));
    const { summary } = await parse(body, { limits: { maxDiagnostics: 2 } });
    expect(summary.diagnostics).to.have.length(2);
    expect(summary.diagnosticCount).to.equal(5);

    const it = parseMultistatus(utf8(body));
    const s = await it.summary();
    expect(s.responses).to.equal(5);
    expect(codes(s.diagnostics)).to.deep.equal(['BAD_VALUE', 'BAD_VALUE', 'BAD_VALUE', 'BAD_VALUE', 'BAD_VALUE']);
  });

  it('#71 non-multistatus roots: D:error (rfc5323-2.4.1-error) and D:mkcol-response bodies are NOT_MULTISTATUS', async function () {
    for (const name of [
      'rfc5323-2.4.1-error',
      'rfc5689-3.5-mkcol-response',
      'rfc5689-4.1.1-mkcol-response',
      'rfc6352-6.3.1.1-mkcol-response',
      'rfc8144-B.4.1-mkcol-response',
    ]) {
      const { responses, error } = await parseFailing(rfc(name));
      expect(responses, name).to.deep.equal([]);
      expect(error.code, name).to.equal('NOT_MULTISTATUS');
      expect(error.line, name).to.be.within(2, 3); // the root's start tag spans lines 2-3 in some
    }
  });

  it('#71 an HTML error page, plain text, JSON and an empty body are NOT_MULTISTATUS; the message shows what came', async function () {
    const cases: [string, string][] = [
      ['<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>\n', '502 Bad Gateway'],
      ['Internal Server Error\n', 'Internal Server Error'],
      ['{"error": "not found"}', 'not found'],
    ];
    for (const [body, shown] of cases) {
      const { error } = await parseFailing(utf8(body));
      expect(error.code, body).to.equal('NOT_MULTISTATUS');
      expect(error.message, body).to.contain(shown);
    }
    const empty = await parseFailing(new Uint8Array(0));
    expect(empty.error.code).to.equal('NOT_MULTISTATUS');
  });

  it('#72 a flat listing of 100,000 responses streamed in chunks: all counted, heap stays far below the body size', async function () {
    this.timeout(120_000);
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const N = 100_000;
    const PER_CHUNK = 500;
    let bodyBytes = 0;
    function* source(): Generator<Uint8Array> {
      let chunk = HEAD;
      for (let i = 0; i < N; i++) {
        chunk += item(i);
        if ((i + 1) % PER_CHUNK === 0) {
          const b = utf8(chunk);
          bodyBytes += b.length;
          yield b;
          chunk = '';
        }
      }
      const b = utf8(chunk + TAIL);
      bodyBytes += b.length;
      yield b;
    }
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let sum = 0;
    let last = '';
    const it = parseMultistatus(source());
    for await (const r of it) {
      count++;
      sum += r.props.getcontentlength as number;
      last = r.href;
      if (count % 20_000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      }
    }
    const summary = await it.summary();
    gc();
    const after = process.memoryUsage().heapUsed - baseline; // `it` is still reachable here
    expect(count).to.equal(N);
    expect(summary.responses).to.equal(N);
    expect(summary.bytes).to.equal(bodyBytes);
    expect(last).to.equal(`/big/file-${N - 1}.txt`);
    expect(sum).to.equal((N * (N - 1)) / 2);
    expect(bodyBytes).to.be.above(15 * 1024 * 1024);
    expect(peak, `heap growth during the run (body ${bodyBytes} bytes)`).to.be.below(bodyBytes / 10);
    expect(after, 'heap growth after the run').to.be.below(bodyBytes / 10);
  });
});
