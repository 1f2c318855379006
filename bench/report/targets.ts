import type { Results } from '../results.js';
import { bytesText, ratioText, sizeLabel } from './format.js';

export interface TargetRow {
  target: string;
  measured: string;
  status: 'met' | 'missed' | 'not measured';
}

const MiB = 1024 * 1024;

/** Checks the targets against whatever parts have results. */
export function evaluateTargets(results: Results): TargetRow[] {
  const rows: TargetRow[] = [];
  const apache = results.throughput?.bodies.find((b) => b.body === 'apache');
  const rate = (id: string): number | undefined => apache?.rows.find((r) => r.id === id)?.mibPerSec;
  const full = rate('multistatus');
  const fxp = rate('webdav-fxp');
  const props = rate('multistatus-properties');

  // Issue 13: the typed parse at 0.80 and the `properties` fast path at 0.90 of raw saxes, on each body.
  for (const body of ['compact', 'apache', 'nextcloud', 'sync']) {
    const b = results.throughput?.bodies.find((x) => x.body === body);
    const r = (id: string): number | undefined => b?.rows.find((x) => x.id === id)?.mibPerSec;
    const raw = r('saxes');
    for (const [id, what, goal] of [['multistatus', 'Full typed parse', 0.8], ['multistatus-properties', 'The `properties` fast path', 0.9]] as const) {
      const target = `${what} at least ${goal.toFixed(2)} of raw saxes without xmlns (${body} body)`;
      const v = r(id);
      rows.push(v && raw ? judge(target, `${ratioText(v / raw)} of saxes`, v / raw >= goal) : unmeasured(target));
    }
  }
  rows.push(
    full && fxp
      ? judge('Full typed parse at least 5x fast-xml-parser as the webdav client uses it', `${ratioText(full / fxp)} webdav-fxp`, full / fxp >= 5)
      : unmeasured('Full typed parse at least 5x fast-xml-parser as the webdav client uses it'),
    full && props
      ? judge('The `properties` fast path faster than the full typed parse', `${ratioText(props / full)} of the full parse`, props > full)
      : unmeasured('The `properties` fast path faster than the full typed parse'),
  );

  const memory = results.memory;
  const flatTarget = 'Peak RSS for a 1 GiB body within 48 MiB of the peak for a 32 MiB body (multistatus, typed)';
  if (memory) {
    const ours = memory.cells.filter((c) => c.approach === 'multistatus');
    const largest = ours.reduce<(typeof ours)[number] | undefined>((a, c) => (!a || c.size > a.size ? c : a), undefined);
    const reference = ours.filter((c) => largest && c.size < largest.size).reduce<(typeof ours)[number] | undefined>(
      (a, c) => (!a || Math.abs(Math.log(c.size / (32 * MiB))) < Math.abs(Math.log(a.size / (32 * MiB))) ? c : a),
      undefined,
    );
    if (largest && reference && largest.peakRss && reference.peakRss && largest.status === 'ok') {
      const growth = largest.peakRss - reference.peakRss;
      const target = `Peak RSS for a ${sizeLabel(largest.size)} body within 48 MiB of the peak for a ${sizeLabel(reference.size)} body (multistatus, typed)`;
      rows.push(judge(target, `${sizeLabel(largest.size)}: ${bytesText(largest.peakRss)}, ${sizeLabel(reference.size)}: ${bytesText(reference.peakRss)} (${growth >= 0 ? '+' : ''}${(growth / MiB).toFixed(1)} MiB)`, growth <= 48 * MiB));
    } else {
      rows.push(unmeasured(flatTarget));
    }
    const top = Math.max(...memory.sizes);
    const whole = memory.cells.filter((c) => c.size === top && (c.approach === 'webdav-fxp' || c.approach === 'xmldom'));
    if (top < 1024 * MiB) {
      rows.push(unmeasured('The whole-document peers fail or use gigabytes at 1 GiB'));
    } else if (whole.length) {
      const fails = whole.every((c) => c.status !== 'ok' || (c.peakRss ?? 0) >= 1024 * MiB);
      const measured = whole.map((c) => `${c.approach}: ${c.status === 'ok' ? bytesText(c.peakRss ?? 0) : c.status}`).join('; ');
      rows.push(judge(`The whole-document peers fail or use gigabytes at ${sizeLabel(top)}`, measured, fails));
    }
  } else {
    rows.push(unmeasured(flatTarget));
  }

  const leak = results.leak?.result;
  const leakTarget = 'No per-response leak: heap after GC at the last response equals heap at the checkpoint';
  if (leak?.heapGrowth !== undefined && leak.early && leak.late) {
    rows.push(
      judge(
        leakTarget,
        `${leak.late.responses.toLocaleString('en')} responses vs ${leak.early.responses.toLocaleString('en')}: heap ${leak.heapGrowth >= 0 ? '+' : ''}${(leak.heapGrowth / 1024).toFixed(0)} KiB`,
        leak.pass,
      ),
    );
  } else {
    rows.push(unmeasured(leakTarget));
  }

  const ttfr = results.ttfr?.runs;
  const ttfrTarget = 'A slowly delivered body yields its first response after the chunk that completes it';
  if (ttfr?.length) {
    const streaming = ttfr.flatMap((run) => run.faces.filter((f) => f.streaming).map((f) => ({ run, f })));
    const worst = streaming.reduce((a, b) => (b.f.chunksAtFirst - b.run.firstCompletingChunk > a.f.chunksAtFirst - a.run.firstCompletingChunk ? b : a));
    rows.push(
      judge(
        ttfrTarget,
        `${streaming.filter(({ f }) => f.pass).length} of ${streaming.length} face/chunking runs; worst: chunk ${worst.f.chunksAtFirst} of ${worst.run.chunks} (completing chunk ${worst.run.firstCompletingChunk})`,
        streaming.every(({ f }) => f.pass),
      ),
    );
  } else {
    rows.push(unmeasured(ttfrTarget));
  }
  return rows;
}

function judge(target: string, measured: string, ok: boolean): TargetRow {
  return { target, measured, status: ok ? 'met' : 'missed' };
}

function unmeasured(target: string): TargetRow {
  return { target, measured: '-', status: 'not measured' };
}
