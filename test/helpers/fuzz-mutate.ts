/**
 * The byte mutations of the mutation fuzzer (test/unit/fuzz-mutation.test.ts), shared with the
 * differential corpus (test/differential/corpus.ts): bits flipped, bytes deleted, duplicated and
 * inserted (markup pieces and bytes that are bad in UTF-8), bodies cut short.
 */
import { concat } from './bytes.js';

const enc = new TextEncoder();
const INSERTS = [
  '<', '>', '&', '"', "'", '/', '=', ']]>', '<![CDATA[', '<!--', '-->', '<?x ', '?>', '&amp;', '&#0;', '&#xD800;', '&lol;',
  '<!DOCTYPE x [<!ENTITY a "b">]>', 'xmlns:D="urn:other"', 'xmlns=""', '<D:response>', '</D:response>', '<D:propstat>',
  '<D:status>HTTP/1.1 200 OK</D:status>', '</D:multistatus>', '\r\n', '\u00e9', '\ud83d\ude00',
].map((s) => enc.encode(s));
const BYTES = [0x00, 0xff, 0xfe, 0xc3, 0xe2, 0xf0, 0x80, 0xbf, 0xef, 0xbb];


/** 1 to 4 mutations of `src`. */
export function mutate(src: Uint8Array, r: () => number): Uint8Array {
  let b = src;
  const n = 1 + Math.floor(r() * 4);
  for (let k = 0; k < n; k++) {
    const at = Math.floor(r() * (b.length + 1));
    const len = 1 + Math.floor(r() ** 2 * Math.min(64, Math.max(1, b.length - at)));
    const kind = Math.floor(r() * 6);
    if (kind === 0 && b.length > 0) {
      const c = b.slice();
      c[Math.min(at, c.length - 1)]! ^= 1 << Math.floor(r() * 8);
      b = c;
    } else if (kind === 1) {
      b = concat(b.subarray(0, at), b.subarray(Math.min(b.length, at + len)));
    } else if (kind === 2) {
      b = concat(b.subarray(0, at), b.subarray(at, at + len), b.subarray(at));
    } else if (kind === 3) {
      b = concat(b.subarray(0, at), INSERTS[Math.floor(r() * INSERTS.length)]!, b.subarray(at));
    } else if (kind === 4) {
      b = concat(b.subarray(0, at), Uint8Array.of(BYTES[Math.floor(r() * BYTES.length)]!), b.subarray(at));
    } else {
      b = b.subarray(0, at); // cut short
    }
  }
  return b;
}
