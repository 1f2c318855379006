/**
 * DTDs from a hostile server: no entity is expanded (billion laughs, quadratic blowup), nothing is
 * fetched or read (XXE to a local file, external DTD, parameter entities). The parse ends with
 * XML_SYNTAX at the first reference to a declared entity, after the responses before it, quickly
 * and without the expansion ever being built.
 */
import { expect } from 'chai';
import { createServer } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { iterate, push } from '../helpers/parse-outcome.js';
import type { Outcome } from '../helpers/parse-outcome.js';
import { OK, billionLaughs, body, displayname } from '../helpers/hostile-bodies.js';

const enc = new TextEncoder();
/** Runs the body, measuring time and heap growth; the error must be XML_SYNTAX after /before. */
async function refused(xml: string): Promise<{ outcome: Outcome; ms: number; heapMiB: number }> {
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const outcome = await iterate(enc.encode(xml));
  const ms = performance.now() - t0;
  const heapMiB = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  expect(outcome.responses.map((r) => r.href)).to.deep.equal(['/before']);
  expect(outcome.error?.code).to.equal('XML_SYNTAX');
  expect(outcome.error?.message).to.match(/undefined entity/);
  return { outcome, ms, heapMiB };
}

describe('hostile input: DTDs and entities', () => {
  it('billion laughs: the first reference is an XML_SYNTAX error, nothing expanded, fast', async () => {
    const xml = body(billionLaughs(), displayname('&lol10;'));
    const { outcome, ms, heapMiB } = await refused(xml);
    // 10^10 "lol"s would be 30 GB; the error comes at once, pointing at the reference.
    expect(ms).to.be.below(1000);
    expect(heapMiB).to.be.below(64);
    const at = xml.lastIndexOf('&lol10;'); // ASCII body: characters are bytes
    expect(outcome.error!.offset).to.be.within(at, at + '&lol10;'.length);
  });

  it('billion laughs in an attribute value is refused the same way', async () => {
    const xml = body(billionLaughs(), `<D:response><D:href>/x</D:href><D:propstat><D:prop><X:p xmlns:X="urn:x" a="&lol10;"/></D:prop></D:propstat></D:response>`);
    await refused(xml);
  });

  it('quadratic blowup (one 64 KiB entity referenced 64 Ki times) is refused at the first reference', async () => {
    const big = 'x'.repeat(64 * 1024);
    const xml = body(`<!DOCTYPE m [<!ENTITY a "${big}">]>`, displayname('&a;'.repeat(64 * 1024)));
    const { ms, heapMiB } = await refused(xml);
    expect(ms).to.be.below(2000);
    expect(heapMiB).to.be.below(64);
  });

  it('an entity declared but never used is harmless: DOCTYPE diagnostic, every response', async () => {
    const out = await iterate(body(billionLaughs(), OK('/after')));
    expect(out.error).to.equal(undefined);
    expect(out.responses.map((r) => r.href)).to.deep.equal(['/before', '/after']);
    expect(out.summary!.diagnostics.map((d) => d.code)).to.deep.equal(['DOCTYPE']);
  });

  it('the predefined entities and character references still work beside a DOCTYPE', async () => {
    const out = await iterate(body('<!DOCTYPE x>', displayname('&lt;&amp;&gt;&quot;&apos;&#233;&#x1F600;')));
    expect(out.error).to.equal(undefined);
    expect(out.responses[1]!.props.displayname).to.equal('<&>"\'é😀');
  });

  describe('external entities (XXE) and external DTDs', () => {
    const SECRET = 'TOP-SECRET-5f1c2a';
    let dir: string;
    let secretUrl: string;
    let server: Server;
    let hits = 0;
    let httpUrl: string;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'multistatus-xxe-'));
      const file = join(dir, 'secret.txt');
      writeFileSync(file, SECRET);
      secretUrl = pathToFileURL(file).href;
      server = createServer((_req, res) => {
        hits++;
        res.end(`<!ENTITY leak "${SECRET}">`);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      httpUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/evil.dtd`;
    });

    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    /** Nothing of the secret in anything the parser produced, and no request to the server. */
    function leakedNothing(out: Outcome): void {
      const everything = JSON.stringify({ r: out.responses, s: out.summary, e: out.error?.message });
      expect(everything).not.to.contain(SECRET);
      expect(hits, 'requests to the external DTD server').to.equal(0);
    }

    it('a SYSTEM entity naming a local file is not read: XML_SYNTAX at its reference', async () => {
      const out = (await refused(body(`<!DOCTYPE m [<!ENTITY xxe SYSTEM "${secretUrl}">]>`, displayname('&xxe;')))).outcome;
      leakedNothing(out);
    });

    it('a SYSTEM entity naming an http URL is not fetched', async () => {
      const out = (await refused(body(`<!DOCTYPE m [<!ENTITY xxe SYSTEM "${httpUrl}">]>`, displayname('&xxe;')))).outcome;
      await new Promise((r) => setTimeout(r, 50));
      leakedNothing(out);
    });

    it('an external DTD subset and parameter entities are never loaded; the body parses', async () => {
      for (const doctype of [
        `<!DOCTYPE m SYSTEM "${httpUrl}">`,
        `<!DOCTYPE m PUBLIC "-//x//EN" "${secretUrl}">`,
        `<!DOCTYPE m [<!ENTITY % p SYSTEM "${httpUrl}"> %p;]>`,
        `<!DOCTYPE m [<!ENTITY % p SYSTEM "${secretUrl}"> %p;]>`,
      ]) {
        const out = await iterate(body(doctype, OK('/after')));
        expect(out.error, doctype).to.equal(undefined);
        expect(out.responses.map((r) => r.href)).to.deep.equal(['/before', '/after']);
        await new Promise((r) => setTimeout(r, 20));
        leakedNothing(out);
      }
    });

    it('an entity the external DTD would define (&leak;) is an undefined entity', async () => {
      const out = (await refused(body(`<!DOCTYPE m SYSTEM "${httpUrl}">`, displayname('&leak;')))).outcome;
      leakedNothing(out);
    });
  });

  it('strict mode refuses any DOCTYPE', () => {
    const out = push([body('<!DOCTYPE x>', '')], { strict: true });
    expect(out.responses).to.have.length(0);
    expect(out.error?.code).to.equal('STRICT');
    expect(out.error?.message).to.match(/^DOCTYPE/);
  });

  it('a DOCTYPE longer than limits.maxTextLength is LIMIT_EXCEEDED, also when it arrives in small chunks', () => {
    const xml = body(`<!DOCTYPE x [<!-- ${'p'.repeat(5000)} -->]>`, '');
    for (const size of [xml.length, 100, 7]) {
      const chunks: string[] = [];
      for (let i = 0; i < xml.length; i += size) chunks.push(xml.slice(i, i + size));
      const out = push(chunks, { limits: { maxTextLength: 1000 } });
      expect(out.error?.code, `chunks of ${size}`).to.equal('LIMIT_EXCEEDED');
      expect(out.error?.message).to.contain('limits.maxTextLength');
    }
  });
});
