/**
 * The table's columns: what each shows of a response and how wide it is. Widths are fixed (rows
 * are printed as they arrive, nothing is measured); a longer value widens its row.
 */
import { CALDAV_NS, CARDDAV_NS } from '../names.js';
import type { DavResponse } from '../parser/model.js';
import { safeLine } from './safe-text.js';
import { responseStatus } from './status-codes.js';
import { humanBytes } from './units.js';

export interface CellContext {
  /** Times in UTC, marked `Z`, instead of local time. */
  utc: boolean;
  /** The path to show (relative to the request URL with --relative). */
  path(r: DavResponse): string;
}

export interface Column {
  header: string;
  width: number;
  right?: boolean;
  /** The property this column shows, to ask for it when properties are named. */
  prop?: string;
  cell(r: DavResponse, ctx: CellContext): string;
}

const CALENDAR_DATA = `{${CALDAV_NS}}calendar-data`;
const ADDRESS_DATA = `{${CARDDAV_NS}}address-data`;

/** `dir`, `file`, `cal` (calendar), `book` (address book), `prin` (principal), `-` (not told). */
export function typeOf(r: DavResponse): string {
  const types = r.props.resourcetype;
  if (!Array.isArray(types)) return '-';
  if (types.includes(`{${CALDAV_NS}}calendar`)) return 'cal';
  if (types.includes(`{${CARDDAV_NS}}addressbook`)) return 'book';
  if (types.includes('principal')) return 'prin';
  if (types.includes('collection')) return 'dir';
  return 'file';
}

/** `f` (not a collection), `d` (a collection), or `undefined` when resourcetype was not told. */
export function kindOf(r: DavResponse): 'f' | 'd' | undefined {
  const types = r.props.resourcetype;
  if (!Array.isArray(types)) return undefined;
  return types.includes('collection') ? 'd' : 'f';
}

/** `YYYY-MM-DD HH:MM` in local time. */
export function localStamp(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** `YYYY-MM-DD HH:MMZ` in UTC. */
export function utcStamp(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')}Z`;
}

function size(value: unknown, dir: boolean): string {
  if (typeof value === 'number' || typeof value === 'bigint') return humanBytes(value);
  if (value === undefined || value === null || dir) return '';
  return '?';
}

function stamp(value: unknown, utc: boolean): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return utc ? utcStamp(value) : localStamp(value);
  return value === undefined || value === null ? '' : '?';
}

/** Any property value as one short line: text as is, dates stamped, lists joined, elements by name. */
function anyValue(value: unknown, utc: boolean): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return safeLine(value.trim());
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return stamp(value, utc);
  if (Array.isArray(value)) return safeLine(value.map((v) => (typeof v === 'string' ? v : typeof v)).join(','));
  if (typeof value === 'object' && 'name' in value && 'children' in value) return `<${safeLine(String(value.name))}>`;
  return '…';
}

/** The UTF-8 size of calendar or address data carried by the response. */
function dataSize(r: DavResponse): string {
  const data = r.props[CALENDAR_DATA] ?? r.props[ADDRESS_DATA];
  return typeof data === 'string' ? humanBytes(new TextEncoder().encode(data).byteLength) : '';
}

/** The built-in columns, by the name --columns uses. */
export const BUILT_IN: Readonly<Record<string, Column>> = {
  type: { header: 'TYPE', width: 4, prop: 'resourcetype', cell: (r) => typeOf(r) },
  size: { header: 'SIZE', width: 9, right: true, prop: 'getcontentlength', cell: (r) => size(r.props.getcontentlength, typeOf(r) === 'dir') },
  modified: { header: 'MODIFIED', width: 16, prop: 'getlastmodified', cell: (r, c) => stamp(r.props.getlastmodified, c.utc) },
  status: { header: 'STATUS', width: 6, cell: (r) => String(responseStatus(r) ?? '???') },
  etag: { header: 'ETAG', width: 24, prop: 'getetag', cell: (r) => anyValue(r.props.getetag, false) },
  ctype: { header: 'CONTENT-TYPE', width: 24, prop: 'getcontenttype', cell: (r) => anyValue(r.props.getcontenttype, false) },
  name: { header: 'NAME', width: 20, prop: 'displayname', cell: (r) => anyValue(r.props.displayname, false) },
  data: { header: 'DATA', width: 9, right: true, cell: dataSize },
  path: { header: 'PATH', width: 0, cell: (r, c) => safeLine(c.path(r)) },
};

/** The column for a built-in name or a property key (any other key shows its value as text). */
export function column(name: string): Column {
  const builtIn = BUILT_IN[name];
  if (builtIn) return builtIn;
  const prop = name;
  if (prop === CALENDAR_DATA || prop === ADDRESS_DATA) return { ...BUILT_IN.data!, prop };
  const local = prop.startsWith('{') ? prop.slice(prop.indexOf('}') + 1) : prop;
  return { header: local.toUpperCase(), width: Math.max(12, local.length), prop, cell: (r, c) => anyValue(r.props[prop], c.utc) };
}

/** The built-in column that shows property `key`, if any (getetag -> etag). */
export function columnNameOf(key: string): string {
  for (const [name, col] of Object.entries(BUILT_IN)) if (col.prop === key) return name;
  if (key === CALENDAR_DATA || key === ADDRESS_DATA) return 'data';
  return key;
}

/** The default columns when nothing was named. */
export const DEFAULT_COLUMNS = ['type', 'size', 'modified', 'status', 'path'];

/**
 * Columns for a listing of named properties (`-p`, or what a REPORT's first response carries):
 * type (when resourcetype is among them) and status first, one column per property, the path last.
 */
export function columnsForProps(keys: readonly string[]): string[] {
  const names = keys.includes('resourcetype') ? ['type', 'status'] : ['status'];
  for (const key of keys) {
    const name = columnNameOf(key);
    if (!names.includes(name)) names.push(name);
  }
  names.push('path');
  return names;
}

/** One line of cells, padded to the column widths (the last column is not padded); with `cut`, a cell wider than its column is cut. */
export function renderRow(columns: readonly Column[], cells: readonly string[], cut = true): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i]!;
    const cell = cells[i]!;
    const last = i === columns.length - 1;
    // A streamed table cannot measure its columns: a cell wider than its column is cut, marked
    // with an ellipsis, so that the columns after it stay aligned (never the last column, nor the
    // path, which has no width, nor a header).
    const fitted = cut && !last && col.width > 0 && cell.length > col.width ? `${cell.slice(0, col.width - 1)}\u2026` : cell;
    line += (i === 0 ? '' : '  ') + (last ? fitted : col.right ? fitted.padStart(col.width) : fitted.padEnd(col.width));
  }
  return line.trimEnd() + '\n';
}
