/**
 * `multistatus -X METHOD`: the write methods from the command line against a scripted server: the
 * request sent only when named, NDJSON per entry (per-property statuses with --propstats), a table
 * with the failures first, the summary, and the exit status (0 all ok, 4 partial, 3 HTTP error).
 */
import { expect } from 'chai';
import { ndjsonLines, runCli } from '../helpers/run-cli.js';
import type { ScriptedHttpServer } from '../helpers/scripted-http-server.js';
import { useScriptedServer } from '../helpers/scripted-http-server.js';

const OPEN = '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">';
const CLOSE = '</D:multistatus>\n';
const DELETE_PARTIAL = `${OPEN}
<D:response><D:href>/dav/a/c.txt</D:href><D:status>HTTP/1.1 204 No Content</D:status></D:response>
<D:response><D:href>/dav/a/b.txt</D:href><D:status>HTTP/1.1 423 Locked</D:status><D:error><D:lock-token-submitted/></D:error></D:response>
<D:response><D:href>/dav/a/</D:href><D:status>HTTP/1.1 424 Failed Dependency</D:status></D:response>
${CLOSE}`;
const PROPPATCH_PARTIAL = `${OPEN}<D:response xmlns:Z="http://example.com/ns/"><D:href>/dav/t.txt</D:href>
<D:propstat><D:prop><D:getetag/></D:prop><D:status>HTTP/1.1 403 Forbidden</D:status><D:error><D:cannot-modify-protected-property/></D:error></D:propstat>
<D:propstat><D:prop><Z:color/></D:prop><D:status>HTTP/1.1 424 Failed Dependency</D:status></D:propstat></D:response>${CLOSE}`;
const ALL_OK = `${OPEN}<D:response><D:href>/dav/x/</D:href><D:status>HTTP/1.1 204 No Content</D:status></D:response>${CLOSE}`;

