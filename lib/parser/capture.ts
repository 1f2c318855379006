import { isXmlSpace } from '../status.js';
import { detach } from '../strings.js';
import type { XmlElement } from '../types.js';

/** Flag bits kept beside each open captured node. */
export const HAS_ELEMENT = 1;
export const HAS_TEXT = 2;

/** Appends text to a node, merging with a preceding text child. Returns the new text length. */
export function appendText(node: XmlElement, text: string): number {
  const ch = node.children;
  const last = ch.length - 1;
  if (last >= 0 && typeof ch[last] === 'string') {
    const merged = (ch[last] as string) + text;
    ch[last] = merged;
    return merged.length;
  }
  ch.push(text);
  return text.length;
}

/**
 * Closes a captured node: when it has element children and nothing but whitespace as text,
 * the whitespace (indentation) is dropped; otherwise every text child is kept exactly.
 */
export function finishNode(node: XmlElement, flags: number): void {
  const ch = node.children;
  if ((flags & HAS_ELEMENT) !== 0 && (flags & HAS_TEXT) === 0) {
    let w = 0;
    for (let r = 0; r < ch.length; r++) if (typeof ch[r] !== 'string') ch[w++] = ch[r]!;
    ch.length = w;
    return;
  }
  // Kept text must not pin the chunk it was cut from.
  for (let r = 0; r < ch.length; r++) {
    const c = ch[r]!;
    if (typeof c === 'string') ch[r] = detach(c);
  }
}

/** The flag a piece of text sets: HAS_TEXT unless it is whitespace only. */
export function textFlag(text: string): number {
  return isXmlSpace(text) ? 0 : HAS_TEXT;
}
