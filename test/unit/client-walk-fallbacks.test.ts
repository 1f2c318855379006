/**
 * walk() on servers the first six never showed (issue 20): an extra the server rejects
 * (`<D:include><D:resource-id/>`) taken for a depth refusal; what is retried and what is not
 * (500/501/507, an answer fetch refuses as not HTTP/1.1, Retry-After past maxRetryDelay); the
 * walk's memory (collections only); diagnostics counted once; a walk error's position.
 */
import { expect } from 'chai';
import { MultistatusError, parseMultistatus, syncCollection, walk } from '../../lib/index.js';
import type { DavResponse, WalkIterator, WalkOptions, WalkSummary } from '../../lib/index.js';
import { useConflictingLengthServer } from '../helpers/conflicting-length-server.js';
import { listingBody, makeTree, serveTree } from '../helpers/dav-tree.js';
import { ScriptedHttpServer } from '../helpers/scripted-http-server.js';

async function run<P extends object>(it: WalkIterator<P>): Promise<{ got: DavResponse[]; summary: WalkSummary }> {
  const got: DavResponse[] = [];
  for await (const r of it) got.push(r as unknown as DavResponse);
  return { got, summary: await it.summary() };
}

const INCLUDE = '<D:include><D:resource-id/></D:include>';
/** What a CalDAV server answered to allprop with <D:include>, at any depth. */
const REJECT_INCLUDE = { status: 400, headers: { 'Content-Type': 'text/plain' }, body: 'Received more than one element in propfind\n' };

