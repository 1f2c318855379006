/**
 * The compatibility matrix as data: one cell per server and operation, saying what the server did
 * and what the library then did, as measured by the live run. Written to
 * `test/live/results/matrix.json`, which `npm run matrix:table` prints as Markdown.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MATRIX_JSON = fileURLToPath(new URL('../results/matrix.json', import.meta.url));

/** Columns, in table order. */
export const OPERATIONS = [
  ['propfind-0', 'PROPFIND Depth 0'],
  ['propfind-1', 'PROPFIND Depth 1'],
  ['propfind-infinity', 'PROPFIND Depth infinity'],
  ['walk', 'walk()'],
  ['report', 'REPORT calendar-query'],
  ['sync', 'sync-collection'],
  ['sync-paged', 'sync-collection, limit 1 (507 paging)'],
  ['delete', 'DELETE (folder with a locked member)'],
  ['copy', 'COPY (Overwrite: F onto a tree)'],
  ['move', 'MOVE (onto a locked target)'],
  ['proppatch', 'PROPPATCH (protected + dead)'],
  ['lock', 'LOCK (Depth infinity, member locked)'],
] as const;

export type OperationId = (typeof OPERATIONS)[number][0];

/**
 * `ok`: the server did what the RFCs say and the library read it. `odd`: the server did something
 * unusual (a refusal, a silent cap, a quirk) and the library coped as the cell says. `refused`: the
 * server does not offer the operation (a non-207 answer the library reported as an error).
 * `fail`: the library did not cope (the live test asserting it failed). `n/a`: not run here.
 */
export type Outcome = 'ok' | 'odd' | 'refused' | 'fail' | 'n/a';

export interface Cell {
  outcome: Outcome;
  /** What happened, short: status, counts, what the library concluded. */
  text: string;
}

export interface ServerRow {
  name: string;
  /** The `Server` header of its first answer (software and version), when it sent one. */
  software?: string;
  kind: 'files' | 'caldav';
  cells: Partial<Record<OperationId, Cell>>;
}

export interface MatrixFile {
  about: string;
  servers: ServerRow[];
}

const ABOUT = 'Written by test/live/matrix.test.ts (npm run test:live); printed by npm run matrix:table.';

/** The committed file, or an empty matrix. */
export function readMatrix(file = MATRIX_JSON): MatrixFile {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as MatrixFile;
  } catch {
    return { about: ABOUT, servers: [] };
  }
}

/**
 * Replace the rows of the servers that ran (a run restricted with `--grep` keeps the others),
 * in `order`, and write the file.
 */
export function writeMatrix(rows: ServerRow[], order: readonly string[], file = MATRIX_JSON): void {
  const old = readMatrix(file);
  const byName = new Map(old.servers.map((r) => [r.name, r]));
  for (const r of rows) byName.set(r.name, r);
  const servers = [...byName.values()].sort((a, b) => rank(order, a.name) - rank(order, b.name));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ about: ABOUT, servers }, null, 2)}\n`);
}

function rank(order: readonly string[], name: string): number {
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
}
