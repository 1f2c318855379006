/**
 * The benchmark runner. `node dist/bench/run.js [--quick] [--out DIR] PART...` with PART one of
 * throughput, memory, ttfr, leak, profile, report. Each part saves its figures as JSON under
 * DIR/results/, then DIR/RESULTS.md and DIR/results.svg are written again from every part's
 * latest figures. DIR is bench/ for a full run and a temporary directory for --quick.
 * --bodies and --approaches narrow a run (and then need --out, to keep bench/results whole).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import { APPROACH_IDS, isApproachId, loadApproach, loadApproaches } from './approaches/index.js';
import { BODIES, isBodyName, type BodyName } from './generators/index.js';
import { runLeak } from './leak.js';
import { runMemory, type MemoryCell } from './memory.js';
import { REPO_ROOT } from './paths.js';
import { runProfile } from './profile.js';
import { loadResults, saveResult, type Part } from './results.js';
import { renderChart } from './report/chart.js';
import { bytesText, rateText, ratioText, sizeLabel } from './report/format.js';
import { describeMachine, finishMachine } from './report/machine.js';
import { renderMarkdown } from './report/markdown.js';
import { evaluateTargets } from './report/targets.js';
import { runThroughput, type ThroughputRow } from './throughput.js';
import { runTtfr, type TtfrOptions } from './ttfr.js';

const MiB = 1024 * 1024;

interface Preset {
  throughput: { bodies: BodyName[]; bytes: number; approaches: string[]; maxTime: number; minSamples: number };
  memory: { body: BodyName; sizes: number[]; approaches: string[]; timeoutSeconds: number };
  ttfr: TtfrOptions[];
  leak: { total: number; checkpoint: number; timeoutSeconds: number };
  profile: { approach: string; body: BodyName; bytes: number; runs: number };
}

const MEMORY_APPROACHES = ['multistatus', 'multistatus-properties', 'textdecoder', 'saxes', 'saxes-xmlns', 'sax', 'webdav-fxp', 'xmldom'];

const FULL: Preset = {
  throughput: { bodies: ['compact', 'apache', 'nextcloud', 'caldav', 'sync'], bytes: 8 * MiB, approaches: [...APPROACH_IDS], maxTime: 4, minSamples: 5 },
  memory: { body: 'apache', sizes: [10 * MiB, 32 * MiB, 100 * MiB, 1024 * MiB], approaches: MEMORY_APPROACHES, timeoutSeconds: 180 },
  ttfr: [
    { body: 'apache', bytes: 4 * MiB, chunkSize: 64 * 1024, intervalMs: 10 },
    { body: 'apache', bytes: 64 * 1024, chunkSize: 256, intervalMs: 5 },
  ],
  leak: { total: 10_000_000, checkpoint: 100_000, timeoutSeconds: 900 },
  profile: { approach: 'multistatus', body: 'apache', bytes: 32 * MiB, runs: 3 },
};

const QUICK: Preset = {
  throughput: { bodies: ['apache'], bytes: 512 * 1024, approaches: [...APPROACH_IDS], maxTime: 0.25, minSamples: 3 },
  memory: { body: 'apache', sizes: [1 * MiB, 4 * MiB], approaches: MEMORY_APPROACHES, timeoutSeconds: 30 },
  ttfr: [
    { body: 'apache', bytes: 1 * MiB, chunkSize: 64 * 1024, intervalMs: 10 },
    { body: 'apache', bytes: 16 * 1024, chunkSize: 256, intervalMs: 2 },
  ],
  leak: { total: 300_000, checkpoint: 3_000, timeoutSeconds: 120 },
  profile: { approach: 'multistatus', body: 'apache', bytes: 4 * MiB, runs: 2 },
};

const RUNNABLE: readonly string[] = ['throughput', 'memory', 'ttfr', 'leak', 'profile', 'report'];

interface Args {
  quick: boolean;
  out: string;
  parts: string[];
  /** Only these bodies (throughput) and approaches (throughput, memory). */
  bodies?: string[];
  approaches?: string[];
}

const USAGE = `usage: run.js [--quick] [--out DIR] [--bodies a,b] [--approaches a,b] ${RUNNABLE.join('|')}...`;

