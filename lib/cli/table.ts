/**
 * `--format table`: one aligned row per response, printed as it arrives (so the widths are fixed,
 * not measured): type, size in human units, last modified (local time), status codes, decoded path.
 */
import { CALDAV_NS, CARDDAV_NS } from '../names.js';
import type { DavResponse } from '../parser/model.js';
import type { Format } from './format.js';
import type { Output } from './output.js';
import { safeLine } from './safe-text.js';
import { statusCodes } from './status-codes.js';
import { humanBytes, humanCount } from './units.js';

export const TABLE_HEADER = row('TYPE', 'SIZE', 'MODIFIED', 'STATUS', 'PATH');

function row(type: string, size: string, modified: string, status: string, path: string): string {
  return `${type.padEnd(4)} ${size.padStart(9)}  ${modified.padEnd(16)}  ${status.padEnd(7)}  ${path}\n`;
}

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

function sizeOf(r: DavResponse, type: string): string {
  const size = r.props.getcontentlength;
  if (typeof size === 'number' || typeof size === 'bigint') return humanBytes(size);
  if (size === undefined || size === null || type === 'dir') return '';
  return '?';
}

/** `YYYY-MM-DD HH:MM` in local time. */
export function localStamp(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function modifiedOf(r: DavResponse): string {
  const m = r.props.getlastmodified;
  if (m instanceof Date && !Number.isNaN(m.getTime())) return localStamp(m);
  return m === undefined || m === null ? '' : '?';
}

export function tableRow(r: DavResponse): string {
  const type = typeOf(r);
  const codes = statusCodes(r).map((c) => (c === null ? '???' : String(c)));
  return row(type, sizeOf(r, type), modifiedOf(r), codes.join(',') || '-', safeLine(r.path));
}

export function tableFormat(out: Output): Format {
  let headed = false;
  return {
    response(r) {
      if (!headed) out.push(TABLE_HEADER);
      headed = true;
      out.push(tableRow(r));
    },
    end(summary) {
      if (!headed) out.push(TABLE_HEADER);
      const parts = [`${humanCount(summary.responses)} response${summary.responses === 1 ? '' : 's'}`, humanBytes(summary.bytes)];
      if (summary.diagnosticCount) parts.push(`${humanCount(summary.diagnosticCount)} diagnostic${summary.diagnosticCount === 1 ? '' : 's'}`);
      if (summary.syncToken !== undefined) parts.push(`sync-token ${safeLine(summary.syncToken)}`);
      if (summary.truncated) parts.push('TRUNCATED: the server sent a 507, the listing is incomplete');
      out.push(`-- ${parts.join(', ')}\n`);
    },
  };
}
