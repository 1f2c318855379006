import { isXmlSpace } from '../status.js';
import { detach } from '../strings.js';
import type { Decoder } from '../properties/registry.js';
import type { XmlElement } from '../types.js';
import type { Report } from './report.js';

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

/** A text-only element as an XmlElement (its text detached from the chunk). */
export function textElement(name: string, attributes: Record<string, string>, text: string): XmlElement {
  return { name, attributes, children: text === '' ? [] : [detach(text)] };
}

/** The flag a piece of text sets: HAS_TEXT unless it is whitespace only. */
export function textFlag(text: string): number {
  return isXmlSpace(text) ? 0 : HAS_TEXT;
}

/**
 * The subtree being captured: a property value, an error condition or an unknown element. Its
 * text is only accumulated (no XmlElement is built) until a child element shows up: most
 * property values are text only and go to their decoder as a string.
 */
export class Capture {
  /** What the subtree is for (the builder's C_ codes). */
  kind = 0;
  /** Key of the captured element. */
  name = '';
  /** Its attributes, when it had any. */
  attrs: Record<string, string> | undefined = undefined;
  /** Its text, while it has no element children. */
  text = '';
  /** Its XmlElement, once it has an element child. */
  root: XmlElement | undefined = undefined;
  /** `xml:lang` in scope for a property value. */
  lang: string | undefined = undefined;
  /** The property's decoder. */
  decoder: Decoder | undefined = undefined;
  private readonly nodes: (XmlElement | undefined)[] = [];
  private readonly nodeFlags: number[] = [];
  private nodeTop = 0;

  constructor(private readonly report: Report) {}

  /** Starts capturing the element `name`. */
  start(kind: number, name: string, attrs: Record<string, string> | undefined): void {
    this.kind = kind;
    this.name = name;
    this.attrs = attrs;
    this.text = '';
    this.root = undefined;
    this.lang = undefined;
  }

  /** An element child (at any depth) of the captured element. */
  openChild(name: string, attrs: Record<string, string>): void {
    if (this.root === undefined) this.materialise();
    const node: XmlElement = { name, attributes: attrs, children: [] };
    const last = this.nodeTop - 1;
    this.nodes[last]!.children.push(node);
    this.nodeFlags[last]! |= HAS_ELEMENT;
    this.nodes[this.nodeTop] = node;
    this.nodeFlags[this.nodeTop++] = 0;
  }

  /** The innermost open child closes. */
  closeChild(): void {
    const top = --this.nodeTop;
    finishNode(this.nodes[top]!, this.nodeFlags[top]!);
    this.nodes[top] = undefined;
  }

  /** Text inside the captured subtree. */
  addText(text: string): void {
    if (this.root === undefined) {
      const t = this.text + text;
      this.text = t;
      if (t.length > this.report.limits.maxTextLength) throw this.report.tooLong();
      return;
    }
    const last = this.nodeTop - 1;
    if (appendText(this.nodes[last]!, text) > this.report.limits.maxTextLength) {
      throw this.report.tooLong();
    }
    this.nodeFlags[last]! |= textFlag(text);
  }

  /** The captured element closes: its XmlElement, finished, or undefined when it had no element children. */
  finish(): XmlElement | undefined {
    const root = this.root;
    if (root !== undefined) {
      finishNode(root, this.nodeFlags[0]!);
      this.nodes[0] = undefined;
      this.nodeTop = 0;
    }
    return root;
  }

  /** The captured element as an XmlElement when it had no element children. */
  element(): XmlElement {
    return textElement(this.name, this.attrs ?? {}, this.text);
  }

  private materialise(): void {
    const root: XmlElement = { name: this.name, attributes: this.attrs ?? {}, children: [] };
    let flags = 0;
    if (this.text !== '') {
      root.children.push(this.text);
      flags = textFlag(this.text);
    }
    this.root = root;
    this.nodes[0] = root;
    this.nodeFlags[0] = flags;
    this.nodeTop = 1;
  }
}
