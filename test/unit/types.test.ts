/**
 * The typed model (issue: the TypeScript types say what the values are):
 *  - the type tests in test/types/ compile (strict, against the built package): each `@ts-expect-error`
 *    there must be an error, every exact-type assertion must hold;
 *  - every ```ts block of README.md, CONTRIBUTING.md and docs/*.md compiles strictly against the built package;
 *  - at run time, every response of every fixture has the types the declarations give (the
 *    checks are derived from the built .d.ts by the TypeScript checker), typed and `typed: false`.
 * `npm test` builds first; run `npm run build` before running this file alone.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { declaredTypes } from '../helpers/declared-types.js';
import { fixtureBytes, listFixtures } from '../helpers/fixtures.js';
import { viaIterator } from '../helpers/run-parser.js';
import { blocksOf, checkBlocks, extractBlocks } from '../readme/check-blocks.js';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');

describe('typed model', function () {
  this.timeout(300_000);

  it('the type tests compile: each built-in key, narrowing, custom decoders, typed: false, null only in non-2xx propstats', async () => {
    const result = await run(process.execPath, [tsc, '-p', path.join(repoRoot, 'test', 'types', 'tsconfig.json')], { cwd: repoRoot }).then(
      () => '',
      (e: { stdout?: string; stderr?: string }) => `${e.stdout ?? ''}${e.stderr ?? ''}`,
    );
    expect(result, 'tsc -p test/types').to.equal('');
  });

  it('every ```ts block of README.md, CONTRIBUTING.md and docs/*.md compiles in strict mode against the built package', () => {
    const docs = readdirSync(path.join(repoRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
    expect(docs.length, 'docs/*.md').to.be.greaterThan(5);
    const blocks = blocksOf(['README.md', 'CONTRIBUTING.md', ...docs]);
    expect(blocks.length).to.be.greaterThan(12);
    const errors = checkBlocks(blocks).map((e) => `${e.block.file}:${e.line}:${e.column}: ${e.message}`);
    expect(errors).to.deep.equal([]);
  });

  it('the README check fails on a block that does not compile, at its line in the markdown', () => {
    const md = [
      '# t',
      '```ts',
      "import { parseMultistatus } from 'multistatus';",
      'for await (const r of parseMultistatus(res)) console.log(r.props.getetag?.length);',
      '```',
      'text',
      '```ts',
      "import { parseMultistatus } from 'multistatus';",
      'for await (const r of parseMultistatus(res)) {',
      '  const n: number = r.props.getlastmodified ?? 0;',
      '}',
      '```',
    ].join('\n');
    const blocks = extractBlocks(md, 'T.md');
    expect(blocks.map((b) => b.line)).to.deep.equal([3, 8]);
    const errors = checkBlocks(blocks);
    expect(errors.map((e) => `${e.block.file}:${e.line}`)).to.deep.equal(['T.md:10']);
    expect(errors[0]!.message).to.include("Type 'Date | 0' is not assignable to type 'number'");
  });

  it('every value of every fixture has its declared type (typed, and typed: false)', async () => {
    const declared = declaredTypes();
    expect(declared.builtinKeys.size, 'built-in keys').to.be.greaterThan(100);
    const problems: string[] = [];
    const seen = new Set<string>();
    let responses = 0;
    for (const fixture of listFixtures()) {
      const bytes = fixtureBytes(fixture);
      const typed = await viaIterator(bytes);
      for (const [i, r] of typed.responses.entries()) {
        responses++;
        for (const key of Object.keys(r.props)) if (declared.builtinKeys.has(key)) seen.add(key);
        problems.push(...declared.response(r, `${fixture.name} #${i}`).slice(0, 3));
      }
      const untyped = await viaIterator(bytes, { typed: false });
      for (const [i, r] of untyped.responses.entries()) problems.push(...declared.untypedResponse(r, `${fixture.name} #${i} (typed: false)`).slice(0, 3));
      if (problems.length > 20) break;
    }
    expect(problems.slice(0, 20)).to.deep.equal([]);
    expect(responses).to.be.greaterThan(1000);
    // The fixtures hold values of this many built-in keys (each checked against its declaration).
    expect(seen.size).to.be.greaterThan(30);
  });

  it('the run-time check refuses values of the wrong type (it can fail)', () => {
    const declared = declaredTypes();
    const status = { code: 200, text: 'OK', line: 'HTTP/1.1 200 OK' };
    const good = { href: '/a', hrefs: ['/a'], path: '/a', propstats: [{ status, props: { getetag: '"e"', x: null } }], props: { getetag: '"e"' } };
    expect(declared.response(good, 'good')).to.deep.equal([]);
    const wrong = (props: Record<string, unknown>): string[] => declared.response({ ...good, props }, 'r');
    expect(wrong({ getetag: 5 })).to.have.length(1);
    expect(wrong({ getlastmodified: 'Mon, 12 Jan 1998 09:25:56 GMT' })).to.have.length(1);
    expect(wrong({ resourcetype: 'collection' })).to.have.length(1);
    expect(wrong({ getcontentlength: 10n })).to.have.length(1);
    expect(wrong({ getetag: null }), 'null in a response props').to.have.length(1);
    expect(wrong({ '{urn:x}y': 7 }), 'an unknown key is string | XmlElement').to.have.length(1);
    expect(wrong({ lockdiscovery: [{ scope: 'exclusive', type: 'write' }] }), 'an ActiveLock without depth').to.have.length(1);
  });
});