describe('client: walk on servers that reject the extra, and what is retried', function () {
  this.slow(2000);
  let server: ScriptedHttpServer;
  let n = 0;
  let root: string;
  before(async function () {
    server = await ScriptedHttpServer.start();
  });
  after(async function () {
    await server.close();
  });
  beforeEach(function () {
    root = `/f${++n}/`;
    server.resetCounts();
  });

  describe('an extra the server rejects (<D:include><D:resource-id/>)', function () {
    it('400 to any body with <D:include>, plain infinity allowed: the extra is dropped and one Depth: infinity request lists the tree', async function () {
      const paths = makeTree(root, 3, 2, 2);
      serveTree(server, paths, { infinity: 'allow', override: (_dir, req) => (req.body.includes(INCLUDE) ? REJECT_INCLUDE : undefined) });
      const fallbacks: [string, string | undefined][] = [];
      const onFallback: WalkOptions['onFallback'] = (mode, why) => fallbacks.push([mode, why]);
      const { got, summary } = await run(walk(server.url(root), { onFallback }));
      expect(got.map((r) => r.path).sort()).to.deep.equal([...paths].sort());
      expect(server.requests.map((r) => [r.headers.depth, r.body.includes(INCLUDE)])).to.deep.equal([
        ['infinity', true],
        ['infinity', false],
      ]);
      expect(summary).to.include({ mode: 'infinity', requests: 2, responses: paths.length });
      expect(summary.refusal).to.equal(undefined);
      const why = 'the server rejected <D:include><D:resource-id/></D:include> (400 Bad Request at Depth: infinity) and answered the same request without it: asking without it from now on';
      expect(summary.dropped).to.equal(why);
      expect(fallbacks).to.deep.equal([['no-resource-id', why]]);
    });

    it('400 to <D:include> at every depth and to plain infinity: Depth 1 without the extra, the refusal names the plain answer', async function () {
      const paths = makeTree(root, 3, 2, 2);
      serveTree(server, paths, { infinity: 'bad-request', override: (_dir, req) => (req.body.includes(INCLUDE) ? REJECT_INCLUDE : undefined) });
      const { got, summary } = await run(walk(server.url(root), { concurrency: 1 }));
      expect(got.map((r) => r.path).sort()).to.deep.equal([...paths].sort());
      const collections = paths.filter((p) => p.endsWith('/'));
      expect(server.requests.map((r) => [r.headers.depth, r.body.includes(INCLUDE)])).to.deep.equal([
        ['infinity', true],
        ['infinity', false],
        ['1', true],
        ...collections.map(() => ['1', false]),
      ]);
      expect(summary.mode).to.equal('depth-1');
      expect(summary.refusal).to.equal('400 Bad Request to allprop without <D:include><D:resource-id/></D:include> too (with it: 400 Bad Request)');
      expect(summary.dropped).to.match(/^the server rejected <D:include><D:resource-id\/><\/D:include> \(400 Bad Request at Depth: 1\)/);
      expect(summary.failures).to.deep.equal([]);
    });

    it('infinity: false on such a server: the first listing is sent again without the extra', async function () {
      const paths = makeTree(root, 2, 2, 1);
      serveTree(server, paths, { override: (_dir, req) => (req.body.includes(INCLUDE) ? REJECT_INCLUDE : undefined) });
      const { got, summary } = await run(walk(server.url(root), { infinity: false, concurrency: 1 }));
      expect(got.map((r) => r.path).sort()).to.deep.equal([...paths].sort());
      expect(server.requests.filter((r) => r.body.includes(INCLUDE))).to.have.length(1);
      expect(summary.dropped).to.be.a('string');
    });

    it('a 400 to the plain request too is the listing\'s failure, not a dropped extra', async function () {
      serveTree(server, [root], { infinity: 'bad-request' });
      server.route(root, () => ({ status: 400, headers: { 'Content-Type': 'text/plain' }, body: 'no\n' }));
      const error = await run(walk(server.url(root))).then(() => undefined, (e: unknown) => e);
      expect(error).to.be.instanceOf(MultistatusError);
      expect((error as MultistatusError).status).to.equal(400);
      // infinity with, infinity without (refused: depth 1), depth 1 with, depth 1 without: then the error.
      expect(server.requests.map((r) => [r.headers.depth, r.body.includes(INCLUDE)])).to.deep.equal([
        ['infinity', true],
        ['infinity', false],
        ['1', true],
        ['1', false],
      ]);
    });
  });

  describe('only transient failures are retried', function () {
    for (const status of [500, 501, 507]) {
      it(`a ${status} on a listing is not retried: one request, then skipped (skipFailures) or the walk's error`, async function () {
        const paths = makeTree(root, 2, 2, 1);
        const bad = `${root}d0/`;
        serveTree(server, paths, { infinity: 'finite-depth', override: (dir) => (dir === bad ? { status, body: 'no' } : undefined) });
        const skipped = await run(walk(server.url(root), { skipFailures: true, retryDelay: 1 }));
        expect(server.requests.filter((r) => r.path === bad)).to.have.length(1);
        expect(skipped.summary.failures.map((f) => [f.url, f.status])).to.deep.equal([[server.url(bad), status]]);
        expect(skipped.summary.retries).to.equal(0);
        server.resetCounts();
        const error = await run(walk(server.url(root), { retryDelay: 1 })).then(() => undefined, (e: unknown) => e);
        expect((error as MultistatusError).status).to.equal(status);
        expect((error as MultistatusError).message).to.match(new RegExp(`^walk: listing \\S+ failed: HTTP ${status} `));
        expect(server.requests.filter((r) => r.path === bad)).to.have.length(1);
      });
    }

    it('a Retry-After longer than maxRetryDelay waits maxRetryDelay, not what the server asked', async function () {
      const paths = [root, `${root}a.txt`];
      let attempts = 0;
      serveTree(server, paths, {
        infinity: 'allow',
        override: () => (++attempts === 1 ? { status: 503, headers: { 'Retry-After': '2' }, body: 'busy' } : undefined),
      });
      const t0 = performance.now();
      const { got, summary } = await run(walk(server.url(root), { maxRetryDelay: 50 }));
      const ms = performance.now() - t0;
      expect(got).to.have.length(2);
      expect(summary.retries).to.equal(1);
      expect(ms, 'the walk obeyed Retry-After: 2 in full').to.be.below(1500);
    });

    describe('an answer fetch refuses (Content-Length and Transfer-Encoding both sent)', function () {
      const server = useConflictingLengthServer();

      it('is not retried, and the message says so', async function () {
        server.requests = 0;
        const error = await run(walk(server.url, { retryDelay: 1 })).then(() => undefined, (e: unknown) => e);
        expect(error).to.be.instanceOf(MultistatusError);
        expect((error as MultistatusError).code).to.equal('SOURCE');
        expect((error as MultistatusError).message, (error as MultistatusError).message).to.match(/^walk: listing \S+ failed \(not retried: fetch refuses this answer as not HTTP\/1\.1, and would every time\): /);
        expect(server.requests).to.equal(1);
      });
    });
  });

  describe('memory, counts and positions', function () {
    it('the walk remembers collections only: its set of known keys does not grow with the files', async function () {
      const paths = makeTree(root, 2, 3, 300); // 4 collections, 1,200 files
      serveTree(server, paths, { infinity: 'finite-depth' });
      const { got, summary } = await run(walk(server.url(root)));
      expect(got).to.have.length(paths.length);
      expect(summary.known).to.equal(paths.filter((p) => p.endsWith('/')).length);
      const inf = makeTree(`${root}inf/`, 3, 2, 50);
      serveTree(server, inf, { infinity: 'allow' });
      const all = await run(walk(server.url(`${root}inf/`)));
      expect(all.got).to.have.length(inf.length);
      expect(all.summary.known, 'infinity: the root and its child collections').to.be.at.most(3);
    });

    it("each body's diagnostics count once in the walk's and the sync's diagnosticCount", async function () {
      const paths = makeTree(root, 2, 2, 1);
      const bad = '<D:creationdate>yesterday</D:creationdate>';
      serveTree(server, paths, { infinity: 'finite-depth', props: (p) => (p.endsWith('.txt') ? bad : '') });
      const { summary } = await run(walk(server.url(root)));
      const files = paths.filter((p) => !p.endsWith('/')).length;
      expect(summary.diagnostics.map((d) => d.code)).to.deep.equal(Array<string>(files).fill('BAD_VALUE'));
      expect(summary.diagnosticCount).to.equal(files);

      server.route('/sync/', () => ({
        body: `<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:response><D:href>/sync/a</D:href><D:propstat><D:prop>${bad}</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response><D:sync-token>t</D:sync-token></D:multistatus>`,
      }));
      const sync = syncCollection(server.url('/sync/'));
      for await (const r of sync) void r;
      const s = await sync.summary();
      expect(s.diagnostics.map((d) => d.code)).to.deep.equal(['BAD_VALUE']);
      expect(s.diagnosticCount).to.equal(1);
    });

    it("a walk error from a listing's XML carries that listing's line, column and byte", async function () {
      const paths = makeTree(root, 2, 2, 1);
      const bad = `${root}d1/`;
      const broken = listingBody(paths, bad, '1').replace('</D:href>', '</D:hraf>');
      serveTree(server, paths, { infinity: 'finite-depth', override: (dir) => (dir === bad ? { body: broken } : undefined) });
      const error = (await run(walk(server.url(root))).then(() => undefined, (e: unknown) => e)) as MultistatusError;
      const direct = (await (async () => {
        for await (const r of parseMultistatus(broken)) void r;
      })().then(() => undefined, (e: unknown) => e)) as MultistatusError;
      expect(direct.code).to.equal('XML_SYNTAX');
      expect(error.code).to.equal('XML_SYNTAX');
      expect([error.line, error.column, error.offset]).to.deep.equal([direct.line, direct.column, direct.offset]);
      expect(error.line).to.be.a('number');
      expect(error.message).to.match(new RegExp(`^walk: listing \\S+ failed: .* \\(line ${direct.line}, column ${direct.column}, byte ${direct.offset}\\)$`));
      expect(error.message.match(/\(line /g)).to.have.length(1);
    });

    it("skipFailures: each failure is reported as it happens; the root's own listing still ends the walk", async function () {
      const paths = makeTree(root, 2, 2, 1);
      serveTree(server, paths, { infinity: 'finite-depth', override: (dir) => (dir === `${root}d0/` ? { status: 404, body: 'gone' } : undefined) });
      const seen: string[] = [];
      const onFailure: WalkOptions['onFailure'] = (f) => seen.push(f.url);
      const { summary } = await run(walk(server.url(root), { skipFailures: true, onFailure }));
      expect(seen).to.deep.equal([server.url(`${root}d0/`)]);
      expect(summary.failures).to.have.length(1);
      const error = await run(walk(server.url('/nowhere/'), { skipFailures: true })).then(() => undefined, (e: unknown) => e);
      expect((error as MultistatusError).status).to.equal(404);
    });
  });
});
