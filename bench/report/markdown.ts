import type { LeakFile, MemoryFile, ProfileFile, Results, ThroughputFile, TtfrFile } from '../results.js';
import { bytesText, rateText, ratioText, secondsText, sizeLabel, table } from './format.js';
import type { Machine } from './machine.js';
import { evaluateTargets } from './targets.js';

/** Renders RESULTS.md from whatever parts have results. `chart` is the chart's file name beside it. */
export function renderMarkdown(results: Results, chart: string | undefined, analysis?: string): string {
  const out: string[] = [
    '# Benchmark results',
    '',
    'Written by the benchmark runner (`npm run bench`, `npm run bench:memory`, `npm run bench:profile`; see',
    '[README.md](README.md)); do not edit by hand. Each section says when and where it was measured.',
    '',
  ];
  const machines = [results.throughput, results.memory, results.ttfr, results.leak, results.profile].flatMap((p) => (p ? [p.machine] : []));
  if (machines[0]) out.push('## Machine', '', machineTable(machines[0]), '');
  out.push('## Targets', '', table(['target', 'measured', ''], evaluateTargets(results).map((t) => [t.target, t.measured, t.status])), '');
  if (analysis) out.push(analysis.trim(), '');
  if (results.throughput) out.push(...throughput(results.throughput));
  if (results.memory) out.push(...memory(results.memory, chart));
  if (results.ttfr) out.push(...ttfr(results.ttfr));
  if (results.leak) out.push(...leak(results.leak));
  if (results.profile) out.push(...profile(results.profile));
  return out.join('\n') + '\n';
}

function machineTable(m: Machine): string {
  return table(
    ['', ''],
    [
      ['CPU', `${m.cpu} (${m.cores} cores)`],
      ['Memory', `${m.memoryGiB} GiB`],
      ['OS', m.os],
      ['Node', `${m.node} (V8 ${m.v8})`],
      ['Packages', Object.entries(m.packages).map(([p, v]) => `${p} ${v}`).join(', ')],
      ['Library commit', m.commit],
    ],
  );
}

function when(m: Machine): string {
  const load = m.loadEnd === undefined ? `${m.loadStart.toFixed(2)}` : `${m.loadStart.toFixed(2)} at the start, ${m.loadEnd.toFixed(2)} at the end`;
  return `Measured ${m.date.slice(0, 16).replace('T', ' ')} UTC, commit ${m.commit}, load average ${load}.`;
}

function throughput(t: ThroughputFile): string[] {
  const out = [
    '## Throughput',
    '',
    `${when(t.machine)} benchmark.js (maxTime ${t.maxTime} s, at least ${t.minSamples} samples), all approaches in one process, one after the other, on the same in-memory chunks of 64 KiB. "±" is benchmark.js's relative margin of error (95 %). "× saxes" is the ratio to raw saxes without xmlns and without handlers.`,
    '',
  ];
  for (const b of t.bodies) {
    out.push(`### ${b.bodyLabel}`, '', `${bytesText(b.bytes)}, ${b.responses.toLocaleString('en')} responses, ${b.chunks} chunks.`, '');
    out.push(
      table(
        ['approach', 'MiB/s', '±', 'samples', '× saxes'],
        b.rows.map((r) =>
          r.error
            ? [r.label, 'failed', '', '', r.error]
            : [r.label, rateText(r.mibPerSec ?? 0), `${(r.rme ?? 0).toFixed(1)} %`, String(r.samples ?? ''), r.ratioToSaxes === undefined ? '' : ratioText(r.ratioToSaxes)],
        ),
      ),
      '',
    );
  }
  return out;
}

function memoryCell(m: MemoryFile, approach: string, size: number, show: 'rss' | 'rate'): string {
  const c = m.cells.find((x) => x.approach === approach && x.size === size);
  if (!c) return '';
  if (c.status === 'ok') return show === 'rss' ? bytesText(c.peakRss ?? 0) : rateText(c.mibPerSec ?? 0);
  const peak = c.peakRss ? ` (peak ≥ ${bytesText(c.peakRss)})` : '';
  const what = { 'out-of-memory': 'out of memory', 'string-limit': 'string length limit', timeout: 'timeout', error: 'error', skipped: 'not run', ok: '' }[c.status];
  return show === 'rss' ? `✗ ${what}${peak}` : `✗ ${what}`;
}

