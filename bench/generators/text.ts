/** Small text helpers shared by the body shapes. */

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for element content or a double-quoted attribute. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => XML_ESCAPES[c] as string);
}

/** Percent-encodes one path segment the way servers write hrefs (space -> %20, é -> %C3%A9). */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment);
}

/** RFC 1123 date, as in `getlastmodified`. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** RFC 3339 date without fractional seconds, as in `creationdate`. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** 2024-02-29T12:34:56Z, the base of every generated timestamp. */
export const BASE_TIME = Date.UTC(2024, 1, 29, 12, 34, 56);

/** A timestamp and its two spellings. */
export interface Stamp {
  ms: number;
  /** RFC 1123, for `getlastmodified`. */
  http: string;
  /** RFC 3339, for `creationdate`. */
  iso: string;
}

/** 4,096 timestamps over the five years before {@link BASE_TIME}, formatted once (formatting per response is slow). */
let stamps: readonly Stamp[] | undefined;

/** A timestamp from the pool. */
export function randomStamp(random: { next(): number }): Stamp {
  stamps ??= Array.from({ length: 4096 }, (_, i) => {
    const ms = BASE_TIME - Math.floor((i / 4096) * 5 * 365 * 86400) * 1000;
    return { ms, http: httpDate(ms), iso: isoDate(ms) };
  });
  return stamps[Math.floor(random.next() * stamps.length)] as Stamp;
}
