/**
 * The README's first-run commands (the ```sh block marked <!-- first-run -->) are what
 * scripts/readme-first-run.sh types on a fresh clone in CI; here: that they are read right, that
 * `npm ci` builds the command (`prepare`), and that the `npx multistatus` lines work in this checkout.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { firstRunCommands } from '../../scripts/readme-commands.mjs';
import { REPO } from '../helpers/run-cli.js';

const readme = readFileSync(join(REPO, 'README.md'), 'utf8');

describe('README: the first-run commands', function () {
  it('are the set-up, test, demo and CLI lines, comments dropped', function () {
    const commands = firstRunCommands(readme);
    expect(commands.slice(0, 3)).to.deep.equal(['npm ci', 'npm test', 'npm start']);
    expect(commands.filter((c: string) => c.startsWith('npx multistatus fixtures/'))).to.have.length.of.at.least(2);
    expect(firstRunCommands('<!-- first-run -->\n```sh\n# a comment\nls -l \\\n  /tmp   # where\n\necho "a"\n```\n')).to.deep.equal(['ls -l /tmp', 'echo "a"']);
    expect(() => firstRunCommands('<!-- first-run -->\ntext\n')).to.throw(/must be followed by a ```sh block/);
  });

  it('npm ci builds dist/ (prepare), so npx finds the bin on a fresh clone', function () {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };
    expect(pkg.scripts.prepare).to.equal('npm run build');
    expect(pkg.bin.multistatus).to.equal('./dist/lib/cli/main.js');
    // The build makes the bin executable itself: npx reuses an earlier install from its cache for a
    // clone at the same path, without linking (and so making executable) the new clone's bin, and
    // then fails with "multistatus: Permission denied".
    expect(statSync(join(REPO, 'dist', 'lib', 'cli', 'main.js')).mode & 0o111, 'dist/lib/cli/main.js is executable').to.equal(0o111);
    expect(readFileSync(join(REPO, '.ci', 'run'), 'utf8')).to.match(/^step readme-first-run bash scripts\/readme-first-run\.sh$/m);
  });

  it('the npx multistatus lines run here, as typed', async function () {
    this.timeout(120_000);
    for (const command of firstRunCommands(readme).filter((c: string) => c.startsWith('npx multistatus '))) {
      const { stdout } = await promisify(execFile)('bash', ['-c', command], { cwd: REPO, env: { ...process.env, TZ: 'UTC' }, timeout: 110_000 });
      expect(stdout.length, command).to.be.above(100);
    }
  });
});
