import { trimXml } from '../status.js';
import type { XmlElement } from '../types.js';

/** Child elements of an element. */
export function elements(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string') out.push(c);
  return out;
}

/** First child element with the given key. */
export function child(el: XmlElement, key: string): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== 'string' && c.name === key) return c;
  return undefined;
}

/** Concatenated text of all descendants. */
export function textOf(el: XmlElement): string {
  let s = '';
  for (const c of el.children) s += typeof c === 'string' ? c : textOf(c);
  return s;
}

/** Trimmed text of the first `href` child, or undefined. */
export function hrefOf(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const h = child(el, 'href');
  return h ? trimXml(textOf(h)) : undefined;
}

/** Key of the first child element (e.g. `exclusive` inside `lockscope`). */
export function firstKey(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string') return c.name;
  return undefined;
}

/** The value an element would have as an unknown property: its text, or itself. */
export function rawValue(el: XmlElement): string | XmlElement {
  if (Object.keys(el.attributes).length > 0) return el;
  for (const c of el.children) if (typeof c !== 'string') return el;
  return el.children.length === 0 ? '' : (el.children as string[]).join('');
}
