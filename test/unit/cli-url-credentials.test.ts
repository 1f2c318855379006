/**
 * Credentials in the URL (issue 20, point 5; child process): `http://ann:secret@host/` sends the
 * userinfo as Basic credentials (percent-decoded) and strips it from the URL, as curl does; -u
 * wins over it. No output of the command ever holds the password: stdout and stderr are scanned
 * in every format, with progress and diagnostics, on success and on every kind of failure.
 */
import { expect } from 'chai';
import { listingBody, makeTree, serveTree } from '../helpers/dav-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { useScriptedServer } from '../helpers/scripted-http-server.js';
import type { ScriptedHttpServer } from '../helpers/scripted-http-server.js';

/** The password, as typed in the URL (percent-encoded) and as sent. */
const TYPED = 'Sup3r%40s%3Acret';
const PASSWORD = 'Sup3r@s:cret';
/** Every spelling of the password an output could leak. */
const LEAKS = [PASSWORD, TYPED, 'Sup3r', encodeURIComponent(PASSWORD), Buffer.from(`ann:${PASSWORD}`).toString('base64')];

function basic(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' && header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : undefined;
}

describe('cli: credentials in the URL', function () {
  this.slow(4000);
  this.timeout(120_000);
  const scripted = useScriptedServer();
  let server: ScriptedHttpServer;
  beforeEach(function () {
    server = scripted();
  });
  /** The URL of `path` with ann's credentials in it. */
  const withCredentials = (path: string): string => server.url(path).replace('http://', `http://ann:${TYPED}@`);

  it('are sent as Basic (percent-decoded), and the request URL has no userinfo', async function () {
    serveTree(server, makeTree('/c/', 1, 0, 2), { infinity: 'allow' });
    const r = await runCli([withCredentials('/c/'), '-f', 'ndjson']);
    expect(r.code, r.stderr).to.equal(0);
    expect(server.requests).to.have.length(1);
    expect(basic(server.requests[0]!.headers.authorization)).to.equal(`ann:${PASSWORD}`);
    const u = await runCli([withCredentials('/c/'), '-u', 'bob:other', '-f', 'ndjson']);
    expect(u.code, u.stderr).to.equal(0);
    expect(basic(server.requests[1]!.headers.authorization), '-u wins').to.equal('bob:other');
  });

  it('no output holds the password: every format, progress, diagnostics, success and failure', async function () {
    const paths = makeTree('/p/', 2, 2, 2);
    const broken = '/p/d1/';
    serveTree(server, paths, {
      infinity: 'finite-depth',
      props: (p) => (p.endsWith('.txt') ? '<D:creationdate>yesterday</D:creationdate>' : ''),
      override: (dir) => (dir === broken ? { body: listingBody(paths, broken, '1').replace('</D:href>', '</D:hraf>') } : undefined),
    });
    server.route('/denied/', { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="x"', 'Content-Type': 'text/plain' }, body: 'no\n' });
    server.route('/gone/', { status: 404, headers: { 'Content-Type': 'text/html' }, body: '<html>not here</html>\n' });
    server.route('/cut/', { body: listingBody(paths, '/p/', '1'), breakAfter: 100 });
    server.route('/bad/', { body: '<html><body>oops</body></html>' });
    server.route('/sync/', { body: '<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:sync-token>t</D:sync-token></D:multistatus>' });
    const runs: string[][] = [];
    for (const format of ['ndjson', 'table', 'summary']) {
      runs.push([withCredentials('/p/'), '-f', format, '--progress', '--diagnostics']);
      runs.push([withCredentials('/p/'), '-d', 'infinity', '-f', format, '--progress', '--diagnostics']);
    }
    runs.push([withCredentials('/p/'), '-d', 'infinity', '--fail-fast', '--progress']);
    runs.push([withCredentials('/sync/'), '--sync', '-f', 'summary', '--progress']);
    for (const path of ['/denied/', '/gone/', '/cut/', '/bad/']) {
      runs.push([withCredentials(path), '--progress']);
      runs.push([withCredentials(path), '-d', 'infinity', '--progress']);
    }
    runs.push([withCredentials('/p/'), '--timeout', '0']); // a usage error
    runs.push([`ftp://ann:${TYPED}@127.0.0.1/`]); // not http(s)
    runs.push([server.url('/p/').replace('http://', `http://ann:${TYPED}@`).replace(/:\d+\//, ':1/')]); // connection refused
    const codes = new Set<number | null>();
    for (const args of runs) {
      const r = await runCli(args);
      codes.add(r.code);
      for (const leak of LEAKS) {
        expect(r.stdout, `stdout of ${args.slice(1).join(' ')}`).to.not.contain(leak);
        expect(r.stderr, `stderr of ${args.slice(1).join(' ')}`).to.not.contain(leak);
      }
    }
    // Success and each kind of failure was seen: 0, parse (1), usage (2), HTTP (3), incomplete walk (5).
    expect([...codes].sort()).to.deep.equal([0, 1, 2, 3, 5]);
  });
});
