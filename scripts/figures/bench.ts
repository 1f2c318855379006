/**
 * `npm run -s figures:bench [throughput|memory|walk]`: benchmark figures for the docs, printed from
 * the committed results (bench/results/*.json, written by `npm run bench`, `bench:memory`,
 * `bench:walk`), so that the check is exact while the figures come from one recorded run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const results = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'results');
const read = <T>(name: string): T => JSON.parse(readFileSync(path.join(results, `${name}.json`), 'utf8')) as T;

interface Machine { cpu: string; cores: number; node: string; commit: string; date: string; packages: Record<string, string> }
interface Row { id: string; mibPerSec: number; ratioToSaxes?: number }
interface Throughput { machine: Machine; bodies: { body: string; bodyLabel: string; rows: Row[] }[] }
interface Memory { machine: Machine; body: string; sizes: number[]; labels: Record<string, string>; cells: { approach: string; size: number; status: string; peakRss?: number }[] }
interface Walk { machine: Machine; rows: { name: string; runs: { mode: string; requests: number; responses: number; maxRssMB: number; ms: number }[] }[] }

const mib = (n: number): string => `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MiB`;
const size = (n: number): string => (n >= 1073741824 ? `${n / 1073741824} GiB` : `${n / 1048576} MiB`);
const where = (m: Machine): string => `${m.cpu}, ${m.cores} cores, Node ${m.node}, multistatus ${m.packages.multistatus ?? '?'} at ${m.commit}, ${m.date.slice(0, 10)}`;

function throughput(): void {
  const t = read<Throughput>('throughput');
  const get = (rows: Row[], id: string): Row | undefined => rows.find((r) => r.id === id);
  const cell = (r: Row | undefined): string => (r ? r.mibPerSec.toFixed(1) : 'n/a');
  console.log(`Throughput in MiB/s of XML (bench/results/throughput.json: ${where(t.machine)}):`);
  console.log('');
  console.log('| body | multistatus (typed) | × raw saxes | `properties` fast path | raw saxes | webdav client (fast-xml-parser) | @xmldom/xmldom |');
  console.log('|---|--:|--:|--:|--:|--:|--:|');
  for (const b of t.bodies) {
    const ms = get(b.rows, 'multistatus');
    console.log(
      `| ${b.bodyLabel} | ${cell(ms)} | ${ms?.ratioToSaxes?.toFixed(2) ?? 'n/a'} | ${cell(get(b.rows, 'multistatus-properties'))} | ${cell(get(b.rows, 'saxes'))} | ${cell(get(b.rows, 'webdav-fxp'))} | ${cell(get(b.rows, 'xmldom'))} |`,
    );
  }
}

function memory(): void {
  const m = read<Memory>('memory');
  const shown = ['multistatus', 'saxes', 'webdav-fxp', 'xmldom'];
  console.log(`Peak RSS of the whole process by body size (${m.body} body; bench/results/memory.json: ${where(m.machine)}):`);
  console.log('');
  console.log(`| | ${m.sizes.map(size).join(' | ')} |`);
  console.log(`|---|${m.sizes.map(() => '--:').join('|')}|`);
  for (const a of shown) {
    const cells = m.sizes.map((s) => {
      const c = m.cells.find((x) => x.approach === a && x.size === s);
      if (!c) return 'n/a';
      return c.status === 'ok' && c.peakRss !== undefined ? mib(c.peakRss) : `fails (${c.status})`;
    });
    console.log(`| ${m.labels[a] ?? a} | ${cells.join(' | ')} |`);
  }
}

function walk(): void {
  const w = read<Walk>('walk');
  console.log(`A 100,000-file tree on apache2 (bench/results/walk.json: ${where(w.machine)}):`);
  console.log('');
  console.log('| how | mode | requests | responses | peak RSS | seconds |');
  console.log('|---|---|--:|--:|--:|--:|');
  for (const r of w.rows) {
    const run = r.runs[0]!;
    console.log(`| ${r.name} | ${run.mode} | ${run.requests} | ${run.responses.toLocaleString('en-US')} | ${run.maxRssMB} MB | ${(run.ms / 1000).toFixed(1)} |`);
  }
}

const parts: Record<string, () => void> = { throughput, memory, walk };
const asked = process.argv.slice(2);
for (const [i, name] of (asked.length ? asked : Object.keys(parts)).entries()) {
  const part = parts[name];
  if (!part) throw new Error(`figures:bench: no part ${name} (${Object.keys(parts).join(', ')})`);
  if (i > 0) console.log('');
  part();
}
