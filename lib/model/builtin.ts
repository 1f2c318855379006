/** The built-in property keys and the type of each (the model's floor: imports nothing of the parser). */
import type { Ace, ActiveLock, DataType, JsonValue, LockEntry, ParentBinding, SupportedPrivilege } from './values.js';

/**
 * The type of every built-in property, by key: what its decoder gives for a value that parses.
 * A value that does not parse (or is not of this form: an expand-property answer, an empty
 * `(href?)`) is not here but in `Propstat.raw`, as sent. Integers past 2^53 are the nearest
 * `number`, with the exact digits in `Propstat.raw` and an `IMPRECISE_NUMBER` diagnostic.
 *
 * Keys in `DAV:` are local names; others are in Clark notation (see {@link PropKey}).
 *
 * Any server may leave any property out (a collection has no `getcontentlength`, a CalDAV server
 * may send no `getlastmodified` for a calendar), so every key of {@link Props} is optional: this
 * interface gives the type a key has when it is there.
 *
 * @example
 * for await (const r of parseMultistatus(body)) {
 *   const size: number = r.props.getcontentlength ?? 0;
 *   const modified: Date | undefined = r.props.getlastmodified;
 * }
 */
export interface BuiltinProps {
  // RFC 4918
  /** RFC 3339 (RFC 1123 tolerated). */
  creationdate: Date;
  /** Exactly as sent (not trimmed). */
  displayname: string;
  getcontentlanguage: string;
  /** Bytes; trimmed decimal digits. */
  getcontentlength: number;
  getcontenttype: string;
  /** Trimmed; quotes and `W/` kept. */
  getetag: string;
  /** RFC 1123 (RFC 850, asctime and ISO 8601 tolerated). */
  getlastmodified: Date;
  lockdiscovery: ActiveLock[];
  /** Member keys: `[]`, `["collection"]`, `["collection", "{urn:ietf:params:xml:ns:caldav}calendar"]`. */
  resourcetype: string[];
  supportedlock: LockEntry[];
  // RFC 4331
  /** May be negative. */
  'quota-available-bytes': number;
  /** May be negative. */
  'quota-used-bytes': number;
  // RFC 3744, 5397
  owner: string;
  group: string;
  'principal-URL': string;
  /** The principal's href, or `"unauthenticated"`. */
  'current-user-principal': string;
  /** Privilege keys (`read`, `write`, `{http://x/}custom` …). */
  'current-user-privilege-set': string[];
  acl: Ace[];
  'supported-privilege-set': SupportedPrivilege[];
  'inherited-acl-set': string[];
  'principal-collection-set': string[];
  'alternate-URI-set': string[];
  'group-member-set': string[];
  'group-membership': string[];
  // RFC 5842, 6578, 5995, 4437
  'resource-id': string;
  'parent-set': ParentBinding[];
  'sync-token': string;
  'add-member': string;
  reftarget: string;
  /** `permanent` or `temporary` (the key of the child element). */
  'redirect-lifetime': string;
  // RFC 3253
  'checked-in': string;
  'checked-out': string;
  'version-history': string;
  'predecessor-set': string[];
  'successor-set': string[];
  'checkout-set': string[];
  'activity-set': string[];
  'version-set': string[];
  'version-name': string;
  'creator-displayname': string;
  comment: string;
  /** Report keys. */
  'supported-report-set': string[];
  /** Method names. */
  'supported-method-set': string[];
  // Microsoft pseudo-properties in DAV: (Exchange, IIS, MS-WDV)
  iscollection: boolean;
  isFolder: boolean;
  isfolder: boolean;
  ishidden: boolean;
  isreadonly: boolean;
  isroot: boolean;
  isstructureddocument: boolean;

  // CalDAV (RFC 4791, 6638)
  /** iCalendar text, exactly as sent (CDATA and character references resolved). */
  '{urn:ietf:params:xml:ns:caldav}calendar-data': string;
  '{urn:ietf:params:xml:ns:caldav}calendar-description': string;
  '{urn:ietf:params:xml:ns:caldav}calendar-timezone': string;
  /** Component names (`VEVENT`, `VTODO` …). */
  '{urn:ietf:params:xml:ns:caldav}supported-calendar-component-set': string[];
  '{urn:ietf:params:xml:ns:caldav}supported-calendar-data': DataType[];
  '{urn:ietf:params:xml:ns:caldav}max-resource-size': number;
  '{urn:ietf:params:xml:ns:caldav}max-instances': number;
  '{urn:ietf:params:xml:ns:caldav}max-attendees-per-instance': number;
  '{urn:ietf:params:xml:ns:caldav}min-date-time': Date;
  '{urn:ietf:params:xml:ns:caldav}max-date-time': Date;
  '{urn:ietf:params:xml:ns:caldav}calendar-home-set': string[];
  '{urn:ietf:params:xml:ns:caldav}calendar-user-address-set': string[];
  '{urn:ietf:params:xml:ns:caldav}schedule-inbox-URL': string;
  '{urn:ietf:params:xml:ns:caldav}schedule-outbox-URL': string;
  '{urn:ietf:params:xml:ns:caldav}schedule-default-calendar-URL': string;
  '{urn:ietf:params:xml:ns:caldav}calendar-user-type': string;
  /** `opaque` or `transparent`. */
  '{urn:ietf:params:xml:ns:caldav}schedule-calendar-transp': string;
  '{urn:ietf:params:xml:ns:caldav}schedule-tag': string;
  '{urn:ietf:params:xml:ns:caldav}supported-collation-set': string[];

