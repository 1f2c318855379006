/**
 * The table as listing tools make it (child process): the response's own status, the columns of
 * what was asked (resourcetype asked for when the TYPE column needs it), a REPORT's properties,
 * --columns, --type, --sort/--reverse, --relative, --utc, and the totals line. Expected values
 * come from the fixtures' expected models (written by the xmldom reference walker).
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { humanBytes } from '../../lib/cli/units.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';
import { ScriptedHttpServer } from '../helpers/scripted-http-server.js';

const fixture = (name: string): string => join(FIXTURES_DIR, 'servers', name);
const APACHE = fixture('apache2-propfind-d1-allprop.xml');

interface Entry { path: string; props: { resourcetype: string[]; getcontentlength?: number; getetag?: string; [k: string]: unknown } }
const expected = (file: string): Entry[] =>
  (JSON.parse(readFileSync(file.replace(/\.xml$/, '.expected.json'), 'utf8')) as { responses: Entry[] }).responses;

/** Rows of a table (header and totals line apart), each split into its cells. */
function table(stdout: string): { header: string[]; rows: string[][]; totals: string } {
  const lines = stdout.trimEnd().split('\n');
  return { header: lines[0]!.split(/\s+/), rows: lines.slice(1, -1).map((l) => l.trimEnd().split(/ {2,}/)), totals: lines.at(-1)! };
}

/** A Depth: 1 answer to a PROPFIND of getcontentlength, displayname and resourcetype (apache's way). */
const NAMED = `<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:">
<D:response><D:href>/files/</D:href>
<D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
<D:propstat><D:prop><D:getcontentlength/><D:displayname/></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat>
</D:response>
<D:response><D:href>/files/a.txt</D:href>
<D:propstat><D:prop><D:resourcetype/><D:getcontentlength>2048</D:getcontentlength></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
<D:propstat><D:prop><D:displayname/></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat>
</D:response>
<D:response><D:href>/files/locked.txt</D:href>
<D:propstat><D:prop><D:resourcetype/></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
<D:propstat><D:prop><D:getcontentlength/></D:prop><D:status>HTTP/1.1 403 Forbidden</D:status></D:propstat>
</D:response>
</D:multistatus>
`;

