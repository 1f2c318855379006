/**
 * walk() against a scripted server: Depth: infinity when allowed, the Depth: 1 walk when it is
 * refused (each form) or silently capped, href spellings, a binding loop, broken hrefs, transient
 * and persistent failures, backpressure from a slow consumer, and break closing every connection.
 */
import { expect } from 'chai';
import { MultistatusError, walk } from '../../lib/index.js';
import type { DavResponse, WalkIterator, WalkSummary } from '../../lib/index.js';
import { encodePath, listingBody, makeTree, parentOf, serveTree } from '../helpers/dav-tree.js';
import type { InfinityRule, TreeOptions } from '../helpers/dav-tree.js';
import { ScriptedHttpServer } from '../helpers/scripted-http-server.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function run<P extends object>(it: WalkIterator<P>): Promise<{ got: DavResponse[]; summary: WalkSummary }> {
  const got: DavResponse[] = [];
  // The tests read any key: the loose view of whatever the options typed.
  for await (const r of it) got.push(r as unknown as DavResponse);
  return { got, summary: await it.summary() };
}

/** Decoded paths, sorted, failing on a repeat. */
function pathsOnce(got: DavResponse[]): string[] {
  const paths = got.map((r) => r.path);
  const repeats = paths.filter((p, i) => paths.indexOf(p) !== i);
  expect(repeats, 'paths yielded more than once').to.deep.equal([]);
  return paths.sort();
}

