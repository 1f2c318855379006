/**
 * The 100,000-file tree walked on apache2 with DavDepthInfinity Off (its default): the same set of
 * hrefs as one Depth: infinity request on an apache2 that allows it, with the client's peak RSS
 * under 200 MB, measured in a child process.
 */
import { expect } from 'chai';
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { liveServer } from './servers.js';
import { seedBulk } from './tree.js';
import type { WalkFigures } from './walk-listing.js';

const DIRS = 100;
const PER_DIR = 1000;
const PEAK_RSS_LIMIT_MB = 200;
const CHILD_SOURCE = fileURLToPath(new URL('./walk-listing.ts', import.meta.url));


describe('live apache2: walk of 100,000 files with Depth: infinity refused', function () {
  const seed = (root: string): void => seedBulk(join(root, 'bulk'), DIRS, PER_DIR);
  const finite = liveServer('apache2-finite', seed);
  const infinite = liveServer('apache2', seed);
  let child: string;

  before(async function () {
    this.timeout(120_000);
    // One plain JS bundle: under tsx, its loader thread alone adds ~40 MB of RSS.
    child = join(finite().state, 'walk-listing.mjs');
    await build({ entryPoints: [CHILD_SOURCE], outfile: child, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
  });

  const run = async (url: string, how: 'infinity' | 'depth-1', concurrency = 4): Promise<WalkFigures> => {
    const { stdout } = await promisify(execFile)(process.execPath, [child, url, how, String(concurrency)], { timeout: 420_000 });
    return JSON.parse(stdout.trim().split('\n').pop()!) as WalkFigures;
  };

  it(`walks it with Depth: 1 requests: the same hrefs as one Depth: infinity request, peak RSS under ${PEAK_RSS_LIMIT_MB} MB`, async function () {
    this.timeout(900_000);
    const single = await run(`${infinite().url}bulk/`, 'infinity');
    const walked = await run(`${finite().url}bulk/`, 'infinity', 4); // tries infinity, is refused, walks
    for (const [what, f] of [['Depth: infinity', single], ['walk', walked]] as const) {
      console.log(
        `      ${what}: mode ${f.mode}${f.refusal ? ` (${f.refusal})` : ''}, ${f.responses} responses, ${f.requests} requests, ` +
          `${f.retries} retries, ${(f.bytes / 2 ** 20).toFixed(1)} MiB in ${(f.ms / 1000).toFixed(1)} s; peak RSS ${f.maxRssMB} MB`,
      );
    }
    expect(single).to.include({ mode: 'infinity', requests: 1, responses: DIRS * PER_DIR + DIRS + 1, collections: DIRS + 1 });
    expect(walked).to.include({ mode: 'depth-1', refusal: '403 Forbidden', responses: single.responses });
    // apache may close a keep-alive connection just as the client reuses it ("other side closed"): retried
    expect(walked.requests - walked.retries, 'requests without the retries').to.equal(1 + DIRS + 1);
    expect(walked.retries).to.be.at.most(2 * 4);
    expect(walked.summaryResponses).to.equal(walked.responses);
    expect(walked.digest, 'the multiset of hrefs').to.equal(single.digest);
    expect(walked.maxRssMB).to.be.below(PEAK_RSS_LIMIT_MB);
    expect(single.maxRssMB).to.be.below(PEAK_RSS_LIMIT_MB);
  });
});
