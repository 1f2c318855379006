/**
 * Prints the compatibility matrix (test/live/results/matrix.json, written by the live suite's
 * matrix.test.ts) as a Markdown table: one row per server, one column per operation measured.
 * Usage: npm run -s matrix:table [-- path/to/matrix.json]
 */
import { OPERATIONS, readMatrix } from '../test/live/matrix/record.js';
import type { Cell } from '../test/live/matrix/record.js';

const MARK: Record<Cell['outcome'], string> = { ok: 'ok: ', odd: 'odd: ', refused: 'refused: ', fail: '**FAILS**: ', 'n/a': '' };

const escape = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const matrix = process.argv[2] ? readMatrix(process.argv[2]) : readMatrix();
if (matrix.servers.length === 0) {
  console.error('no matrix results: run npm run test:live first');
  process.exit(1);
}
const columns = OPERATIONS.filter(([id]) => matrix.servers.some((s) => s.cells[id] !== undefined));
const lines = [
  `| server | ${columns.map(([, title]) => title).join(' | ')} |`,
  `|---|${columns.map(() => '---').join('|')}|`,
];
for (const s of matrix.servers) {
  const name = s.software ? `${s.name} (${escape(s.software)})` : s.name;
  const cells = columns.map(([id]) => {
    const c = s.cells[id];
    return c ? escape(MARK[c.outcome] + c.text) : 'not measured';
  });
  lines.push(`| ${name} | ${cells.join(' | ')} |`);
}
lines.push(
  '',
  'ok: as the RFCs say, read in full. odd: the server did something unusual and the library coped as written. ' +
    'refused: the server does not offer it (the library reports a MultistatusError of code HTTP). ' +
    '**FAILS**: the library did not cope (a failing live test).',
);
console.log(lines.join('\n'));
