/**
 * Broken hrefs are not silent (issue 20, point 4): an empty href and a raw `#` or `?` in an href
 * get a diagnostic with line, column and byte (where the href ends); `--diagnostics` lists them,
 * and the walk's own diagnostics print without a made-up "line 0, column 0".
 */
import { expect } from 'chai';
import { parseMultistatus } from '../../lib/index.js';
import type { Diagnostic } from '../../lib/index.js';
import { makeTree, serveTree } from '../helpers/dav-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { useScriptedServer } from '../helpers/scripted-http-server.js';

const OK = '<D:status>HTTP/1.1 200 OK</D:status>';
const entry = (href: string): string => `<D:response>${href}${OK}</D:response>\n`;
const BODY =
  '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">\n' +
  entry('<D:href>/tree/ok%23name%3F.txt</D:href>') +
  entry('<D:href/>') +
  entry('<D:href>/tree/hash#frag.txt</D:href>') +
  entry('<D:href>/tree/caf\u00e9?.txt</D:href>') +
  entry('<D:href>   </D:href>') +
  '</D:multistatus>\n';

/** Line, column (1-based, in characters) and byte offset just past the `nth` occurrence of `token`. */
function after(text: string, token: string, nth = 0): { line: number; column: number; offset: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(token, at + 1);
  const end = at + token.length;
  const before = text.slice(0, end);
  const line = before.split('\n').length;
  const column = end - before.lastIndexOf('\n');
  return { line, column, offset: Buffer.byteLength(before) };
}

async function diagnosticsOf(body: string): Promise<{ paths: string[]; diagnostics: Diagnostic[] }> {
  const it = parseMultistatus(new TextEncoder().encode(body));
  const paths: string[] = [];
  for await (const r of it) paths.push(r.path);
  return { paths, diagnostics: (await it.summary()).diagnostics };
}

describe('href diagnostics: empty, raw # or ?', function () {
  it('each broken href has a diagnostic with line, column and byte; an encoded %23 or %3F has none', async function () {
    const { paths, diagnostics } = await diagnosticsOf(BODY);
    expect(paths).to.deep.equal(['/tree/ok#name?.txt', '', '/tree/hash', '/tree/café', '']);
    const hash = 'a raw "#" in the href (a name the server did not percent-encode?): the path ends before it';
    const query = 'a raw "?" in the href (a name the server did not percent-encode?): the path ends before it';
    expect(diagnostics).to.deep.equal([
      { code: 'EMPTY_HREF', message: 'an empty href', ...after(BODY, '<D:href/>'), href: '' },
      { code: 'UNENCODED_HREF', message: hash, ...after(BODY, '</D:href>', 1), href: '/tree/hash#frag.txt' },
      { code: 'UNENCODED_HREF', message: query, ...after(BODY, '</D:href>', 2), href: '/tree/caf\u00e9?.txt' },
      { code: 'EMPTY_HREF', message: 'an empty href', ...after(BODY, '</D:href>', 3), href: '' },
    ]);
  });

  it('the same positions when the body comes one byte at a time', async function () {
    const bytes = new TextEncoder().encode(BODY);
    const it = parseMultistatus((function* () {
      for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
    })());
    for await (const r of it) void r;
    const whole = await diagnosticsOf(BODY);
    expect((await it.summary()).diagnostics).to.deep.equal(whole.diagnostics);
  });

  describe('on the command line', function () {
    this.slow(4000);
    const scripted = useScriptedServer();

    it('--diagnostics lists them with line, column and byte', async function () {
      const r = await runCli(['-', '--diagnostics', '-f', 'summary'], { stdin: BODY });
      expect(r.code, r.stderr).to.equal(0);
      const e = after(BODY, '<D:href/>');
      expect(r.stderr.split('\n')[0]).to.equal(`multistatus: diagnostic: EMPTY_HREF: an empty href (line ${e.line}, column ${e.column}, byte ${e.offset}, in "")`);
      expect(r.stderr.trimEnd().split('\n')).to.have.length(4);
      expect((JSON.parse(r.stdout) as { diagnosticCount: number }).diagnosticCount).to.equal(4);
    });

    it("a walk's own diagnostics print without a position they do not have", async function () {
      const server = scripted();
      const paths = [...makeTree('/hd/', 1, 0, 1), '/hd/hash#frag.txt'];
      serveTree(server, paths, { infinity: 'allow', href: (p) => p });
      const r = await runCli([server.url('/hd/'), '-d', 'infinity', '--diagnostics', '-f', 'ndjson']);
      expect(r.code, r.stderr).to.equal(0);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines.filter((l) => l.includes('line 0'))).to.deep.equal([]);
      expect(lines).to.include('multistatus: diagnostic: WALK_BAD_HREF: not followed: a raw "#" in the href (a name the server did not percent-encode) (in /hd/hash#frag.txt)');
      expect(lines.some((l) => /^multistatus: diagnostic: UNENCODED_HREF: .* \(line \d+, column \d+, byte \d+, in \/hd\/hash#frag\.txt\)$/.test(l)), lines.join('\n')).to.equal(true);
    });
  });
});
