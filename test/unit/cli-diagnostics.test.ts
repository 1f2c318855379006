/**
 * Diagnostics on the command line (child process): `--diagnostics` lists every tolerated quirk on
 * stderr with its line and column, the summary carries them all, and the table says how to see them.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

/** lighttpd's PROPPATCH answer: four elements with the undeclared prefix "DAV" (see the body). */
const QUIRKY = join(FIXTURES_DIR, 'servers', 'lighttpd-proppatch-partial.xml');
/** Where each <DAV:…> element with the unbound prefix starts in that body: [line, column after its name]. */
const UNBOUND: [number, number, string][] = [[6, 32, 'DAV:getcontentlength'], [7, 49, 'DAV:cannot-modify-protected-property'], [11, 23, 'DAV:getetag'], [12, 49, 'DAV:cannot-modify-protected-property']];

describe('cli: diagnostics (child process)', function () {
  this.slow(3000);
  this.timeout(120_000); // several runs of the command each, on a busy machine

  it('--diagnostics prints each on stderr with its position, after the output', async function () {
    const r = await runCli([QUIRKY, '--diagnostics']);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout.trimEnd().split('\n')).to.have.length(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).to.have.length(UNBOUND.length);
    lines.forEach((line, i) => {
      const [l, c, name] = UNBOUND[i]!;
      expect(line).to.equal(`multistatus: diagnostic: UNBOUND_PREFIX: the prefix DAV of <${name}> is not declared; read as namespace DAV: (line ${l}, column ${c}, in /tree/plain.txt)`);
    });
    const quiet = await runCli([QUIRKY]);
    expect(quiet.stderr).to.equal('');
  });

  it('the summary carries every diagnostic, and the table says they are there', async function () {
    const s = JSON.parse((await runCli([QUIRKY, '-f', 'summary'])).stdout) as { diagnosticCount: number; diagnostics: { code: string; line: number; column: number }[] };
    expect(s.diagnosticCount).to.equal(UNBOUND.length);
    expect(s.diagnostics.map((d) => [d.code, d.line, d.column])).to.deep.equal(UNBOUND.map(([l, c]) => ['UNBOUND_PREFIX', l, c]));
    const t = await runCli([QUIRKY, '-f', 'table']);
    expect(t.stdout.trimEnd().split('\n').at(-1)).to.equal('-- 1 response, 480 B of XML, 4 diagnostics (--diagnostics lists them)');
  });
});
