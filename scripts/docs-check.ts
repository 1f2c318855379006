/**
 * `npm run docs:check`: regenerates the API reference (TypeDoc, markdown) into a temporary folder
 * and fails when TypeDoc warns (treatWarningsAsErrors in typedoc.json) or when docs/api differs
 * from it (run `npm run docs` and commit).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');
const committed = path.join(repoRoot, 'docs', 'api');
const temp = mkdtempSync(path.join(os.tmpdir(), 'multistatus-docs-'));
const typedoc = path.join(repoRoot, 'node_modules', 'typedoc', 'bin', 'typedoc');

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

try {
  try {
    execFileSync(process.execPath, [typedoc, '--out', temp], { cwd: repoRoot, stdio: 'inherit' });
  } catch {
    console.log('docs: 0 passed, 1 failed (TypeDoc failed or warned)');
    process.exit(1);
  }
  const want = files(temp);
  const have = files(committed);
  const stale = [...new Set([...want, ...have])].filter(
    (f) => !want.includes(f) || !have.includes(f) || readFileSync(path.join(temp, f), 'utf8') !== readFileSync(path.join(committed, f), 'utf8'),
  );
  if (stale.length) {
    console.log(`docs/api is stale (run npm run docs and commit): ${stale.join(', ')}`);
    console.log('docs: 0 passed, 1 failed');
    process.exit(1);
  }
  console.log(`docs/api is up to date (${want.length} files)`);
  console.log('docs: 1 passed, 0 failed');
} finally {
  rmSync(temp, { recursive: true, force: true });
}