describe('cli: -X write methods', function () {
  this.timeout(30_000);
  const scripted = useScriptedServer();
  let server: ScriptedHttpServer;
  beforeEach(function () {
    server = scripted();
  });

  it('DELETE with a partial failure: one NDJSON line per entry, the counts on stderr, exit 4', async function () {
    server.route('/dav/a/', { body: DELETE_PARTIAL });
    const r = await runCli(['-X', 'delete', server.url('/dav/a/')]);
    expect(r.code, r.stderr).to.equal(4);
    const lines = ndjsonLines(r.stdout);
    expect(lines.map((l) => [l.path, l.outcome, (l.status as { code: number }).code])).to.deep.equal([
      ['/dav/a/c.txt', 'ok', 204],
      ['/dav/a/b.txt', 'failed', 423],
      ['/dav/a/', 'dependent', 424],
    ]);
    expect(lines[1]!.error).to.deep.equal(['lock-token-submitted']);
    expect(r.stderr).to.contain('207 Multi-Status, 3 entries: 1 ok, 1 failed, 1 failed dependency (424); statuses 423 ×1, 424 ×1');
    expect(server.requests.map((q) => q.method)).to.deep.equal(['DELETE']);
  });

  it('a table shows the failures first, then what succeeded, then the totals', async function () {
    server.route('/dav/a/', { body: DELETE_PARTIAL });
    const r = await runCli(['-X', 'DELETE', server.url('/dav/a/'), '-f', 'table']);
    expect(r.code).to.equal(4);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows[0]).to.match(/^outcome\s+status\s+path/);
    expect(rows.slice(1, 4).map((l) => l.split(/\s{2,}/)[0])).to.deep.equal(['failed', 'dependent', 'ok']);
    expect(rows[1]).to.contain('423 Locked').and.contain('/dav/a/b.txt').and.contain('lock-token-submitted');
    expect(rows[4]).to.contain(`DELETE ${server.url('/dav/a/')}: 207 Multi-Status, 3 entries`);
  });

  it('PROPPATCH: --set and --remove make the body; NDJSON gives status codes per property, --propstats the whole statuses', async function () {
    server.route('/dav/t.txt', { body: PROPPATCH_PARTIAL });
    const r = await runCli(['-X', 'PROPPATCH', server.url('/dav/t.txt'), '--set', 'getetag="x"', '--set', '{http://example.com/ns/}color=a=b', '--remove', 'displayname']);
    expect(r.code).to.equal(4);
    const [line] = ndjsonLines(r.stdout);
    expect(line!.properties).to.deep.equal({ getetag: 403, '{http://example.com/ns/}color': 424 });
    const body = server.requests[0]!.body;
    expect(body).to.contain('<D:set><D:prop><D:getetag>&quot;x&quot;</D:getetag><color xmlns="http://example.com/ns/">a=b</color></D:prop></D:set>');
    expect(body).to.contain('<D:remove><D:prop><D:displayname/></D:prop></D:remove>');
    const full = await runCli(['-X', 'PROPPATCH', server.url('/dav/t.txt'), '--set', 'getetag=x', '--propstats']);
    const props = ndjsonLines(full.stdout)[0]!.properties as { name: string; outcome: string; status: { code: number }; error?: string[] }[];
    expect(props.map((p) => [p.name, p.outcome, p.status.code, p.error])).to.deep.equal([
      ['getetag', 'failed', 403, ['cannot-modify-protected-property']],
      ['{http://example.com/ns/}color', 'dependent', 424, undefined],
    ]);
  });

  it('exit 0 when every entry succeeded, or on a 2xx that is not 207; the summary format', async function () {
    server.route('/dav/x/', { body: ALL_OK });
    server.route('/dav/y', { status: 201, body: '', headers: { Location: '/dav/z' } });
    const ok = await runCli(['-X', 'DELETE', server.url('/dav/x/'), '-f', 'summary']);
    expect(ok.code, ok.stderr).to.equal(0);
    expect(JSON.parse(ok.stdout)).to.deep.include({ method: 'DELETE', status: 207, ok: true, entries: 1, failed: 0, dependent: 0 });
    const copied = await runCli(['-X', 'COPY', server.url('/dav/y'), '--destination', server.url('/dav/z'), '--overwrite', 'F']);
    expect(copied.code).to.equal(0);
    expect(copied.stdout).to.equal('');
    expect(copied.stderr).to.contain(': 201; Location: /dav/z');
    const req = server.requests.at(-1)!;
    expect([req.method, req.headers.destination, req.headers.overwrite]).to.deep.equal(['COPY', server.url('/dav/z'), 'F']);
  });

  it('exit 3 on a non-2xx answer, with its status and the start of its body', async function () {
    server.route('/dav/m', { status: 423, body: '<?xml version="1.0"?><D:error xmlns:D="DAV:"><D:lock-token-submitted/></D:error>' });
    const r = await runCli(['-X', 'MOVE', server.url('/dav/m'), '--destination', server.url('/dav/n')]);
    expect(r.code).to.equal(3);
    expect(r.stderr).to.contain(`HTTP 423 Locked from MOVE ${server.url('/dav/m')}`).and.contain('lock-token-submitted');
    expect(r.stderr).not.to.contain('expected 207');
  });

  it('LOCK prints the token; UNLOCK sends it', async function () {
    server.route('/dav/l/', { status: 200, body: '<D:prop xmlns:D="DAV:"><D:lockdiscovery/></D:prop>', headers: { 'Lock-Token': '<urn:uuid:77>' } });
    server.route('/dav/u', { status: 204, body: '' });
    const l = await runCli(['-X', 'LOCK', server.url('/dav/l/'), '--owner', 'ann', '--lock-timeout', '60', '-d', '0', '-f', 'summary']);
    expect(l.code, l.stderr).to.equal(0);
    expect(JSON.parse(l.stdout).lock).to.deep.equal({ token: 'urn:uuid:77', locks: [] });
    const sent = server.requests[0]!;
    expect([sent.headers.depth, sent.headers.timeout]).to.deep.equal(['0', 'Second-60']);
    expect(sent.body).to.contain('<D:owner>ann</D:owner>');
    const u = await runCli(['-X', 'UNLOCK', server.url('/dav/u'), '--lock-token', '<urn:uuid:77>']);
    expect(u.code).to.equal(0);
    expect(server.requests[1]!.headers['lock-token']).to.equal('<urn:uuid:77>');
  });

  it('nothing is guessed: write options without -X, or -X without what it needs, are usage errors and send nothing', async function () {
    const url = server.url('/dav/a/');
    const cases: [string[], RegExp][] = [
      [['--destination', url, url], /--destination applies to -X COPY or -X MOVE/],
      [['--set', 'a=b', url], /--set applies to -X PROPPATCH/],
      [['-X', 'COPY', url], /-X COPY needs --destination/],
      [['-X', 'PROPPATCH', url], /needs --set NAME=VALUE or --remove NAME/],
      [['-X', 'UNLOCK', url], /needs --lock-token/],
      [['-X', 'POST', url], /-X takes DELETE, COPY, MOVE, PROPPATCH, LOCK, UNLOCK/],
      [['-X', 'DELETE', '-d', '0', url], /--depth does not apply to -X DELETE/],
      [['-X', 'LOCK', '-d', '1', url], /takes --depth 0 or infinity/],
      [['-X', 'DELETE', '-p', 'getetag', url], /--prop does not go with -X DELETE/],
      [['-X', 'PROPPATCH', '--set', 'a b=c', url], /is not a property name/],
      [['-X', 'DELETE', 'saved.xml'], /--request needs a URL/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).to.equal(2);
      expect(r.stderr, args.join(' ')).to.match(message);
    }
    expect(server.requests).to.have.length(0);
  });

  it('-X PROPFIND is the default request', async function () {
    server.route('/dav/x/', { body: ALL_OK });
    const r = await runCli(['-X', 'PROPFIND', server.url('/dav/x/'), '-f', 'summary']);
    expect(r.code, r.stderr).to.equal(0);
    expect(server.requests[0]!.method).to.equal('PROPFIND');
  });

  it('--help documents -X and exit status 4', async function () {
    const r = await runCli(['--help']);
    expect(r.stdout).to.contain('-X, --request METHOD').and.contain('--destination URL').and.contain('--set NAME=VALUE');
    expect(r.stdout).to.match(/\n {2}4 {2}-X: the server answered 207/);
  });
});
