/**
 * The percent-decoded path of an href: scheme and authority, query and fragment removed,
 * `%XX` sequences decoded as UTF-8; a sequence that does not decode is kept verbatim.
 */
export function hrefPath(href: string): string {
  let start = 0;
  const scheme = schemeEnd(href);
  if (scheme > 0) {
    start = scheme + 1;
    if (href.startsWith('//', start)) {
      const slash = href.indexOf('/', start + 2);
      const q = href.indexOf('?', start + 2);
      const h = href.indexOf('#', start + 2);
      start = minPositive(slash, q, h, href.length);
    }
  }
  let end = href.length;
  const q = href.indexOf('?', start);
  if (q >= 0) end = q;
  const h = href.indexOf('#', start);
  if (h >= 0 && h < end) end = h;
  return percentDecode(href.slice(start, end));
}

function minPositive(...xs: number[]): number {
  let m = Infinity;
  for (const x of xs) if (x >= 0 && x < m) m = x;
  return m;
}

/** Index of the `:` ending a URI scheme, or -1 when `s` does not start with one. */
export function schemeEnd(s: string): number {
  const c0 = s.charCodeAt(0);
  if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122))) return -1;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 58) return i;
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
    if (!ok) return -1;
  }
  return -1;
}

/** Decodes `%XX` runs as UTF-8; runs that are not valid UTF-8 stay as they were. */
export function percentDecode(s: string): string {
  if (s.indexOf('%') < 0) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    // Fall back run by run.
  }
  let out = '';
  let i = 0;
  while (i < s.length) {
    const p = s.indexOf('%', i);
    if (p < 0) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, p);
    let j = p;
    while (j + 2 < s.length && s.charCodeAt(j) === 37 && isHex(s.charCodeAt(j + 1)) && isHex(s.charCodeAt(j + 2))) j += 3;
    if (j === p) {
      out += '%';
      i = p + 1;
      continue;
    }
    out += decodeRun(s.slice(p, j));
    i = j;
  }
  return out;
}

function decodeRun(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    // Decode the longest valid prefixes, keep bad escapes verbatim.
    let out = '';
    let k = 0;
    while (k < run.length) {
      let done = false;
      for (let len = Math.min(12, run.length - k); len >= 3; len -= 3) {
        try {
          out += decodeURIComponent(run.slice(k, k + len));
          k += len;
          done = true;
          break;
        } catch {
          // try shorter
        }
      }
      if (!done) {
        out += run.slice(k, k + 3);
        k += 3;
      }
    }
    return out;
  }
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Resolves an href against a base URL; `undefined` when that is not possible. */
export function resolveHref(href: string, base: URL | undefined): string | undefined {
  try {
    if (base) return new URL(href, base).href;
    if (schemeEnd(href) > 0) return new URL(href).href;
  } catch {
    return undefined;
  }
  return undefined;
}
