/**
 * `npm run -s writes:table`: the Markdown table of what each live server answered to each write
 * case, from test/live/results/writes.json (written by `npm run test:live -- --grep 'write methods'`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WRITE_CASES } from '../test/live/write-results.js';
import type { CaseName, CaseRecord } from '../test/live/write-results.js';

const CASE_TITLES: Record<CaseName, string> = {
  'delete-locked-member': 'DELETE folder with a locked member',
  'copy-overwrite-f': 'COPY onto an existing tree, `Overwrite: F`',
  'move-locked-target': 'MOVE onto a locked target',
  'proppatch-protected': 'PROPPATCH `getetag` + a dead property',
  'lock-infinity-locked-member': 'LOCK `Depth: infinity`, a member locked',
};

/** `207: 423 ×1, 424 ×1`, `207: all 2xx`, `412`, `201`. */
export function cell(r: CaseRecord | undefined): string {
  if (r === undefined) return '–';
  if (r.status === null) return `no answer (${r.result})`;
  let text = String(r.status);
  if (r.status === 207) {
    const counts = Object.entries(r.byStatus ?? {}).map(([code, n]) => `${code} ×${n}`);
    text += `: ${r.entries.length} ${r.entries.length === 1 ? 'entry' : 'entries'}, ${counts.length ? counts.join(', ') : 'all 2xx'}`;
  }
  const lockSetup = r.setup?.find((s) => s.startsWith('LOCK'));
  if (lockSetup) text += ' (no lock taken)';
  return text;
}

export function table(records: readonly CaseRecord[]): string {
  const servers = [...new Set(records.map((r) => r.server))];
  const lines = [`| case | ${servers.join(' | ')} |`, `|---|${servers.map(() => '---').join('|')}|`];
  for (const c of WRITE_CASES) {
    const row = servers.map((s) => cell(records.find((r) => r.server === s && r.case === c)));
    lines.push(`| ${CASE_TITLES[c]} | ${row.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

const results = fileURLToPath(new URL('../test/live/results/writes.json', import.meta.url));
const { records } = JSON.parse(readFileSync(results, 'utf8')) as { records: CaseRecord[] };
process.stdout.write(table(records));
