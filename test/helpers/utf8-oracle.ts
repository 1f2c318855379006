/**
 * An independent UTF-8 validator for tests (RFC 3629 table 1), sharing nothing with lib/decode:
 * no TextDecoder, no bit tricks, only the table of allowed byte ranges.
 */

/** RFC 3629 table 1: the allowed range of the second byte after each lead, and the sequence length. */
export function leadRule(b0: number): { len: number; lo: number; hi: number } | undefined {
  if (b0 >= 0xc2 && b0 <= 0xdf) return { len: 2, lo: 0x80, hi: 0xbf };
  if (b0 === 0xe0) return { len: 3, lo: 0xa0, hi: 0xbf };
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return { len: 3, lo: 0x80, hi: 0xbf };
  if (b0 === 0xed) return { len: 3, lo: 0x80, hi: 0x9f };
  if (b0 === 0xf0) return { len: 4, lo: 0x90, hi: 0xbf };
  if (b0 >= 0xf1 && b0 <= 0xf3) return { len: 4, lo: 0x80, hi: 0xbf };
  if (b0 === 0xf4) return { len: 4, lo: 0x80, hi: 0x8f };
  return undefined;
}

/**
 * The oracle for findInvalidUtf8: index of the lead byte of the first sequence that is not well
 * formed; a sequence cut off by the end of the bytes that is still the start of a well-formed one
 * (each byte present in its allowed range) is an error only when `final`.
 */
export function oracleInvalidUtf8(bytes: readonly number[], final: boolean): number {
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i]!;
    if (b0 <= 0x7f) {
      i++;
      continue;
    }
    const rule = leadRule(b0);
    if (rule === undefined) return i;
    let k = 1;
    for (; k < rule.len && i + k < bytes.length; k++) {
      const b = bytes[i + k]!;
      const [lo, hi] = k === 1 ? [rule.lo, rule.hi] : [0x80, 0xbf];
      if (b < lo || b > hi) return i;
    }
    if (k < rule.len) return final ? i : -1;
    i += rule.len;
  }
  return -1;
}