describe('cli: the table (child process)', function () {
  this.slow(3000);
  this.timeout(120_000); // several runs of the command each, on a busy machine
  let server: ScriptedHttpServer;
  let tmp: string;
  before(async function () {
    server = await ScriptedHttpServer.start();
    tmp = mkdtempSync(join(tmpdir(), 'multistatus-table-'));
  });
  after(async function () {
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('-p: asks for resourcetype too, shows the response status (200, not the 404 of a missing property) and what was asked', async function () {
    server.route('/files/', { body: NAMED });
    const n = server.requests.length;
    const r = await runCli([server.url('/files/'), '-p', 'getcontentlength', '-p', 'displayname', '-f', 'table']);
    expect(r.code, r.stderr).to.equal(0);
    expect(server.requests[n]!.body).to.contain('<D:prop><D:getcontentlength/><D:displayname/><D:resourcetype/></D:prop>');
    const t = table(r.stdout);
    expect(t.header).to.deep.equal(['TYPE', 'STATUS', 'SIZE', 'NAME', 'PATH']);
    expect(t.rows).to.deep.equal([
      ['dir', '200', '/files/'],
      ['file', '200', '2.0 KiB', '/files/a.txt'],
      ['file', '403', '/files/locked.txt'], // a property that could not be read is a failure worth showing
    ]);
    expect(t.totals).to.match(/^-- 3 responses, 2 files \(2\.0 KiB\), 1 folder, /);
  });

  it('a REPORT: the columns are what its responses carry (etag, size of the calendar data)', async function () {
    const file = fixture('radicale-report-calendar-query.xml');
    server.route('/cal/', { body: readFileSync(file) });
    const query = join(tmp, 'query.xml');
    writeFileSync(query, '<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/><C:calendar-data/></D:prop></C:calendar-query>');
    const r = await runCli([server.url('/cal/'), '--report', query, '-f', 'table']);
    expect(r.code, r.stderr).to.equal(0);
    const t = table(r.stdout);
    expect(t.header).to.deep.equal(['STATUS', 'ETAG', 'DATA', 'PATH']);
    const exp = expected(file);
    // Radicale's etags (66 characters) are wider than the ETAG column (24): cut, marked with an ellipsis.
    const cut = (s: string): string => (s.length > 24 ? `${s.slice(0, 23)}\u2026` : s);
    expect(exp.some((e) => e.props.getetag!.length > 24)).to.equal(true);
    expect(t.rows).to.deep.equal(exp.map((e) => [
      '200', cut(e.props.getetag!), humanBytes(Buffer.byteLength(e.props['{urn:ietf:params:xml:ns:caldav}calendar-data'] as string)), e.path,
    ]));
    // So the columns after it stay aligned: every row's path starts under the PATH header.
    const lines = r.stdout.trimEnd().split('\n').slice(0, -1);
    const at = lines[0]!.indexOf('PATH');
    for (const [i, line] of lines.slice(1).entries()) expect(line.slice(at), line).to.equal(exp[i]!.path);
  });

  it('--columns picks and orders the columns, property keys included', async function () {
    const r = await runCli([APACHE, '-f', 'table', '--columns', 'path,etag,ctype,{http://apache.org/dav/props/}executable']);
    const t = table(r.stdout);
    expect(t.header).to.deep.equal(['PATH', 'ETAG', 'CONTENT-TYPE', 'EXECUTABLE']);
    const exp = expected(APACHE);
    expect(t.rows[1]).to.deep.equal([exp[1]!.path, exp[1]!.props.getetag, exp[1]!.props.getcontenttype, 'false']);
  });

  it('--type f / --type d keep only files or folders; the totals count what is listed', async function () {
    const exp = expected(APACHE);
    const files = exp.filter((e) => !e.props.resourcetype.includes('collection'));
    const f = table((await runCli([APACHE, '-f', 'table', '-t', 'f'])).stdout);
    expect(f.rows.map((row) => row.at(-1))).to.deep.equal(files.map((e) => e.path));
    const bytes = files.reduce((s, e) => s + (e.props.getcontentlength ?? 0), 0);
    expect(f.totals).to.equal(`-- ${files.length} responses, ${files.length} files (${humanBytes(bytes)}), 0 folders, of ${exp.length} in the body, 22.5 KiB of XML`);
    const d = table((await runCli([APACHE, '-f', 'table', '--type', 'd'])).stdout);
    expect(d.rows.map((row) => row.at(-1))).to.deep.equal(exp.filter((e) => e.props.resourcetype.includes('collection')).map((e) => e.path));
    // NDJSON is filtered the same way.
    const nd = await runCli([APACHE, '-t', 'd']);
    expect(nd.stdout.trimEnd().split('\n')).to.have.length(exp.length - files.length);
  });

  it('--sort size --reverse: biggest first, ties by path; --sort path', async function () {
    const exp = expected(APACHE).filter((e) => !e.props.resourcetype.includes('collection'));
    const bySize = [...exp].sort((a, b) => (b.props.getcontentlength! - a.props.getcontentlength!) || (a.path < b.path ? 1 : a.path > b.path ? -1 : 0));
    const r = table((await runCli([APACHE, '-f', 'table', '-t', 'f', '--sort', 'size', '-r'])).stdout);
    expect(r.rows.map((row) => row.at(-1))).to.deep.equal(bySize.map((e) => e.path));
    const p = table((await runCli([APACHE, '-f', 'table', '-s', 'path'])).stdout);
    const paths = expected(APACHE).map((e) => e.path).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(p.rows.map((row) => row.at(-1))).to.deep.equal(paths);
  });

  it('--relative: paths below the request URL (the first response without one), "." for itself', async function () {
    const r = table((await runCli([APACHE, '-f', 'table', '--relative', '--sort', 'size', '-r'])).stdout);
    const paths = r.rows.map((row) => row.at(-1));
    expect(paths).to.include.members(['.', 'data.json', 'big-100k.bin', 'dir with space/', '日本語/']);
    expect(paths.filter((p) => p!.startsWith('/'))).to.deep.equal([]);
    const based = table((await runCli([APACHE, '-f', 'table', '--relative', '--base', 'https://h.example/tree/nested/'])).stdout);
    expect(based.rows.map((row) => row.at(-1))).to.include.members(['.', '/tree/data.json']);
  });

  it('times: local time by default, UTC marked Z with --utc', async function () {
    const paris = await runCli([APACHE, '-f', 'table'], { env: { TZ: 'Europe/Paris' } });
    expect(paris.stdout).to.contain('2024-02-29 13:34  ');
    const utc = await runCli([APACHE, '-f', 'table', '--utc'], { env: { TZ: 'Europe/Paris' } });
    expect(utc.stdout).to.contain('2024-02-29 12:34Z  ');
    expect(table(utc.stdout).header).to.deep.equal(['TYPE', 'SIZE', 'MODIFIED', 'STATUS', 'PATH']);
  });
});
