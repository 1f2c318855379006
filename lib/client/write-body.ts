/**
 * Request bodies of the write methods: PROPPATCH's `propertyupdate` and LOCK's `lockinfo`, with
 * property names given as keys (`getetag`, `{http://example.com/ns}color`, `{}name`) and values as
 * text or {@link XmlElement}s, every name checked and every text escaped.
 */
import { MultistatusError } from '../errors.js';
import { XML_NS } from '../names.js';
import type { PropKey, XmlElement } from '../types.js';

const XML_DECL = '<?xml version="1.0" encoding="utf-8"?>\n';

/** An XML local name (NCName, without the rarer code points). */
const NCNAME = /^[\p{L}_][\p{L}\p{M}\p{N}_.\-\u00B7\u203F\u2040]*$/u;

/** A property value to set: text, or an element whose attributes and children become the property's. */
export type PropValue = string | XmlElement;

/** What a PROPPATCH changes. */
export interface PropertyUpdate {
  /** Properties to set, by key. */
  set?: Readonly<Record<PropKey, PropValue>>;
  /** Properties to remove, by key. */
  remove?: readonly PropKey[];
}

/** What a LOCK asks for (RFC 4918 §14.11 `lockinfo`). */
export interface LockInfo {
  /** Default `exclusive`. */
  scope?: 'exclusive' | 'shared';
  /** Who holds the lock: text (a name, a `mailto:` or `http:` URI) or an element. */
  owner?: PropValue;
}

/** Escapes text for element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#13;'));
}

/** A key split into namespace and local name (`getetag` -> `DAV:`, `getetag`); a bad name is `USAGE`. */
export function splitKey(key: string): { ns: string; local: string } {
  let ns = 'DAV:';
  let local = key;
  if (key.startsWith('{')) {
    const close = key.indexOf('}');
    if (close < 0) throw new MultistatusError('USAGE', `"${key}" is not a property name: "{" without "}"`);
    ns = key.slice(1, close);
    local = key.slice(close + 1);
  }
  if (!NCNAME.test(local)) throw new MultistatusError('USAGE', `"${key}" is not a property name (a DAV: local name or {namespace}name)`);
  return { ns, local };
}

/**
 * The start of an element named `key`: `D:getetag` in DAV:, otherwise the namespace declared as
 * the element's default (`<color xmlns="http://example.com/ns">`, `<x xmlns="">`).
 */
function open(key: string, attributes: string): { start: string; end: string } {
  const { ns, local } = splitKey(key);
  if (ns === 'DAV:') return { start: `<D:${local}${attributes}`, end: `</D:${local}>` };
  return { start: `<${local} xmlns="${escapeXml(ns)}"${attributes}`, end: `</${local}>` };
}

/** Attributes by key; a namespaced one gets its own prefix on the element. */
function attributesOf(attrs: Readonly<Record<string, string>>): string {
  let out = '';
  let n = 0;
  for (const [key, value] of Object.entries(attrs)) {
    if (key.startsWith('{')) {
      const { ns, local } = splitKey(key);
      if (ns === XML_NS) {
        out += ` xml:${local}="${escapeXml(value)}"`;
        continue;
      }
      const prefix = `a${n++}`;
      out += ` xmlns:${prefix}="${escapeXml(ns)}" ${prefix}:${local}="${escapeXml(value)}"`;
    } else {
      splitKey(`{}${key}`);
      out += ` ${key}="${escapeXml(value)}"`;
    }
  }
  return out;
}

/** An element named `key` holding `value` (text, or the element's attributes and children). */
export function elementXml(key: string, value: PropValue | null): string {
  if (value === null) {
    const { start } = open(key, '');
    return `${start}/>`;
  }
  if (typeof value === 'string') {
    const { start, end } = open(key, '');
    return value === '' ? `${start}/>` : `${start}>${escapeXml(value)}${end}`;
  }
  const { start, end } = open(key, attributesOf(value.attributes));
  if (value.children.length === 0) return `${start}/>`;
  let inner = '';
  for (const c of value.children) inner += typeof c === 'string' ? escapeXml(c) : elementXml(c.name, c);
  return `${start}>${inner}${end}`;
}

/**
 * The body of a PROPPATCH: one `set` with every property to set, then one `remove` (RFC 4918
 * §14.19; the server applies them in document order, all or none).
 *
 * @example
 * proppatchBody({ set: { '{http://example.com/ns}color': 'red' }, remove: ['displayname'] });
 */
export function proppatchBody(update: PropertyUpdate): string {
  const set = Object.entries(update.set ?? {});
  const remove = update.remove ?? [];
  if (set.length === 0 && remove.length === 0) throw new MultistatusError('USAGE', 'proppatch: nothing to set or remove');
  let body = `${XML_DECL}<D:propertyupdate xmlns:D="DAV:">`;
  if (set.length) body += `<D:set><D:prop>${set.map(([k, v]) => elementXml(k, v)).join('')}</D:prop></D:set>`;
  if (remove.length) body += `<D:remove><D:prop>${remove.map((k) => elementXml(k, null)).join('')}</D:prop></D:remove>`;
  return `${body}</D:propertyupdate>\n`;
}

/** The body of a LOCK that creates a write lock. */
export function lockBody(info: LockInfo = {}): string {
  const scope = info.scope ?? 'exclusive';
  if (scope !== 'exclusive' && scope !== 'shared') throw new MultistatusError('USAGE', `lock: scope must be exclusive or shared, got "${String(scope)}"`);
  const owner = info.owner === undefined ? '' : elementXml('owner', info.owner);
  return `${XML_DECL}<D:lockinfo xmlns:D="DAV:"><D:lockscope><D:${scope}/></D:lockscope><D:locktype><D:write/></D:locktype>${owner}</D:lockinfo>\n`;
}
