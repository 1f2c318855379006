/**
 * propfind() and report() against a scripted server: the request they send, the 207 body streamed,
 * every non-207 status as an HTTP error, redirects, timeouts of waiting, broken bodies, aborts.
 */
import { expect } from 'chai';
import { MultistatusError, parseMultistatus, propfind, report } from '../../lib/index.js';
import type { DavResponse, MultistatusIterator } from '../../lib/index.js';
import { listingBody } from '../helpers/dav-tree.js';
import { ScriptedHttpServer, useScriptedServer } from '../helpers/scripted-http-server.js';

const PATHS = ['/dav/', '/dav/a.txt', '/dav/b c.txt', '/dav/sub/'];
const LISTING = listingBody(PATHS, '/dav/', '1');

async function all(it: AsyncIterable<DavResponse>): Promise<DavResponse[]> {
  const out: DavResponse[] = [];
  for await (const r of it) out.push(r);
  return out;
}

async function failure(it: MultistatusIterator): Promise<{ error: MultistatusError; got: DavResponse[] }> {
  const got: DavResponse[] = [];
  try {
    for await (const r of it) got.push(r);
  } catch (e) {
    expect(e).to.be.instanceOf(MultistatusError);
    return { error: e as MultistatusError, got };
  }
  throw new Error('expected the iteration to fail');
}

