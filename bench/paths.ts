import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root (with a trailing separator): the nearest directory above this file that
 * holds a package.json. Works from the sources and from the compiled copy in dist/bench-build/.
 */
export const REPO_ROOT = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('no package.json above the benchmark files');
    dir = up;
  }
  return dir.endsWith('/') ? dir : `${dir}/`;
})();