function parseArgs(argv: string[]): Args {
  let quick = false;
  let out: string | undefined;
  let bodies: string[] | undefined;
  let approaches: string[] | undefined;
  const parts: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--quick') quick = true;
    else if (arg === '--out') out = argv[++i];
    else if (arg === '--bodies') bodies = (argv[++i] ?? '').split(',');
    else if (arg === '--approaches') approaches = (argv[++i] ?? '').split(',');
    else if (RUNNABLE.includes(arg)) parts.push(arg);
    else throw new Error(`unknown argument ${arg}; ${USAGE}`);
  }
  if (!parts.length) throw new Error(`name at least one part; ${USAGE}`);
  for (const b of bodies ?? []) if (!isBodyName(b)) throw new Error(`unknown body ${b}; known: ${Object.keys(BODIES).join(', ')}`);
  for (const a of approaches ?? []) if (!isApproachId(a)) throw new Error(`unknown approach ${a}; known: ${APPROACH_IDS.join(', ')}`);
  if ((bodies || approaches) && out === undefined && !quick) throw new Error('--bodies and --approaches make a partial run: give --out DIR so that bench/results keeps the full one');
  const benchDir = join(REPO_ROOT, 'bench');
  const args: Args = { quick, out: out ?? (quick ? join(os.tmpdir(), 'multistatus-bench-quick') : benchDir), parts };
  if (bodies) args.bodies = bodies;
  if (approaches) args.approaches = approaches;
  return args;
}

/** The preset narrowed to the bodies and approaches asked for. */
function narrow(preset: Preset, args: Args): Preset {
  const keep = <T extends string>(list: T[], only: string[] | undefined): T[] => (only ? list.filter((x) => only.includes(x)) : list);
  return {
    ...preset,
    throughput: { ...preset.throughput, bodies: keep(preset.throughput.bodies, args.bodies), approaches: keep(preset.throughput.approaches, args.approaches) },
    memory: { ...preset.memory, approaches: keep(preset.memory.approaches, args.approaches) },
  };
}

function log(line: string): void {
  process.stdout.write(line + '\n');
}

function throughputLine(r: ThroughputRow): string {
  if (r.error) return `  ${r.label.padEnd(34)} failed: ${r.error}`;
  return `  ${r.label.padEnd(34)} ${rateText(r.mibPerSec ?? 0).padStart(6)} MiB/s ±${(r.rme ?? 0).toFixed(1).padStart(4)} % (${r.samples} samples)`;
}

function memoryLine(c: MemoryCell): string {
  const what = c.status === 'ok' ? `${bytesText(c.peakRss ?? 0).padStart(10)} peak RSS, ${rateText(c.mibPerSec ?? 0)} MiB/s` : `${c.status}: ${c.detail ?? ''}`;
  return `  ${c.approach.padEnd(24)} ${sizeLabel(c.size).padStart(8)}  ${what} (${c.wallSeconds.toFixed(1)} s)`;
}

