/**
 * `multistatus URL` against a scripted HTTP server started by the test (child process): the request
 * it sends, each kind of body (whole, chunked, slow, generated), and every way an HTTP exchange fails.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { body as generatedBody } from '../../bench/generators/index.js';
import type { BodyStats } from '../../bench/generators/index.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { CLI_ENV, REPO, cliCommand, ndjsonLines, runCli } from '../helpers/run-cli.js';
import { ScriptedHttpServer } from '../helpers/scripted-http-server.js';

const LISTING = readFileSync(join(FIXTURES_DIR, 'servers', 'lighttpd-propfind-dinf-allprop.xml'));
const LISTING_PATHS = (JSON.parse(readFileSync(join(FIXTURES_DIR, 'servers', 'lighttpd-propfind-dinf-allprop.expected.json'), 'utf8')) as {
  responses: { path: string }[];
}).responses.map((r) => r.path);

describe('cli: HTTP (scripted server, child process)', function () {
  this.slow(4000);
  let server: ScriptedHttpServer;
  let tmp: string;

  before(async function () {
    server = await ScriptedHttpServer.start();
    tmp = mkdtempSync(join(tmpdir(), 'multistatus-cli-'));
  });
  after(async function () {
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  describe('the request', function () {
    it('is a PROPFIND allprop with Depth: 1, an XML content type and a User-Agent by default', async function () {
      server.route('/dav/', { body: LISTING });
      const before = server.requests.length;
      const r = await runCli([server.url('/dav/')]);
      expect(r.code, r.stderr).to.equal(0);
      const req = server.requests[before]!;
      expect(req.method).to.equal('PROPFIND');
      expect(req.headers.depth).to.equal('1');
      expect(req.headers['content-type']).to.equal('application/xml; charset=utf-8');
      expect(req.headers['user-agent']).to.match(/^multistatus\/\d+\.\d+\.\d+/);
      expect(req.body).to.match(/<D:propfind xmlns:D="DAV:"><D:allprop\/><\/D:propfind>/);
      const lines = ndjsonLines(r.stdout);
      expect(lines.map((l) => l.path)).to.deep.equal(LISTING_PATHS);
      // hrefs resolve against the request URL
      expect(lines[0]!.url).to.equal(new URL(lines[0]!.href as string, server.url('/dav/')).href);
    });

    it('sends --depth, the --prop names and --propname', async function () {
      server.route('/dav/', { body: LISTING });
      const n = server.requests.length;
      await runCli([server.url('/dav/'), '--depth', 'infinity', '--prop', 'getetag', '--prop', '{http://owncloud.org/ns}fileid']);
      await runCli([server.url('/dav/'), '-d', '0', '--propname']);
      const [props, names] = server.requests.slice(n);
      expect(props!.headers.depth).to.equal('infinity');
      // --depth infinity goes through the walk, which needs resourcetype to tell collections apart and resource-id to see bindings
      expect(props!.body).to.contain('<D:prop><D:getetag/><n0:fileid xmlns:n0="http://owncloud.org/ns"/><D:resourcetype/><D:resource-id/></D:prop>');
      expect(names!.headers.depth).to.equal('0');
      expect(names!.body).to.contain('<D:propname/>');
    });

    it('sends -H headers (replacing a default) and -u as Basic credentials', async function () {
      server.route('/dav/', { body: LISTING });
      const n = server.requests.length;
      await runCli([server.url('/dav/'), '-H', 'Depth: 0', '-H', 'X-Trace: a', '-H', 'X-Trace: b', '-u', 'ann:pä:ss']);
      const req = server.requests[n]!;
      expect(req.headers.depth).to.equal('0');
      expect(req.headers['x-trace']).to.equal('a, b');
      expect(req.headers.authorization).to.equal(`Basic ${Buffer.from('ann:pä:ss', 'utf8').toString('base64')}`);
    });

    it('--report sends a REPORT with the file as its body, Depth only when given', async function () {
      const query = '<?xml version="1.0"?>\n<C:calendar-query xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></C:calendar-query>\n';
      const file = join(tmp, 'query.xml');
      writeFileSync(file, query);
      server.route('/cal/', { body: readFileSync(join(FIXTURES_DIR, 'servers', 'radicale-report-calendar-query.xml')) });
      const n = server.requests.length;
      const plain = await runCli([server.url('/cal/'), '--report', file]);
      const deep = await runCli([server.url('/cal/'), '--report', '-', '--depth', '1'], { stdin: query });
      expect(plain.code, plain.stderr).to.equal(0);
      expect(deep.code, deep.stderr).to.equal(0);
      const [a, b] = server.requests.slice(n);
      expect(a!.method).to.equal('REPORT');
      expect(a!.body).to.equal(query);
      expect(a!.headers.depth).to.equal(undefined);
      expect(b!.body).to.equal(query);
      expect(b!.headers.depth).to.equal('1');
      expect(ndjsonLines(plain.stdout).every((l) => typeof (l.props as Record<string, unknown>)['{urn:ietf:params:xml:ns:caldav}calendar-data'] === 'string')).to.equal(true);
    });

    it('1 (not 3) when --report names a file that does not exist, and nothing is sent', async function () {
      const n = server.requests.length;
      const r = await runCli([server.url('/cal/'), '--report', join(tmp, 'missing.xml')]);
      expect(r.code).to.equal(1);
      expect(r.stderr).to.match(/cannot read the --report body/);
      expect(server.requests.length).to.equal(n);
    });
  });

  describe('bodies', function () {
    it('chunked in small slow pieces, without Content-Length: the same responses', async function () {
      server.route('/slow/', { body: LISTING, contentLength: false, chunkSize: 700, delayMs: 5 });
      const r = await runCli([server.url('/slow/')]);
      expect(r.code, r.stderr).to.equal(0);
      expect(ndjsonLines(r.stdout).map((l) => l.path)).to.deep.equal(LISTING_PATHS);
    });

    it('a generated body of 5 MiB, chunked: the summary counts what was generated', async function () {
      const stats: BodyStats = { bytes: 0, responses: 0 };
      server.route('/gen/', { body: () => generatedBody('apache', { targetBytes: 5 * 1024 * 1024, chunkSize: 16 * 1024 }, stats), contentLength: false });
      const r = await runCli([server.url('/gen/'), '--depth', 'infinity', '--format', 'summary']);
      expect(r.code, r.stderr).to.equal(0);
      const s = JSON.parse(r.stdout) as { responses: number; bytes: number; statuses: Record<string, number>; propstats: Record<string, number> };
      expect(s.responses).to.equal(stats.responses);
      expect(s.bytes).to.equal(stats.bytes);
      // Each generated response is found (200) and names one property it lacks (a 404 propstat).
      expect(s.statuses).to.deep.equal({ '200': stats.responses });
      expect(s.propstats).to.deep.equal({ '200': stats.responses, '404': stats.responses });
    });

    it('prints each response as it arrives, not when the body ends', async function () {
      const text = LISTING.toString('utf8');
      const cut = text.indexOf('</D:response>') + '</D:response>'.length;
      server.route('/pause/', { body: () => [Buffer.from(text.slice(0, cut)), Buffer.from(text.slice(cut))], delayMs: 1500, contentLength: false });
      const child = spawn(process.execPath, [...cliCommand(), server.url('/pause/')], { cwd: REPO, env: { ...process.env, ...CLI_ENV } });
      let firstLineAt = 0;
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        if (!firstLineAt && out.includes('\n')) firstLineAt = performance.now();
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      const endedAt = performance.now();
      expect(code).to.equal(0);
      expect(firstLineAt).to.be.above(0);
      expect(endedAt - firstLineAt, 'the first line came before the pause').to.be.above(1000);
      expect(ndjsonLines(out)).to.have.length(LISTING_PATHS.length);
    });
    it('decodes with the charset of the Content-Type, and --base replaces the request URL as base', async function () {
      const xml = '<D:multistatus xmlns:D="DAV:"><D:response><D:href>/caf\u00e9/r\u00e9sum\u00e9.txt</D:href>' +
        '<D:status>HTTP/1.1 200 OK</D:status></D:response></D:multistatus>';
      server.route('/latin1/', { body: Buffer.from(xml, 'latin1'), headers: { 'Content-Type': 'application/xml; charset=ISO-8859-1' } });
      const r = await runCli([server.url('/latin1/'), '--base', 'https://public.example/share/', '--format', 'ndjson']);
      expect(r.code, r.stderr).to.equal(0);
      const [line] = ndjsonLines(r.stdout);
      expect(line!.path).to.equal('/café/résumé.txt');
      expect(line!.url).to.equal('https://public.example/caf%C3%A9/r%C3%A9sum%C3%A9.txt');
    });

    it('--timeout counts only the waits for the server, not a slow reader of stdout', async function () {
      server.route('/big/', { body: () => generatedBody('apache', { targetBytes: 2 * 1024 * 1024, chunkSize: 16 * 1024 }), contentLength: false });
      const child = spawn(process.execPath, [...cliCommand(), server.url('/big/'), '--timeout', '1.5'], { cwd: REPO, env: { ...process.env, ...CLI_ENV } });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      // Nobody reads stdout for 4 s (well past the 1.5 s timeout, which is itself long enough for
      // the server's chunks on a loaded machine): the pipe fills up and the command waits on its writes.
      await new Promise((r) => setTimeout(r, 4000));
      let out = '';
      child.stdout.on('data', (b: Buffer) => (out += b.toString()));
      expect(await closed, stderr).to.equal(0);
      expect(out.length).to.be.above(1024 * 1024);
    });
  });

  describe('failures', function () {
    it('3 on 401, saying that credentials are needed, and showing the start of the body', async function () {
      server.route('/private/', {
        status: 401,
        headers: { 'WWW-Authenticate': 'Basic realm="files"', 'Content-Type': 'text/html' },
        body: '<html><head><title>401 Unauthorized</title></head>\n<body>Authorization Required</body></html>\n',
      });
      const r = await runCli([server.url('/private/')]);
      expect(r.code).to.equal(3);
      expect(r.stdout).to.equal('');
      const [first, ...rest] = r.stderr.trimEnd().split('\n');
      expect(first).to.equal(
        `multistatus: HTTP 401 Unauthorized from PROPFIND ${server.url('/private/')}: the server needs credentials (WWW-Authenticate: Basic realm="files"); give them with -u user (the password is asked for) or --netrc`,
      );
      expect(rest).to.deep.equal(['  | <html><head><title>401 Unauthorized</title></head>', '  | <body>Authorization Required</body></html>']);
      const refused = await runCli([server.url('/private/'), '-u', 'ann:wrong']);
      expect(refused.code).to.equal(3);
      expect(refused.stderr).to.match(/the credentials given were refused/);
    });

    it('3 on 404 and 500 with the status, the body type and its first lines (control characters escaped)', async function () {
      server.route('/missing/', { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not here.\n' });
      const long = '<!DOCTYPE html>\n<html>\x1b[31m\n' + Array.from({ length: 40 }, (_, i) => `<p>line ${i}</p>`).join('\n');
      server.route('/broken/', { status: 500, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: long });
      const nf = await runCli([server.url('/missing/')]);
      expect(nf.code).to.equal(3);
      expect(nf.stderr).to.equal(`multistatus: HTTP 404 Not Found from PROPFIND ${server.url('/missing/')}, expected 207 Multi-Status (body: text/plain)\n  | Not here.\n`);
      const err = await runCli([server.url('/broken/')]);
      expect(err.code).to.equal(3);
      const lines = err.stderr.trimEnd().split('\n');
      expect(lines[0]).to.match(/^multistatus: HTTP 500 Internal Server Error from PROPFIND .*\(body: text\/html; charset=utf-8\)$/);
      expect(lines[1]).to.equal('  | <!DOCTYPE html>');
      expect(lines[2]).to.equal('  | <html>\\x1b[31m');
      expect(lines.at(-1)).to.equal('  | …');
      expect(lines.length).to.be.below(16);
    });

    it('3 on a 200 (not a multistatus answer), 1 on a 207 whose body is HTML', async function () {
      server.route('/ok/', { status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html>hello</html>' });
      server.route('/fake/', { status: 207, headers: { 'Content-Type': 'text/html' }, body: '<html><body>hello</body></html>' });
      const ok = await runCli([server.url('/ok/')]);
      expect(ok.code).to.equal(3);
      expect(ok.stderr).to.match(/^multistatus: HTTP 200 OK from PROPFIND .*, expected 207 Multi-Status/);
      const fake = await runCli([server.url('/fake/')]);
      expect(fake.code).to.equal(1);
      expect(fake.stderr).to.match(/^multistatus: NOT_MULTISTATUS: .*html.*\(line \d+, column \d+, byte \d+\)\n$/);
    });

    it('3 when the server does not answer within --timeout, or stalls in the body', async function () {
      server.route('/silent/', { stall: 'before-headers' });
      server.route('/stuck/', { stall: 'after-headers' });
      const t0 = performance.now();
      const silent = await runCli([server.url('/silent/'), '--timeout', '0.5']);
      expect(performance.now() - t0).to.be.below(10_000);
      expect(silent.code).to.equal(3);
      expect(silent.stderr).to.equal(`multistatus: PROPFIND ${server.url('/silent/')}: no response within 0.5 s (--timeout)\n`);
      const stuck = await runCli([server.url('/stuck/'), '--timeout', '0.5']);
      expect(stuck.code).to.equal(3);
      expect(stuck.stderr).to.match(/the body stalled after 0 bytes: nothing for 0\.5 s \(--timeout\)\n$/);
    });

    it('3 when the body breaks off, after printing the responses that were complete', async function () {
      const text = LISTING.toString('utf8');
      const breakAfter = Buffer.byteLength(text.slice(0, text.length / 2));
      const complete = text.slice(0, text.length / 2).split('</D:response>').length - 1;
      server.route('/cut/', { body: LISTING, chunkSize: 1024, breakAfter });
      const r = await runCli([server.url('/cut/')]);
      expect(r.code).to.equal(3);
      expect(ndjsonLines(r.stdout)).to.have.length(complete);
      expect(r.stderr).to.match(new RegExp(`^multistatus: PROPFIND \\S+: the body broke off after \\d+ bytes: .+\\n$`));
    });

    it('130 on Ctrl-C (SIGINT) while waiting, saying it was interrupted', async function () {
      server.route('/wait/', { stall: 'after-headers' });
      const child = spawn(process.execPath, [...cliCommand(), server.url('/wait/'), '--progress'], { cwd: REPO, env: { ...process.env, ...CLI_ENV } });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      // Wait until it is reading the body (its first progress line), then interrupt.
      const t0 = performance.now();
      while (!stderr.includes('responses') && performance.now() - t0 < 15_000) await new Promise((r) => setTimeout(r, 50));
      child.kill('SIGINT');
      expect(await closed).to.equal(130);
      expect(stderr.trimEnd().split('\n').at(-1)).to.equal('multistatus: interrupted');
    });

    it('3 when nothing listens on the port', async function () {
      const closed = await ScriptedHttpServer.start();
      const url = closed.url('/');
      await closed.close();
      const r = await runCli([url]);
      expect(r.code).to.equal(3);
      expect(r.stderr).to.match(/ECONNREFUSED/);
    });
  });
});
