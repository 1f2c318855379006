/**
 * Typed values of the reference model for every built-in property key (REFERENCE_TYPED_KEYS; a
 * unit test checks that this list is the parser's BUILTIN_DECODERS key set). Each key's rule is
 * written here from the RFCs and the data-model table, sharing no code with lib/. A value that does
 * not parse stays raw: that is decided in one place, `typedValue` at the end of this file. A case
 * the rules leave open becomes `Unchecked` (see unchecked.ts for the list).
 */
import type { Element } from '@xmldom/xmldom';
import { childElements, directText, elementKey, hasChildElements, isDavElement, textContent, trimAscii } from './dom-xml.js';
import { Unchecked } from './unchecked.js';

const CALDAV = 'urn:ietf:params:xml:ns:caldav';
const CARDDAV = 'urn:ietf:params:xml:ns:carddav';
const CALSERVER = 'http://calendarserver.org/ns/';
const OC = 'http://owncloud.org/ns';
const NC = 'http://nextcloud.org/ns';
const MS = 'urn:schemas-microsoft-com:';

const NUMBER_KEYS: Record<string, RegExp> = {
  getcontentlength: /^[0-9]+$/,
  'quota-used-bytes': /^-?[0-9]+$/,
  'quota-available-bytes': /^-?[0-9]+$/,
};
Object.assign(NUMBER_KEYS, {
  [`{${CALDAV}}max-resource-size`]: /^[0-9]+$/,
  [`{${CALDAV}}max-instances`]: /^[0-9]+$/,
  [`{${CALDAV}}max-attendees-per-instance`]: /^[0-9]+$/,
  [`{${CARDDAV}}max-resource-size`]: /^[0-9]+$/,
  [`{${OC}}size`]: /^-?[0-9]+$/,
});
/** Integers that must fit a double exactly (counts, orders, share types). */
const SMALL_INT_KEYS = [
  `{${OC}}comments-count`, `{${OC}}comments-unread`, `{${NC}}contained-folder-count`, `{${NC}}contained-file-count`,
  `{${NC}}group-folder-id`, `{http://apple.com/ns/ical/}calendar-order`, '{http://open-collaboration-services.org/ns}share-permissions',
];
/** `0`/`1`, `t`/`f`, `true`/`false`, any case (Microsoft, ownCloud, Nextcloud, Apache flags). */
const BOOLEAN_KEYS = [
  'iscollection', 'isFolder', 'isfolder', 'ishidden', 'isreadonly', 'isroot', 'isstructureddocument',
  `{${OC}}favorite`, `{${NC}}has-preview`, `{${NC}}is-encrypted`, `{${NC}}lock`, `{${NC}}acl-enabled`, `{${NC}}acl-can-manage`,
  `{${NC}}hide-download`, `{${NC}}is-mount-root`, `{${NC}}hidden`, '{http://apache.org/dav/props/}executable',
];
const DATE_KEYS = ['getlastmodified', 'creationdate', `{${MS}}Win32CreationTime`, `{${MS}}Win32LastAccessTime`, `{${MS}}Win32LastModifiedTime`];
const ICAL_DATE_KEYS = [`{${CALDAV}}min-date-time`, `{${CALDAV}}max-date-time`];
const UNIX_SECONDS_KEYS = [`{${NC}}creation_time`, `{${NC}}upload_time`, `{${NC}}lock-time`];
const JSON_KEYS = [`{${NC}}share-attributes`, '{http://open-cloud-mesh.org/ns}share-permissions'];
const TRIMMED_KEYS = [
  'getetag', 'getcontenttype', 'getcontentlanguage', 'sync-token', `{${CALSERVER}}getctag`,
  `{${CALDAV}}calendar-user-type`, `{${CALDAV}}schedule-tag`, `{${OC}}id`, `{${OC}}fileid`, `{${OC}}permissions`,
  `{${OC}}comments-href`, `{${OC}}owner-id`, `{${OC}}downloadURL`, `{${NC}}mount-type`, '{http://apple.com/ns/ical/}calendar-color',
];
const EXACT_TEXT_KEYS = [
  'displayname', 'version-name', 'creator-displayname', 'comment', `{${CALDAV}}calendar-data`, `{${CALDAV}}calendar-description`,
  `{${CALDAV}}calendar-timezone`, `{${CARDDAV}}address-data`, `{${CARDDAV}}addressbook-description`, `{${OC}}owner-display-name`,
];
const HREF_KEYS = [
  'owner', 'group', 'principal-URL', 'resource-id', 'add-member', 'reftarget', 'checked-in', 'checked-out', 'version-history',
  `{${CALDAV}}schedule-inbox-URL`, `{${CALDAV}}schedule-outbox-URL`, `{${CALDAV}}schedule-default-calendar-URL`, `{${CARDDAV}}principal-address`,
];
const HREF_SET_KEYS = [
  'inherited-acl-set', 'principal-collection-set', 'alternate-URI-set', 'group-member-set', 'group-membership', 'predecessor-set',
  'successor-set', 'checkout-set', 'activity-set', 'version-set', `{${CALDAV}}calendar-home-set`, `{${CALDAV}}calendar-user-address-set`,
  `{${CARDDAV}}addressbook-home-set`,
];
/** Trimmed text of each child element. */
const CHILD_TEXT_KEYS = [`{${OC}}tags`, `{${OC}}checksums`, `{${CALDAV}}supported-collation-set`, `{${CARDDAV}}supported-collation-set`];
/** The key of the one child element. */
const CHOICE_KEYS = ['redirect-lifetime', `{${CALDAV}}schedule-calendar-transp`];
/** The `name` attribute of each child element. */
const NAME_ATTRIBUTE_KEYS = ['supported-method-set', `{${CALDAV}}supported-calendar-component-set`];
const DATA_TYPE_KEYS = [`{${CALDAV}}supported-calendar-data`, `{${CARDDAV}}supported-address-data`];
const STRUCTURED_KEYS = [
  'resourcetype', 'current-user-privilege-set', 'lockdiscovery', 'supportedlock', 'current-user-principal', 'acl',
  'supported-privilege-set', 'parent-set', 'supported-report-set', `{${OC}}share-types`, `{${MS}}Win32FileAttributes`,
];

