/**
 * The body as one string, the way `await response.text()` makes it: every chunk is kept, joined
 * into one buffer, then decoded at once. A body past V8's string limit (about 512 Mi characters)
 * fails here, as it does in a client that calls `text()`.
 */
export function wholeText(chunks: Iterable<Uint8Array>): string {
  const parts: Uint8Array[] = [];
  let length = 0;
  for (const chunk of chunks) {
    parts.push(chunk);
    length += chunk.length;
  }
  const all = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  parts.length = 0;
  return new TextDecoder('utf-8', { fatal: true }).decode(all);
}
