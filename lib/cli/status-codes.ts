/** The status codes one response carries: its own (status form) or those of its propstats. */
import type { DavResponse } from '../parser/model.js';

/** Distinct codes in document order; a status line without a code counts as `null`. */
export function statusCodes(r: DavResponse): (number | null)[] {
  if (r.status) return [r.status.code];
  const codes: (number | null)[] = [];
  for (const ps of r.propstats) if (!codes.includes(ps.status.code)) codes.push(ps.status.code);
  return codes;
}

/**
 * The status of the response as a whole, as the table and the summary show it. The status form
 * has one. The propstat form means the resource was found, with a result per property: it counts
 * as 200 (or the code of its first 2xx propstat), unless a propstat says something other than 2xx
 * or 404 (403 Forbidden, 424 Failed Dependency, 507…): then the first such code. A 404 propstat
 * only says that the resource lacks a property it was asked for, which is not a failure.
 */
export function responseStatus(r: DavResponse): number | null {
  if (r.status) return r.status.code;
  let ok: number | undefined;
  for (const ps of r.propstats) {
    const code = ps.status.code;
    if (code === null) return null;
    if (code >= 200 && code < 300) ok ??= code;
    else if (code !== 404) return code;
  }
  return ok ?? 200;
}
