/**
 * The command against servers the first six never showed (issue 20, child process): a server that
 * rejects `<D:include>`; a listing broken for good in a walk (the walk goes on, exit 5;
 * `--fail-fast` stops); an answer fetch refuses; `--limit`; `--sync -f table`; a gzip body served
 * without Content-Encoding.
 */
import { gzipSync } from 'node:zlib';
import { expect } from 'chai';
import { useConflictingLengthServer } from '../helpers/conflicting-length-server.js';
import { listingBody, makeTree, serveTree } from '../helpers/dav-tree.js';
import { ndjsonLines, runCli } from '../helpers/run-cli.js';
import { useScriptedServer } from '../helpers/scripted-http-server.js';
import type { ScriptedHttpServer } from '../helpers/scripted-http-server.js';

const INCLUDE = '<D:include><D:resource-id/></D:include>';

describe('cli: walks on other servers, --fail-fast, --limit, --sync table, gzip over HTTP (child process)', function () {
  this.slow(4000);
  this.timeout(60_000);
  const scripted = useScriptedServer();
  let server: ScriptedHttpServer;
  beforeEach(function () {
    server = scripted();
  });

  it('-d infinity on a server that answers 400 to <D:include> at every depth: the tree is listed, stderr says what was concluded', async function () {
    const paths = makeTree('/cal/', 3, 2, 2);
    serveTree(server, paths, {
      infinity: 'allow',
      override: (_dir, req) => (req.body.includes(INCLUDE) ? { status: 400, headers: { 'Content-Type': 'text/plain' }, body: 'Received more than one element in propfind\n' } : undefined),
    });
    const r = await runCli([server.url('/cal/'), '-d', 'infinity', '-f', 'ndjson']);
    expect(r.code, r.stderr).to.equal(0);
    expect(ndjsonLines(r.stdout).map((l) => l.path as string).sort()).to.deep.equal([...paths].sort());
    expect(r.stderr).to.equal(
      'multistatus: the server rejected <D:include><D:resource-id/></D:include> (400 Bad Request at Depth: infinity) and answered the same request without it: asking without it from now on\n',
    );
    expect(r.stderr).to.not.contain('refused Depth: infinity');
  });

  describe('a listing broken for good (a mismatched tag, refused strict or not)', function () {
    const paths = makeTree('/t/', 2, 3, 2);
    const bad = '/t/d1/';
    const serve = (): void =>
      serveTree(server, paths, { infinity: 'finite-depth', override: (dir) => (dir === bad ? { body: listingBody(paths, bad, '1').replace('</D:href>', '</D:hraf>') } : undefined) });
    const expected = paths.filter((p) => !p.startsWith(bad) || p === bad).sort();

    for (const strict of [false, true]) {
      it(`the walk goes on: every other folder listed, a warning when it happens, exit 5, the failure in the summary${strict ? ' (--strict)' : ''}`, async function () {
        serve();
        const extra = strict ? ['--strict'] : [];
        const r = await runCli([server.url('/t/'), '-d', 'infinity', '-f', 'ndjson', '--concurrency', '1', ...extra]);
        expect(r.code, r.stderr).to.equal(5);
        expect(ndjsonLines(r.stdout).map((l) => l.path as string).sort()).to.deep.equal(expected);
        const lines = r.stderr.trimEnd().split('\n');
        expect(lines.filter((l) => l.startsWith('multistatus: warning: listing '))).to.have.length(1);
        expect(lines.find((l) => l.startsWith('multistatus: warning: '))).to.match(new RegExp(`^multistatus: warning: listing ${server.url(bad)} failed, going on without it: XML_SYNTAX: .*\\(line \\d+, column \\d+, byte \\d+\\)$`));
        expect(lines.at(-1)).to.equal('multistatus: 1 listing failed; the listing above lacks what it held (--format summary names them; --fail-fast stops at the first)');
        const s = await runCli([server.url('/t/'), '-d', 'infinity', '-f', 'summary', ...extra]);
        expect(s.code).to.equal(5);
        const summary = JSON.parse(s.stdout) as { failures: { url: string; code: string }[]; responses: number };
        expect(summary.failures.map((f) => [f.url, f.code])).to.deep.equal([[server.url(bad), 'XML_SYNTAX']]);
        expect(summary.responses).to.equal(expected.length);
      });
    }

    it('--fail-fast stops at the first, with its error (exit 1)', async function () {
      serve();
      const r = await runCli([server.url('/t/'), '-d', 'infinity', '-f', 'ndjson', '--concurrency', '1', '--fail-fast']);
      expect(r.code).to.equal(1);
      expect(r.stderr.trimEnd().split('\n').at(-1)).to.match(new RegExp(`^multistatus: XML_SYNTAX: walk: listing ${server.url(bad)} failed: .*\\(line \\d+, column \\d+, byte \\d+\\)$`));
      expect(ndjsonLines(r.stdout).length).to.be.below(expected.length);
      const usage = await runCli([server.url('/t/'), '--fail-fast']);
      expect(usage.code).to.equal(2);
    });
  });

  describe('an answer fetch refuses (Content-Length and Transfer-Encoding both)', function () {
    const server = useConflictingLengthServer();

    it('is not retried; the message says to save the body with curl and pipe it into multistatus -', async function () {
      const url = server.url;
      for (const args of [[url], [url, '-d', 'infinity']]) {
        server.requests = 0;
        const r = await runCli([...args, '-f', 'ndjson']);
        expect(r.code).to.equal(3);
        expect(r.stderr).to.contain('not retried: fetch refuses this answer every time');
        expect(r.stderr).to.contain(`curl -s -X PROPFIND -H 'Depth: 1' ${url} | multistatus -`);
        expect(server.requests).to.equal(1);
      }
    });
  });

  it('LIMIT_EXCEEDED names the --limit flag, and --limit raises the limit', async function () {
    const body = `<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:response><D:href>/x</D:href><D:propstat><D:prop><D:displayname>${'n'.repeat(2000)}</D:displayname></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>`;
    const low = await runCli(['-', '--limit', 'maxTextLength=1000'], { stdin: body });
    expect(low.code).to.equal(1);
    expect(low.stderr).to.match(/^multistatus: LIMIT_EXCEEDED: more than 1000 characters in one text value \(raise it with --limit maxTextLength=N\)/);
    expect(low.stderr).to.not.contain('limits.');
    const raised = await runCli(['-', '--limit', 'maxTextLength=1KiB', '--limit', 'maxTextLength=4KiB', '-f', 'ndjson'], { stdin: body });
    expect(raised.code, raised.stderr).to.equal(0);
    const bad = await runCli(['-', '--limit', 'maxBananas=1'], { stdin: body });
    expect(bad.code).to.equal(2);
  });

  it('--sync -f table: TYPE and ETAG shown (asked for along with getetag)', async function () {
    server.route('/sync/', (req) => {
      const asked = req.body.includes('<D:resourcetype/>');
      const type = asked ? '<D:resourcetype/>' : '';
      return {
        body: `<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:response><D:href>/sync/a.ics</D:href><D:propstat><D:prop><D:getetag>"e1"</D:getetag>${type}</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response><D:sync-token>t</D:sync-token></D:multistatus>`,
      };
    });
    const r = await runCli([server.url('/sync/'), '--sync', '-f', 'table']);
    expect(r.code, r.stderr).to.equal(0);
    const [head, row] = r.stdout.split('\n');
    expect(head).to.match(/^TYPE +SIZE +MODIFIED +STATUS +ETAG +PATH$/);
    expect(row).to.match(/^file +200 +"e1" +\/sync\/a\.ics$/);
    expect(server.requests[0]!.body).to.contain('<D:getetag/><D:resourcetype/>');
  });

  it('a gzip body served without Content-Encoding is read like a gzip file', async function () {
    const paths = makeTree('/gz/', 1, 0, 3);
    const body = listingBody(paths, '/gz/', '1');
    server.route('/gz/', { body: gzipSync(body), headers: { 'Content-Type': 'application/octet-stream' } });
    const r = await runCli([server.url('/gz/'), '-f', 'ndjson']);
    expect(r.code, r.stderr).to.equal(0);
    expect(ndjsonLines(r.stdout).map((l) => l.path)).to.deep.equal(paths);
  });
});
