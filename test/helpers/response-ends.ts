/**
 * Where each top-level response of a body ends, found from the bytes alone (not by the parser):
 * the byte offset just after each `</…response>` end tag. Only for bodies without nested
 * responses (expand-property); callers check the count against the expected file.
 */
export function responseEnds(bytes: Uint8Array): number[] {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const encoder = new TextEncoder();
  const ends: number[] = [];
  const re = /<\/(?:[A-Za-z_][\w.-]*:)?response\s*>/g;
  let bytePos = 0;
  let charPos = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + m[0].length;
    bytePos += encoder.encode(text.slice(charPos, end)).length;
    charPos = end;
    ends.push(bytePos);
  }
  return ends;
}

/** Byte offset just after the root's end tag (`</…multistatus>`), or -1. */
export function rootEnd(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const m = /<\/(?:[A-Za-z_][\w.-]*:)?multistatus\s*>/.exec(text);
  if (!m) return -1;
  return new TextEncoder().encode(text.slice(0, m.index + m[0].length)).length;
}
