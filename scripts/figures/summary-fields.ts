/**
 * `npm run -s figures:summary-fields`: the fields `multistatus FILE --format summary` prints, as
 * the built command prints them for a saved listing (run `npm run build` first).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = execFileSync(process.execPath, [path.join(root, 'dist', 'lib', 'cli', 'main.js'), path.join(root, 'fixtures', 'servers', 'apache2-propfind-d1-allprop.xml'), '--format', 'summary'], {
  cwd: root,
  encoding: 'utf8',
});
console.log(Object.keys(JSON.parse(out) as object).map((k) => `\`${k}\``).join(', '));
