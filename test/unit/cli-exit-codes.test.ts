/**
 * Exit codes of `multistatus` on files and stdin (child process): 0 success, 1 a parse error (one
 * line on stderr, after every complete response), 2 a usage error (one line); --help and
 * --version; a reader that goes away early.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { CLI_ENV, REPO, cliCommand, ndjsonLines, runCli } from '../helpers/run-cli.js';
import { body } from '../../bench/generators/index.js';

const fixture = (name: string): string => join(FIXTURES_DIR, name);
const PARSE_ERROR_LINE = /^multistatus: ([A-Z_]+): .+ \(line (\d+), column (\d+), byte (\d+)\)$/;

describe('cli: exit codes (child process)', function () {
  this.slow(3000);

  it('1 on a body that is not well-formed: the complete responses first, then one error line', async function () {
    const name = 'rfc/calendarserver-bulk-change-4.4.xml';
    const exp = JSON.parse(readFileSync(fixture(name.replace('.xml', '.expected.json')), 'utf8')) as { error: string; responsesBefore: number };
    const r = await runCli([fixture(name)]);
    expect(r.code).to.equal(1);
    expect(ndjsonLines(r.stdout)).to.have.length(exp.responsesBefore);
    const lines = r.stderr.split('\n');
    expect(lines).to.have.length(2); // one line and its newline
    const m = PARSE_ERROR_LINE.exec(lines[0]!);
    expect(m, r.stderr).to.not.equal(null);
    expect(m![1]).to.equal(exp.error);
    // the byte offset points into the body, past the responses already printed
    const text = readFileSync(fixture(name));
    expect(Number(m![4])).to.be.within(1, text.byteLength);
  });

  it('1 with TRUNCATED when the body stops in the middle, after the responses before the cut', async function () {
    const whole = readFileSync(fixture('servers/lighttpd-propfind-dinf-allprop.xml'), 'utf8');
    const cut = whole.slice(0, whole.indexOf('</D:response>', whole.length / 2) + '</D:response>'.length + 20);
    const complete = cut.split('</D:response>').length - 1;
    const r = await runCli(['-', '--format', 'table'], { stdin: cut });
    expect(r.code).to.equal(1);
    expect(r.stdout.trimEnd().split('\n')).to.have.length(complete + 1); // header + rows, no closing line
    expect(r.stderr).to.match(/^multistatus: TRUNCATED: /);
    expect(r.stderr.trimEnd().split('\n')).to.have.length(1);
  });

  it('1 with NOT_MULTISTATUS for an HTML page, saying what came instead', async function () {
    const r = await runCli(['-', '--format', 'summary'], { stdin: '<!DOCTYPE html>\n<html><body>Bad gateway</body></html>\n' });
    expect(r.code).to.equal(1);
    expect(r.stdout).to.equal('');
    expect(r.stderr).to.match(/^multistatus: NOT_MULTISTATUS: .*html/);
  });

  it('1 with a plain message for a file that cannot be read', async function () {
    const r = await runCli([join(REPO, 'no-such-listing.xml')]);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(/^multistatus: cannot read .*no-such-listing\.xml: ENOENT/);
    const dir = await runCli([FIXTURES_DIR]);
    expect(dir.code).to.equal(1);
    expect(dir.stderr).to.match(/is a directory/);
  });

  it('2 on a usage error: one line, the mistake and where to read more', async function () {
    const r = await runCli(['--format', 'xml', 'a.xml']);
    expect(r.code).to.equal(2);
    expect(r.stdout).to.equal('');
    expect(r.stderr).to.equal('multistatus: --format must be one of ndjson, table, summary, got "xml" (see multistatus --help)\n');
    const none = await runCli([]);
    expect(none.code).to.equal(2);
    expect(none.stderr).to.match(/no input given/);
  });

  it('0 with --help on stdout, documenting every option', async function () {
    const r = await runCli(['--help']);
    expect(r.code).to.equal(0);
    expect(r.stderr).to.equal('');
    for (const option of ['--format', 'ndjson', 'table', 'summary', '--base', '--strict', '--progress', '--no-progress', '--depth', '--prop',
      '--propname', '--report', '--header', '--user', '--timeout', '--help', '--version', 'Exit status', 'Examples',
      '--propstats', '--columns', '--type', '--sort', '--reverse', '--relative', '--utc', '--diagnostics', '--netrc', '--insecure',
      '--cacert', 'MULTISTATUS_PASSWORD', 'HTTPS_PROXY', 'NO_PROXY', 'NDJSON schema 1']) {
      expect(r.stdout, option).to.contain(option);
    }
  });

  it('0 with --version: the version of package.json', async function () {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version']);
    expect(r.code).to.equal(0);
    expect(r.stdout).to.equal(`${pkg.version}\n`);
  });

  it('0 and silence when the reader of stdout goes away early (| head -1), and the rest is not read', async function () {
    // A 40 MiB generated body on stdin; the reader takes one line and closes the pipe.
    const child = spawn(process.execPath, [...cliCommand(), '-'], { cwd: REPO, env: { ...process.env, ...CLI_ENV }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    let first = '';
    child.stdout.on('data', (b: Buffer) => {
      first += b.toString();
      if (first.includes('\n')) child.stdout.destroy();
    });
    child.stdin.on('error', () => undefined);
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    let written = 0;
    let closed = false;
    child.stdin.on('close', () => (closed = true));
    for (const chunk of body('apache', { targetBytes: 40 * 1024 * 1024 })) {
      if (closed || child.stdin.destroyed) break;
      written += chunk.byteLength;
      if (!child.stdin.write(chunk)) await new Promise((r) => { child.stdin.once('drain', r); child.stdin.once('close', r); });
    }
    child.stdin.end();
    expect(await exited).to.equal(0);
    expect(stderr).to.equal('');
    expect(JSON.parse(first.split('\n')[0]!)).to.have.property('href', '/dav/tree/');
    expect(written, 'the command stopped reading long before the end').to.be.below(40 * 1024 * 1024);
  });
});
