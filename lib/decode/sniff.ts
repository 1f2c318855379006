/** What the first bytes of a body say about its encoding. */
export interface Sniffed {
  /** Encoding named by a byte order mark, if there is one. */
  bom?: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Encoding implied by `<?xml` in UTF-16 without a BOM. */
  pattern?: 'utf-16le' | 'utf-16be';
  /** The `encoding` pseudo-attribute of an ASCII-compatible XML declaration. */
  declared?: string;
}

/** How many leading bytes to look at before deciding: enough for any XML declaration. */
export const SNIFF_BYTES = 1024;

/**
 * Reads the BOM and XML declaration from the start of a body. Returns `undefined` when more
 * bytes are needed to decide (and the body may have more).
 */
export function sniff(head: Uint8Array, final: boolean): Sniffed | undefined {
  const n = head.length;
  if (n >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { bom: 'utf-8' };
  if (n >= 2 && head[0] === 0xff && head[1] === 0xfe) return { bom: 'utf-16le' };
  if (n >= 2 && head[0] === 0xfe && head[1] === 0xff) return { bom: 'utf-16be' };
  if (n < 5 && !final) {
    // A BOM, "<?xml" or its UTF-16 form may still be forming.
    if (isPrefixOfAny(head)) return undefined;
    return {};
  }
  if (n >= 4 && head[0] === 0x3c && head[1] === 0 && head[2] === 0x3f && head[3] === 0) return { pattern: 'utf-16le' };
  if (n >= 4 && head[0] === 0 && head[1] === 0x3c && head[2] === 0 && head[3] === 0x3f) return { pattern: 'utf-16be' };
  if (n >= 5 && head[0] === 0x3c && head[1] === 0x3f && head[2] === 0x78 && head[3] === 0x6d && head[4] === 0x6c) {
    let end = -1;
    for (let i = 5; i + 1 < n; i++) {
      if (head[i] === 0x3f && head[i + 1] === 0x3e) {
        end = i;
        break;
      }
    }
    if (end < 0) return final || n >= SNIFF_BYTES ? {} : undefined;
    let decl = '';
    for (let i = 5; i < end; i++) decl += String.fromCharCode(head[i]!);
    const declared = declaredEncoding(decl);
    return declared === undefined ? {} : { declared };
  }
  return {};
}

function isPrefixOfAny(head: Uint8Array): boolean {
  const starts = [
    [0xef, 0xbb, 0xbf],
    [0xff, 0xfe],
    [0xfe, 0xff],
    [0x3c, 0x00, 0x3f, 0x00],
    [0x00, 0x3c, 0x00, 0x3f],
    [0x3c, 0x3f, 0x78, 0x6d, 0x6c],
  ];
  return starts.some((s) => head.every((b, i) => i >= s.length || s[i] === b));
}

function declaredEncoding(decl: string): string | undefined {
  // XML 1.0 [80]: S 'encoding' Eq ... (no whitespace before it, e.g. "<?xmlencoding", is no declaration).
  const at = decl.indexOf('encoding');
  const before = decl[at - 1];
  if (before !== ' ' && before !== '\t' && before !== '\r' && before !== '\n') return undefined;
  let i = at + 8;
  while (i < decl.length && (decl[i] === ' ' || decl[i] === '\t' || decl[i] === '\r' || decl[i] === '\n')) i++;
  if (decl[i] !== '=') return undefined;
  i++;
  while (i < decl.length && (decl[i] === ' ' || decl[i] === '\t' || decl[i] === '\r' || decl[i] === '\n')) i++;
  const quote = decl[i];
  if (quote !== '"' && quote !== "'") return undefined;
  const close = decl.indexOf(quote, i + 1);
  if (close < 0) return undefined;
  return decl.slice(i + 1, close);
}
