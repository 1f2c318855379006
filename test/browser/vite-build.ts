/**
 * The browser test page built by Vite (a second bundler beside esbuild, as an application would
 * build it): page/index.html and page/run.js, with run.js's `import ... from '/multistatus.js'`
 * resolved to the library's sources. Output: dist/browser-vite/, served under /vite/ by server.ts.
 * Vite splits web-streams-polyfill (reached by a dynamic import) into a chunk of its own.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { repoRoot } from './bundle.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const viteDir = path.join(repoRoot, 'dist', 'browser-vite');

export interface VitePage {
  /** Files the build wrote, as served: `/vite/assets/…`. */
  files: string[];
  /** The file(s) holding web-streams-polyfill. */
  polyfillFiles: string[];
}

export async function buildVitePage(): Promise<VitePage> {
  await build({
    root: path.join(here, 'page'),
    base: '/vite/',
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: [{ find: '/multistatus.js', replacement: path.join(repoRoot, 'lib', 'index.ts') }] },
    build: { outDir: viteDir, emptyOutDir: true, target: 'es2022', manifest: true, reportCompressedSize: false },
  });
  const manifest = JSON.parse(await readFile(path.join(viteDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string; src?: string }>;
  const entries = Object.entries(manifest);
  return {
    files: entries.map(([, e]) => `/vite/${e.file}`),
    polyfillFiles: entries.filter(([key]) => key.includes('web-streams-polyfill')).map(([, e]) => `/vite/${e.file}`),
  };
}
