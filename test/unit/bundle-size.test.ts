/**
 * The browser bundle stays lean: web-streams-polyfill, which no current browser needs, is not in
 * what a page loads up front but in a chunk of its own that only `MultistatusStream.ready()` loads
 * (in a runtime with no web streams); and the minified, gzipped code a page loads up front stays
 * under BUDGET_GZIP. Built in memory with esbuild the way test/browser/bundle.ts builds it.
 */
import { gzipSync } from 'node:zlib';
import { expect } from 'chai';
import * as esbuild from 'esbuild';
import path from 'node:path';
import { buildBrowserBundle, noNodeBuiltins, repoRoot } from '../browser/bundle.js';

/** Budget for the minified + gzipped (zlib level 9) code a page loads up front. Stated in the README. */
// 37 KiB since the write methods (lib/client/write*.ts, outcome*.ts: +3.4 KiB); it was 35 KiB before.
const BUDGET_GZIP = 37 * 1024;
const KiB = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const isPolyfill = (input: string) => input.includes('node_modules/web-streams-polyfill/');

describe('browser bundle size (esbuild, minified, code splitting)', function () {
  this.timeout(60_000);

  let lean: { initial: number; initialGzip: number; polyfill: number; initialInputs: string[]; lazyInputs: string[] };
  let whole: { bytes: number; gzip: number };

  before(async function () {
    const built = await buildBrowserBundle({ minify: true, outdir: null });
    const contents = new Map((built.outputFiles ?? []).map((f) => [path.relative(path.join(repoRoot, 'dist', 'browser'), f.path).split(path.sep).join('/'), f.contents]));
    const initialFiles = built.files.filter((f) => f.initial);
    lean = {
      initial: built.bytes,
      initialGzip: initialFiles.reduce((sum, f) => sum + gzipSync(contents.get(f.file)!, { level: 9 }).length, 0),
      polyfill: built.files.filter((f) => !f.initial && f.inputs.some(isPolyfill)).reduce((sum, f) => sum + f.bytes, 0),
      initialInputs: initialFiles.flatMap((f) => f.inputs),
      lazyInputs: built.files.filter((f) => !f.initial).flatMap((f) => f.inputs),
    };
    // The same code as one file, as a bundler without code splitting makes it: the polyfill inlined.
    const single = await esbuild.build({
      entryPoints: [path.join(repoRoot, 'lib', 'index.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      write: false,
      outfile: 'single.js',
      plugins: [noNodeBuiltins],
      logLevel: 'silent',
    });
    const code = single.outputFiles[0]!.contents;
    whole = { bytes: code.length, gzip: gzipSync(code, { level: 9 }).length };
    console.log(
      `      loaded up front: ${KiB(lean.initial)} min, ${KiB(lean.initialGzip)} min+gzip (budget ${KiB(BUDGET_GZIP)}); ` +
        `polyfill chunk ${KiB(lean.polyfill)}; without splitting: ${KiB(whole.bytes)} min, ${KiB(whole.gzip)} min+gzip`,
    );
  });

  it('web-streams-polyfill is not in the code a page loads up front, only in a dynamically imported chunk', function () {
    expect(lean.initialInputs.filter(isPolyfill)).to.deep.equal([]);
    expect(lean.initialInputs.some((f) => f.endsWith('lib/stream.ts'))).to.equal(true);
    expect(lean.lazyInputs.some(isPolyfill)).to.equal(true);
    expect(lean.polyfill).to.be.above(30 * 1024);
  });

  it(`what a page loads up front is under ${KiB(BUDGET_GZIP)} minified and gzipped`, function () {
    expect(lean.initialGzip).to.be.below(BUDGET_GZIP);
  });

  it('is measurably smaller than the same code with the polyfill inlined', function () {
    expect(whole.bytes - lean.initial).to.be.above(lean.polyfill * 0.9);
    expect(whole.gzip - lean.initialGzip).to.be.above(8 * 1024);
  });
});
