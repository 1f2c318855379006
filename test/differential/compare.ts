/**
 * Runs one input through both tokenizers in one chunking and says how they differ: not at all,
 * by a known (rule-decided) difference, or unexplained (printed with the input).
 */
import type { Outcome, Tokenize, XmlEvent } from './events.js';
import type { Chunking, Input } from './corpus.js';
import { explain } from './known-differences.js';
import { tokenizeSaxes } from './saxes.js';

/** Adjacent text events merged, empty ones dropped: comments and PIs may split text or not. */
export function normalise(events: readonly XmlEvent[]): XmlEvent[] {
  const out: XmlEvent[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e.t !== 'text') out.push(e);
    else if (e.text === '') continue;
    else if (last?.t === 'text') out[out.length - 1] = { t: 'text', text: last.text + e.text };
    else out.push(e);
  }
  return out;
}

/** Index of the first differing event, or -1. */
export function firstDifference(a: readonly XmlEvent[], b: readonly XmlEvent[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) return i;
  return -1;
}

export type Verdict = { kind: 'same' } | { kind: 'known'; name: string } | { kind: 'unexplained'; report: string };

/** Tally of verdicts over a run. */
export class Tally {
  cases = 0;
  same = 0;
  readonly known = new Map<string, number>();
  readonly unexplained: string[] = [];

  add(v: Verdict): void {
    this.cases++;
    if (v.kind === 'same') this.same++;
    else if (v.kind === 'known') this.known.set(v.name, (this.known.get(v.name) ?? 0) + 1);
    else this.unexplained.push(v.report);
  }

  /** Fails (throws) listing the first unexplained disagreements. */
  check(what: string): void {
    if (this.unexplained.length === 0) return;
    const shown = this.unexplained.slice(0, 10).join('\n\n');
    throw new Error(`${what}: ${this.unexplained.length} unexplained disagreement(s) of ${this.cases} cases\n\n${shown}`);
  }
}

const brief = (o: Outcome): string => (o.ok ? `accepted (${o.events.length} events)` : `refused at ${o.line}:${o.column}: ${o.message}`);

function excerpt(text: string, o: Outcome): string {
  if (text.length <= 3000) return JSON.stringify(text);
  if (o.ok) return `${JSON.stringify(text.slice(0, 600))} … (${text.length} characters)`;
  const lines = text.split('\n');
  const line = lines[o.line - 1] ?? '';
  return `(${text.length} characters) line ${o.line}: ${JSON.stringify(line.slice(Math.max(0, o.column - 300), o.column + 300))}`;
}

/** Both tokenizers over `chunking` of `input`. */
export function compareOne(ours: Tokenize, input: Input, chunking: Chunking, strict: boolean): Verdict {
  const a = ours(chunking.chunks, { strict });
  const b = tokenizeSaxes(chunking.chunks, { strict });
  let detail = '';
  if (a.ok && b.ok) {
    const ea = normalise(a.events);
    const eb = normalise(b.events);
    const i = firstDifference(ea, eb);
    if (i < 0) return { kind: 'same' };
    detail = `events differ at #${i}: ours ${JSON.stringify(ea[i])}, saxes ${JSON.stringify(eb[i])}`;
  } else if (!a.ok && !b.ok) {
    return { kind: 'same' };
  }
  const text = chunking.chunks.join('');
  const known = explain({ text, strict, ours: a, saxes: b });
  if (known) return { kind: 'known', name: known.name };
  const report =
    `${input.name} [${chunking.how}, strict: ${strict}]\n  ours:  ${brief(a)}\n  saxes: ${brief(b)}\n` +
    (detail ? `  ${detail}\n` : '') +
    `  input: ${excerpt(text, a.ok ? b : a)}`;
  return { kind: 'unexplained', report };
}
