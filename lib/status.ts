import type { DavStatus } from './types.js';

/** The status of a `propstat` that has no `status` element. */
export const MISSING_STATUS: Readonly<DavStatus> = Object.freeze({ code: null, text: '', line: '' });

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Trims ASCII whitespace (space, tab, CR, LF) only, as XML does. */
export function trimXml(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isSpace(s.charCodeAt(start))) start++;
  while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** True when `s` holds nothing but XML whitespace. */
export function isXmlSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Parses a status line. Accepts `HTTP/1.1 200 OK`, `HTTP/1.0 404`, legacy `HTTP 1.1 200 OK`,
 * odd reason phrases; `HTTP/1.1 OK` gives `code: null`. Never relies on the reason phrase.
 *
 * @example
 * parseStatus('HTTP/1.1 424 Failed Dependency'); // { code: 424, text: 'Failed Dependency', line: 'HTTP/1.1 424 Failed Dependency' }
 */
export function parseStatus(raw: string): DavStatus {
  const line = trimXml(raw);
  const n = line.length;
  // The version token: "HTTP/x.y" or "HTTP" followed by a separate "x.y" token.
  let i = 0;
  while (i < n && !isSpace(line.charCodeAt(i))) i++;
  const first = line.slice(0, i);
  if (first.length < 4 || first.slice(0, 4).toUpperCase() !== 'HTTP') {
    return { code: null, text: line, line };
  }
  while (i < n && isSpace(line.charCodeAt(i))) i++;
  if (first.length === 4) {
    // Legacy "HTTP 1.1 200 OK": skip the version token when it looks like one.
    let j = i;
    while (j < n && !isSpace(line.charCodeAt(j))) j++;
    if (j > i && isVersion(line, i, j)) {
      i = j;
      while (i < n && isSpace(line.charCodeAt(i))) i++;
    }
  }
  const rest = i;
  if (
    i + 3 <= n &&
    isDigit(line.charCodeAt(i)) &&
    isDigit(line.charCodeAt(i + 1)) &&
    isDigit(line.charCodeAt(i + 2)) &&
    (i + 3 === n || isSpace(line.charCodeAt(i + 3)))
  ) {
    const code =
      (line.charCodeAt(i) - 48) * 100 + (line.charCodeAt(i + 1) - 48) * 10 + (line.charCodeAt(i + 2) - 48);
    return { code, text: trimXml(line.slice(i + 3)), line };
  }
  return { code: null, text: line.slice(rest), line };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isVersion(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (!isDigit(c) && c !== 46) return false;
  }
  return true;
}

/** True for a 2xx code. */
export function isSuccess(status: DavStatus | undefined): boolean {
  return status !== undefined && status.code !== null && status.code >= 200 && status.code <= 299;
}

/** True when the status is known to be outside 2xx (a missing or code-less status is not). */
export function isFailure(status: DavStatus | undefined): boolean {
  return status !== undefined && status.code !== null && (status.code < 200 || status.code > 299);
}
