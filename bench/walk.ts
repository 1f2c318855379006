/**
 * `npm run bench:walk`: the 100,000-file tree (100 folders of 1,000 empty files) listed by one
 * Depth: infinity PROPFIND (apache2, DavDepthInfinity On) and walked with Depth: 1 requests at
 * concurrency 1, 4 and 8 (apache2, DavDepthInfinity Off: the walk tries infinity, is refused,
 * walks). Each row runs in its own child process (a plain JS bundle) that reports its time and
 * peak RSS. Writes bench/results/walk.json and the "Whole-tree walk" section of bench/RESULTS.md.
 * Needs the live-test servers (npm run live:install). WALK_RUNS=n runs each row n times (default 2);
 * `--report-only` rewrites the section from bench/results/walk.json without measuring.
 */
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startServer, stopServer } from '../test/live/servers.js';
import type { LiveServer } from '../test/live/servers.js';
import { seedBulk } from '../test/live/tree.js';
import type { WalkFigures } from '../test/live/walk-listing.js';
import { REPO_ROOT } from './paths.js';
import { describeMachine, finishMachine } from './report/machine.js';

const RUNS = Number(process.env.WALK_RUNS ?? 2);
const ROWS: { name: string; server: 'infinite' | 'finite'; concurrency: number }[] = [
  { name: 'one Depth: infinity request', server: 'infinite', concurrency: 1 },
  { name: 'walk, concurrency 1', server: 'finite', concurrency: 1 },
  { name: 'walk, concurrency 4', server: 'finite', concurrency: 4 },
  { name: 'walk, concurrency 8', server: 'finite', concurrency: 8 },
];
const START = '<!-- walk: written by npm run bench:walk -->';
const END = '<!-- /walk -->';

interface Row {
  name: string;
  concurrency: number;
  runs: WalkFigures[];
  medianSeconds: number;
  peakRssMB: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  const machine = describeMachine();
  const work = mkdtempSync(join(tmpdir(), 'multistatus-bench-walk-'));
  const child = join(work, 'walk-listing.mjs');
  await build({ entryPoints: [join(REPO_ROOT, 'test', 'live', 'walk-listing.ts')], outfile: child, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
  const seed = (root: string): void => seedBulk(join(root, 'bulk'), 100, 1000);
  const servers: LiveServer[] = [];
  const rows: Row[] = [];
  try {
    const infinite = await startServer('apache2', seed);
    servers.push(infinite);
    const finite = await startServer('apache2-finite', seed);
    servers.push(finite);
    for (const row of ROWS) {
      const url = `${(row.server === 'infinite' ? infinite : finite).url}bulk/`;
      const runs: WalkFigures[] = [];
      for (let i = 0; i < RUNS; i++) {
        const { stdout } = await promisify(execFile)(process.execPath, [child, url, 'infinity', String(row.concurrency)], { timeout: 600_000 });
        const f = JSON.parse(stdout.trim().split('\n').pop()!) as WalkFigures;
        console.log(`${row.name} #${i + 1}: ${f.mode}, ${f.responses} responses, ${f.requests} requests, ${(f.ms / 1000).toFixed(1)} s, peak RSS ${f.maxRssMB} MB`);
        runs.push(f);
      }
      rows.push({ name: row.name, concurrency: row.concurrency, runs, medianSeconds: median(runs.map((r) => r.ms / 1000)), peakRssMB: Math.max(...runs.map((r) => r.maxRssMB)) });
    }
  } finally {
    for (const s of servers) await stopServer(s).catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
  const done = finishMachine(machine);
  writeFileSync(RESULTS_JSON, JSON.stringify({ machine: done, runs: RUNS, rows }, null, 1) + '\n');
  render(done, RUNS, rows);
}

/** Writes the walk section of RESULTS.md from the figures. */
function render(done: ReturnType<typeof finishMachine>, runs: number, rows: Row[]): void {
  const RUNS = runs;
  const section = [
    START,
    '## Whole-tree walk (100,000 files, apache2)',
    '',
    `100 folders of 1,000 empty files, PROPFIND allprop. One \`Depth: infinity\` request (apache2 with \`DavDepthInfinity On\`) against \`walk()\` on apache2 with \`DavDepthInfinity Off\` (the walk asks for infinity, gets 403, then lists the ${101} collections with \`Depth: 1\`). Each row is a child process (a plain JS bundle); time is the median of ${RUNS} runs, RSS the highest peak. Server and client share the machine (${done.cores} cores, load ${done.loadStart.toFixed(1)} at the start, ${(done.loadEnd ?? 0).toFixed(1)} at the end): the times are noisy, the RSS figures less so.`,
    '',
    '| run | requests | retries | responses | body MiB | time (s) | peak RSS (MB) |',
    '|---|--:|--:|--:|--:|--:|--:|',
    ...rows.map((r) => {
      const f = r.runs[0]!;
      const retries = r.runs.map((x) => x.retries).join(', ');
      return `| ${r.name} | ${f.requests - f.retries} | ${retries} | ${f.responses.toLocaleString('en-US')} | ${(f.bytes / 2 ** 20).toFixed(1)} | ${r.medianSeconds.toFixed(1)} | ${r.peakRssMB} |`;
    }),
    '',
    'Requests exclude retries; retries are per run. The retries seen here were listings whose keep-alive connection apache closed just as the client reused it (`fetch failed: other side closed`, before any answer): the walk sent them again, as it does for any transient failure. The RSS is that of the whole client process and stays the same for one request and for the walk at any concurrency: memory follows the number of folders and the bodies in flight, not the 100,000 files.',
    '',
    `Measured ${done.date.slice(0, 10)} on ${done.cpu}, Node ${done.node}, commit ${done.commit}.`,
    END,
  ].join('\n');
  const file = join(REPO_ROOT, 'bench', 'RESULTS.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const at = text.indexOf(START);
  const next = at < 0 ? `${text.trimEnd()}\n\n${section}\n` : `${text.slice(0, at)}${section}${text.slice(text.indexOf(END, at) + END.length)}`;
  writeFileSync(file, next);
  console.log(`\n${section}`);
}

const RESULTS_JSON = join(REPO_ROOT, 'bench', 'results', 'walk.json');
if (process.argv.includes('--report-only')) {
  const saved = JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as { machine: ReturnType<typeof finishMachine>; runs: number; rows: Row[] };
  render(saved.machine, saved.runs, saved.rows);
} else {
  await main();
}