async function runPart(part: Exclude<Part, never> | 'report', preset: Preset, dir: string): Promise<void> {
  const machine = describeMachine();
  switch (part) {
    case 'throughput': {
      const p = preset.throughput;
      const approaches = await loadApproaches(p.approaches);
      const bodies = [];
      for (const body of p.bodies) {
        log(`throughput: ${body}, ${sizeLabel(p.bytes)}`);
        const result = await runThroughput({ body, bytes: p.bytes, approaches, maxTime: p.maxTime, minSamples: p.minSamples, onRow: (r) => log(throughputLine(r)) });
        for (const r of result.rows) if (r.ratioToSaxes !== undefined) log(`  ${r.label.padEnd(34)} ${ratioText(r.ratioToSaxes)} saxes`);
        bodies.push(result);
      }
      saveResult(dir, 'throughput', { machine: finishMachine(machine), maxTime: p.maxTime, minSamples: p.minSamples, bodies });
      return;
    }
    case 'memory': {
      const p = preset.memory;
      log(`memory: ${p.body}, ${p.sizes.map(sizeLabel).join(', ')}`);
      const approaches = await loadApproaches(p.approaches);
      const cells = await runMemory({ ...p, onCell: (c) => log(memoryLine(c)) });
      log(`  (${cells.reduce((t, c) => t + c.wallSeconds, 0).toFixed(0)} s in children)`);
      saveResult(dir, 'memory', {
        machine: finishMachine(machine),
        body: p.body,
        sizes: p.sizes,
        timeoutSeconds: p.timeoutSeconds,
        heapLimit: v8.getHeapStatistics().heap_size_limit,
        labels: Object.fromEntries(approaches.map((a) => [a.id, a.label])),
        groups: Object.fromEntries(approaches.map((a) => [a.id, a.group])),
        cells,
      });
      return;
    }
    case 'ttfr': {
      const runs = [];
      for (const options of preset.ttfr) {
        log(`time to first response: ${sizeLabel(options.bytes)} in chunks of ${options.chunkSize} B every ${options.intervalMs} ms`);
        const run = await runTtfr(options);
        for (const f of run.faces) log(`  ${f.face.padEnd(40)} first after ${f.firstResponseMs.toFixed(0)} ms, chunk ${f.chunksAtFirst} of ${run.chunks} (completing chunk ${run.firstCompletingChunk})`);
        runs.push(run);
      }
      saveResult(dir, 'ttfr', { machine: finishMachine(machine), runs });
      return;
    }
    case 'leak': {
      const p = preset.leak;
      log(`leak check: ${p.total.toLocaleString('en')} responses, checkpoint at ${p.checkpoint.toLocaleString('en')}`);
      const result = await runLeak(p.total, p.checkpoint, p.timeoutSeconds);
      log(result.error ? `  failed: ${result.error}` : `  heap ${bytesText(result.early?.heapUsed ?? 0)} -> ${bytesText(result.late?.heapUsed ?? 0)}, RSS ${bytesText(result.early?.rss ?? 0)} -> ${bytesText(result.late?.rss ?? 0)}: ${result.pass ? 'no leak' : 'LEAK'}`);
      saveResult(dir, 'leak', { machine: finishMachine(machine), result });
      return;
    }
    case 'profile': {
      const p = preset.profile;
      log(`profile: ${p.approach} on ${p.body}, ${sizeLabel(p.bytes)} x ${p.runs}`);
      const result = await runProfile(await loadApproach(p.approach), p.body, p.bytes, p.runs, join(dir, `${p.approach}.cpuprofile`));
      for (const f of result.functions.slice(0, 12)) log(`  ${f.selfMs.toFixed(0).padStart(6)} ms ${(f.share * 100).toFixed(1).padStart(5)} %  ${f.name} ${f.where}`);
      result.profileFile = `results/${p.approach}.cpuprofile`;
      saveResult(dir, 'profile', { machine: finishMachine(machine), result });
      return;
    }
    case 'report':
      return;
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { out, parts } = args;
  const preset = narrow(args.quick ? QUICK : FULL, args);
  const jsonDir = join(out, 'results');
  const started = performance.now();
  for (const part of parts) {
    const t = performance.now();
    await runPart(part as Part | 'report', preset, jsonDir);
    log(`${part}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const results = loadResults(jsonDir);
  const chart = results.memory ? 'results.svg' : undefined;
  if (results.memory) writeFileSync(join(out, 'results.svg'), renderChart(results.memory, results.memory.groups));
  // The reading of the figures (why a target is missed) is written by hand in bench/ANALYSIS.md.
  const analysisFile = join(REPO_ROOT, 'bench', 'ANALYSIS.md');
  const analysis = existsSync(analysisFile) ? readFileSync(analysisFile, 'utf8') : undefined;
  // The walk and write-outcome sections (npm run bench:walk, bench:write-outcome) have their own runners: carry them over.
  const previous = existsSync(join(out, 'RESULTS.md')) ? readFileSync(join(out, 'RESULTS.md'), 'utf8') : '';
  const kept = [...previous.matchAll(/<!-- (walk|write-outcome):[^]*?<!-- \/\1 -->/g)].map((m) => `\n${m[0]}\n`).join('');
  writeFileSync(join(out, 'RESULTS.md'), renderMarkdown(results, chart, analysis) + kept);
  log('');
  for (const t of evaluateTargets(results)) log(`${t.status.padEnd(12)} ${t.target}: ${t.measured}`);
  log(`\nwrote ${join(out, 'RESULTS.md')}${chart ? ` and ${join(out, chart)}` : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Missed targets are figures, not failures; a broken measurement is a failure.
  const problems = [
    ...(results.throughput?.bodies ?? []).flatMap((b) => b.rows.filter((r) => r.error).map((r) => `throughput ${b.body} ${r.id}: ${r.error}`)),
    ...(results.memory?.cells ?? []).filter((c) => c.status === 'error').map((c) => `memory ${c.approach} ${sizeLabel(c.size)}: ${c.detail ?? ''}`),
    ...(results.leak?.result.error ? [`leak: ${results.leak.result.error}`] : []),
  ];
  if (problems.length) {
    log(`\n${problems.length} measurement(s) failed:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
}

await main();
