import {
  APACHE_NS, APPLE_ICAL_NS, CALDAV_NS, CALSERVER_NS, CARDDAV_NS, MICROSOFT_NS, NEXTCLOUD_NS, OCM_NS, OCS_NS, OWNCLOUD_NS, keyOf,
} from '../names.js';
import type { PropertyDecoder, XmlElement } from '../types.js';
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
 * A decoder of the property table. `element: false` decoders get the text (they run without an
 * element tree being built: the fast path); `element: true` ones get the property's XmlElement.
 * Both return `undefined` when the value does not parse.
 */
export interface Decoder {
  element: boolean;
  /** A user decoder: gets the untyped value (string or XmlElement) and may throw. */
  custom?: boolean;
  decode: (value: never) => unknown;
}

const text = (decode: (raw: string) => unknown): Decoder => ({ element: false, decode });
const tree = (decode: (el: XmlElement) => unknown): Decoder => ({ element: true, decode });

function dataTypes(el: XmlElement): DataType[] {
  return elements(el).map((c) => {
    const t: DataType = {};
    if (c.attributes['content-type'] !== undefined) t.contentType = c.attributes['content-type'];
    if (c.attributes.version !== undefined) t.version = c.attributes.version;
    return t;
  });
}

const HREF = tree(href);
const HREFS = tree(hrefs);
const TRIM = text(trimmed);
const EXACT = text(exact);
const UINT = text(unsigned);
const INT = text(smallInt);
const BOOL = text(boolean);

const DAV: Record<string, Decoder> = {
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
};

const CALDAV: Record<string, Decoder> = {
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
};

const CARDDAV: Record<string, Decoder> = {
  'address-data': EXACT,
  'addressbook-description': EXACT,
  'supported-address-data': tree(dataTypes),
  'max-resource-size': UINT,
  'addressbook-home-set': HREFS,
  'principal-address': HREF,
  'supported-collation-set': tree(childTexts),
};

const OWNCLOUD: Record<string, Decoder> = {
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
};

const NEXTCLOUD: Record<string, Decoder> = {
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
};

const OTHERS: [string, Record<string, Decoder>][] = [
  [CALDAV_NS, CALDAV],
  [CARDDAV_NS, CARDDAV],
  [OWNCLOUD_NS, OWNCLOUD],
  [NEXTCLOUD_NS, NEXTCLOUD],
  [CALSERVER_NS, { getctag: TRIM }],
  [APPLE_ICAL_NS, { 'calendar-color': TRIM, 'calendar-order': INT }],
  [APACHE_NS, { executable: BOOL }],
  [OCS_NS, { 'share-permissions': INT }],
  [OCM_NS, { 'share-permissions': text(json) }],
  [
    MICROSOFT_NS,
    {
      Win32CreationTime: text(parseHttpDate),
      Win32LastAccessTime: text(parseHttpDate),
      Win32LastModifiedTime: text(parseHttpDate),
      Win32FileAttributes: text(hex),
    },
  ],
];

/** The built-in decoders by property key. */
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