describe('client: walk', function () {
  this.slow(2000);
  let server: ScriptedHttpServer;
  let n = 0;
  /** A fresh prefix per test, so routes never collide. */
  let root: string;
  before(async function () {
    server = await ScriptedHttpServer.start();
  });
  after(async function () {
    await server.close();
  });
  beforeEach(function () {
    root = `/w${++n}/`;
    server.resetCounts();
  });

  const tree = (): string[] => makeTree(root, 3, 2, 2); // 7 collections, 14 files

  describe('Depth: infinity and its refusals', function () {
    it('one Depth: infinity request when the server allows it', async function () {
      const paths = tree();
      serveTree(server, paths, { infinity: 'allow' });
      const { got, summary } = await run(walk(server.url(root)));
      expect(pathsOnce(got)).to.deep.equal([...paths].sort());
      expect(got[0]!.path).to.equal(root);
      expect(server.requests.map((r) => r.headers.depth)).to.deep.equal(['infinity']);
      expect(summary).to.include({ mode: 'infinity', requests: 1, retries: 0, responses: paths.length, collections: 1 });
      expect(summary.bytes).to.equal(Buffer.byteLength(listingBody(paths, root, 'infinity')));
      expect(summary.refusal).to.equal(undefined);
    });

    // A 400 to allprop with <D:include> may be about the include: the same request without it is
    // sent before the walk concludes that Depth: infinity is refused (and says so).
    const refusals: [InfinityRule, string, number][] = [
      ['finite-depth', '403 Forbidden (propfind-finite-depth)', 1],
      ['forbidden-html', '403 Forbidden', 1],
      ['bad-request', '400 Bad Request to allprop without <D:include><D:resource-id/></D:include> too (with it: 400 Bad Request)', 2],
      ['not-implemented', '501 Not Implemented', 1],
    ];
    for (const [rule, refusal, infinities] of refusals) {
      it(`infinity refused (${refusal}): Depth 1 on every collection, each resource once`, async function () {
        const paths = tree();
        serveTree(server, paths, { infinity: rule });
        const { got, summary } = await run(walk(server.url(root)));
        expect(pathsOnce(got)).to.deep.equal([...paths].sort());
        expect(got[0]!.path).to.equal(root);
        const collections = paths.filter((p) => p.endsWith('/'));
        expect(server.requests.map((r) => r.headers.depth)).to.deep.equal([...Array<string>(infinities).fill('infinity'), ...collections.map(() => '1')]);
        expect(server.requests.slice(infinities).map((r) => r.path).sort()).to.deep.equal(collections.sort());
        // The server took <D:include>: the Depth: 1 requests still ask for resource-id (binding loops).
        for (const req of server.requests.slice(infinities)) expect(req.body).to.contain('<D:include><D:resource-id/></D:include>');
        expect(summary).to.include({ mode: 'depth-1', refusal, requests: infinities + collections.length, responses: paths.length, collections: collections.length });
        expect(summary.dropped).to.equal(undefined);
      });
    }

    it('infinity answered as Depth 1 (sabre, radicale): the walk goes on below, each resource once', async function () {
      const paths = tree();
      serveTree(server, paths, { infinity: 'as-depth-1' });
      const { got, summary } = await run(walk(server.url(root)));
      expect(pathsOnce(got)).to.deep.equal([...paths].sort());
      const collections = paths.filter((p) => p.endsWith('/'));
      expect(summary).to.include({ mode: 'infinity-capped', requests: collections.length, responses: paths.length });
    });

    it('infinity: false walks with Depth 1 at once; a 404 on the root is the HTTP error', async function () {
      const paths = tree();
      serveTree(server, paths);
      const { got, summary } = await run(walk(server.url(root), { infinity: false }));
      expect(pathsOnce(got)).to.deep.equal([...paths].sort());
      expect(server.requests.every((r) => r.headers.depth === '1')).to.equal(true);
      expect(summary.mode).to.equal('depth-1');
      const err = await run(walk(server.url('/nowhere/'))).then(() => null, (e: unknown) => e);
      expect(err).to.be.instanceOf(MultistatusError);
      expect((err as MultistatusError).code).to.equal('HTTP');
      expect((err as MultistatusError).status).to.equal(404);
    });

    it('asks for resourcetype along with named props, and sends the caller\'s headers and credentials', async function () {
      const paths = tree();
      serveTree(server, paths, { infinity: 'finite-depth' });
      const { got } = await run(walk(server.url(root), { props: ['getetag'], headers: { 'X-Trace': 't' }, auth: { username: 'u', password: 'p' } }));
      expect(got).to.have.length(paths.length);
      for (const req of server.requests) {
        expect(req.body).to.contain('<D:prop><D:getetag/><D:resourcetype/><D:resource-id/></D:prop>');
        expect(req.headers['x-trace']).to.equal('t');
        expect(req.headers.authorization).to.equal(`Basic ${btoa('u:p')}`);
      }
    });
  });

  describe('hrefs', function () {
    it('one resource written many ways (absolute, no trailing slash, %7E vs ~, lower-case hex) counts once', async function () {
      const paths = [root, `${root}~user/`, `${root}~user/caf\u00e9.txt`, `${root}sub/`, `${root}sub/x.txt`];
      const origin = server.url('').replace(/\/$/, '');
      const lowerHex = (p: string): string => encodePath(p).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
      let i = 0;
      const opts: TreeOptions = {
        infinity: 'finite-depth',
        href(path, listed) {
          i++;
          if (path === listed) return origin + encodePath(path).replace(/\/$/, ''); // self: absolute, no slash
          if (path.includes('~')) return i % 2 ? path.replace(/~/g, '%7E') : path; // %7E one time, ~ the other
          return lowerHex(path);
        },
      };
      // The sub-collection also lists its parent's ~user/ (as some servers list bindings): not listed twice.
      serveTree(server, paths, {
        ...opts,
        override: (dir) =>
          dir === `${root}sub/`
            ? { body: listingBody(paths, `${root}sub/`, '1', opts).replace('</D:multistatus>', listingBody([`${root}~user/`], `${root}~user/`, '1', { href: (p) => p.replace('~', '%7e') }).split('\n').slice(2, -2).join('\n') + '</D:multistatus>') }
            : undefined,
      });
      const { got, summary } = await run(walk(server.url(root)));
      expect(got[0]!.path, 'the root as its own listing wrote it').to.equal(root.slice(0, -1));
      expect(pathsOnce(got.slice(1))).to.deep.equal([...paths.slice(1)].sort());
      expect(server.requests.filter((r) => r.path === `${root}~user/`)).to.have.length(1);
      expect(summary.requests).to.equal(4);
    });

    it('broken hrefs (raw #, raw ?, empty) and hrefs outside the tree are yielded with a diagnostic, not followed', async function () {
      const paths = [root, `${root}ok/`];
      const extra =
        '<D:response><D:href>' + root + 'hash#frag/</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>' +
        '<D:response><D:href>' + root + 'what?/</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>' +
        '<D:response><D:href></D:href><D:propstat><D:prop><D:resourcetype/></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>' +
        '<D:response><D:href>/elsewhere/</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>' +
        '<D:response><D:href>http://other.invalid' + root + 'x/</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>';
      serveTree(server, paths, {
        infinity: 'finite-depth',
        override: (dir, req) => (dir === root && req.headers.depth === '1' ? { body: listingBody(paths, root, '1').replace('</D:multistatus>', `${extra}</D:multistatus>`) } : undefined),
      });
      const { got, summary } = await run(walk(server.url(root)));
      expect(got.map((r) => r.href)).to.deep.equal([root, `${root}ok/`, `${root}hash#frag/`, `${root}what?/`, '', '/elsewhere/', `http://other.invalid${root}x/`]);
      expect(server.requests.map((r) => r.path)).to.deep.equal([root, root, `${root}ok/`]);
      expect(summary.diagnostics.map((d) => [d.code, d.href])).to.deep.equal([
        ['WALK_BAD_HREF', `${root}hash#frag/`],
        ['WALK_BAD_HREF', `${root}what?/`],
        ['WALK_BAD_HREF', ''],
        ['WALK_OUTSIDE_ROOT', '/elsewhere/'],
        ['WALK_OUTSIDE_ROOT', `http://other.invalid${root}x/`],
        // The parser's own, from the listing's body (issue 20).
        ['UNENCODED_HREF', `${root}hash#frag/`],
        ['UNENCODED_HREF', `${root}what?/`],
        ['EMPTY_HREF', ''],
      ]);
    });

    it('a binding loop ends: a collection with a resource-id already listed is yielded once, not followed', async function () {
      // /loop/self/ is a second binding of /loop/ (RFC 5842): same resource-id, and its listing repeats forever.
      const paths = [root, `${root}a.txt`, `${root}self/`];
      const rid = (p: string): string => (p === root || p.startsWith(`${root}self/`) ? '<D:resource-id><D:href>urn:uuid:loop</D:href></D:resource-id>' : '');
      serveTree(server, paths, { infinity: 'finite-depth', props: rid });
      const { got, summary } = await run(walk(server.url(root), { props: ['resource-id'] }));
      expect(pathsOnce(got)).to.deep.equal([root, `${root}a.txt`, `${root}self/`]);
      expect(server.requests.map((r) => r.path)).to.deep.equal([root, root]);
      expect(summary.diagnostics.map((d) => d.code)).to.deep.equal(['WALK_LOOP']);
    });

    it('a collection that redirects: listed where it moved to, its own entry not yielded twice', async function () {
      const paths = [root, `${root}a.txt`, `${root}old/`, `${root}new/`, `${root}new/x.txt`];
      serveTree(server, paths, {
        infinity: 'finite-depth',
        // /old/ is listed by the root, but the server moved it: PROPFIND /old/ -> 301 /new/
        override: (dir) => (dir === `${root}old/` ? { status: 301, headers: { Location: `${root}new/` }, body: '' } : undefined),
      });
      // The root lists old/ but not new/ (as if new/ were only reachable through the redirect)
      const rootOnly = [root, `${root}a.txt`, `${root}old/`];
      server.route(root, (req) => (req.headers.depth === 'infinity' ? { status: 403, body: '' } : { body: listingBody(rootOnly, root, '1') }));
      const { got, summary } = await run(walk(server.url(root)));
      expect(got.map((r) => r.path)).to.deep.equal([root, `${root}a.txt`, `${root}old/`, `${root}new/x.txt`]);
      expect(summary.requests).to.equal(3); // infinity refused, the root, old/ (fetch follows its 301 to new/)
      expect(server.requests.map((r) => r.path)).to.deep.equal([root, root, `${root}old/`, `${root}new/`]);
    });

    it('a binding answered with the canonical hrefs of the collection it binds: nothing yielded twice, nothing listed twice', async function () {
      const paths = [root, `${root}a.txt`, `${root}b.txt`, `${root}link/`];
      serveTree(server, paths, {
        infinity: 'finite-depth',
        override: (dir, req) => (dir === `${root}link/` && req.method === 'PROPFIND' ? { body: listingBody(paths, root, '1') } : undefined),
      });
      const { got } = await run(walk(server.url(root)));
      expect(pathsOnce(got)).to.deep.equal([...paths].sort());
      expect(server.requests.map((r) => r.path)).to.deep.equal([root, root, `${root}link/`]);
    });
  });

  describe('binding loops and maxDepth', function () {
    const FINITE = '<?xml version="1.0" encoding="utf-8"?>\n<D:error xmlns:D="DAV:"><D:propfind-finite-depth/></D:error>\n';
    /**
     * `${root}b/` is a second binding of `${root}` (RFC 5842), so `b/b/`, `b/b/b/`... list the same
     * members forever; routed `levels` deep (past that: 404). `resourceIds`: the server sends
     * `DAV:resource-id` only when the request body names it (in `include` or `prop`), or never.
     */
    function bindingLoop(levels: number, resourceIds: 'when-asked' | 'never'): void {
      for (let k = 0, dir = root; k <= levels; k++, dir += 'b/') {
        const here = dir;
        const members = [here, `${here}x.txt`, `${here}b/`];
        server.route(here, (req) => {
          if (req.headers.depth !== '1') return { status: 403, body: FINITE };
          const asked = resourceIds === 'when-asked' && req.body.includes('<D:resource-id/>');
          const etag = req.body.includes('<D:getetag/>');
          const props = (p: string): string =>
            (etag ? '<D:getetag>"e"</D:getetag>' : '') +
            (asked ? `<D:resource-id><D:href>urn:uuid:${p.endsWith('/') ? 'dir' : 'file'}</D:href></D:resource-id>` : '');
          return { body: listingBody(members, here, '1', { props }) };
        });
      }
    }
    const noResourceId = (got: DavResponse[]): boolean => got.every((r) => !('resource-id' in r.props) && r.propstats.every((ps) => !('resource-id' in ps.props)));

    it('allprop: the walk asks for resource-id with <D:include>; the loop ends at the second binding; resource-id not yielded', async function () {
      bindingLoop(8, 'when-asked');
      const { got, summary } = await run(walk(server.url(root)));
      expect(got.map((r) => r.path)).to.deep.equal([root, `${root}x.txt`, `${root}b/`]);
      expect(server.requests.map((r) => r.path)).to.deep.equal([root, root]);
      for (const req of server.requests) expect(req.body).to.equal('<?xml version="1.0" encoding="utf-8"?>\n<D:propfind xmlns:D="DAV:"><D:allprop/><D:include><D:resource-id/></D:include></D:propfind>\n');
      expect(summary.diagnostics.map((d) => [d.code, d.href])).to.deep.equal([['WALK_LOOP', `${root}b/`]]);
      expect(summary.tooDeep).to.equal(0);
      expect(noResourceId(got), 'resource-id stripped (the caller did not ask for it)').to.equal(true);
    });

    it('named props: resource-id is added to them; yielded only when the caller named it (also untyped)', async function () {
      bindingLoop(8, 'when-asked');
      const first = await run(walk(server.url(root), { props: ['getetag'] }));
      expect(first.got.map((r) => r.path)).to.deep.equal([root, `${root}x.txt`, `${root}b/`]);
      expect(server.requests.map((r) => r.path)).to.deep.equal([root, root]);
      for (const req of server.requests) expect(req.body).to.contain('<D:prop><D:getetag/><D:resourcetype/><D:resource-id/></D:prop>');
      expect(first.summary.diagnostics.map((d) => d.code)).to.deep.equal(['WALK_LOOP']);
      expect(noResourceId(first.got)).to.equal(true);
      expect(first.got.map((r) => r.props.getetag)).to.deep.equal(['"e"', '"e"', '"e"']);

      const asked = await run(walk(server.url(root), { props: ['getetag', 'resource-id'] }));
      expect(asked.got.map((r) => r.props['resource-id'])).to.deep.equal(['urn:uuid:dir', 'urn:uuid:file', 'urn:uuid:dir']);

      // typed: false leaves the value an XmlElement: the walk still reads the href in it.
      const untyped = await run(walk(server.url(root), { typed: false }));
      expect(untyped.got.map((r) => r.path)).to.deep.equal([root, `${root}x.txt`, `${root}b/`]);
      expect(untyped.summary.diagnostics.map((d) => d.code)).to.deep.equal(['WALK_LOOP']);
    });

    it('a 404 propstat for resource-id (a server without it) is not yielded; a properties filter still lets the walk see it', async function () {
      for (let k = 0, dir = root; k <= 3; k++, dir += 'b/') {
        const here = dir;
        const entry = (href: string, type: string): string =>
          `<D:response><D:href>${href}</D:href><D:propstat><D:prop><D:resourcetype>${type}</D:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>` +
          '<D:propstat><D:prop><D:resource-id/></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat></D:response>';
        const body = `<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">${entry(here, '<D:collection/>')}${entry(`${here}x.txt`, '')}${entry(`${here}b/`, '<D:collection/>')}</D:multistatus>\n`;
        server.route(here, (req) => (req.headers.depth === '1' ? { body } : { status: 403, body: FINITE }));
      }
      const { got, summary } = await run(walk(server.url(root), { maxDepth: 2 }));
      expect(got.map((r) => r.path)).to.deep.equal([root, `${root}x.txt`, `${root}b/`, `${root}b/x.txt`, `${root}b/b/`]);
      expect(got.map((r) => r.propstats.map((ps) => ps.status.code))).to.deep.equal(got.map(() => [200]));
      expect(summary.tooDeep).to.equal(1);

      root = `/w${++n}/`;
      server.resetCounts();
      bindingLoop(8, 'when-asked');
      const filtered = await run(walk(server.url(root), { properties: ['getcontentlength'] }));
      expect(server.requests.map((r) => r.path)).to.deep.equal([root, root]);
      expect(filtered.summary.diagnostics.map((d) => d.code)).to.deep.equal(['WALK_LOOP']);
      expect(noResourceId(filtered.got)).to.equal(true);
    });

    it('propname: the body is unchanged', async function () {
      bindingLoop(1, 'never');
      const { got } = await run(walk(server.url(root), { props: 'propname', maxDepth: 1 }));
      expect(got).to.have.length(3);
      for (const req of server.requests) expect(req.body).to.equal('<?xml version="1.0" encoding="utf-8"?>\n<D:propfind xmlns:D="DAV:"><D:propname/></D:propfind>\n');
    });

    it('no resource-id at all: the loop ends at maxDepth, the collection there yielded with WALK_MAX_DEPTH, not listed', async function () {
      bindingLoop(8, 'never');
      const { got, summary } = await run(walk(server.url(root), { maxDepth: 3 }));
      expect(pathsOnce(got)).to.deep.equal([root, `${root}b/`, `${root}b/b/`, `${root}b/b/b/`, `${root}b/b/x.txt`, `${root}b/x.txt`, `${root}x.txt`]);
      expect(server.requests.map((r) => r.path)).to.deep.equal([root, root, `${root}b/`, `${root}b/b/`]);
      expect(summary.diagnostics.map((d) => [d.code, d.href])).to.deep.equal([['WALK_MAX_DEPTH', `${root}b/b/b/`]]);
      expect(summary).to.include({ tooDeep: 1, collections: 3, responses: 7 });
    });

    it('no resource-id at all, default maxDepth: 64 levels listed, then the walk ends', async function () {
      bindingLoop(70, 'never');
      const { got, summary } = await run(walk(server.url(root)));
      expect(server.requests).to.have.length(1 + 64);
      expect(got).to.have.length(1 + 64 * 2);
      const deepest = `${root}${'b/'.repeat(64)}`;
      expect(summary.diagnostics.map((d) => [d.code, d.href])).to.deep.equal([['WALK_MAX_DEPTH', deepest]]);
      expect(summary.tooDeep).to.equal(1);
    });

    it('maxDepth 1 on a server that answers infinity as Depth 1: the children are not followed', async function () {
      const paths = tree();
      serveTree(server, paths, { infinity: 'as-depth-1' });
      const { got, summary } = await run(walk(server.url(root), { maxDepth: 1 }));
      const top = paths.filter((p) => p === root || parentOf(p) === root);
      expect(pathsOnce(got)).to.deep.equal([...top].sort());
      expect(server.requests).to.have.length(1);
      expect(summary).to.include({ mode: 'infinity-capped', tooDeep: 2 });
      expect(summary.diagnostics.map((d) => d.code)).to.deep.equal(['WALK_MAX_DEPTH', 'WALK_MAX_DEPTH']);
      expect(() => walk(server.url(root), { maxDepth: 0 })).to.throw(RangeError);
    });
  });

  describe('failures', function () {
    it('transient failures (503 with Retry-After, 502, a reset mid-body) are retried; each resource still once', async function () {
      const paths = makeTree(root, 2, 3, 40);
      const bad = `${root}d1/`;
      let attempts = 0;
      const body = listingBody(paths, bad, '1');
      serveTree(server, paths, {
        infinity: 'finite-depth',
        override(dir) {
          if (dir !== bad) return undefined;
          attempts++;
          if (attempts === 1) return { status: 503, headers: { 'Retry-After': '0' }, body: 'busy' };
          if (attempts === 2) return { status: 502, body: 'bad gateway' };
          if (attempts === 3) return { body, chunkSize: 512, breakAfter: Math.floor(body.length / 2) };
          return undefined;
        },
      });
      const { got, summary } = await run(walk(server.url(root), { retryDelay: 10 }));
      expect(pathsOnce(got)).to.deep.equal([...paths].sort());
      expect(attempts).to.equal(4);
      expect(summary).to.include({ retries: 3, requests: 1 + 4 + 3, responses: paths.length }); // infinity, 4 collections, 3 retries
      expect(summary.failures).to.deep.equal([]);
    });

    it('a failure that persists ends the walk with its error (naming the collection) after the responses already yielded', async function () {
      const paths = makeTree(root, 2, 3, 2);
      const bad = `${root}d1/`;
      serveTree(server, paths, { infinity: 'finite-depth', override: (dir) => (dir === bad ? { status: 503, body: 'down for good' } : undefined) });
      const got: DavResponse[] = [];
      let error: unknown;
      try {
        for await (const r of walk(server.url(root), { retryDelay: 5, retries: 2 })) got.push(r);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(MultistatusError);
      const e = error as MultistatusError;
      expect(e.code).to.equal('HTTP');
      expect(e.status).to.equal(503);
      expect(e.message).to.equal(`walk: listing ${server.url(bad)} failed after 3 attempts: HTTP 503 Service Unavailable from PROPFIND ${server.url(bad)}: down for good`);
      expect(server.requests.filter((r) => r.path === bad)).to.have.length(3);
      expect(got.map((r) => r.path)).to.include.members([root, bad]);
    });

    it('skipFailures: a listing that keeps failing (404, or a reset) is recorded in the summary and skipped', async function () {
      const paths = makeTree(root, 2, 3, 2);
      serveTree(server, paths, {
        infinity: 'finite-depth',
        override: (dir) => (dir === `${root}d0/` ? { status: 404, body: 'gone' } : dir === `${root}d2/` ? { body: 'x'.repeat(10_000), breakAfter: 10 } : undefined),
      });
      const { got, summary } = await run(walk(server.url(root), { skipFailures: true, retryDelay: 1, retries: 1 }));
      const expected = paths.filter((p) => !p.startsWith(`${root}d0/`) && !p.startsWith(`${root}d2/`)).concat([`${root}d0/`, `${root}d2/`]);
      expect(pathsOnce(got)).to.deep.equal(expected.sort());
      expect(summary.failures.map((f) => [f.url, f.code, f.status])).to.deep.equal([
        [server.url(`${root}d0/`), 'HTTP', 404],
        [server.url(`${root}d2/`), 'SOURCE', undefined],
      ]);
      expect(summary.retries).to.equal(1); // the reset once; the 404 is not transient
    });
  });

  describe('memory and connections', function () {
    /** `dirs` sub-collections of `files` files each, their listings generated in 16 KiB pieces (never whole). */
    function bigTree(dirs: number, files: number): { bodyBytes: number } {
      const paths = [root, ...Array.from({ length: dirs }, (_, d) => `${root}big${d}/`)];
      serveTree(server, paths, { infinity: 'finite-depth' });
      const entry = (href: string): string =>
        `<D:response><D:href>${href}</D:href><D:propstat><D:prop><D:resourcetype/><D:getcontentlength>1234</D:getcontentlength><D:displayname>a name long enough to weigh something</D:displayname></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>\n`;
      let bodyBytes = 0;
      for (let d = 0; d < dirs; d++) {
        const dir = `${root}big${d}/`;
        const head = `<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">\n${entry(dir).replace('<D:resourcetype/>', '<D:resourcetype><D:collection/></D:resourcetype>')}`;
        bodyBytes = Buffer.byteLength(head) + files * Buffer.byteLength(entry(`${dir}f0000000.txt`)) + Buffer.byteLength('</D:multistatus>\n');
        server.route(dir, {
          contentLength: false,
          body: () =>
            (function* () {
              yield Buffer.from(head);
              let batch = '';
              for (let f = 0; f < files; f++) {
                batch += entry(`${dir}f${String(f).padStart(7, '0')}.txt`);
                if (batch.length > 16_384) {
                  yield Buffer.from(batch);
                  batch = '';
                }
              }
              yield Buffer.from(`${batch}</D:multistatus>\n`);
            })(),
        });
      }
      return { bodyBytes };
    }

    it('a slow consumer holds back every request in flight; never more than `concurrency` bodies open', async function () {
      this.timeout(60_000);
      const dirs = 6;
      const files = 20_000;
      const { bodyBytes } = bigTree(dirs, files);
      const it = walk(server.url(root), { concurrency: 2 });
      let seen = 0;
      let sentDuringPause: number[] = [];
      for await (const r of it) {
        void r;
        if (++seen === 50) {
          // Stop pulling for a while: the sockets fill up, then the server can write no more.
          await sleep(800);
          const a = server.bytesSent;
          await sleep(700);
          sentDuringPause = [a, server.bytesSent];
          expect(server.openResponses, 'bodies open while the consumer sleeps').to.be.at.most(2);
        }
      }
      const summary = await it.summary();
      expect(summary.responses).to.equal(1 + dirs + dirs * files);
      expect(server.maxOpenResponses, 'bodies open at once').to.be.at.most(2);
      const [a, b] = sentDuringPause;
      expect(b, 'nothing more written while the consumer sleeps').to.equal(a);
      expect(a!, 'bytes out before the pause ended').to.be.below(dirs * bodyBytes * 0.6);
      console.log(`      while paused: ${(a! / 2 ** 20).toFixed(1)} MiB of ${((dirs * bodyBytes) / 2 ** 20).toFixed(1)} MiB sent; ${summary.requests} requests`);
    });

    it('break mid-walk closes every connection with a body in flight', async function () {
      this.timeout(60_000);
      bigTree(6, 40_000);
      let seen = 0;
      for await (const r of walk(server.url(root), { concurrency: 3 })) {
        void r;
        if (++seen === 20_000) break;
      }
      for (let i = 0; i < 40 && server.openResponses > 0; i++) await sleep(50);
      expect(server.openResponses, 'responses still being written').to.equal(0);
      expect(server.abortedResponses, 'responses cut off by the break').to.be.within(1, 3);
    });

    it('the signal aborts a walk: ABORTED', async function () {
      bigTree(4, 20_000);
      const ctl = new AbortController();
      let seen = 0;
      let error: unknown;
      try {
        for await (const r of walk(server.url(root), { signal: ctl.signal })) {
          void r;
          if (++seen === 100) ctl.abort();
        }
      } catch (e) {
        error = e;
      }
      expect((error as MultistatusError).code).to.equal('ABORTED');
      for (let i = 0; i < 40 && server.openResponses > 0; i++) await sleep(50);
      expect(server.openResponses).to.equal(0);
    });
  });
});
