/**
 * Compressed bodies (child process): gzip and deflate are recognised by their first bytes on
 * files and stdin, whatever the name, and decompressed as a stream; the bundled `.xml.gz`
 * captures are read directly. A damaged or cut stream is an error that says so.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { compressionOf } from '../../lib/cli/decompress.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { ndjsonLines, runCli } from '../helpers/run-cli.js';

const fixture = (name: string): string => join(FIXTURES_DIR, 'servers', name);
const PLAIN = fixture('apache2-propfind-d1-allprop.xml');

interface Digest { responses: number; firstHref: string; lastHref: string }

describe('cli: gzip and deflate bodies (child process)', function () {
  this.slow(5000);
  this.timeout(150_000); // 20,000 responses, twice, on a busy machine
  let tmp: string;
  before(function () {
    tmp = mkdtempSync(join(tmpdir(), 'multistatus-gz-'));
  });
  after(function () {
    rmSync(tmp, { recursive: true, force: true });
  });

  for (const name of ['apache2-propfind-dinf-bulk20k.xml.gz', 'radicale-report-sync-bulk500.xml.gz']) {
    it(`reads ${name} as it is, from the file and from stdin`, async function () {
      const digest = JSON.parse(readFileSync(fixture(name.replace('.xml.gz', '.expected.json')), 'utf8')) as Digest;
      const r = await runCli([fixture(name)], { timeoutMs: 60_000 });
      expect(r.code, r.stderr).to.equal(0);
      const lines = ndjsonLines(r.stdout);
      expect(lines).to.have.length(digest.responses);
      expect(lines[0]!.href).to.equal(digest.firstHref);
      expect(lines.at(-1)!.href).to.equal(digest.lastHref);
      const piped = await runCli(['-', '--format', 'summary'], { stdin: readFileSync(fixture(name)), timeoutMs: 60_000 });
      expect(piped.code, piped.stderr).to.equal(0);
      expect((JSON.parse(piped.stdout) as { responses: number }).responses).to.equal(digest.responses);
    });
  }

  it('gzip and deflate of a body give exactly the output of the plain body, whatever the file is called', async function () {
    const plain = await runCli([PLAIN]);
    expect(plain.code).to.equal(0);
    const body = readFileSync(PLAIN);
    const gz = join(tmp, 'listing.xml');
    writeFileSync(gz, gzipSync(body));
    const df = join(tmp, 'listing.bin');
    writeFileSync(df, deflateSync(body));
    for (const file of [gz, df]) {
      const r = await runCli([file]);
      expect(r.code, r.stderr).to.equal(0);
      expect(r.stdout, file).to.equal(plain.stdout);
    }
    // Two gzip members back to back (what `cat a.gz b.gz` makes) are one stream.
    const half = body.indexOf('<D:response', 2000);
    const two = await runCli(['-'], { stdin: Buffer.concat([gzipSync(body.subarray(0, half)), gzipSync(body.subarray(half))]) });
    expect(two.stdout).to.equal(plain.stdout);
  });

  it('the summary counts the bytes of XML, not the compressed ones', async function () {
    const r = await runCli(['-', '--format', 'summary'], { stdin: gzipSync(readFileSync(PLAIN)) });
    expect((JSON.parse(r.stdout) as { bytes: number }).bytes).to.equal(readFileSync(PLAIN).byteLength);
  });

  it('a damaged or cut gzip stream: exit 1, after the responses before the damage', async function () {
    const body = readFileSync(PLAIN);
    const gz = gzipSync(body);
    const cut = await runCli(['-'], { stdin: gz.subarray(0, Math.floor(gz.length * 0.6)) });
    expect(cut.code).to.equal(1);
    expect(cut.stderr).to.match(/^multistatus: stdin: the gzip data is damaged after \d+ compressed bytes: unexpected end of file\n$/);
    expect(ndjsonLines(cut.stdout).length).to.be.above(0);
    const bad = Buffer.from(gz);
    bad.fill(0x55, 40, 60);
    const damaged = await runCli(['-'], { stdin: bad });
    expect(damaged.code).to.equal(1);
    expect(damaged.stderr).to.match(/^multistatus: stdin: the gzip data is damaged after \d+ compressed bytes: /);
  });

  it('knows gzip and zlib deflate by their magic bytes, and nothing else', function () {
    expect(compressionOf(gzipSync('x'))).to.equal('gzip');
    for (const level of [1, 6, 9]) expect(compressionOf(deflateSync('x', { level }))).to.equal('deflate');
    expect(compressionOf(new TextEncoder().encode('<?xml'))).to.equal(undefined);
    expect(compressionOf(new Uint8Array([0x1f]))).to.equal(undefined);
    expect(compressionOf(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c]))).to.equal(undefined);
  });
});