  // CardDAV (RFC 6352)
  /** vCard text, exactly as sent. */
  '{urn:ietf:params:xml:ns:carddav}address-data': string;
  '{urn:ietf:params:xml:ns:carddav}addressbook-description': string;
  '{urn:ietf:params:xml:ns:carddav}supported-address-data': DataType[];
  '{urn:ietf:params:xml:ns:carddav}max-resource-size': number;
  '{urn:ietf:params:xml:ns:carddav}addressbook-home-set': string[];
  '{urn:ietf:params:xml:ns:carddav}principal-address': string;
  '{urn:ietf:params:xml:ns:carddav}supported-collation-set': string[];

  // ownCloud / Nextcloud (http://owncloud.org/ns)
  /** Opaque id (digits plus instance id): a string, not a number. */
  '{http://owncloud.org/ns}id': string;
  /** Kept as a string: some servers send ids with leading zeros or past 2^53. */
  '{http://owncloud.org/ns}fileid': string;
  /** Permission letters (`RGDNVW` …). */
  '{http://owncloud.org/ns}permissions': string;
  '{http://owncloud.org/ns}size': number;
  '{http://owncloud.org/ns}favorite': boolean;
  '{http://owncloud.org/ns}tags': string[];
  '{http://owncloud.org/ns}comments-href': string;
  '{http://owncloud.org/ns}comments-count': number;
  '{http://owncloud.org/ns}comments-unread': number;
  '{http://owncloud.org/ns}owner-id': string;
  '{http://owncloud.org/ns}owner-display-name': string;
  '{http://owncloud.org/ns}share-types': number[];
  '{http://owncloud.org/ns}checksums': string[];
  '{http://owncloud.org/ns}downloadURL': string;

  // Nextcloud (http://nextcloud.org/ns)
  '{http://nextcloud.org/ns}has-preview': boolean;
  /** Unix seconds. */
  '{http://nextcloud.org/ns}creation_time': Date;
  /** Unix seconds. */
  '{http://nextcloud.org/ns}upload_time': Date;
  /** Unix seconds. */
  '{http://nextcloud.org/ns}lock-time': Date;
  '{http://nextcloud.org/ns}mount-type': string;
  '{http://nextcloud.org/ns}is-encrypted': boolean;
  '{http://nextcloud.org/ns}lock': boolean;
  '{http://nextcloud.org/ns}acl-enabled': boolean;
  '{http://nextcloud.org/ns}acl-can-manage': boolean;
  '{http://nextcloud.org/ns}hide-download': boolean;
  '{http://nextcloud.org/ns}is-mount-root': boolean;
  '{http://nextcloud.org/ns}hidden': boolean;
  '{http://nextcloud.org/ns}contained-folder-count': number;
  '{http://nextcloud.org/ns}contained-file-count': number;
  '{http://nextcloud.org/ns}group-folder-id': number;
  /** JSON text, parsed (a JSON `null` is kept raw). */
  '{http://nextcloud.org/ns}share-attributes': NonNullable<JsonValue>;

  // Other vendors
  /** Apple / CalendarServer collection tag. */
  '{http://calendarserver.org/ns/}getctag': string;
  '{http://apple.com/ns/ical/}calendar-color': string;
  '{http://apple.com/ns/ical/}calendar-order': number;
  /** mod_dav `executable` (`T`/`F`). */
  '{http://apache.org/dav/props/}executable': boolean;
  '{http://open-collaboration-services.org/ns}share-permissions': number;
  /** JSON text, parsed. */
  '{http://open-cloud-mesh.org/ns}share-permissions': NonNullable<JsonValue>;
  '{urn:schemas-microsoft-com:}Win32CreationTime': Date;
  '{urn:schemas-microsoft-com:}Win32LastAccessTime': Date;
  '{urn:schemas-microsoft-com:}Win32LastModifiedTime': Date;
  /** The attribute bit mask (hexadecimal as sent). */
  '{urn:schemas-microsoft-com:}Win32FileAttributes': number;
}