function memory(m: MemoryFile, chart: string | undefined): string[] {
  const sizes = [...m.sizes].sort((a, b) => a - b);
  const approaches = [...new Set(m.cells.map((c) => c.approach))];
  const label = (id: string): string => m.labels[id] ?? id;
  const out = [
    '## Memory against body size',
    '',
    `${when(m.machine)} ${m.body} body generated chunk by chunk (64 KiB) inside each child process, never held whole by the generator. One process per approach and size; peak RSS is the process's high-water mark (getrusage maxRSS; for a child that dies, the last VmHWM polled from /proc). The whole-document approaches read the body the way \`await response.text()\` does. V8 heap limit ${bytesText(m.heapLimit)}, time limit ${m.timeoutSeconds} s per run.`,
    '',
  ];
  if (chart) out.push(`![Throughput and peak RSS against body size](${chart})`, '');
  out.push('### Peak RSS', '', table(['approach', ...sizes.map(sizeLabel)], approaches.map((a) => [label(a), ...sizes.map((s) => memoryCell(m, a, s, 'rss'))])), '');
  const baselines = m.cells.filter((c) => c.baselineRss).map((c) => c.baselineRss ?? 0);
  if (baselines.length) out.push(`RSS before the body started (runtime, modules): ${bytesText(Math.min(...baselines))} to ${bytesText(Math.max(...baselines))}.`, '');
  out.push(
    '### Throughput in the same runs (MiB/s)',
    '',
    'One run each, generator time taken out; a cold process, so lower than the benchmark.js figures above.',
    '',
    table(['approach', ...sizes.map(sizeLabel)], approaches.map((a) => [label(a), ...sizes.map((s) => memoryCell(m, a, s, 'rate'))])),
    '',
  );
  const failures = m.cells.filter((c) => c.status !== 'ok' && c.detail);
  if (failures.length) {
    out.push('### Runs that did not finish', '', table(['approach', 'size', 'result', 'after', 'detail'], failures.map((c) => [label(c.approach), sizeLabel(c.size), c.status, secondsText(c.wallSeconds), c.detail ?? ''])), '');
  }
  return out;
}

function ttfr(t: TtfrFile): string[] {
  const out = ['## Time to first response', '', `${when(t.machine)} The body is delivered one chunk at a time with a pause between chunks; times are from the first chunk.`, ''];
  for (const run of t.runs) {
    out.push(
      `### ${bytesText(run.bodyBytes)} ${run.body} body, ${run.chunkSize >= 1024 ? `${run.chunkSize / 1024} KiB` : `${run.chunkSize} B`} every ${run.intervalMs} ms (${run.chunks} chunks; chunk ${run.firstCompletingChunk} completes the first response)`,
      '',
      table(
        ['face', 'first response', 'chunks delivered then', 'last chunk', 'done', 'responses', ''],
        run.faces.map((f) => [
          f.face,
          `${f.firstResponseMs.toFixed(0)} ms`,
          String(f.chunksAtFirst),
          `${f.lastChunkMs.toFixed(0)} ms`,
          `${f.endMs.toFixed(0)} ms`,
          f.responses.toLocaleString('en'),
          f.streaming ? (f.pass ? 'ok' : 'LATE') : 'needs the whole body',
        ]),
      ),
      '',
    );
  }
  return out;
}

function leak(l: LeakFile): string[] {
  const r = l.result;
  const out = ['## Leak check', '', `${when(l.machine)} A sync-collection body streamed into the push parser; after a full GC (\`--expose-gc\`, three \`gc()\` calls) at the checkpoint and at the last response.`, ''];
  if (r.error || !r.early || !r.late) {
    out.push(`Failed: ${r.error ?? 'no snapshots'}`, '');
    return out;
  }
  const row = (s: NonNullable<typeof r.early>): string[] => [s.responses.toLocaleString('en'), bytesText(s.heapUsed), bytesText(s.rss), bytesText(s.external), secondsText(s.seconds)];
  out.push(
    table(['after responses', 'heap used', 'RSS', 'external', 'elapsed'], [row(r.early), row(r.late)]),
    '',
    `Body: ${bytesText(r.bytes)}. Heap growth ${((r.heapGrowth ?? 0) / 1024).toFixed(0)} KiB (tolerance ${(r.tolerance / 1024).toFixed(0)} KiB): ${r.pass ? 'no leak' : 'LEAK'}.`,
    '',
  );
  return out;
}

function profile(p: ProfileFile): string[] {
  const r = p.result;
  return [
    '## Where the time goes (CPU profile)',
    '',
    `${when(p.machine)} \`${r.approach}\` on the ${r.body} body (${bytesText(r.bytes)}), ${r.runs} runs after a warm-up, V8 CPU profiler (as \`node --cpu-prof\`) sampling every ${r.samplingIntervalUs} µs; ${r.totalMs.toFixed(0)} ms sampled. Self time: samples in the function itself (with whatever V8 inlined into it) times the median sampling interval. Our files are mapped back to their TypeScript lines.`,
    '',
    '### By file',
    '',
    table(['file', 'self ms', 'share'], r.files.map((f) => [f.name, f.selfMs.toFixed(0), `${(f.share * 100).toFixed(1)} %`])),
    '',
    '### By function',
    '',
    table(['function', 'where', 'self ms', 'share'], r.functions.map((f) => [f.name, f.where, f.selfMs.toFixed(0), `${(f.share * 100).toFixed(1)} %`])),
    '',
  ];
}
