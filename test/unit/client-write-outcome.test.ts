/**
 * Write methods' answers read as per-resource outcomes (readOutcomes, requireSuccess) against a
 * scripted server: the status form, the propstat form, error conditions, responsedescription,
 * location, 424 chains, a 207 whose every entry is 2xx, a 2xx other than 207, a non-2xx, and a
 * 207 with 100,000 failed entries of which only the first N are kept.
 */
import { expect } from 'chai';
import { deleteResource, MultistatusError, PartialFailureError, proppatch, readOutcomes, requireSuccess } from '../../lib/index.js';
import type { OutcomeEntry, OutcomeIterator, OutcomeSummary } from '../../lib/index.js';
import type { ScriptedHttpServer} from '../helpers/scripted-http-server.js';
import { useScriptedServer } from '../helpers/scripted-http-server.js';

const MS_OPEN = '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">';
const MS_CLOSE = '</D:multistatus>\n';

/** A DELETE of /dav/a/ whose member b.txt is locked: the member 423 (cause), the folder 424 (consequence). */
const DELETE_LOCKED = `${MS_OPEN}
<D:response><D:href>/dav/a/b.txt</D:href><D:status>HTTP/1.1 423 Locked</D:status>
  <D:error><D:lock-token-submitted><D:href>/dav/a/b.txt</D:href></D:lock-token-submitted></D:error>
  <D:responsedescription>b.txt is locked</D:responsedescription></D:response>
<D:response><D:href>/dav/a/</D:href><D:status>HTTP/1.1 424 Failed Dependency</D:status></D:response>
<D:response><D:href>/dav/a/c.txt</D:href><D:status>HTTP/1.1 204 No Content</D:status></D:response>
${MS_CLOSE}`;

/** A PROPPATCH of a protected property with a dead one: 403 with its condition, 424 for the other. */
const PROPPATCH_PARTIAL = `${MS_OPEN}
<D:response xmlns:Z="http://example.com/ns/"><D:href>/dav/t.txt</D:href>
  <D:propstat><D:prop><D:getetag/></D:prop><D:status>HTTP/1.1 403 Forbidden</D:status>
    <D:error><D:cannot-modify-protected-property/></D:error><D:responsedescription>getetag is protected</D:responsedescription></D:propstat>
  <D:propstat><D:prop><Z:color/></D:prop><D:status>HTTP/1.1 424 Failed Dependency</D:status></D:propstat>
</D:response>${MS_CLOSE}`;

const PROPPATCH_OK = `${MS_OPEN}<D:response xmlns:Z="http://example.com/ns/"><D:href>/dav/t.txt</D:href>
  <D:propstat><D:prop><Z:color/><Z:size/></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>${MS_CLOSE}`;

const ALL_OK = `${MS_OPEN}
<D:response><D:href>/dav/x/</D:href><D:href>/dav/x/y.txt</D:href><D:status>HTTP/1.1 204 No Content</D:status></D:response>
<D:response><D:href>/dav/x/z.txt</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>
${MS_CLOSE}`;

const MOVED = `${MS_OPEN}<D:response><D:href>/dav/old/</D:href><D:status>HTTP/1.1 302 Found</D:status>
  <D:location><D:href>http://other.example/dav/new/</D:href></D:location></D:response>
<D:responsedescription>one member lives elsewhere</D:responsedescription>${MS_CLOSE}`;

/** A 424 chain: one cause deep in the tree, every ancestor a 424; a response with no status at all. */
const CHAIN = `${MS_OPEN}
<D:response><D:href>/t/a/b/c/d.txt</D:href><D:status>HTTP/1.1 423 Locked</D:status></D:response>
<D:response><D:href>/t/a/b/c/</D:href><D:status>HTTP/1.1 424 Failed Dependency</D:status></D:response>
<D:response><D:href>/t/a/b/</D:href><D:status>HTTP/1.1 424 Failed Dependency</D:status></D:response>
<D:response><D:href>/t/a/</D:href><D:status>HTTP/1.1 424 Failed Dependency</D:status></D:response>
${MS_CLOSE}`;

async function entries(it: OutcomeIterator): Promise<OutcomeEntry[]> {
  const out: OutcomeEntry[] = [];
  for await (const e of it) out.push(e);
  return out;
}

async function rejection(p: Promise<unknown>): Promise<MultistatusError> {
  const e: unknown = await p.then(() => undefined, (x: unknown) => x);
  expect(e, 'expected a rejection').to.be.instanceOf(MultistatusError);
  return e as MultistatusError;
}

/** Every status an entry carries, switched on with no casts. */
function statusLines(e: OutcomeEntry): string[] {
  switch (e.form) {
    case 'status':
      return [e.status.line];
    case 'propstat':
      return e.properties.map((p) => `${p.name} ${p.status.line}`);
  }
}

