/**
 * Runs the selected conformance cases through a tokenizer (strict mode; whole and one character
 * per chunk) and sums the results per suite section, as a Markdown table.
 */
import type { Tokenize } from '../differential/events.js';
import type { ConformanceCase } from './catalogue.js';

export interface CaseResult {
  case: ConformanceCase;
  accepted: boolean;
  /** Who refused: the decode layer (bytes, or a tolerated quirk in strict mode) or the tokenizer. */
  refusedBy?: 'decode' | 'tokenizer';
  message?: string;
  /** The outcome is the same in one chunk and one character per chunk. */
  chunkingAgrees: boolean;
  pass: boolean;
}

export function runCase(tokenize: Tokenize, c: ConformanceCase): CaseResult {
  const done = (accepted: boolean, refusedBy?: 'decode' | 'tokenizer', message?: string, chunkingAgrees = true): CaseResult => ({
    case: c,
    accepted,
    ...(refusedBy && { refusedBy }),
    ...(message !== undefined && { message }),
    chunkingAgrees,
    pass: accepted === (c.expect === 'accept') && chunkingAgrees,
  });
  if (c.text === undefined) return done(false, 'decode', c.decodeError);
  if (c.decodeNotes.length > 0) return done(false, 'decode', c.decodeNotes.join('; '));
  const whole = tokenize([c.text], { strict: true });
  const chars = tokenize([...c.text], { strict: true });
  const agrees = whole.ok === chars.ok;
  if (whole.ok) return done(true, undefined, agrees ? undefined : `in 1-char chunks: ${chars.ok ? '' : chars.message}`, agrees);
  return done(false, 'tokenizer', `${whole.line}:${whole.column}: ${whole.message}`, agrees);
}

export interface SectionRow {
  section: string;
  selected: number;
  notWf: number;
  refused: number;
  /** Of the not-wf cases refused, those refused by the decode layer before the tokenizer. */
  byDecoding: number;
  wf: number;
  accepted: number;
  failures: CaseResult[];
}

export function bySection(results: readonly CaseResult[]): SectionRow[] {
  const rows = new Map<string, SectionRow>();
  for (const r of results) {
    const s = r.case.section;
    let row = rows.get(s);
    if (!row) rows.set(s, (row = { section: s, selected: 0, notWf: 0, refused: 0, byDecoding: 0, wf: 0, accepted: 0, failures: [] }));
    row.selected++;
    if (r.case.expect === 'refuse') {
      row.notWf++;
      if (r.pass) row.refused++;
      if (r.pass && r.refusedBy === 'decode') row.byDecoding++;
    } else {
      row.wf++;
      if (r.pass) row.accepted++;
    }
    if (!r.pass) row.failures.push(r);
  }
  return [...rows.values()];
}

const describeFailure = (r: CaseResult): string =>
  `\`${r.case.id}\` (${r.case.type}, ${r.case.file}): ${r.accepted ? 'accepted' : `refused: ${(r.message ?? '').replace(/\s+/g, ' ')}`}` +
  (r.chunkingAgrees ? '' : ' (the outcome depends on the chunking)');

/** The Markdown table of two runs (ours, saxes) over the same cases. */
export function markdownTable(ours: readonly CaseResult[], saxes: readonly CaseResult[]): string {
  const a = bySection(ours);
  const b = new Map(bySection(saxes).map((r) => [r.section, r]));
  const lines = [
    '| suite section | selected | not-wf refused | of which by decoding | well-formed accepted | failures (ours) | failures (saxes) |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  const sum = { selected: 0, notWf: 0, refused: 0, byDecoding: 0, wf: 0, accepted: 0, fa: 0, fb: 0 };
  for (const row of a) {
    const fb = b.get(row.section)?.failures.length ?? 0;
    lines.push(
      `| ${row.section} | ${row.selected} | ${row.refused} / ${row.notWf} | ${row.byDecoding} | ${row.accepted} / ${row.wf} | ${row.failures.length} | ${fb} |`,
    );
    sum.selected += row.selected;
    sum.notWf += row.notWf;
    sum.refused += row.refused;
    sum.byDecoding += row.byDecoding;
    sum.wf += row.wf;
    sum.accepted += row.accepted;
    sum.fa += row.failures.length;
    sum.fb += fb;
  }
  lines.push(
    `| **total** | ${sum.selected} | ${sum.refused} / ${sum.notWf} | ${sum.byDecoding} | ${sum.accepted} / ${sum.wf} | ${sum.fa} | ${sum.fb} |`,
  );
  const failures = (title: string, rows: Iterable<SectionRow>): string[] => {
    const list = [...rows].flatMap((r) => r.failures).map((r) => `- ${describeFailure(r)}`);
    return ['', list.length === 0 ? `${title}: none.` : `${title}:`, ...(list.length ? ['', ...list] : [])];
  };
  lines.push(...failures('Failures of our tokenizer', a), ...failures('Failures of saxes (the reference, for comparison)', b.values()));
  return lines.join('\n');
}
