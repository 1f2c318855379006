import type { DAV_NS } from '../names.js';
import {
  APACHE_NS, APPLE_ICAL_NS, CALDAV_NS, CALSERVER_NS, CARDDAV_NS, MICROSOFT_NS, NEXTCLOUD_NS, OCM_NS, OCS_NS, OWNCLOUD_NS, keyOf,
} from '../names.js';
import type { PropertyDecoder, XmlElement } from '../types.js';
import type { UNTYPED } from './values.js';
import { acl, parentSet, privileges, supportedPrivileges } from './acl.js';
import { parseCreationDate, parseHttpDate, parseICalDate, parseUnixSeconds } from './dates.js';
import { lockDiscovery, supportedLock } from './locks.js';
import {
  boolean, childAttrs, childInts, childKeys, childTexts, choice, exact, hex, href, hrefs, json, principal, signed, smallInt,
  trimmed, unsigned, wrappedKeys,
} from './values.js';
import { elements } from './xml.js';
import type { DataType } from './types.js';

/**
 * A decoder of the property table, giving values of type `T`. `element: false` decoders get the
 * text (they run without an element tree being built: the fast path); `element: true` ones get the
 * property's XmlElement. Both return `undefined` when the value does not parse (the raw value goes
 * to `Propstat.raw`, with a `BAD_VALUE` diagnostic) and `UNTYPED` for a well-formed value that is
 * not of the typed form (an expand-property answer, an empty `(href?)`): raw too, no diagnostic.
 *
 * @example
 * const d = BUILTIN_DECODERS.get('getcontentlength'); // { element: false, decode: ... }
 */
export interface Decoder<T = unknown> {
  element: boolean;
  /** A user decoder: gets the untyped value (string or XmlElement) and may throw. */
  custom?: boolean;
  decode: (value: never) => T | undefined | typeof UNTYPED;
}

const text = <T>(decode: (raw: string) => T | undefined | typeof UNTYPED): Decoder<T> => ({ element: false, decode });
const tree = <T>(decode: (el: XmlElement) => T | undefined | typeof UNTYPED): Decoder<T> => ({ element: true, decode });

function dataTypes(el: XmlElement): DataType[] {
  return elements(el).map((c) => {
    const t: DataType = {};
    if (c.attributes['content-type'] !== undefined) t.contentType = c.attributes['content-type'];
    if (c.attributes.version !== undefined) t.version = c.attributes.version;
    return t;
  });
}

type Table = Record<string, Decoder>;

const HREF = tree(href);
const HREFS = tree(hrefs);
const TRIM = text(trimmed);
const EXACT = text(exact);
const UINT = text(unsigned);
const INT = text(smallInt);
const BOOL = text(boolean);

const DAV = {
  // RFC 4918
  creationdate: text(parseCreationDate),
  displayname: EXACT,
  getcontentlanguage: TRIM,
  getcontentlength: UINT,
  getcontenttype: TRIM,
  getetag: TRIM,
  getlastmodified: text(parseHttpDate),
  lockdiscovery: tree(lockDiscovery),
  resourcetype: tree(childKeys),
  supportedlock: tree(supportedLock),
  // RFC 4331
  'quota-available-bytes': text(signed),
  'quota-used-bytes': text(signed),
  // RFC 3744, 5397
  owner: HREF,
  group: HREF,
  'principal-URL': HREF,
  'current-user-principal': tree(principal),
  'current-user-privilege-set': tree(privileges),
  acl: tree(acl),
  'supported-privilege-set': tree(supportedPrivileges),
  'inherited-acl-set': HREFS,
  'principal-collection-set': HREFS,
  'alternate-URI-set': HREFS,
  'group-member-set': HREFS,
  'group-membership': HREFS,
  // RFC 5842, 6578, 5995, 4437
  'resource-id': HREF,
  'parent-set': tree(parentSet),
  'sync-token': TRIM,
  'add-member': HREF,
  reftarget: HREF,
  'redirect-lifetime': tree(choice),
  // RFC 3253
  'checked-in': HREF,
  'checked-out': HREF,
  'version-history': HREF,
  'predecessor-set': HREFS,
  'successor-set': HREFS,
  'checkout-set': HREFS,
  'activity-set': HREFS,
  'version-set': HREFS,
  'version-name': EXACT,
  'creator-displayname': EXACT,
  comment: EXACT,
  'supported-report-set': tree((el) => wrappedKeys(el, 2)),
  'supported-method-set': tree((el) => childAttrs(el, 'name')),
  // Microsoft pseudo-properties in DAV: (Exchange, IIS, MS-WDV)
  iscollection: BOOL,
  isFolder: BOOL,
  isfolder: BOOL,
  ishidden: BOOL,
  isreadonly: BOOL,
  isroot: BOOL,
  isstructureddocument: BOOL,
} satisfies Table;

const CALDAV = {
  'calendar-data': EXACT,
  'calendar-description': EXACT,
  'calendar-timezone': EXACT,
  'supported-calendar-component-set': tree((el) => childAttrs(el, 'name')),
  'supported-calendar-data': tree(dataTypes),
  'max-resource-size': UINT,
  'max-instances': UINT,
  'max-attendees-per-instance': UINT,
  'min-date-time': text(parseICalDate),
  'max-date-time': text(parseICalDate),
  'calendar-home-set': HREFS,
  'calendar-user-address-set': HREFS,
  'schedule-inbox-URL': HREF,
  'schedule-outbox-URL': HREF,
  'schedule-default-calendar-URL': HREF,
  'calendar-user-type': TRIM,
  'schedule-calendar-transp': tree(choice),
  'schedule-tag': TRIM,
  'supported-collation-set': tree(childTexts),
} satisfies Table;