/** Every key the reference model decodes; other properties keep their raw value here. */
export const REFERENCE_TYPED_KEYS: readonly string[] = [
  ...Object.keys(NUMBER_KEYS),
  ...SMALL_INT_KEYS,
  ...BOOLEAN_KEYS,
  ...DATE_KEYS,
  ...ICAL_DATE_KEYS,
  ...UNIX_SECONDS_KEYS,
  ...JSON_KEYS,
  ...TRIMMED_KEYS,
  ...EXACT_TEXT_KEYS,
  ...HREF_KEYS,
  ...HREF_SET_KEYS,
  ...CHILD_TEXT_KEYS,
  ...CHOICE_KEYS,
  ...NAME_ATTRIBUTE_KEYS,
  ...DATA_TYPE_KEYS,
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

/** An expand-property answer (RFC 3253 §3.8): a `DAV:response` where an href would be. */
function isExpanded(el: Element): boolean {
  return davChild(el, 'response') !== undefined;
}

/** `(href)`: the first href, trimmed; an empty element or an expanded one is not the typed form (raw). */
function decodeHrefProperty(el: Element, _rawValue: (el: Element) => unknown): unknown {
  if (isExpanded(el)) return undefined; // an expand-property answer is not the typed form: the value as sent goes to raw
  const href = hrefText(el);
  return href;
}

/** `current-user-principal` (RFC 5397): an href, or `unauthenticated`. */
function decodePrincipalProperty(el: Element, _rawValue: (el: Element) => unknown): unknown {
  if (isExpanded(el)) return undefined; // an expand-property answer is not the typed form: the value as sent goes to raw
  const href = hrefText(el);
  if (href !== undefined) return href;
  return davChild(el, 'unauthenticated') ? 'unauthenticated' : undefined;
}

/** `(href*)`: every child is an href; their trimmed texts. */
function decodeHrefSet(el: Element, _rawValue: (el: Element) => unknown): unknown {
  if (isExpanded(el)) return undefined; // an expand-property answer is not the typed form: the value as sent goes to raw
  const children = childElements(el);
  if (!children.every((c) => isDavElement(c, 'href'))) return undefined;
  return children.map((c) => trimAscii(textContent(c)));
}

function decodeBoolean(text: string): boolean | undefined {
  const t = trimAscii(text).toLowerCase();
  if (t === '1' || t === 't' || t === 'true') return true;
  if (t === '0' || t === 'f' || t === 'false') return false;
  return undefined;
}

function decodeSmallInt(text: string): number | undefined {
  const t = trimAscii(text);
  if (!/^-?[0-9]+$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** iCalendar UTC DATE-TIME, `19000101T000000Z` (RFC 5545 §3.3.5 form 2). */
function decodeICalDate(text: string): Date | undefined {
  const m = /^([0-9]{4})([0-9]{2})([0-9]{2})[Tt]([0-9]{2})([0-9]{2})([0-9]{2})[Zz]$/.exec(trimAscii(text));
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : undefined;
}

function decodeUnixSeconds(text: string): Date | undefined {
  const t = trimAscii(text);
  return /^-?[0-9]{1,15}$/.test(t) ? new Date(Number(t) * 1000) : undefined;
}

function decodeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function decodeHexMask(text: string): number | undefined {
  const t = trimAscii(text);
  return /^[0-9A-Fa-f]{1,8}$/.test(t) ? Number.parseInt(t, 16) : undefined;
}

/** Who an ACE is for (RFC 3744 §5.5.1): the first child of `principal`. */
function decodeAcePrincipal(el: Element | undefined): Record<string, string> | undefined {
  const inner = el ? childElements(el)[0] : undefined;
  if (!inner) return undefined;
  const key = elementKey(inner);
  if (key === 'href') return { kind: 'href', value: trimAscii(textContent(inner)) };
  if (key === 'all' || key === 'authenticated' || key === 'unauthenticated' || key === 'self') return { kind: key };
  if (key === 'property') {
    const prop = firstChildKey(inner);
    return prop === undefined ? undefined : { kind: 'property', value: prop };
  }
  return { kind: 'other', value: key };
}

/** `acl` (RFC 3744 §5.5): `(ace*)`, each with principal or invert, grant/deny privileges, protected, inherited. */
function decodeAcl(el: Element): Record<string, unknown>[] | undefined {
  const out: Record<string, unknown>[] = [];
  for (const ace of childElements(el)) {
    if (!isDavElement(ace, 'ace')) continue;
    const invert = davChild(ace, 'invert');
    const direct = davChild(ace, 'principal');
    const principal = direct ? decodeAcePrincipal(direct) : invert ? decodeAcePrincipal(davChild(invert, 'principal') ?? invert) : undefined;
    if (!principal) return undefined;
    const grant = davChild(ace, 'grant');
    const deny = davChild(ace, 'deny');
    const entry: Record<string, unknown> = {
      principal,
      invert: invert !== undefined,
      grant: grant ? decodePrivileges(grant) : [],
      deny: deny ? decodePrivileges(deny) : [],
      protected: davChild(ace, 'protected') !== undefined,
    };
    const inherited = hrefText(davChild(ace, 'inherited'));
    if (inherited !== undefined) entry.inherited = inherited;
    out.push(entry);
  }
  return out;
}

/** `supported-privilege-set` (RFC 3744 §5.3): a tree of `supported-privilege`. */
function decodeSupportedPrivileges(el: Element): Record<string, unknown>[] | undefined {
  const out: Record<string, unknown>[] = [];
  for (const node of childElements(el)) {
    if (!isDavElement(node, 'supported-privilege')) continue;
    const privilege = firstChildKey(davChild(node, 'privilege'));
    const children = decodeSupportedPrivileges(node);
    if (privilege === undefined || children === undefined) return undefined;
    const entry: Record<string, unknown> = { privilege, abstract: davChild(node, 'abstract') !== undefined, children };
    const description = davChild(node, 'description');
    if (description) entry.description = trimAscii(textContent(description));
    out.push(entry);
  }
  return out;
}

/** `parent-set` (RFC 5842 §3.2): each `parent` has an href and a segment. */
function decodeParentSet(el: Element): Record<string, string>[] | undefined {
  const out: Record<string, string>[] = [];
  for (const parent of childElements(el)) {
    if (!isDavElement(parent, 'parent')) continue;
    const href = hrefText(parent);
    const segment = davChild(parent, 'segment');
    if (href === undefined || !segment) return undefined;
    out.push({ href, segment: textContent(segment) });
  }
  return out;
}

/** `supported-report-set` (RFC 3253 §3.1.5): supported-report / report / the report's element. */
function decodeSupportedReports(el: Element): string[] {
  const out: string[] = [];
  for (const supported of childElements(el)) for (const report of childElements(supported)) for (const name of childElements(report)) out.push(elementKey(name));
  return out;
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
 * The decoded value of property `key` whose element is `el`; `undefined` when it does not parse
 * (or `Unchecked` when the rules leave it open).
 */
function decodeTyped(key: string, el: Element, raw: unknown, rawValue: (el: Element) => unknown): unknown {
  const text = textOnly(el);
  if (key in NUMBER_KEYS) return text === undefined ? undefined : decodeNumber(text, NUMBER_KEYS[key]!);
  if (SMALL_INT_KEYS.includes(key)) return text === undefined ? undefined : decodeSmallInt(text);
  if (BOOLEAN_KEYS.includes(key)) return text === undefined ? undefined : decodeBoolean(text);
  if (DATE_KEYS.includes(key)) return text === undefined ? undefined : decodeDate(text, raw);
  if (ICAL_DATE_KEYS.includes(key)) return text === undefined ? undefined : decodeICalDate(text);
  if (UNIX_SECONDS_KEYS.includes(key)) return text === undefined ? undefined : decodeUnixSeconds(text);
  if (JSON_KEYS.includes(key)) return text === undefined ? undefined : decodeJson(text);
  if (TRIMMED_KEYS.includes(key)) return text === undefined ? undefined : trimAscii(text);
  if (EXACT_TEXT_KEYS.includes(key)) return text;
  if (HREF_KEYS.includes(key)) return decodeHrefProperty(el, rawValue);
  if (HREF_SET_KEYS.includes(key)) return decodeHrefSet(el, rawValue);
  if (CHILD_TEXT_KEYS.includes(key)) return childElements(el).map((c) => trimAscii(textContent(c)));
  if (CHOICE_KEYS.includes(key)) return firstChildKey(el);
  if (NAME_ATTRIBUTE_KEYS.includes(key)) {
    return childElements(el).flatMap((c) => (c.hasAttribute('name') ? [c.getAttribute('name') ?? ''] : []));
  }
  if (DATA_TYPE_KEYS.includes(key)) {
    return childElements(el).map((c) => {
      const t: Record<string, string> = {};
      if (c.hasAttribute('content-type')) t.contentType = c.getAttribute('content-type') ?? '';
      if (c.hasAttribute('version')) t.version = c.getAttribute('version') ?? '';
      return t;
    });
  }
  switch (key) {
    case 'resourcetype':
      return childElements(el).map(elementKey);
    case 'current-user-privilege-set':
      return decodePrivileges(el);
    case 'lockdiscovery':
      return decodeList(el, 'activelock', (m) => decodeActiveLock(m, rawValue), raw);
    case 'supportedlock':
      return decodeList(el, 'lockentry', decodeLockEntry, raw);
    case 'current-user-principal':
      return decodePrincipalProperty(el, rawValue);
    case 'acl':
      return decodeAcl(el);
    case 'supported-privilege-set':
      return decodeSupportedPrivileges(el);
    case 'parent-set':
      return decodeParentSet(el);
    case 'supported-report-set':
      return decodeSupportedReports(el);
    case `{${OC}}share-types`: {
      const ints = childElements(el).map((c) => decodeSmallInt(textContent(c)));
      return ints.includes(undefined) ? undefined : ints;
    }
    case `{${MS}}Win32FileAttributes`:
      return text === undefined ? undefined : decodeHexMask(text);
    default:
      return raw;
  }
}

/**
 * The typed value of property `key` whose element is `el` and raw value `raw`.
 *
 * THE ONE PLACE where a value that does not parse is handled: it keeps its raw value here. (When
 * the typed model moves such values to a raw map beside the typed props, change this function and
 * its caller in dom-model.ts only.)
 */
export function typedValue(key: string, el: Element, raw: unknown, rawValue: (el: Element) => unknown): unknown {
  const decoded = decodeTyped(key, el, raw, rawValue);
  return decoded === undefined ? raw : decoded;
}
