/**
 * `npm run -s figures:bundle`: the browser bundle sizes the docs quote, computed now with the
 * command they give (`esbuild dist/lib/index.js --bundle --format=esm --minify [--splitting]`,
 * over the built package: run `npm run build` first). Gzip at zlib level 9. Prints a markdown table.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const entry = path.join(repoRoot, 'dist', 'lib', 'index.js');
if (!existsSync(entry)) throw new Error('dist/lib/index.js is missing: run npm run build first');

const KiB = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
const isPolyfill = (input: string): boolean => input.includes('node_modules/web-streams-polyfill/');
const outdir = mkdtempSync(path.join(os.tmpdir(), 'multistatus-bundle-'));

try {
  const common: esbuild.BuildOptions & { write: false; metafile: true } = {
    entryPoints: [entry], bundle: true, format: 'esm', minify: true, write: false, metafile: true, logLevel: 'silent', absWorkingDir: repoRoot,
  };
  const split = await esbuild.build({ ...common, splitting: true, outdir });
  const files = new Map(split.outputFiles.map((f) => [path.relative(repoRoot, f.path).split(path.sep).join('/'), f.contents]));
  const outputs = split.metafile.outputs;
  // What a page loads up front: the entry and everything it imports statically.
  const initial = new Set<string>();
  const visit = (file: string): void => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const i of outputs[file]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(Object.keys(outputs).find((f) => outputs[f]!.entryPoint !== undefined)!);
  const size = (names: Iterable<string>): [number, number] => {
    let bytes = 0;
    let gzip = 0;
    for (const n of names) {
      const c = files.get(n)!;
      bytes += c.length;
      gzip += gzipSync(c, { level: 9 }).length;
    }
    return [bytes, gzip];
  };
  const [upBytes, upGzip] = size(initial);
  const polyfillFiles = Object.keys(outputs).filter((f) => !initial.has(f) && Object.keys(outputs[f]!.inputs).some(isPolyfill));
  const [polyBytes, polyGzip] = size(polyfillFiles);
  const single = await esbuild.build({ ...common, outfile: path.join(outdir, 'single.js') });
  const code = single.outputFiles[0]!.contents;

  console.log('| `npx esbuild node_modules/multistatus/dist/lib/index.js --bundle --format=esm --minify …` | minified | gzipped |');
  console.log('|---|--:|--:|');
  console.log(`| \`--splitting\`: what a page loads up front (${initial.size} files) | ${KiB(upBytes)} | ${KiB(upGzip)} |`);
  console.log(`| \`--splitting\`: the web-streams-polyfill chunk, loaded only where a runtime lacks web streams | ${KiB(polyBytes)} | ${KiB(polyGzip)} |`);
  console.log(`| without \`--splitting\` (the polyfill inlined) | ${KiB(code.length)} | ${KiB(gzipSync(code, { level: 9 }).length)} |`);
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
