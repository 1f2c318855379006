/**
 * `npm run bench:write-outcome`: peak RSS of reading a write method's 207 with 10,000 to 1,000,000
 * failed entries through requireSuccess (the default bound of 100 failures kept), against keeping
 * every failure. Each run is a child process; writes bench/results/write-outcome.json and the
 * "Write outcomes" section of bench/RESULTS.md. `--report-only` rewrites the section from the JSON.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const JSON_PATH = join(REPO, 'bench', 'results', 'write-outcome.json');
const CHILD = join(REPO, 'bench', 'write-outcome-child.ts');
const START = '<!-- write-outcome: written by npm run bench:write-outcome -->';
const END = '<!-- /write-outcome -->';

interface Row {
  n: number;
  maxFailures: string;
  entries: number;
  failed: number;
  dependent: number;
  kept: number;
  bytes: number;
  seconds: number;
  peakRss: number;
  /** `--max-old-space-size` of the run, if capped. */
  heapMb?: number;
  /** The run died out of memory (only with a heap cap). */
  outOfMemory?: boolean;
}
interface Results {
  rows: Row[];
  node: string;
  cpu: string;
  date: string;
  commit: string;
  load: [number, number];
}

/** Entries, maxFailures, heap cap in MB (a cap small enough that only bounded memory gets through). */
const RUNS: [number, string, number?][] = [
  [10_000, '100'],
  [100_000, '100'],
  [1_000_000, '100'],
  [100_000, 'all'],
  [1_000_000, 'all'],
  [1_000_000, '100', 24],
  [1_000_000, 'all', 24],
];

function measure(): Results {
  const before = loadavg()[0]!;
  const rows: Row[] = [];
  for (const [n, max, heap] of RUNS) {
    const flags = heap === undefined ? [] : [`--max-old-space-size=${heap}`];
    let row: Row;
    try {
      const out = execFileSync(process.execPath, [...flags, '--import', 'tsx', CHILD, String(n), max], { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
      row = JSON.parse(out.trim().split('\n').pop()!) as Row;
    } catch (e) {
      if (heap === undefined || !/heap out of memory/i.test(String((e as { stderr?: string }).stderr))) throw e;
      row = { n, maxFailures: max, entries: n, failed: 0, dependent: 0, kept: 0, bytes: 0, seconds: 0, peakRss: 0, outOfMemory: true };
    }
    if (heap !== undefined) row.heapMb = heap;
    console.log(`${n} entries, maxFailures ${max}${heap ? `, heap ${heap} MB` : ''}: ${row.outOfMemory ? 'out of memory' : `${(row.peakRss / 1e6).toFixed(0)} MB peak RSS, ${row.seconds.toFixed(1)} s`}`);
    rows.push(row);
  }
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
  return { rows, node: process.version, cpu: cpus()[0]?.model ?? 'unknown', date: new Date().toISOString().slice(0, 10), commit, load: [before, loadavg()[0]!] };
}

const MB = (b: number): string => (b / 1e6).toFixed(0);
const n = (x: number): string => x.toLocaleString('en-US');

function section(r: Results): string {
  const table = r.rows.map((x) => {
    const max = `${x.maxFailures === 'all' ? 'all (no bound)' : x.maxFailures}${x.heapMb ? `, heap capped at ${x.heapMb} MB` : ''}`;
    if (x.outOfMemory) return `| ${n(x.entries)} | | ${max} | | | | out of memory |`;
    return `| ${n(x.entries)} | ${(x.bytes / 1048576).toFixed(1)} | ${max} | ${n(x.kept)} | ${n(x.failed)} + ${n(x.dependent)} | ${x.seconds.toFixed(1)} | ${MB(x.peakRss)} |`;
  });
  return [
    START,
    '## Write outcomes: a 207 with many failed entries',
    '',
    "A DELETE's 207 in which every entry failed (9 in 10 `423 Locked`, 1 in 10 `424 Failed Dependency`), generated piece by piece and read with `requireSuccess(readOutcomes(body, { maxFailures }))` until it rejects with `PARTIAL_FAILURE`. Each row is a child process run with tsx (its own ~60 MB included); the peak RSS is that of the whole process.",
    '',
    '| entries | body MiB | maxFailures | failures kept | failed + dependent counted | time (s) | peak RSS (MB) |',
    '|--:|--:|--:|--:|--:|--:|--:|',
    ...table,
    '',
    'With the default bound (the first 100 failures kept, every failure counted by status) the peak moves little while the body grows a hundredfold, and what it holds does not grow at all: with the V8 heap capped at 24 MB (`--max-old-space-size=24`) the million failed entries are still read to the end, where keeping every failure (`maxFailures: Infinity`) runs out of memory. The uncapped growth from 10,000 to 1,000,000 entries is garbage that V8 collects later when it may, not data held.',
    '',
    `Measured ${r.date} on ${r.cpu}, Node ${r.node}, commit ${r.commit}; load ${r.load[0].toFixed(1)} at the start, ${r.load[1].toFixed(1)} at the end (2 cores shared).`,
    END,
  ].join('\n');
}

const results: Results = process.argv.includes('--report-only') ? (JSON.parse(readFileSync(JSON_PATH, 'utf8')) as Results) : measure();
if (!process.argv.includes('--report-only')) writeFileSync(JSON_PATH, `${JSON.stringify(results, null, 2)}\n`);
const file = join(REPO, 'bench', 'RESULTS.md');
const text = readFileSync(file, 'utf8');
const at = text.indexOf(START);
const next = at < 0 ? `${text.trimEnd()}\n\n${section(results)}\n` : `${text.slice(0, at)}${section(results)}${text.slice(text.indexOf(END, at) + END.length)}`;
writeFileSync(file, next);
console.log(`\n${section(results)}`);
