/**
 * Index of the first byte of the first UTF-16 code unit that makes `bytes` invalid (a low
 * surrogate with no high one before it, a high surrogate not followed by a low one), or -1 when
 * every complete unit is valid. A high surrogate in the last complete unit, or an odd byte at the
 * end, may still be completed by the next chunk and is not an error.
 */
export function findInvalidUtf16(bytes: Uint8Array, littleEndian: boolean): number {
  const units = bytes.length >> 1;
  for (let i = 0; i < units; i++) {
    const u = unit(bytes, i, littleEndian);
    if (u >= 0xdc00 && u <= 0xdfff) return i * 2;
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 1 === units) return -1;
      const next = unit(bytes, i + 1, littleEndian);
      if (next < 0xdc00 || next > 0xdfff) return i * 2;
      i++;
    }
  }
  return -1;
}

function unit(bytes: Uint8Array, i: number, littleEndian: boolean): number {
  const a = bytes[i * 2]!;
  const b = bytes[i * 2 + 1]!;
  return littleEndian ? a | (b << 8) : (a << 8) | b;
}
