/**
 * `multistatus URL --depth infinity` (the walk when infinity is refused), `--concurrency`, and
 * `--sync [TOKEN]`, against a scripted server (child process).
 */
import { expect } from 'chai';
import { listingBody, makeTree, serveTree } from '../helpers/dav-tree.js';
import { ndjsonLines, runCli } from '../helpers/run-cli.js';
import { useScriptedServer } from '../helpers/scripted-http-server.js';
import type { ScriptedHttpServer } from '../helpers/scripted-http-server.js';

describe('cli: --depth infinity walk, --concurrency, --sync (scripted server, child process)', function () {
  this.slow(4000);
  const scripted = useScriptedServer();
  let server: ScriptedHttpServer;
  beforeEach(function () {
    server = scripted();
  });

  it('--depth infinity refused: one line on stderr, then the whole tree from Depth: 1 requests, each path once', async function () {
    const paths = makeTree('/walk/', 3, 3, 4);
    serveTree(server, paths, { infinity: 'finite-depth' });
    const r = await runCli([server.url('/walk/'), '--depth', 'infinity', '--concurrency', '2', '--format', 'ndjson']);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stderr).to.equal(
      'multistatus: the server refused Depth: infinity (403 Forbidden (propfind-finite-depth)); walking the tree with Depth: 1 requests, 2 at a time\n',
    );
    const got = ndjsonLines(r.stdout).map((l) => l.path as string);
    expect([...got].sort()).to.deep.equal([...paths].sort());
    expect(server.maxOpenResponses).to.be.at.most(2);
    expect(server.requests).to.have.length(1 + paths.filter((p) => p.endsWith('/')).length);
  });

  it('--depth infinity allowed: one request, nothing on stderr; the summary says which mode ran', async function () {
    const paths = makeTree('/inf/', 2, 2, 2);
    serveTree(server, paths, { infinity: 'allow' });
    const r = await runCli([server.url('/inf/'), '--depth', 'infinity', '--format', 'summary']);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stderr).to.equal('');
    const s = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(s).to.include({ responses: paths.length, mode: 'infinity', requests: 1, retries: 0 });
    expect(s.bytes).to.equal(Buffer.byteLength(listingBody(paths, '/inf/', 'infinity')));
  });

  it('a tree deeper than 64 levels: the walk stops there, and the summary and the table say how many folders it left', async function () {
    // A chain of 67 folders: /deep/ and 66 below it. The walk lists levels 0 to 63 (64 requests)
    // and yields the 65 folders of levels 0 to 64, the one at 64 without listing it (the walk's
    // maxDepth, one WALK_MAX_DEPTH diagnostic); the folder at level 65 is never seen.
    const paths = makeTree('/deep/', 66, 1, 0);
    serveTree(server, paths, { infinity: 'finite-depth' });
    const s = await runCli([server.url('/deep/'), '--depth', 'infinity', '--format', 'summary']);
    expect(s.code, s.stderr).to.equal(0);
    const summary = JSON.parse(s.stdout) as Record<string, unknown>;
    expect(summary).to.include({ mode: 'depth-1', responses: 65, collections: 64, tooDeep: 1 });
    const t = await runCli([server.url('/deep/'), '--depth', 'infinity', '--format', 'table']);
    expect(t.code, t.stderr).to.equal(0);
    expect(t.stdout.trimEnd().split('\n').at(-1)).to.match(/^-- 65 responses, 0 files \(0 B\), 65 folders, [^,]+ of XML, 1 diagnostic \(--diagnostics lists them\), 1 folder too deep to list$/);
  });

  it('--fail-fast: a listing that fails during the walk ends it: exit 3, with its status', async function () {
    const paths = makeTree('/bad/', 2, 2, 1);
    serveTree(server, paths, { infinity: 'finite-depth', override: (dir) => (dir === '/bad/d1/' ? { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'gone\n' } : undefined) });
    const r = await runCli([server.url('/bad/'), '--depth', 'infinity', '--format', 'ndjson', '--fail-fast']);
    expect(r.code).to.equal(3);
    const last = r.stderr.trimEnd().split('\n');
    expect(last).to.include(`multistatus: walk: listing ${server.url('/bad/d1/')} failed: HTTP 404 Not Found from PROPFIND ${server.url('/bad/d1/')}, expected 207 Multi-Status (body: text/plain)`);
    expect(last.at(-1)).to.equal('  | gone');
  });

  it('--sync: the initial sync, then --sync TOKEN; the summary prints the new token', async function () {
    const page = (inner: string, token: string): string =>
      `<?xml version="1.0"?><D:multistatus xmlns:D="DAV:">${inner}<D:sync-token>${token}</D:sync-token></D:multistatus>`;
    const member = (href: string): string =>
      `<D:response><D:href>${href}</D:href><D:propstat><D:prop><D:getetag>"1"</D:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>`;
    server.route('/cal/', (req) =>
      req.body.includes('<D:sync-token></D:sync-token>')
        ? { body: page(member('/cal/a.ics') + '<D:response><D:href>/cal/</D:href><D:status>HTTP/1.1 507 Insufficient Storage</D:status></D:response>', 'tok-1') }
        : req.body.includes('<D:sync-token>tok-1</D:sync-token>')
          ? { body: page(member('/cal/b.ics'), 'tok-2') }
          : { body: page('<D:response><D:href>/cal/a.ics</D:href><D:status>HTTP/1.1 404 Not Found</D:status></D:response>', 'tok-3') },
    );
    const first = await runCli([server.url('/cal/'), '--sync', '--format', 'summary']);
    expect(first.code, first.stderr).to.equal(0);
    expect(JSON.parse(first.stdout)).to.include({ syncToken: 'tok-2', responses: 2, requests: 2, truncated: false });
    const next = await runCli([server.url('/cal/'), '--sync', 'tok-2', '--format', 'ndjson']);
    expect(next.code, next.stderr).to.equal(0);
    expect(ndjsonLines(next.stdout).map((l) => [l.href, (l.status as { code: number } | undefined)?.code])).to.deep.equal([['/cal/a.ics', 404]]);
    expect(server.requests.map((r) => /<D:sync-token>([^<]*)</.exec(r.body)![1])).to.deep.equal(['', 'tok-1', 'tok-2']);
    expect(server.requests.every((r) => r.method === 'REPORT' && r.headers.depth === '0')).to.equal(true);
  });

  it('usage errors: --concurrency without --depth infinity, --sync with --report (exit 2)', async function () {
    const a = await runCli([server.url('/x/'), '--concurrency', '2']);
    expect(a.code).to.equal(2);
    expect(a.stderr).to.equal('multistatus: --concurrency applies to --depth infinity (the walk it falls back to) (see multistatus --help)\n');
    const b = await runCli([server.url('/x/'), '--sync', '--report', 'q.xml']);
    expect(b.code).to.equal(2);
    const c = await runCli(['saved.xml', '--sync']);
    expect(c.code).to.equal(2);
    expect(c.stderr).to.equal('multistatus: --sync needs a URL as input (the input is a file or stdin) (see multistatus --help)\n');
  });
});
