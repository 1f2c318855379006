/**
 * One spelling for every way a server writes the same URL, so that a walk lists each collection
 * once and yields each resource once: absolute or path-only, trailing slash or not, `%7E` or `~`,
 * `%c3%a9`, `%C3%A9` or a raw `é`, `&` or `%26`. A `%2F` stays distinct from `/`.
 */

/** Why an href cannot be walked, or `undefined` when it can. */
export function brokenHref(href: string): string | undefined {
  if (href.trim() === '') return 'an empty href';
  if (href.includes('#')) return 'a raw "#" in the href (a name the server did not percent-encode)';
  if (href.includes('?')) return 'a raw "?" in the href (a name the server did not percent-encode)';
  return undefined;
}

/**
 * The key of `href` resolved against `base`: origin plus the path with each segment decoded and
 * re-encoded one way, without a trailing slash. `undefined` when it does not parse.
 */
export function hrefKey(href: string, base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return undefined;
  }
  const segments = url.pathname.split('/').map(canonicalSegment);
  let path = segments.join('/');
  while (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  if (path === '/') path = '';
  return url.origin + path;
}

function canonicalSegment(segment: string): string {
  return encodeURIComponent(safeDecode(segment));
}

/** Percent-decoding that keeps an escape that does not decode as UTF-8 (upper-cased) and never decodes `%2F`. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment.replace(/%2f/gi, '%252F'));
  } catch {
    return segment.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => {
      const c = parseInt(hex, 16);
      const unreserved = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x2e || c === 0x5f || c === 0x7e;
      return unreserved ? String.fromCharCode(c) : `%${hex.toUpperCase()}`;
    });
  }
}

/** `key` is `root` or below it. */
export function isUnder(key: string, root: string): boolean {
  return key === root || key.startsWith(root.endsWith('/') ? root : `${root}/`);
}

/** The key of the collection holding `key` (`undefined` for an origin's root). */
export function parentKey(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const originEnd = key.indexOf('/', key.indexOf('//') + 2);
  if (originEnd < 0 || slash < originEnd) return undefined;
  return key.slice(0, slash);
}

/** How many segments `key` lies below `root` (0 for the root itself). */
export function depthBelow(key: string, root: string): number {
  if (key.length <= root.length) return 0;
  let n = 0;
  for (let i = root.length; i < key.length; i++) if (key.charCodeAt(i) === 47) n++;
  return n;
}
