/**
 * Bundles the library (lib/index.ts with its tokenizer) into an ES module for browsers,
 * dist/browser/multistatus.js, with code splitting: web-streams-polyfill, reached only through a
 * dynamic import, lands in a chunk of its own (dist/browser/chunks/) that a browser with web streams
 * never fetches. The build fails on any import of a Node built-in
 * (`node:*` or a bare name such as `stream`), which is how the rule "lib/ outside lib/cli uses web
 * APIs only" is enforced.
 *
 * Run as a script (`npm run build:browser`) it writes the bundle and prints its size.
 */
import { rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as esbuild from 'esbuild';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bundleDir = path.join(repoRoot, 'dist', 'browser');
export const bundlePath = path.join(bundleDir, 'multistatus.js');

const builtinPattern = new RegExp(`^(node:.*|(${builtinModules.map(escapeRegExp).join('|')})(/.*)?)$`);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An esbuild plugin that turns every import of a Node built-in into a build error naming the importer. */
export const noNodeBuiltins: esbuild.Plugin = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: builtinPattern }, (args) => ({
      errors: [
        {
          text: `Node built-in "${args.path}" imported by ${path.relative(repoRoot, args.importer) || args.importer}: the browser build allows web APIs only`,
        },
      ],
    }));
  },
};

export interface BundleOptions {
  /** Entry module; default lib/index.ts. */
  entry?: string;
  /** Output directory (entry `multistatus.js`, chunks under `chunks/`); default dist/browser. `null`: build in memory only. */
  outdir?: string | null;
  /** Minify; default false (readable stack traces in the test). */
  minify?: boolean;
}

/** One output file of the build. */
export interface BundleFile {
  /** Path relative to the output directory, `/`-separated. */
  file: string;
  bytes: number;
  /** Source files (relative to the repository) bundled into it. */
  inputs: string[];
  /** Loaded with the entry (the entry and what it imports statically), or only by a dynamic import. */
  initial: boolean;
}

export type BundleResult = esbuild.BuildResult<{ metafile: true }> & {
  /** Bytes of the .js files a page loads up front (the entry and its static imports). */
  bytes: number;
  files: BundleFile[];
};

/** Builds the browser bundle; rejects (esbuild's error, listing every message) on a Node built-in. */
export async function buildBrowserBundle(options: BundleOptions = {}): Promise<BundleResult> {
  const outdir = options.outdir === undefined ? bundleDir : options.outdir;
  const buildDir = outdir ?? bundleDir;
  // Chunk names carry a content hash: clear the old ones rather than let them pile up.
  if (outdir !== null) await rm(path.join(buildDir, 'chunks'), { recursive: true, force: true });
  const result = await esbuild.build({
    entryPoints: { multistatus: options.entry ?? path.join(repoRoot, 'lib', 'index.ts') },
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: options.minify ?? false,
    sourcemap: outdir === null ? false : 'linked',
    legalComments: 'eof',
    outdir: buildDir,
    write: outdir !== null,
    plugins: [noNodeBuiltins],
    logLevel: 'silent',
    metafile: true,
  });
  const outputs = result.metafile.outputs;
  const key = (file: string) => path.relative(buildDir, path.resolve(repoRoot, file)).split(path.sep).join('/');
  const initial = new Set<string>();
  const visit = (file: string): void => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const imported of outputs[file]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
  };
  // Start from the page's entry only: esbuild also marks dynamically imported chunks as entry points.
  for (const file of Object.keys(outputs)) if (key(file) === 'multistatus.js') visit(file);
  const files = Object.entries(outputs)
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, out]) => ({ file: key(file), bytes: out.bytes, inputs: Object.keys(out.inputs), initial: initial.has(file) }));
  const bytes = files.filter((f) => f.initial).reduce((sum, f) => sum + f.bytes, 0);
  return { ...result, bytes, files };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  try {
    const { files } = await buildBrowserBundle({ minify: process.argv.includes('--minify') });
    const ms = Math.round(performance.now() - started);
    for (const f of files) {
      const what = f.initial ? 'loaded with the page' : 'loaded only by a dynamic import';
      console.log(`build:browser: ${path.relative(repoRoot, path.join(bundleDir, f.file))} ${(f.bytes / 1024).toFixed(1)} KiB (${what})`);
    }
    console.log(`build:browser: built in ${ms} ms`);
  } catch (error) {
    const failure = error as { errors?: esbuild.Message[] };
    for (const message of failure.errors ?? []) console.error(`build:browser: ${message.text}`);
    if (!failure.errors) console.error(error);
    process.exitCode = 1;
  }
}
