/**
 * Runs one input through both tokenizers in one chunking and says how they differ: not at all,
 * by a known (rule-decided) difference, or unexplained (printed with the input).
 */
import type { Outcome, Tokenize, XmlEvent } from './events.js';
import type { Chunking, Input } from './corpus.js';
import { explain } from './known-differences.js';
import { normalise } from './normalise.js';
import { tokenizeSaxes } from './saxes.js';

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
export function compareOne(tokenize: Tokenize, input: Input, chunking: Chunking, strict: boolean): Verdict {
  const a = tokenize(chunking.chunks, { strict });
  const b = tokenizeSaxes(chunking.chunks, { strict });
  let detail = '';
  let ours = a;
  let saxes = b;
  if (a.ok && b.ok) {
    ours = { ok: true, events: normalise(a.events) };
    saxes = { ok: true, events: normalise(b.events) };
    const i = firstDifference(ours.events, saxes.events);
    if (i < 0) return { kind: 'same' };
    detail = `events differ at #${i}: ours ${JSON.stringify(ours.events[i])}, saxes ${JSON.stringify(saxes.events[i])}`;
  } else if (!a.ok && !b.ok) {
    return { kind: 'same' };
  }
  const text = chunking.chunks.join('');
  const known = explain({ text, strict, ours, saxes });
  if (known) return { kind: 'known', name: known.name };
  const report =
    `${input.name} [${chunking.how}, strict: ${strict}]\n  ours:  ${brief(a)}\n  saxes: ${brief(b)}\n` +
    (detail ? `  ${detail}\n` : '') +
    `  input: ${excerpt(text, a.ok ? b : a)}`;
  return { kind: 'unexplained', report };
}
