/**
 * DOM helpers of the reference model (the test oracle): element and attribute keys, text, and the
 * verbatim `XmlElement` form. Written over @xmldom/xmldom's namespace-aware DOM; prefixes are never
 * looked at, only `namespaceURI` and `localName`.
 */
import type { Attr, Element, Node } from '@xmldom/xmldom';
import type { XmlElement } from '../../lib/types.js';

export const DAV_NS = 'DAV:';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** `DAV:` names -> local name; any other namespace U -> `{U}local`; no namespace -> `{}local`. */
export function keyOf(namespaceURI: string | null, localName: string): string {
  if (namespaceURI === DAV_NS) return localName;
  return `{${namespaceURI ?? ''}}${localName}`;
}

export function elementKey(el: Element): string {
  return keyOf(el.namespaceURI, el.localName ?? el.nodeName);
}

/** Attributes: as elements, except that an attribute in no namespace is keyed by its bare name. */
export function attributeKey(attr: Attr): string {
  const local = attr.localName ?? attr.name;
  if (attr.namespaceURI === null || attr.namespaceURI === '') return local;
  return keyOf(attr.namespaceURI, local);
}

export function isNamespaceDeclaration(attr: Attr): boolean {
  return attr.namespaceURI === XMLNS_NS || attr.name === 'xmlns' || attr.name.startsWith('xmlns:');
}

/** Trim ASCII whitespace only (space, tab, CR, LF); `String.prototype.trim` would eat NBSP too. */
export function trimAscii(s: string): string {
  return s.replace(/^[ \t\r\n]+/, '').replace(/[ \t\r\n]+$/, '');
}

export function isXmlWhitespace(s: string): boolean {
  return /^[ \t\r\n]*$/.test(s);
}

function childNodes(node: Node): Node[] {
  const out: Node[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

function isTextLike(node: Node): boolean {
  return node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE;
}

function nodeData(node: Node): string {
  return node.nodeValue ?? '';
}

export function childElements(el: Element | Node): Element[] {
  return childNodes(el).filter((n): n is Element => n.nodeType === ELEMENT_NODE);
}

export function isDavElement(el: Element, localName: string): boolean {
  return el.namespaceURI === DAV_NS && el.localName === localName;
}

export function hasChildElements(el: Element): boolean {
  for (let child = el.firstChild; child; child = child.nextSibling) if (child.nodeType === ELEMENT_NODE) return true;
  return false;
}

/** The element's own text and CDATA children concatenated (comments and PIs skipped). */
export function directText(el: Element): string {
  return childNodes(el)
    .filter(isTextLike)
    .map(nodeData)
    .join('');
}

/** All text and CDATA below the element, in document order. */
export function textContent(el: Element): string {
  let out = '';
  for (const child of childNodes(el)) {
    if (isTextLike(child)) out += nodeData(child);
    else if (child.nodeType === ELEMENT_NODE) out += textContent(child as Element);
  }
  return out;
}

/** Attributes by key, namespace declarations left out. */
export function attributesOf(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  const list = el.attributes;
  for (let i = 0; i < list.length; i++) {
    const attr = list.item(i);
    if (!attr || isNamespaceDeclaration(attr)) continue;
    out[attributeKey(attr)] = attr.value;
  }
  return out;
}

export function hasAttributes(el: Element): boolean {
  const list = el.attributes;
  for (let i = 0; i < list.length; i++) {
    const attr = list.item(i);
    if (attr && !isNamespaceDeclaration(attr)) return true;
  }
  return false;
}

/**
 * The verbatim form: children in document order; adjacent text and CDATA merged into one string
 * (also across a comment or PI between them); comments and PIs dropped; when the element has a
 * child element and all its text is whitespace, the text (indentation) is dropped.
 */
export function toXmlElement(el: Element): XmlElement {
  const children: (XmlElement | string)[] = [];
  let text: string | null = null;
  let sawElement = false;
  let allTextBlank = true;
  const flush = (): void => {
    if (text !== null) {
      children.push(text);
      if (!isXmlWhitespace(text)) allTextBlank = false;
      text = null;
    }
  };
  for (const child of childNodes(el)) {
    if (isTextLike(child)) {
      text = (text ?? '') + nodeData(child);
    } else if (child.nodeType === ELEMENT_NODE) {
      flush();
      sawElement = true;
      children.push(toXmlElement(child as Element));
    }
  }
  flush();
  const kept = sawElement && allTextBlank ? children.filter((c) => typeof c !== 'string') : children;
  return { name: elementKey(el), attributes: attributesOf(el), children: kept };
}

/** `xml:lang` in scope on the element: its own or the nearest ancestor's; `""` means none. */
export function langInScope(el: Element): string | undefined {
  let node: Node | null = el;
  while (node && node.nodeType === ELEMENT_NODE) {
    const e = node as Element;
    if (e.hasAttributeNS(XML_NS, 'lang')) {
      const value = e.getAttributeNS(XML_NS, 'lang') ?? '';
      return value === '' ? undefined : value;
    }
    node = node.parentNode;
  }
  return undefined;
}