describe('client: write outcomes', function () {
  const scripted = useScriptedServer();
  let server: ScriptedHttpServer;
  beforeEach(function () {
    server = scripted();
  });

  describe('the status form', function () {
    it('yields each resource with its status, error conditions and responsedescription; a 424 is dependent, not failed', async function () {
      server.route('/dav/a/', { body: DELETE_LOCKED });
      const it = deleteResource(server.url('/dav/a/'));
      const got = await entries(it);
      expect(got.map((e) => [e.path, e.outcome, ...statusLines(e)])).to.deep.equal([
        ['/dav/a/b.txt', 'failed', 'HTTP/1.1 423 Locked'],
        ['/dav/a/', 'dependent', 'HTTP/1.1 424 Failed Dependency'],
        ['/dav/a/c.txt', 'ok', 'HTTP/1.1 204 No Content'],
      ]);
      expect(got[0]!.error!.map((c) => c.name)).to.deep.equal(['lock-token-submitted']);
      expect(got[0]!.responseDescription).to.equal('b.txt is locked');
      expect(got[0]!.url).to.equal(server.url('/dav/a/b.txt'));
      const r = await it.result();
      expect(r).to.deep.include({ status: 207, multistatus: true, ok: false, entries: 3, succeeded: 1, failed: 1, dependent: 1, failuresCut: false });
      expect(r.byStatus).to.deep.equal({ '423': 1, '424': 1 });
      expect(r.failures.map((e) => e.path)).to.deep.equal(['/dav/a/b.txt', '/dav/a/']);
      const req = server.requests[0]!;
      expect(req.method).to.equal('DELETE');
      expect(req.body).to.equal('');
      expect(req.headers['content-type'], 'no body, no content type').to.equal(undefined);
    });

    it('requireSuccess rejects with PARTIAL_FAILURE carrying the failed entries and the counts', async function () {
      server.route('/dav/a/', { body: DELETE_LOCKED });
      const e = await rejection(requireSuccess(deleteResource(server.url('/dav/a/'))));
      expect(e).to.be.instanceOf(PartialFailureError);
      expect(e.code).to.equal('PARTIAL_FAILURE');
      const p = e as PartialFailureError;
      expect(p.failures.map((x) => x.outcome)).to.deep.equal(['failed', 'dependent']);
      expect(p.byStatus).to.deep.equal({ '423': 1, '424': 1 });
      expect(p.message).to.contain(`DELETE ${server.url('/dav/a/')}`).and.contain('/dav/a/b.txt HTTP/1.1 423 Locked');
    });

    it('reads a 424 chain: one cause, every ancestor a consequence; a response with no status fails', async function () {
      const body = CHAIN.replace(MS_CLOSE, '<D:response><D:href>/t/odd</D:href></D:response>' + MS_CLOSE);
      const it = readOutcomes(body);
      const got = await entries(it);
      expect(got.map((e) => e.outcome)).to.deep.equal(['failed', 'dependent', 'dependent', 'dependent', 'failed']);
      const last = got[4]!;
      expect(last.form === 'status' && last.status.code).to.equal(null);
      const r = await it.result();
      expect(r).to.deep.include({ failed: 2, dependent: 3, succeeded: 0 });
      expect(r.byStatus).to.deep.equal({ '423': 1, '424': 3, none: 1 });
    });

    it('keeps location and the body-level responsedescription', async function () {
      const it = readOutcomes(MOVED, { baseUrl: 'http://dav.example/' });
      const [e] = await entries(it);
      expect(e).to.deep.include({ outcome: 'failed', location: 'http://other.example/dav/new/', url: 'http://dav.example/dav/old/' });
      expect((await it.result()).summary?.responseDescription).to.equal('one member lives elsewhere');
    });

    it('a 207 whose every entry is 2xx is success; several hrefs share one status', async function () {
      server.route('/dav/x/', { body: ALL_OK });
      const it = deleteResource(server.url('/dav/x/'));
      const r = await requireSuccess(it);
      expect(r).to.deep.include({ status: 207, multistatus: true, ok: true, entries: 2, succeeded: 2, failed: 0, dependent: 0 });
      expect(r.failures).to.deep.equal([]);
      expect(r.byStatus).to.deep.equal({});
      const again = await entries(readOutcomes(ALL_OK));
      expect(again[0]!.hrefs).to.deep.equal(['/dav/x/', '/dav/x/y.txt']);
    });
  });

  describe('the propstat form', function () {
    it('gives each property its status, condition and description; the entry failed; nothing ok', async function () {
      server.route('/dav/t.txt', { body: PROPPATCH_PARTIAL });
      const it = proppatch(server.url('/dav/t.txt'), { set: { getetag: '"x"', '{http://example.com/ns/}color': 'red' } });
      const [e, ...rest] = await entries(it);
      expect(rest).to.have.length(0);
      if (e!.form !== 'propstat') throw new Error('expected the propstat form');
      expect(e!.outcome).to.equal('failed');
      expect(e!.properties.map((p) => [p.name, p.outcome, p.status.code])).to.deep.equal([
        ['getetag', 'failed', 403],
        ['{http://example.com/ns/}color', 'dependent', 424],
      ]);
      expect(e!.properties[0]!.error!.map((c) => c.name)).to.deep.equal(['cannot-modify-protected-property']);
      expect(e!.properties[0]!.responseDescription).to.equal('getetag is protected');
      expect(e!.properties[1]!.error).to.equal(undefined);
      const r = await it.result();
      expect(r.byStatus, 'one count per property').to.deep.equal({ '403': 1, '424': 1 });
      expect(r).to.deep.include({ failed: 1, dependent: 0, ok: false });
    });

    it('an entry with only 424 properties is dependent; one with only 2xx properties is ok', async function () {
      const only424 = PROPPATCH_PARTIAL.replace(/<D:propstat><D:prop><D:getetag\/>[\s\S]*?<\/D:propstat>/, '');
      const [dep] = await entries(readOutcomes(only424));
      expect(dep!.outcome).to.equal('dependent');
      server.route('/dav/t.txt', { body: PROPPATCH_OK });
      const r = await requireSuccess(proppatch(server.url('/dav/t.txt'), { set: { '{http://example.com/ns/}color': 'red' }, remove: ['{http://example.com/ns/}size'] }));
      expect(r).to.deep.include({ ok: true, entries: 1, succeeded: 1 });
    });
  });

  describe('answers other than 207', function () {
    it('a 2xx other than 207 is success with no entries (its body is not parsed)', async function () {
      server.route('/dav/gone', { status: 204, body: '' });
      server.route('/dav/html', { status: 200, body: '<html>done</html>', headers: { 'Content-Type': 'text/html' } });
      const it = deleteResource(server.url('/dav/gone'));
      expect(await entries(it)).to.deep.equal([]);
      expect(await it.result()).to.deep.include({ status: 204, multistatus: false, ok: true, entries: 0 });
      const r = await requireSuccess(deleteResource(server.url('/dav/html')));
      expect(r).to.deep.include({ status: 200, ok: true });
      const res = await fetch(server.url('/dav/html'), { method: 'DELETE' });
      expect(await requireSuccess(res)).to.deep.include({ status: 200, ok: true, multistatus: false });
    });

    it('a non-2xx is the HTTP error, with status, method, URL and the start of the body', async function () {
      server.route('/dav/locked', { status: 423, body: '<?xml version="1.0"?><D:error xmlns:D="DAV:"><D:lock-token-submitted/></D:error>' });
      const e = await rejection(requireSuccess(deleteResource(server.url('/dav/locked'))));
      expect(e.code).to.equal('HTTP');
      expect(e.status).to.equal(423);
      expect(e.http).to.deep.include({ method: 'DELETE', url: server.url('/dav/locked') });
      expect(e.http!.body).to.contain('lock-token-submitted');
      const it = deleteResource(server.url('/dav/locked'));
      const first = await rejection(it.next());
      expect(first.status).to.equal(423);
      expect(await it.next(), 'the error is thrown once').to.deep.equal({ done: true, value: undefined });
      expect((await rejection(it.result())).status).to.equal(423);
    });

    it('over a Response or a saved body with its status', async function () {
      const res412 = new Response('precondition', { status: 412 });
      expect((await rejection(readOutcomes(res412).result())).status).to.equal(412);
      expect((await rejection(readOutcomes(DELETE_LOCKED, { status: 500 }).result())).status).to.equal(500);
      expect(await readOutcomes('', { status: 201 }).result()).to.deep.include({ status: 201, ok: true });
      const r = await readOutcomes(new Response(DELETE_LOCKED, { status: 207 })).result();
      expect(r).to.deep.include({ entries: 3, failed: 1 });
    });
  });

  describe('bounded memory', function () {
    it('a 207 with 100,000 failed entries: counts all, keeps the first maxFailures', async function () {
      this.timeout(60_000);
      const N = 100_000;
      server.route('/dav/big/', {
        contentLength: false,
        body: function* () {
          yield Buffer.from(MS_OPEN);
          for (let i = 0; i < N; i += 1000) {
            let chunk = '';
            for (let j = i; j < i + 1000; j++) {
              chunk += `<D:response><D:href>/dav/big/f${j}.txt</D:href><D:status>HTTP/1.1 ${j % 10 === 0 ? 424 : 423} Locked</D:status></D:response>\n`;
            }
            yield Buffer.from(chunk);
          }
          yield Buffer.from(MS_CLOSE);
        },
      });
      const err = await rejection(requireSuccess(deleteResource(server.url('/dav/big/'), { maxFailures: 25 })));
      const o: OutcomeSummary = (err as PartialFailureError).outcome;
      expect(o).to.deep.include({ entries: N, failed: N * 0.9, dependent: N * 0.1, failuresCut: true });
      expect(o.byStatus).to.deep.equal({ '423': N * 0.9, '424': N * 0.1 });
      expect(o.failures).to.have.length(25);
      expect(o.failures[24]!.path).to.equal('/dav/big/f24.txt');
      const d = await requireSuccess(readOutcomes(`${MS_OPEN}<D:response><D:href>/a</D:href><D:status>HTTP/1.1 423 Locked</D:status></D:response>${MS_CLOSE}`)).then(
        () => undefined,
        (x: unknown) => (x as PartialFailureError).outcome,
      );
      expect(d?.failures, 'default bound keeps a small list whole').to.have.length(1);
    });
  });
});
