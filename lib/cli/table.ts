/**
 * `--format table`: one aligned row per response, printed as it arrives (so the widths are fixed,
 * not measured). The columns are `--columns`, or type, size, modified, status and path for a
 * plain listing, or type, status, the properties asked for with `-p` and path, or, for a REPORT,
 * the properties its first response carries. A closing line gives the totals (and, for a walk, the
 * folders too deep to list).
 */
import type { WalkSummary } from '../client/options.js';
import type { DavResponse } from '../parser/model.js';
import type { MultistatusSummary } from '../types.js';
import type { CellContext, Column } from './columns.js';
import { DEFAULT_COLUMNS, column, columnsForProps, renderRow } from './columns.js';
import type { Format } from './format.js';
import { count, newTotals } from './listing.js';
import type { Output } from './output.js';
import { safeLine } from './safe-text.js';
import { humanBytes, humanCount } from './units.js';

export interface TableOptions {
  /** Column names; `undefined`: chosen from the first response's properties (a REPORT). */
  columns?: readonly string[];
  utc?: boolean;
  /** The path shown for a response (default: its decoded path). */
  path?: (r: DavResponse) => string;
}

function resolve(names: readonly string[], utc: boolean): Column[] {
  return names.map((name) => {
    const col = column(name);
    return name === 'modified' && utc ? { ...col, width: 17 } : col;
  });
}

export function headerRow(columns: readonly Column[]): string {
  return renderRow(columns, columns.map((c) => c.header), false);
}

export function cells(columns: readonly Column[], r: DavResponse, ctx: CellContext): string[] {
  return columns.map((c) => c.cell(r, ctx));
}

const DEFAULT = resolve(DEFAULT_COLUMNS, false);
const PLAIN: CellContext = { utc: false, path: (r) => r.path };

/** The header of the default table. */
export const TABLE_HEADER = headerRow(DEFAULT);

/** One row of the default table. */
export function tableRow(r: DavResponse): string {
  return renderRow(DEFAULT, cells(DEFAULT, r, PLAIN));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${humanCount(n)} ${n === 1 ? one : many}`;
}

export function tableFormat(out: Output, options: TableOptions = {}): Format {
  const utc = options.utc === true;
  const ctx: CellContext = { utc, path: options.path ?? ((r) => r.path) };
  let columns = options.columns ? resolve(options.columns, utc) : undefined;
  const totals = newTotals();
  let listed = 0;
  let headed = false;
  const head = (first?: DavResponse): void => {
    if (headed) return;
    headed = true;
    columns ??= resolve(first ? columnsForProps(Object.keys(first.props)) : DEFAULT_COLUMNS, utc);
    out.push(headerRow(columns));
  };
  return {
    response(r) {
      head(r);
      listed++;
      count(totals, r);
      out.push(renderRow(columns!, cells(columns!, r, ctx)));
    },
    end(summary) {
      head();
      const parts = [plural(listed, 'response')];
      if (totals.files || totals.folders) {
        parts.push(`${plural(totals.files, 'file')} (${humanBytes(totals.fileBytes)}), ${plural(totals.folders, 'folder')}`);
      }
      if (listed !== summary.responses) parts.push(`of ${humanCount(summary.responses)} in the body`);
      parts.push(`${humanBytes(summary.bytes)} of XML`);
      if (summary.diagnosticCount) parts.push(`${plural(summary.diagnosticCount, 'diagnostic')} (--diagnostics lists them)`);
      const tooDeep = (summary as MultistatusSummary & Partial<WalkSummary>).tooDeep;
      if (tooDeep) parts.push(`${plural(tooDeep, 'folder')} too deep to list`);
      if (summary.syncToken !== undefined) parts.push(`sync-token ${safeLine(summary.syncToken)}`);
      if (summary.truncated) parts.push('TRUNCATED: the server sent a 507, the listing is incomplete');
      out.push(`-- ${parts.join(', ')}\n`);
    },
  };
}

export { localStamp, typeOf } from './columns.js';
