import type { MemoryCell } from '../memory.js';
import type { MemoryFile } from '../results.js';
import { sizeLabel } from './format.js';

const MiB = 1024 * 1024;
const PANEL_W = 380;
const PANEL_H = 260;
const TOP = 50;
const LEFT = 70;
const GAP = 110;
const COLORS = ['#d62728', '#ff7f0e', '#9467bd', '#1f77b4', '#17becf', '#2ca02c', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];
const FAILED: Record<string, string> = { 'out-of-memory': 'OOM', 'string-limit': 'string limit', timeout: 'timeout', error: 'error', skipped: 'not run' };

interface Series {
  id: string;
  label: string;
  color: string;
  style: 'library' | 'floor' | 'client';
}

/**
 * Hand-written SVG: throughput (left) and peak RSS (right) against body size, log scales, one
 * line per approach; a run that did not finish is a cross at the top of its panel.
 */
export function renderChart(m: MemoryFile, groups: Record<string, 'library' | 'floor' | 'client'>): string {
  const sizes = [...m.sizes].sort((a, b) => a - b);
  const ids = [...new Set(m.cells.map((c) => c.approach))];
  const series: Series[] = ids.map((id, i) => ({ id, label: m.labels[id] ?? id, color: COLORS[i % COLORS.length] as string, style: groups[id] ?? 'client' }));
  const ok = m.cells.filter((c) => c.status === 'ok');
  const rates = ok.map((c) => c.mibPerSec ?? 0).filter((r) => r > 0);
  const rss = ok.map((c) => (c.peakRss ?? 0) / MiB).filter((r) => r > 0);
  const legendRows = Math.ceil(series.length / 3);
  const width = LEFT + 2 * PANEL_W + GAP + 30;
  const height = TOP + PANEL_H + 60 + legendRows * 20 + 10;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
  ];
  const panels: [string, string, number[], (c: MemoryCell) => number | undefined][] = [
    ['Throughput (MiB/s, log)', 'rate', rates, (c) => c.mibPerSec],
    ['Peak RSS (MiB, log)', 'rss', rss, (c) => (c.peakRss === undefined ? undefined : c.peakRss / MiB)],
  ];
  panels.forEach(([title, , values, value], p) => {
    const x0 = LEFT + p * (PANEL_W + GAP);
    const xScale = logScale(sizes[0] ?? 1, sizes[sizes.length - 1] ?? 2, x0, x0 + PANEL_W);
    const [lo, hi] = niceRange(values);
    const yScale = logScale(lo, hi, TOP + PANEL_H, TOP);
    parts.push(`<text x="${x0 + PANEL_W / 2}" y="${TOP - 28}" text-anchor="middle" font-size="14" font-weight="bold">${title}</text>`);
    parts.push(`<rect x="${x0}" y="${TOP}" width="${PANEL_W}" height="${PANEL_H}" fill="none" stroke="#999"/>`);
    for (const t of ticks(lo, hi)) {
      const y = yScale(t);
      parts.push(`<line x1="${x0}" x2="${x0 + PANEL_W}" y1="${f(y)}" y2="${f(y)}" stroke="#eee"/>`);
      parts.push(`<text x="${x0 - 6}" y="${f(y + 4)}" text-anchor="end">${t >= 1000 ? `${t / 1000}k` : t}</text>`);
    }
    for (const s of sizes) {
      const x = xScale(s);
      parts.push(`<line x1="${f(x)}" x2="${f(x)}" y1="${TOP}" y2="${TOP + PANEL_H}" stroke="#eee"/>`);
      parts.push(`<text x="${f(x)}" y="${TOP + PANEL_H + 16}" text-anchor="middle">${sizeLabel(s)}</text>`);
    }
    parts.push(`<text x="${x0 + PANEL_W / 2}" y="${TOP + PANEL_H + 34}" text-anchor="middle">body size (log)</text>`);
    series.forEach((s, i) => {
      const cells = sizes.map((size) => m.cells.find((c) => c.approach === s.id && c.size === size));
      const dash = s.style === 'floor' ? ' stroke-dasharray="6 4"' : '';
      const widthPx = s.style === 'library' ? 3 : 1.5;
      let run: string[] = [];
      const flush = (): void => {
        if (run.length > 1) parts.push(`<polyline points="${run.join(' ')}" fill="none" stroke="${s.color}" stroke-width="${widthPx}"${dash}/>`);
        run = [];
      };
      cells.forEach((c) => {
        const v = c && c.status === 'ok' ? value(c) : undefined;
        if (!c || v === undefined || v <= 0) {
          flush();
          if (c && c.status !== 'ok') {
            // Stack the crosses of one size, labelled: up from the bottom of the throughput panel, down from the top of the memory one.
            const k = series.slice(0, i).filter((o) => m.cells.some((x) => x.approach === o.id && x.size === c.size && x.status !== 'ok')).length;
            const x = xScale(c.size);
            const y = p === 0 ? TOP + PANEL_H - 10 - k * 14 : TOP + 10 + k * 14;
            const text = `${s.label.split(' ')[0]}: ${FAILED[c.status] ?? c.status}`;
            parts.push(`<path d="M${f(x - 4)} ${f(y - 4)}L${f(x + 4)} ${f(y + 4)}M${f(x - 4)} ${f(y + 4)}L${f(x + 4)} ${f(y - 4)}" stroke="${s.color}" stroke-width="2"><title>${escape(`${s.label}, ${sizeLabel(c.size)}: ${FAILED[c.status] ?? c.status}`)}</title></path>`);
            parts.push(`<text x="${f(x - 8)}" y="${f(y + 4)}" text-anchor="end" font-size="10" fill="${s.color}">${escape(text)}</text>`);
          }
          return;
        }
        const point = `${f(xScale(c.size))},${f(yScale(v))}`;
        run.push(point);
        parts.push(`<circle cx="${f(xScale(c.size))}" cy="${f(yScale(v))}" r="3" fill="${s.color}"><title>${escape(`${s.label}, ${sizeLabel(c.size)}: ${v.toFixed(1)}`)}</title></circle>`);
      });
      flush();
    });
  });
  const legendTop = TOP + PANEL_H + 56;
  series.forEach((s, i) => {
    const x = LEFT + (i % 3) * 290;
    const y = legendTop + Math.floor(i / 3) * 20;
    const dash = s.style === 'floor' ? ' stroke-dasharray="6 4"' : '';
    parts.push(`<line x1="${x}" x2="${x + 28}" y1="${y}" y2="${y}" stroke="${s.color}" stroke-width="${s.style === 'library' ? 3 : 1.5}"${dash}/>`);
    parts.push(`<text x="${x + 34}" y="${y + 4}">${escape(s.label)}</text>`);
  });
  parts.push(`<text x="${width - 10}" y="${height - 6}" text-anchor="end" fill="#666" font-size="10">✕: the run did not finish (out of memory, string length limit, timeout); see RESULTS.md</text>`);
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

function logScale(lo: number, hi: number, from: number, to: number): (v: number) => number {
  const a = Math.log(lo);
  const span = Math.log(hi) - a || 1;
  return (v) => from + ((Math.log(v) - a) / span) * (to - from);
}

/** Powers of ten around the values, widened to 1-2-5 steps. */
function niceRange(values: number[]): [number, number] {
  if (!values.length) return [1, 10];
  const steps = ticks(1e-3, 1e7);
  const lo = [...steps].reverse().find((t) => t <= Math.min(...values)) ?? 1;
  const hi = steps.find((t) => t >= Math.max(...values)) ?? 10;
  return [lo, hi === lo ? lo * 2 : hi];
}

function ticks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p++) {
    for (const m of [1, 2, 5]) {
      const t = +(m * 10 ** p).toPrecision(3);
      if (t >= lo * 0.999 && t <= hi * 1.001) out.push(t);
    }
  }
  return out;
}

function f(n: number): string {
  return n.toFixed(1);
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
