/**
 * The command on terminals (pseudo-terminals through Python's pty module): the table is the default
 * on a terminal, progress is drawn on stderr when it is a terminal (or forced), it never gets into
 * stdout, and on a shared screen the rows and the progress line do not garble each other.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { ndjsonLines, runCli } from '../helpers/run-cli.js';
import { runInTerminal, screen } from '../helpers/run-in-terminal.js';
import { ScriptedHttpServer } from '../helpers/scripted-http-server.js';

const LISTING = readFileSync(join(FIXTURES_DIR, 'servers', 'lighttpd-propfind-dinf-allprop.xml'));
const RESPONSES = LISTING.toString('utf8').split('</D:response>').length - 1;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f]/;
/** About two seconds of body: many progress redraws on a terminal, two or three lines elsewhere. */
const SLOW = { chunkSize: 1024, delayMs: 40 };

describe('cli: terminals (pty)', function () {
  this.slow(6000);
  this.timeout(60_000);
  let server: ScriptedHttpServer;

  before(async function () {
    server = await ScriptedHttpServer.start();
    server.route('/sized/', { body: LISTING, ...SLOW });
    server.route('/chunked/', { body: LISTING, contentLength: false, ...SLOW });
  });
  after(async function () {
    await server.close();
  });

  it('prints the table by default when stdout is a terminal, and no progress when stderr is not one', async function () {
    const r = await runInTerminal([join(FIXTURES_DIR, 'servers', 'lighttpd-propfind-dinf-allprop.xml')], { stdout: 'pty', stderr: 'pipe' });
    expect(r.code).to.equal(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]!.split(/\s+/)).to.deep.equal(['TYPE', 'SIZE', 'MODIFIED', 'STATUS', 'PATH']);
    expect(lines).to.have.length(RESPONSES + 2);
    expect(r.stdout).to.not.match(CONTROL);
    expect(r.stderr).to.equal('');
  });

  it('draws a progress bar with a percentage on a terminal stderr while stdout stays clean NDJSON', async function () {
    const r = await runInTerminal([server.url('/sized/')], { stdout: 'pipe', stderr: 'pty' });
    expect(r.code, r.stderr).to.equal(0);
    expect(ndjsonLines(r.stdout)).to.have.length(RESPONSES);
    expect(r.stdout).to.not.match(CONTROL);
    const redraws = r.stderr.split('\r').filter(Boolean);
    expect(redraws.length, 'redrawn in place several times').to.be.above(3);
    expect(redraws[0]).to.match(/^\[[#.]{24}\] +\d+% {2}[\d.]+ (B|KiB) of [\d.]+ KiB {2}[\d,]+ responses {2}[\d.]+ (B|KiB|MiB)\/s {2}0:0\d {2}rss [\d.]+ MiB\x1b\[K$/); // eslint-disable-line no-control-regex
    const seen = screen(r.stderr);
    expect(seen).to.have.length(2); // the final line, and the empty line after its newline
    expect(seen[0]).to.match(new RegExp(`^\\[#{24}\\] 100%  [\\d.]+ KiB of [\\d.]+ KiB  ${RESPONSES} responses  `));
  });

  it('shows bytes without a bar when the length is not known (chunked)', async function () {
    const r = await runInTerminal([server.url('/chunked/'), '--format', 'summary'], { stdout: 'pipe', stderr: 'pty' });
    expect(r.code, r.stderr).to.equal(0);
    expect(JSON.parse(r.stdout)).to.have.property('responses', RESPONSES);
    expect(r.stderr).to.not.contain('%');
    expect(screen(r.stderr)[0]).to.match(new RegExp(`^[\\d.]+ KiB  ${RESPONSES} responses  [\\d.]+ (B|KiB|MiB)/s  0:0\\d  rss `));
  });

  it('--no-progress silences it on a terminal', async function () {
    const r = await runInTerminal([server.url('/chunked/'), '--no-progress'], { stdout: 'pipe', stderr: 'pty' });
    expect(r.code).to.equal(0);
    expect(r.stderr).to.equal('');
    expect(ndjsonLines(r.stdout)).to.have.length(RESPONSES);
  });

  it('--progress forces it into a pipe as plain lines, and stdout stays clean NDJSON', async function () {
    const r = await runCli([server.url('/sized/'), '--progress']);
    expect(r.code, r.stderr).to.equal(0);
    expect(ndjsonLines(r.stdout)).to.have.length(RESPONSES);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.length).to.be.above(1);
    expect(r.stderr).to.not.match(/[\r\x1b]/); // eslint-disable-line no-control-regex
    for (const line of lines.slice(0, -1)) expect(line).to.match(/^multistatus: \[[#.]{24}\] +\d+% {2}/);
    expect(lines.at(-1)).to.match(new RegExp(`^multistatus: done: \\[#{24}\\] 100%  .*  ${RESPONSES} responses  `));
  });

  it('on one shared screen: every row whole and in order, then the closing line, then the final progress line', async function () {
    const r = await runInTerminal([server.url('/sized/')], { stdout: 'pty', stderr: 'same', cols: 100 });
    expect(r.code).to.equal(0);
    expect(r.stdout.split('\r\x1b[K').length, 'the progress line was erased before rows').to.be.above(2);
    const seen = screen(r.stdout);
    const paths = (JSON.parse(readFileSync(join(FIXTURES_DIR, 'servers', 'lighttpd-propfind-dinf-allprop.expected.json'), 'utf8')) as {
      responses: { path: string }[];
    }).responses.map((x) => x.path);
    const pathColumn = seen[0]!.indexOf('PATH');
    expect(seen[0]!.split(/\s+/)).to.deep.equal(['TYPE', 'SIZE', 'MODIFIED', 'STATUS', 'PATH']);
    expect(seen.slice(1, 1 + paths.length).map((l) => l.slice(pathColumn))).to.deep.equal(paths);
    expect(seen[1 + paths.length]).to.match(new RegExp(`^-- ${RESPONSES} responses, `));
    expect(seen[2 + paths.length]).to.match(/^\[#{24}\] 100% {2}/);
    expect(seen[3 + paths.length]).to.equal('');
    expect(seen).to.have.length(4 + paths.length);
  });
});
