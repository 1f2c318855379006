/**
 * First file of the Bun and Deno runs (test/runtimes/.mocharc.json): checks that the suite really
 * runs in the runtime it is named for (MULTISTATUS_RUNTIME, set by scripts/test-runtime.sh), and
 * that `fetch`, web streams and TextDecoder are that runtime's own, not Node's or a polyfill's:
 * the other files then test the library on them.
 */
import { expect } from 'chai';
import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { MultistatusStream, parseMultistatus } from '../../lib/index.js';

const g = globalThis as { Bun?: { version: string }; Deno?: { version: { deno: string } } };
const actual = g.Bun ? 'bun' : g.Deno ? 'deno' : 'node';
const version = g.Bun?.version ?? g.Deno?.version.deno ?? process.versions.node;

describe(`runtime: ${actual} ${version}`, function () {
  it('is the runtime this run is for', function () {
    expect(actual).to.equal(process.env.MULTISTATUS_RUNTIME ?? actual);
  });

  it("fetch, Response, web streams and TextDecoder are the runtime's own", function () {
    const classes = [fetch, Response, ReadableStream, WritableStream, TransformStream, TextDecoder];
    // Bun's are native code; Deno writes its web APIs in JavaScript, in its own ext: modules.
    const own = actual === 'deno' ? /^(?![\s\S]*(undici|polyfill))/ : /\[native code\]/;
    for (const f of classes) expect(Function.prototype.toString.call(f), f.name).to.match(own);
    expect(new MultistatusStream().readable).to.be.instanceOf(ReadableStream);
  });

  it('a fetch round trip against 127.0.0.1: both faces read the body as it arrives', async function () {
    const body = (n: number) =>
      `<?xml version="1.0" encoding="utf-8"?><D:multistatus xmlns:D="DAV:">` +
      Array.from({ length: n }, (_, i) => `<D:response><D:href>/f${i}</D:href><D:propstat><D:prop><D:getcontentlength>${i}</D:getcontentlength></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>`).join('') +
      '</D:multistatus>';
    const text = body(2000);
    const server = createServer((_req, res) => {
      res.writeHead(207, { 'Content-Type': 'application/xml; charset=utf-8' });
      for (let i = 0; i < text.length; i += 1000) res.write(text.slice(i, i + 1000));
      res.end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const iterator = parseMultistatus(await fetch(url, { method: 'PROPFIND' }));
      let sum = 0;
      for await (const r of iterator) sum += Number(r.props.getcontentlength);
      expect(sum).to.equal((1999 * 2000) / 2);
      expect((await iterator.summary()).bytes).to.equal(new TextEncoder().encode(text).length);

      const response = await fetch(url, { method: 'PROPFIND' });
      expect(response.body).to.be.instanceOf(ReadableStream);
      const stream = new MultistatusStream();
      const reader = response.body!.pipeThrough(stream).getReader();
      const hrefs: string[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        hrefs.push(value.href);
      }
      expect(hrefs).to.have.length(2000);
      expect(hrefs[1999]).to.equal('/f1999');
      expect((await stream.summary).responses).to.equal(2000);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