describe('client: propfind and report', function () {
  const scripted = useScriptedServer();
  let server: ScriptedHttpServer;
  beforeEach(function () {
    server = scripted();
  });

  describe('the request', function () {
    it('is a PROPFIND allprop with Depth: 1 and an XML content type; hrefs resolve against the URL', async function () {
      server.route('/dav/', { body: LISTING });
      const it = propfind(server.url('/dav/'));
      expect(server.requests, 'nothing is sent before the first next()').to.have.length(0);
      const got = await all(it);
      expect(got.map((r) => r.path)).to.deep.equal(['/dav/', '/dav/a.txt', '/dav/b c.txt', '/dav/sub/']);
      expect(got[2]!.url).to.equal(server.url('/dav/b%20c.txt'));
      const req = server.requests[0]!;
      expect(req.method).to.equal('PROPFIND');
      expect(req.headers.depth).to.equal('1');
      expect(req.headers['content-type']).to.equal('application/xml; charset=utf-8');
      expect(req.body).to.contain('<D:propfind xmlns:D="DAV:"><D:allprop/></D:propfind>');
      const s = await it.summary();
      expect(s.responses).to.equal(4);
      expect(s.bytes).to.equal(Buffer.byteLength(LISTING));
    });

    it('sends depth, named props or propname, headers (replacing defaults) and Basic credentials as UTF-8', async function () {
      server.route('/dav/', { body: LISTING });
      await all(propfind(server.url('/dav/'), { depth: 0, props: ['getetag', '{http://owncloud.org/ns}fileid'] }));
      await all(propfind(server.url('/dav/'), { depth: 'infinity', props: 'propname', headers: { 'X-Trace': 'a', 'Content-Type': 'text/xml' } }));
      await all(propfind(new URL(server.url('/dav/')), { auth: { username: 'ann', password: 'pä:ss' } }));
      const [a, b, c] = server.requests;
      expect(a!.headers.depth).to.equal('0');
      expect(a!.body).to.contain('<D:prop><D:getetag/><n0:fileid xmlns:n0="http://owncloud.org/ns"/></D:prop>');
      expect(b!.headers.depth).to.equal('infinity');
      expect(b!.body).to.contain('<D:propname/>');
      expect(b!.headers['x-trace']).to.equal('a');
      expect(b!.headers['content-type']).to.equal('text/xml');
      expect(c!.headers.authorization).to.equal(`Basic ${Buffer.from('ann:pä:ss', 'utf8').toString('base64')}`);
    });

    it('report() sends the body as given, with no Depth unless asked', async function () {
      server.route('/cal/', { body: LISTING });
      const query = '<C:calendar-query xmlns:C="urn:ietf:params:xml:ns:caldav"/>';
      expect(await all(report(server.url('/cal/'), query))).to.have.length(4);
      await all(report(server.url('/cal/'), query, { depth: 1 }));
      expect(server.requests[0]!.method).to.equal('REPORT');
      expect(server.requests[0]!.body).to.equal(query);
      expect(server.requests[0]!.headers.depth).to.equal(undefined);
      expect(server.requests[1]!.headers.depth).to.equal('1');
    });

    it('uses options.fetch when given', async function () {
      const seen: string[] = [];
      const fake: typeof fetch = async (input, init) => {
        seen.push(`${init?.method} ${String(input)}`);
        return new Response(LISTING, { status: 207, headers: { 'Content-Type': 'application/xml' } });
      };
      const got = await all(propfind('http://dav.invalid/x/', { fetch: fake }));
      expect(seen).to.deep.equal(['PROPFIND http://dav.invalid/x/']);
      expect(got).to.have.length(4);
      expect(got[1]!.url).to.equal('http://dav.invalid/dav/a.txt');
    });

    it('return() before the first next() sends nothing; break closes the body', async function () {
      server.route('/dav/', { body: LISTING });
      const it = propfind(server.url('/dav/'));
      await it.return!();
      expect(server.requests).to.have.length(0);
      expect((await it.next()).done).to.equal(true);
    });

    it('follows redirects (301, 302, 307, 308) with the same method and body; hrefs resolve against the final URL', async function () {
      server.route('/moved/', { body: listingBody(['/moved/', '/moved/x.txt'], '/moved/', '1') });
      for (const status of [301, 302, 307, 308]) {
        server.route(`/old${status}/`, { status, headers: { Location: '/moved/' }, body: '' });
        server.resetCounts();
        const got = await all(propfind(server.url(`/old${status}/`), { props: ['getetag'] }));
        expect(got.map((r) => r.url), String(status)).to.deep.equal([server.url('/moved/'), server.url('/moved/x.txt')]);
        expect(server.requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal([`PROPFIND /old${status}/`, 'PROPFIND /moved/']);
        expect(server.requests[1]!.body).to.contain('<D:getetag/>');
      }
    });
  });

  describe('HTTP errors', function () {
    const cases: [number, string, string | undefined][] = [
      [200, 'OK', 'text/html'],
      [204, 'No Content', undefined],
      [400, 'Bad Request', 'text/plain'],
      [401, 'Unauthorized', 'text/html'],
      [403, 'Forbidden', 'application/xml'],
      [404, 'Not Found', 'text/html'],
      [405, 'Method Not Allowed', 'text/plain'],
      [409, 'Conflict', 'text/plain'],
      [423, 'Locked', 'application/xml'],
      [500, 'Internal Server Error', 'text/html'],
      [502, 'Bad Gateway', 'text/html'],
      [503, 'Service Unavailable', 'text/plain'],
      [507, 'Insufficient Storage', 'text/plain'],
    ];
    for (const [status, text, type] of cases) {
      it(`${status}: code HTTP, the status first in the message, with method, URL and the start of the body`, async function () {
        const body = status === 204 ? '' : `<html>${text}\x1b[31m here</html>\nsecond line\n`;
        server.route(`/s${status}/`, { status, headers: type ? { 'Content-Type': type } : {}, body });
        const url = server.url(`/s${status}/`);
        const { error, got } = await failure(propfind(url));
        expect(got).to.deep.equal([]);
        expect(error.code).to.equal('HTTP');
        expect(error.status).to.equal(status);
        expect(error.http).to.include({ status, statusText: text, method: 'PROPFIND', url });
        if (status === 204) {
          expect(error.message).to.equal(`HTTP 204 No Content from PROPFIND ${url}`);
          expect(error.http!.body).to.equal(undefined);
        } else {
          expect(error.message).to.equal(`HTTP ${status} ${text} from PROPFIND ${url}: <html>${text}\\x1b[31m here</html>`);
          expect(error.http!.body).to.equal(`<html>${text}\\x1b[31m here</html>\nsecond line`);
          expect(error.http!.bodyCut).to.equal(undefined);
        }
      });
    }

    it('401 carries the WWW-Authenticate challenge; 503 and 429 their Retry-After', async function () {
      server.route('/auth/', { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="files"' }, body: 'no' });
      server.route('/busy/', { status: 503, headers: { 'Retry-After': '7' }, body: '' });
      server.route('/slow-down/', { status: 429, headers: { 'Retry-After': new Date(Date.now() + 60_000).toUTCString() }, body: '' });
      expect((await failure(propfind(server.url('/auth/')))).error.http!.wwwAuthenticate).to.equal('Basic realm="files"');
      expect((await failure(propfind(server.url('/busy/')))).error.http!.retryAfterMs).to.equal(7000);
      const later = (await failure(propfind(server.url('/slow-down/')))).error.http!.retryAfterMs!;
      expect(later).to.be.within(55_000, 60_000);
    });

    it('keeps only the first KiB of a long body, and does not read the rest', async function () {
      server.route('/huge/', { status: 500, body: () => (function* () {
        for (let i = 0; i < 20_000; i++) yield Buffer.from(`<p>line ${i} ${'x'.repeat(1000)}</p>\n`);
      })(), contentLength: false });
      const { error } = await failure(propfind(server.url('/huge/')));
      expect(error.http!.bodyCut).to.equal(true);
      expect(error.http!.body!.length).to.be.at.most(1024);
      expect(error.message.length).to.be.below(300);
      await new Promise((r) => setTimeout(r, 200));
      expect(server.bytesSent, 'bytes the server got out before the client hung up (of 20 MB)').to.be.below(10_000_000);
    });

    it('parseMultistatus(response) applies the same rule to a Response it is handed', async function () {
      server.route('/gone/', { status: 404, headers: { 'Content-Type': 'text/html' }, body: '<html>gone</html>' });
      const res = await fetch(server.url('/gone/'), { method: 'PROPFIND' });
      const { error } = await failure(parseMultistatus(res));
      expect(error.code).to.equal('HTTP');
      expect(error.message).to.equal(`HTTP 404 Not Found from ${server.url('/gone/')}: <html>gone</html>`);
      const empty = new Response(null, { status: 500, statusText: 'Internal Server Error' });
      const e2 = (await failure(parseMultistatus(empty))).error;
      expect(e2.message).to.equal('HTTP 500 Internal Server Error');
      const ok = new Response(LISTING, { status: 207 });
      expect(await all(parseMultistatus(ok))).to.have.length(4);
      // summary() rejects with the same error
      const res2 = await fetch(server.url('/gone/'), { method: 'PROPFIND' });
      const err = await parseMultistatus(res2).summary().then(() => null, (e: unknown) => e);
      expect((err as MultistatusError).code).to.equal('HTTP');
    });
  });

  describe('network failures, timeouts, aborts', function () {
    it('nothing listening: SOURCE with the cause', async function () {
      const closed = await ScriptedHttpServer.start();
      const url = closed.url('/');
      await closed.close();
      const { error } = await failure(propfind(url));
      expect(error.code).to.equal('SOURCE');
      expect(error.message).to.match(/^PROPFIND http:\/\/127\.0\.0\.1:\d+\/: .*ECONNREFUSED/);
      expect(error.cause).to.be.instanceOf(Error);
    });

    it('timeout: no headers in time is SOURCE (cause TimeoutError); a stalled body too, after the responses that came', async function () {
      server.route('/silent/', { stall: 'before-headers' });
      const t0 = performance.now();
      const { error } = await failure(propfind(server.url('/silent/'), { timeout: 300 }));
      expect(performance.now() - t0).to.be.below(5000);
      expect(error.code).to.equal('SOURCE');
      expect(error.message).to.equal(`PROPFIND ${server.url('/silent/')}: no response within 300 ms`);
      expect((error.cause as Error).name).to.equal('TimeoutError');
      const cut = LISTING.indexOf('</D:response>') + '</D:response>'.length;
      server.route('/stuck/', { body: () => [Buffer.from(LISTING.slice(0, cut))], contentLength: false, delayMs: 10_000 });
      const stuck = await failure(propfind(server.url('/stuck/'), { timeout: 300 }));
      expect(stuck.got).to.have.length(1);
      expect(stuck.error.code).to.equal('SOURCE');
      expect(stuck.error.message).to.match(/the body stalled after \d+ bytes: nothing for 300 ms/);
    });

    it('timeout counts waiting only: a consumer slower than the timeout is fine', async function () {
      server.route('/dav/', { body: LISTING });
      const got: DavResponse[] = [];
      for await (const r of propfind(server.url('/dav/'), { timeout: 100 })) {
        got.push(r);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      expect(got).to.have.length(4);
    });

    it('a body that breaks off is SOURCE after the complete responses', async function () {
      server.route('/cut/', { body: LISTING, chunkSize: 64, breakAfter: Math.floor(LISTING.length * 0.6) });
      const { error, got } = await failure(propfind(server.url('/cut/')));
      expect(error.code).to.equal('SOURCE');
      expect(error.message).to.match(/the body broke off after \d+ bytes/);
      expect(got.length).to.be.within(1, 3);
    });

    it('the signal aborts a request waiting for its answer: ABORTED', async function () {
      server.route('/silent/', { stall: 'before-headers' });
      const ctl = new AbortController();
      setTimeout(() => ctl.abort(new Error('user gave up')), 100);
      const { error } = await failure(propfind(server.url('/silent/'), { signal: ctl.signal }));
      expect(error.code).to.equal('ABORTED');
      expect(error.message).to.contain('user gave up');
    });
  });
});
