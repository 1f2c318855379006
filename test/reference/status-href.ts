/**
 * Reference rules for status lines and hrefs, written from the data model (not from lib/).
 */
import type { DavStatus } from '../../lib/types.js';

/** A `propstat` without a `status` element. */
export const MISSING_STATUS: DavStatus = { code: null, text: '', line: '' };

const WS = '[ \\t\\r\\n]';
const NOT_WS = '[^ \\t\\r\\n]';
/** `HTTP/<version>` or the legacy `HTTP <version>`, then the rest of the line. */
const VERSION = new RegExp(`^HTTP(?:/${NOT_WS}*|${WS}+${NOT_WS}+)`, 'i');
/** After the version: whitespace, exactly three digits, then whitespace or the end. */
const CODE = new RegExp(`^${WS}+([0-9]{3})(?=${WS}|$)`);

function trim(s: string): string {
  return s.replace(/^[ \t\r\n]+/, '').replace(/[ \t\r\n]+$/, '');
}

/** `line` is the trimmed element text. */
export function parseStatusLine(rawText: string): DavStatus {
  const line = trim(rawText);
  const version = VERSION.exec(line);
  if (!version) return { code: null, text: line, line };
  const rest = line.slice(version[0].length);
  const code = CODE.exec(rest);
  if (!code) return { code: null, text: trim(rest), line };
  return { code: Number(code[1]), text: trim(rest.slice(code[0].length)), line };
}

const HEX = /^[0-9A-Fa-f]{2}$/;

/** Length of the UTF-8 sequence a lead byte announces, 0 for a byte that cannot lead. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode a run of `%XX` escapes; a byte that does not start a valid UTF-8 sequence stays `%XX`. */
function decodeEscapes(bytes: number[], sources: string[]): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const len = sequenceLength(bytes[i]);
    if (len > 0 && i + len <= bytes.length) {
      try {
        out += strictUtf8.decode(new Uint8Array(bytes.slice(i, i + len)));
        i += len;
        continue;
      } catch {
        // not a valid sequence: keep the lead escape verbatim below
      }
    }
    out += sources[i];
    i += 1;
  }
  return out;
}

/** Percent-decode as UTF-8; escapes that do not decode are kept as sent. */
export function percentDecode(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (s[i] !== '%' || !HEX.test(s.slice(i + 1, i + 3))) {
      out += s[i];
      i += 1;
      continue;
    }
    const bytes: number[] = [];
    const sources: string[] = [];
    while (s[i] === '%' && HEX.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      sources.push(s.slice(i, i + 3));
      i += 3;
    }
    out += decodeEscapes(bytes, sources);
  }
  return out;
}

/** The path of an href: `scheme://authority` and `?query` / `#fragment` removed, percent-decoded. */
export function hrefPath(href: string): string {
  let p = href;
  const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(p);
  if (authority) p = p.slice(authority[0].length);
  const cut = p.search(/[?#]/);
  if (cut >= 0) p = p.slice(0, cut);
  return percentDecode(p);
}

/** Absolute URL: resolved against `baseUrl` when given, else only when the href is absolute itself. */
export function hrefUrl(href: string, baseUrl?: string): string | undefined {
  try {
    return baseUrl === undefined ? new URL(href).href : new URL(href, baseUrl).href;
  } catch {
    return undefined;
  }
}