const CARDDAV = {
  'address-data': EXACT,
  'addressbook-description': EXACT,
  'supported-address-data': tree(dataTypes),
  'max-resource-size': UINT,
  'addressbook-home-set': HREFS,
  'principal-address': HREF,
  'supported-collation-set': tree(childTexts),
} satisfies Table;

const OWNCLOUD = {
  id: TRIM,
  fileid: TRIM,
  permissions: TRIM,
  size: text(signed),
  favorite: BOOL,
  tags: tree(childTexts),
  'comments-href': TRIM,
  'comments-count': INT,
  'comments-unread': INT,
  'owner-id': TRIM,
  'owner-display-name': EXACT,
  'share-types': tree(childInts),
  checksums: tree(childTexts),
  downloadURL: TRIM,
} satisfies Table;

const NEXTCLOUD = {
  'has-preview': BOOL,
  creation_time: text(parseUnixSeconds),
  upload_time: text(parseUnixSeconds),
  'lock-time': text(parseUnixSeconds),
  'mount-type': TRIM,
  'is-encrypted': BOOL,
  lock: BOOL,
  'acl-enabled': BOOL,
  'acl-can-manage': BOOL,
  'hide-download': BOOL,
  'is-mount-root': BOOL,
  hidden: BOOL,
  'contained-folder-count': INT,
  'contained-file-count': INT,
  'group-folder-id': INT,
  'share-attributes': text(json),
} satisfies Table;

const CALSERVER = { getctag: TRIM } satisfies Table;
const APPLE_ICAL = { 'calendar-color': TRIM, 'calendar-order': INT } satisfies Table;
const APACHE = { executable: BOOL } satisfies Table;
const OCS = { 'share-permissions': INT } satisfies Table;
const OCM = { 'share-permissions': text(json) } satisfies Table;
const MICROSOFT = {
  Win32CreationTime: text(parseHttpDate),
  Win32LastAccessTime: text(parseHttpDate),
  Win32LastModifiedTime: text(parseHttpDate),
  Win32FileAttributes: text(hex),
} satisfies Table;

const OTHERS: [string, Table][] = [
  [CALDAV_NS, CALDAV],
  [CARDDAV_NS, CARDDAV],
  [OWNCLOUD_NS, OWNCLOUD],
  [NEXTCLOUD_NS, NEXTCLOUD],
  [CALSERVER_NS, CALSERVER],
  [APPLE_ICAL_NS, APPLE_ICAL],
  [APACHE_NS, APACHE],
  [OCS_NS, OCS],
  [OCM_NS, OCM],
  [MICROSOFT_NS, MICROSOFT],
];

/** The value type a table decoder gives (what is left once `undefined` and `UNTYPED` go to `raw`). */
type ValueOf<D> = D extends Decoder<infer T> ? T : never;
/** A table's value types under their property keys (Clark notation outside `DAV:`). */
type Keyed<NS extends string, T> = { -readonly [K in keyof T & string as NS extends typeof DAV_NS ? K : `{${NS}}${K}`]: ValueOf<T[K]> };

/**
 * The value types the decoder table gives, by key: derived from the decoders themselves. The
 * type tests (test/types/) check that it equals the declared {@link BuiltinProps} key for key.
 * @internal
 */
export type DecodedProps = Keyed<typeof DAV_NS, typeof DAV> &
  Keyed<typeof CALDAV_NS, typeof CALDAV> &
  Keyed<typeof CARDDAV_NS, typeof CARDDAV> &
  Keyed<typeof OWNCLOUD_NS, typeof OWNCLOUD> &
  Keyed<typeof NEXTCLOUD_NS, typeof NEXTCLOUD> &
  Keyed<typeof CALSERVER_NS, typeof CALSERVER> &
  Keyed<typeof APPLE_ICAL_NS, typeof APPLE_ICAL> &
  Keyed<typeof APACHE_NS, typeof APACHE> &
  Keyed<typeof OCS_NS, typeof OCS> &
  Keyed<typeof OCM_NS, typeof OCM> &
  Keyed<typeof MICROSOFT_NS, typeof MICROSOFT>;

/**
 * The built-in decoders by property key (see {@link BuiltinProps} for the type each gives).
 *
 * @example
 * BUILTIN_DECODERS.has('getlastmodified'); // true
 */
export const BUILTIN_DECODERS: ReadonlyMap<string, Decoder> = (() => {
  const map = new Map<string, Decoder>();
  for (const [local, d] of Object.entries(DAV)) map.set(local, d);
  for (const [ns, table] of OTHERS) for (const [local, d] of Object.entries(table)) map.set(keyOf(ns, local), d);
  return map;
})();

/** Builds the decoder table for one parse: built-ins (unless `typed` is false) overlaid by the user's. */
export function decoderTable(typed: boolean, custom: Record<string, PropertyDecoder> | undefined, normalise: (k: string) => string): Map<string, Decoder> | undefined {
  if (!typed && !custom) return undefined;
  const map = typed ? new Map(BUILTIN_DECODERS) : new Map<string, Decoder>();
  if (custom) {
    for (const [key, fn] of Object.entries(custom)) map.set(normalise(key), { element: true, custom: true, decode: fn as (v: never) => unknown });
  }
  return map;
}
