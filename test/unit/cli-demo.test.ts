/**
 * `npm start` (bench/start-demo.ts) on a small size: it generates the body on the fly, pipes it
 * through the built command, checks the count against what it generated, and prints the summary
 * and the memory comparison. Needs a fresh build (`npm test` makes one).
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BUILT_BIN, CLI_ENV, REPO, cliCommand } from '../helpers/run-cli.js';

describe('cli: npm start (the demo)', function () {
  this.slow(15_000);
  this.timeout(120_000);

  it('parses a generated 16 MiB Depth: infinity body and reports throughput and peak memory', async function () {
    // Never skipped: a stale dist/ is a failure (npm test builds first; so does .ci/run).
    expect(cliCommand()[0], 'dist/ is older than lib/: run npm run build first').to.equal(BUILT_BIN);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import=tsx', join(REPO, 'bench', 'start-demo.ts'), '16MiB'], {
      cwd: REPO,
      env: { ...process.env, ...CLI_ENV },
      timeout: 110_000,
    });
    const json = stdout.slice(0, stdout.indexOf('\n}\n') + 3);
    const summary = JSON.parse(json) as { responses: number; bytes: number; statuses: Record<string, number>; throughput: string; peakRss: string };
    expect(summary.bytes).to.be.within(16 * 1024 * 1024 - 8192, 16 * 1024 * 1024);
    expect(summary.responses).to.be.above(10_000);
    expect(summary.statuses['200']).to.equal(summary.responses);
    expect(summary.throughput).to.match(/^[\d.]+ (KiB|MiB|GiB)\/s$/);
    const lines = stdout.slice(json.length).trim().split('\n');
    expect(lines[0]).to.match(/^[\d,]+ responses, 16\.0 MiB in [\d.]+ s: [\d.]+ (KiB|MiB)\/s, peak RSS [\d.]+ MiB\.$/);
    expect(lines[1]).to.match(/^A 4\.0 MiB body peaked at [\d.]+ MiB: 4\.0x the body took [\d.]+x the memory\.$/);
  });
});
