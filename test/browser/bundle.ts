/**
 * Bundles the library (lib/index.ts with saxes and web-streams-polyfill) into one ES module for
 * browsers: dist/browser/multistatus.js. The build fails on any import of a Node built-in
 * (`node:*` or a bare name such as `stream`), which is how the rule "lib/ outside lib/cli uses web
 * APIs only" is enforced.
 *
 * Run as a script (`npm run build:browser`) it writes the bundle and prints its size.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as esbuild from 'esbuild';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bundlePath = path.join(repoRoot, 'dist', 'browser', 'multistatus.js');

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
  /** Output file; default dist/browser/multistatus.js. `null`: build in memory only. */
  outfile?: string | null;
  /** Minify; default false (readable stack traces in the test). */
  minify?: boolean;
}

/** Builds the browser bundle; rejects (esbuild's error, listing every message) on a Node built-in. */
export async function buildBrowserBundle(options: BundleOptions = {}): Promise<esbuild.BuildResult & { bytes: number }> {
  const outfile = options.outfile === undefined ? bundlePath : options.outfile;
  const result = await esbuild.build({
    entryPoints: [options.entry ?? path.join(repoRoot, 'lib', 'index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: options.minify ?? false,
    sourcemap: outfile === null ? false : 'linked',
    legalComments: 'eof',
    ...(outfile === null ? { write: false, outdir: path.join(repoRoot, 'dist', 'browser') } : { outfile }),
    plugins: [noNodeBuiltins],
    logLevel: 'silent',
    metafile: true,
  });
  const bytes = Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .reduce((sum, [, out]) => sum + out.bytes, 0);
  return { ...result, bytes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  try {
    const { bytes } = await buildBrowserBundle({ minify: process.argv.includes('--minify') });
    const ms = Math.round(performance.now() - started);
    console.log(`build:browser: ${path.relative(repoRoot, bundlePath)} ${(bytes / 1024).toFixed(1)} KiB in ${ms} ms`);
  } catch (error) {
    const failure = error as { errors?: esbuild.Message[] };
    for (const message of failure.errors ?? []) console.error(`build:browser: ${message.text}`);
    if (!failure.errors) console.error(error);
    process.exitCode = 1;
  }
}
