/**
 * `multistatus FILE | -` in a child process: each format on fixture bodies, compared with the
 * fixtures' expected models (written by the xmldom reference walker, never by the parser).
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { ndjsonLines, runCli } from '../helpers/run-cli.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const fixture = (name: string): string => join(FIXTURES_DIR, name);
const expected = (name: string): { responses: Json[]; summary: Record<string, Json> } =>
  JSON.parse(readFileSync(fixture(name.replace(/\.xml$/, '.expected.json')), 'utf8')) as { responses: Json[]; summary: Record<string, Json> };

/** The expected model as the CLI's JSON prints it: Dates as ISO strings, bigints as strings, Infinity as "Infinity". */
function asPrinted(value: Json): Json {
  if (Array.isArray(value)) return value.map(asPrinted);
  if (value !== null && typeof value === 'object') {
    if ('$unchecked' in value) throw new Error('pick a fixture without $unchecked values');
    if ('$date' in value) return value.$date!;
    if ('$bigint' in value) return value.$bigint!;
    if ('$number' in value) return value.$number!;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asPrinted(v)]));
  }
  return value;
}

/** `YYYY-MM-DD HH:MM` of an instant in the process's time zone, through Intl (not lib/cli's formatter). */
function localMinute(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const part = (type: string): string => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/**
 * The status of an expected response as a whole: its own (status form); in the propstat form the
 * first propstat code that is neither 2xx nor 404, else the first 2xx code, else 200.
 */
function statusOf(r: Json): string {
  const o = r as { status?: { code: number | null }; propstats: { status: { code: number | null } }[] };
  if (o.status) return String(o.status.code ?? 'none');
  const codes = o.propstats.map((p) => p.status.code);
  const failed = codes.find((c) => c === null || !((c >= 200 && c < 300) || c === 404));
  if (failed !== undefined) return String(failed ?? 'none');
  return String(codes.find((c) => c !== null && c >= 200 && c < 300) ?? 200);
}

/** An expected response as NDJSON schema 1 prints it by default: without its propstats. */
function withoutPropstats(r: Json): Json {
  const { propstats: _propstats, ...rest } = r as Record<string, Json>;
  return rest;
}

const APACHE = 'servers/apache2-propfind-d1-allprop.xml';
const SYNC = 'servers/radicale-report-sync-initial.xml';
const TRUNCATED = 'rfc/rfc6578-3.10.xml';
/** Bodies whose every property the reference walker types as the parser does (no vendor keys). */
const LIGHTTPD = 'servers/lighttpd-propfind-dinf-allprop.xml';
const CALDAV = 'servers/radicale-report-calendar-query.xml';

describe('cli: formats on fixtures (child process)', function () {
  this.slow(3000);

  for (const name of [LIGHTTPD, CALDAV, SYNC, TRUNCATED]) {
    it(`ndjson of ${name} is the expected model without propstats, one line per response; --propstats adds them`, async function () {
      const r = await runCli([fixture(name), '--format', 'ndjson']);
      expect(r.stderr).to.equal('');
      expect(r.code).to.equal(0);
      const model = asPrinted(expected(name).responses) as Json[];
      expect(ndjsonLines(r.stdout)).to.deep.equal(model.map(withoutPropstats));
      const full = await runCli([fixture(name), '--format', 'ndjson', '--propstats']);
      expect(full.code).to.equal(0);
      expect(ndjsonLines(full.stdout)).to.deep.equal(model);
    });
  }

  it('prints ndjson by default when stdout is not a terminal, and reads the same from stdin', async function () {
    const fromFile = await runCli([fixture(APACHE)]);
    const fromStdin = await runCli(['-'], { stdin: readFileSync(fixture(APACHE)) });
    expect(fromFile.code).to.equal(0);
    expect(fromStdin.code).to.equal(0);
    expect(ndjsonLines(fromFile.stdout)).to.have.length(expected(APACHE).responses.length);
    expect(fromStdin.stdout).to.equal(fromFile.stdout);
  });

  it('summary: responses, bytes, per-status counts, sync-token and the figures of the run', async function () {
    const r = await runCli([fixture(SYNC), '--format', 'summary']);
    expect(r.code).to.equal(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines, 'one JSON object on one line').to.have.length(1);
    const s = JSON.parse(lines[0]!) as Record<string, unknown>;
    const exp = expected(SYNC);
    const statuses: Record<string, number> = {};
    for (const resp of exp.responses) statuses[statusOf(resp)] = (statuses[statusOf(resp)] ?? 0) + 1;
    expect(s.responses).to.equal(exp.responses.length);
    expect(s.bytes).to.equal(readFileSync(fixture(SYNC)).byteLength);
    expect(s.statuses).to.deep.equal(statuses);
    expect(s.syncToken).to.equal(exp.summary.syncToken);
    expect(s.truncated).to.equal(false);
    expect(s.diagnosticCount).to.equal(0);
    expect(s.diagnostics).to.deep.equal([]);
    expect(s.seconds).to.be.a('number').at.least(0);
    expect(s.throughput).to.match(/^\d+(\.\d)? (B|KiB|MiB|GiB)\/s$/);
    expect(s.peakRssBytes).to.be.a('number').above(10 * 1024 * 1024).below(2 ** 31);
    expect(s.peakRss).to.match(/ MiB$/);
  });

  it('summary says truncated when the server cut the listing short with a 507', async function () {
    const r = await runCli([fixture(TRUNCATED), '--format', 'summary']);
    const s = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(s.truncated).to.equal(true);
    expect(s.statuses).to.deep.equal({ '200': 2, '507': 1 });
    expect(s.syncToken).to.equal('http://example.com/ns/sync/1233');
  });

  it('summary of a 20,000-response capture piped through stdin counts every response', async function () {
    const name = 'servers/apache2-propfind-dinf-bulk20k.xml.gz';
    const body = gunzipSync(readFileSync(fixture(name)));
    const digest = JSON.parse(readFileSync(fixture(name.replace('.xml.gz', '.expected.json')), 'utf8')) as { responses: number };
    const r = await runCli(['-', '--format', 'summary'], { stdin: body });
    expect(r.code, r.stderr).to.equal(0);
    const s = JSON.parse(r.stdout) as { responses: number; bytes: number };
    expect(s.responses).to.equal(digest.responses);
    expect(s.bytes).to.equal(body.byteLength);
  });

  it('table: a header, one row per response with its decoded path, and a closing line', async function () {
    const r = await runCli([fixture(APACHE), '--format', 'table']);
    expect(r.code).to.equal(0);
    const lines = r.stdout.trimEnd().split('\n');
    const exp = expected(APACHE).responses as { path: string; props: { resourcetype: string[]; getcontentlength?: number; getlastmodified: { $date: string } } }[];
    expect(lines[0]!.split(/\s+/)).to.deep.equal(['TYPE', 'SIZE', 'MODIFIED', 'STATUS', 'PATH']);
    expect(lines).to.have.length(exp.length + 2);
    const pathColumn = lines[0]!.indexOf('PATH');
    const modifiedColumn = lines[0]!.indexOf('MODIFIED');
    exp.forEach((resp, i) => {
      const row = lines[i + 1]!;
      expect(row.slice(pathColumn), `row ${i + 1}`).to.equal(resp.path);
      expect(row.slice(0, 4).trim()).to.equal(resp.props.resourcetype.includes('collection') ? 'dir' : 'file');
      // The table prints local time: the expected instant in this process's zone (the child inherits TZ).
      expect(row.slice(modifiedColumn, modifiedColumn + 16), `row ${i + 1} MODIFIED`).to.equal(localMinute(new Date(resp.props.getlastmodified.$date)));
    });
    const files = exp.filter((e) => !e.props.resourcetype.includes('collection'));
    const fileBytes = files.reduce((sum, e) => sum + (e.props.getcontentlength ?? 0), 0);
    expect(fileBytes).to.be.within(97.75 * 1024, 97.85 * 1024);
    expect(lines.at(-1)).to.equal(`-- ${exp.length} responses, ${files.length} files (97.8 KiB), ${exp.length - files.length} folders, 22.5 KiB of XML`);
    expect(readFileSync(fixture(APACHE)).byteLength).to.be.within(22.45 * 1024, 22.55 * 1024);
  });

  it('--base resolves every href and adds url', async function () {
    const r = await runCli([fixture(APACHE), '--base', 'https://files.example:8443/']);
    for (const line of ndjsonLines(r.stdout)) {
      expect(line.url).to.equal(new URL(line.href as string, 'https://files.example:8443/').href);
    }
  });

  it('--strict turns a tolerated quirk into a STRICT error', async function () {
    const name = 'servers/lighttpd-proppatch-partial.xml';
    const tolerant = await runCli([fixture(name), '--format', 'summary']);
    expect(tolerant.code).to.equal(0);
    expect((JSON.parse(tolerant.stdout) as { diagnosticCount: number }).diagnosticCount).to.be.above(0);
    const strict = await runCli([fixture(name), '--strict']);
    expect(strict.code).to.equal(1);
    expect(strict.stderr).to.match(/^multistatus: STRICT: .*\(line \d+, column \d+, byte \d+\)\n$/);
  });
});
