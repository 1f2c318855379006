/**
 * Typed values of the reference model, for a fixed list of keys (REFERENCE_TYPED_KEYS). The parser
 * types many more properties (ACL, CalDAV, vendor ones); the tests compare those only in raw mode.
 * A value that does not parse stays raw; a case the rules leave open becomes `Unchecked`.
 */
import type { Element } from '@xmldom/xmldom';
import { childElements, directText, elementKey, hasChildElements, isDavElement, textContent, trimAscii } from './dom-xml.js';
import { Unchecked } from './unchecked.js';

const CALDAV = 'urn:ietf:params:xml:ns:caldav';
const CARDDAV = 'urn:ietf:params:xml:ns:carddav';
const CALSERVER = 'http://calendarserver.org/ns/';

const NUMBER_KEYS: Record<string, RegExp> = {
  getcontentlength: /^[0-9]+$/,
  'quota-used-bytes': /^-?[0-9]+$/,
  'quota-available-bytes': /^-?[0-9]+$/,
};
const DATE_KEYS = ['getlastmodified', 'creationdate'];
const TRIMMED_KEYS = ['getetag', 'getcontenttype', 'getcontentlanguage', 'sync-token', `{${CALSERVER}}getctag`];
const EXACT_TEXT_KEYS = ['displayname', `{${CALDAV}}calendar-data`, `{${CARDDAV}}address-data`];
const HREF_KEYS = [
  'owner',
  'current-user-principal',
  'principal-URL',
  'resource-id',
  'add-member',
  'checked-in',
  'checked-out',
  'version-history',
  'group',
];
const STRUCTURED_KEYS = ['resourcetype', 'current-user-privilege-set', 'lockdiscovery', 'supportedlock'];

/** Every key the reference model decodes; other properties keep their raw value here. */
export const REFERENCE_TYPED_KEYS: readonly string[] = [
  ...Object.keys(NUMBER_KEYS),
  ...DATE_KEYS,
  ...TRIMMED_KEYS,
  ...EXACT_TEXT_KEYS,
  ...HREF_KEYS,
  ...STRUCTURED_KEYS,
];

/** Text of an element without child elements; `undefined` when it has some (then it stays raw). */
function textOnly(el: Element): string | undefined {
  return hasChildElements(el) ? undefined : directText(el);
}

function decodeNumber(text: string, pattern: RegExp): number | bigint | undefined {
  const t = trimAscii(text);
  if (!pattern.test(t)) return undefined;
  const big = BigInt(t);
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  return big > limit || big < -limit ? big : Number(t);
}

/** Date.parse (V8: RFC 1123, RFC 850, asctime, ISO); a string with no zone would depend on TZ. */
function decodeDate(text: string, raw: unknown): Date | Unchecked | undefined {
  const t = trimAscii(text);
  const ms = Date.parse(t);
  if (t === '' || Number.isNaN(ms)) return undefined;
  const hasZone = /(?:GMT|UTC|UT|Z|[+-][0-9]{2}:?[0-9]{2})$/i.test(t) || /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(t);
  if (!hasZone) return new Unchecked(raw, 'date without a time zone: its value depends on the local TZ');
  return new Date(ms);
}

function firstChildKey(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  const inner = childElements(el)[0];
  return inner ? elementKey(inner) : undefined;
}

function davChild(el: Element, name: string): Element | undefined {
  return childElements(el).find((c) => isDavElement(c, name));
}

function hrefText(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  const href = davChild(el, 'href');
  return href ? trimAscii(textContent(href)) : undefined;
}

function decodeHrefProperty(el: Element, raw: unknown): string | Unchecked {
  const children = childElements(el);
  if (children.length === 1 && isDavElement(children[0], 'href')) return trimAscii(textContent(children[0]));
  return new Unchecked(raw, 'href property without exactly one href child');
}

function decodePrivileges(el: Element): string[] {
  const out: string[] = [];
  for (const privilege of childElements(el)) {
    if (!isDavElement(privilege, 'privilege')) continue;
    for (const inner of childElements(privilege)) out.push(elementKey(inner));
  }
  return out;
}

interface LockEntry {
  scope: string;
  type: string;
}

function decodeLockEntry(el: Element): LockEntry | undefined {
  const scope = firstChildKey(davChild(el, 'lockscope'));
  const type = firstChildKey(davChild(el, 'locktype'));
  return scope !== undefined && type !== undefined ? { scope, type } : undefined;
}

function decodeTimeout(text: string): number | undefined {
  const t = trimAscii(text);
  if (t === 'Infinite') return Infinity;
  const m = /^Second-([0-9]+)$/.exec(t);
  return m ? Number(m[1]) : undefined;
}

function decodeActiveLock(el: Element, rawValue: (el: Element) => unknown): Record<string, unknown> | undefined {
  const entry = decodeLockEntry(el);
  const depth = davChild(el, 'depth');
  if (!entry || !depth) return undefined;
  const lock: Record<string, unknown> = { ...entry, depth: trimAscii(textContent(depth)) };
  const owner = davChild(el, 'owner');
  if (owner) lock.owner = rawValue(owner);
  const timeout = davChild(el, 'timeout');
  if (timeout) {
    const seconds = decodeTimeout(textContent(timeout));
    if (seconds === undefined) return undefined;
    lock.timeout = seconds;
  }
  const token = hrefText(davChild(el, 'locktoken'));
  if (token !== undefined) lock.token = token;
  const root = hrefText(davChild(el, 'lockroot'));
  if (root !== undefined) lock.root = root;
  return lock;
}

function decodeList<T>(el: Element, member: string, decode: (m: Element) => T | undefined, raw: unknown): T[] | Unchecked {
  const out: T[] = [];
  for (const child of childElements(el)) {
    if (!isDavElement(child, member)) continue;
    const value = decode(child);
    if (value === undefined) return new Unchecked(raw, `${member} outside the reference rules`);
    out.push(value);
  }
  return out;
}

/**
 * The typed value of property `key` whose element is `el` and raw value `raw`; `raw` itself when the
 * key is not typed here or its text does not parse.
 */
export function typedValue(key: string, el: Element, raw: unknown, rawValue: (el: Element) => unknown): unknown {
  if (key in NUMBER_KEYS) {
    const text = textOnly(el);
    return (text === undefined ? undefined : decodeNumber(text, NUMBER_KEYS[key])) ?? raw;
  }
  if (DATE_KEYS.includes(key)) {
    const text = textOnly(el);
    return (text === undefined ? undefined : decodeDate(text, raw)) ?? raw;
  }
  if (TRIMMED_KEYS.includes(key)) {
    const text = textOnly(el);
    return text === undefined ? raw : trimAscii(text);
  }
  if (EXACT_TEXT_KEYS.includes(key)) return textOnly(el) ?? raw;
  if (HREF_KEYS.includes(key)) return decodeHrefProperty(el, raw);
  switch (key) {
    case 'resourcetype':
      return childElements(el).map(elementKey);
    case 'current-user-privilege-set':
      return decodePrivileges(el);
    case 'lockdiscovery':
      return decodeList(el, 'activelock', (m) => decodeActiveLock(m, rawValue), raw);
    case 'supportedlock':
      return decodeList(el, 'lockentry', decodeLockEntry, raw);
    default:
      return raw;
  }
}
