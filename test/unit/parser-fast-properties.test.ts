/**
 * The saxes object must stay a fast-properties object in V8: saxes' on() adds each handler with a
 * computed key, and past a few such properties V8 turns the object into a dictionary, which made
 * every parse 3.5 times slower (see SaxAdapter.attach). The same holds for every part of the
 * parser the hot loop reads fields of. Checked in a child process, where %HasFastProperties is
 * available.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('parser object shapes', () => {
  it('the tokenizer, its name table and every part of the parser keep fast properties, with every option used', () => {
    const script = `
      const { MultistatusParser } = await import('./lib/index.ts');
      const fast = new Function('o', 'return %HasFastProperties(o)');
      const plain = new MultistatusParser({ onResponse() {} });
      const full = new MultistatusParser({ onResponse() {}, strict: true, typed: false, properties: ['getetag'],
        baseUrl: 'http://h/', limits: { maxDepth: 10 }, decoders: { '{urn:x}a': (v) => v } });
      full.write('<D:multistatus xmlns:D="DAV:"><!-- c --><?pi x?><D:response><D:href>/a</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>');
      const parts = (p) => [p, p.input, p.input.tokenizer, p.input.tokenizer.names, p.report, p.prolog, p.builder, p.builder.values, p.machine, p.machine.scope, p.machine.capture]
        .map((o) => typeof o === 'object' && o !== null && fast(o));
      console.log(JSON.stringify([...parts(plain), ...parts(full)]));
    `;
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status, r.stderr).to.equal(0);
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).to.deep.equal(new Array(22).fill(true));
  });
});
