/**
 * `npm run -s figures:tests`: how many tests each suite holds, counted by `mocha --dry-run` over
 * the suite's own config (nothing runs), as a markdown table.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const mocha = path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');

const SUITES: [command: string, config: string, what: string][] = [
  ['npm test', '.mocharc.json', 'unit, fixture, chunk-boundary, hostile-input, limits, CLI, client, type and README checks, W3C conformance'],
  ['npm run test:differential', 'test/differential/.mocharc.json', 'our tokenizer against saxes on fixtures, hostile bodies, mutants and truncations'],
  ['npm run test:fuzz', 'test/fuzz/.mocharc.json', 'property tests and fuzzing (generated and mutated bodies, for a time budget)'],
  ['npm run test:live', 'test/live/.mocharc.json', 'real servers on 127.0.0.1 (test/servers)'],
  ['npm run test:browser', 'test/browser/.mocharc.json', 'Chromium: esbuild and Vite bundles, heap'],
  ['npm run test:firefox', 'test/browser/firefox.mocharc.json', 'Firefox ESR over WebDriver BiDi'],
];

function count(config: string): number {
  const out = execFileSync(process.execPath, [mocha, '--config', config, '--dry-run', '--reporter', 'json'], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 256 * 1024 * 1024,
  });
  return (JSON.parse(out) as { stats: { tests: number } }).stats.tests;
}

console.log('| command | tests | what |');
console.log('|---|--:|---|');
for (const [command, config, what] of SUITES) console.log(`| \`${command}\` | ${count(config).toLocaleString('en-US')} | ${what} |`);
