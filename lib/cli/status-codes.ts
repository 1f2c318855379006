/** The status codes one response carries: its own (status form) or those of its propstats. */
import type { DavResponse } from '../parser/model.js';

/** Distinct codes in document order; a status line without a code counts as `null`. */
export function statusCodes(r: DavResponse): (number | null)[] {
  if (r.status) return [r.status.code];
  const codes: (number | null)[] = [];
  for (const ps of r.propstats) if (!codes.includes(ps.status.code)) codes.push(ps.status.code);
  return codes;
}
