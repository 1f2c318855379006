/**
 * Type tests: the declared type of every built-in key (BuiltinProps) is exactly what its decoder
 * in the table gives (DecodedProps is derived from the decoders themselves), and a few keys are
 * pinned by hand so that a change to both at once is still seen.
 */
import type { Ace, ActiveLock, BuiltinProps, DataType, JsonValue, LockEntry, ParentBinding, Props, SupportedPrivilege } from 'multistatus';
import type { DecodedProps } from '../../dist/lib/properties/registry.js';
import { expectTrue } from './assert.js';
import type { Equal } from './assert.js';

type Mismatches = { [K in keyof BuiltinProps]: Equal<BuiltinProps[K], DecodedProps[K & keyof DecodedProps]> extends true ? never : K }[keyof BuiltinProps];
expectTrue<Equal<Mismatches, never>>(true);
expectTrue<Equal<keyof BuiltinProps, keyof DecodedProps>>(true);

// Pinned by hand: the types the design and the issue name.
type Pinned = {
  getcontentlength: number;
  'quota-used-bytes': number;
  'quota-available-bytes': number;
  getlastmodified: Date;
  creationdate: Date;
  getetag: string;
  displayname: string;
  getcontenttype: string;
  getcontentlanguage: string;
  resourcetype: string[];
  lockdiscovery: ActiveLock[];
  supportedlock: LockEntry[];
  'current-user-privilege-set': string[];
  owner: string;
  'current-user-principal': string;
  'principal-URL': string;
  acl: Ace[];
  'supported-privilege-set': SupportedPrivilege[];
  'parent-set': ParentBinding[];
  'sync-token': string;
  '{urn:ietf:params:xml:ns:caldav}calendar-data': string;
  '{urn:ietf:params:xml:ns:caldav}supported-calendar-data': DataType[];
  '{urn:ietf:params:xml:ns:caldav}calendar-home-set': string[];
  '{urn:ietf:params:xml:ns:carddav}address-data': string;
  '{http://calendarserver.org/ns/}getctag': string;
  '{http://owncloud.org/ns}fileid': string;
  '{http://owncloud.org/ns}size': number;
  '{http://nextcloud.org/ns}share-attributes': NonNullable<JsonValue>;
};
type PinnedMismatches = { [K in keyof Pinned]: Equal<Pinned[K], BuiltinProps[K]> extends true ? never : K }[keyof Pinned];
expectTrue<Equal<PinnedMismatches, never>>(true);

// Every built-in key reads from the default Props with its type or undefined (a server may leave
// any out; the index signature does not leak in).
type PropsMismatches = { [K in keyof BuiltinProps]: Equal<Props[K], BuiltinProps[K] | undefined> extends true ? never : K }[keyof BuiltinProps];
expectTrue<Equal<PropsMismatches, never>>(true);
