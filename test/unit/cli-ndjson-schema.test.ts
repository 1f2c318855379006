/**
 * NDJSON schema 1 (child process): each line is the response without its propstats, so every
 * property is printed once; `--propstats` adds them. The fields are those docs/command-line.md documents.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NDJSON_SCHEMA } from '../../lib/cli/ndjson.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { REPO, ndjsonLines, runCli } from '../helpers/run-cli.js';

/** The fields of a schema-1 line, as docs/command-line.md's table lists them. */
function documentedFields(): string[] {
  const readme = readFileSync(join(REPO, 'docs', 'command-line.md'), 'utf8');
  const start = readme.indexOf(`NDJSON schema ${NDJSON_SCHEMA}`);
  expect(start, `docs/command-line.md documents NDJSON schema ${NDJSON_SCHEMA}`).to.be.above(0);
  const table = readme.slice(start, readme.indexOf('\n\n', readme.indexOf('|---', start)));
  return [...table.matchAll(/^\| `([A-Za-z]+)`/gm)].map((m) => m[1]!);
}

describe('cli: NDJSON schema 1 (child process)', function () {
  this.slow(3000);
  this.timeout(120_000); // several runs of the command each, on a busy machine
  const listing = join(FIXTURES_DIR, 'servers', 'apache2-propfind-d1-allprop.xml');

  it('is smaller than the XML it came from: each property once, no propstats', async function () {
    const r = await runCli([listing]);
    expect(r.code).to.equal(0);
    const xmlBytes = readFileSync(listing).byteLength;
    expect(Buffer.byteLength(r.stdout)).to.be.below(xmlBytes * 0.6);
    for (const line of ndjsonLines(r.stdout)) expect(line).to.not.have.property('propstats');
    const full = await runCli([listing, '--propstats']);
    expect(Buffer.byteLength(full.stdout)).to.be.above(xmlBytes);
    const lean = ndjsonLines(r.stdout);
    ndjsonLines(full.stdout).forEach((line, i) => {
      const { propstats, ...rest } = line;
      expect(propstats).to.be.an('array').with.length.above(0);
      expect(rest).to.deep.equal(lean[i]);
    });
  });

  it('every field a line can carry is documented in docs/command-line.md, and every documented one is real', async function () {
    const documented = documentedFields();
    expect(documented).to.include.members(['href', 'hrefs', 'path', 'url', 'status', 'props', 'propstats', 'error', 'responseDescription', 'location']);
    const seen = new Set<string>();
    for (const file of ['servers/apache2-propfind-d1-allprop.xml', 'rfc/rfc4918-9.6.2.xml', 'rfc/rfc6578-3.10.xml', 'servers/lighttpd-proppatch-partial.xml']) {
      const r = await runCli([join(FIXTURES_DIR, file), '--propstats', '--base', 'https://h.example/']);
      for (const line of ndjsonLines(r.stdout)) for (const key of Object.keys(line)) seen.add(key);
    }
    for (const key of seen) expect(documented, `field ${key}`).to.include(key);
  });
});
