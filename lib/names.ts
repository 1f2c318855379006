/**
 * Namespace URIs the parser knows by name.
 * @example
 * keyOf(DAV_NS, 'getetag'); // 'getetag'
 */
export const DAV_NS = 'DAV:';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
/** The CalDAV namespace (RFC 4791). @example keyOf(CALDAV_NS, 'calendar-data') */
export const CALDAV_NS = 'urn:ietf:params:xml:ns:caldav';
/** The CardDAV namespace (RFC 6352). @example keyOf(CARDDAV_NS, 'address-data') */
export const CARDDAV_NS = 'urn:ietf:params:xml:ns:carddav';
export const CALSERVER_NS = 'http://calendarserver.org/ns/';
export const APPLE_ICAL_NS = 'http://apple.com/ns/ical/';
export const APACHE_NS = 'http://apache.org/dav/props/';
export const OWNCLOUD_NS = 'http://owncloud.org/ns';
export const NEXTCLOUD_NS = 'http://nextcloud.org/ns';
export const OCS_NS = 'http://open-collaboration-services.org/ns';
export const OCM_NS = 'http://open-cloud-mesh.org/ns';
export const MICROSOFT_NS = 'urn:schemas-microsoft-com:';

/**
 * The key of a name: the local name in `DAV:`, Clark notation `{uri}local` otherwise, `{}local`
 * for no namespace.
 *
 * @example
 * keyOf('DAV:', 'getetag'); // 'getetag'
 * keyOf(CALDAV_NS, 'calendar-data'); // '{urn:ietf:params:xml:ns:caldav}calendar-data'
 */
export function keyOf(uri: string, local: string): string {
  return uri === DAV_NS ? local : `{${uri}}${local}`;
}

/**
 * Normalises a user-given property name to a key: `getetag`, `{DAV:}getetag` and
 * `{http://x/}a` are accepted; a bare name means `DAV:`.
 *
 * @example
 * normaliseKey('{DAV:}getetag'); // 'getetag'
 */
export function normaliseKey(name: string): string {
  if (name.startsWith('{')) {
    const close = name.indexOf('}');
    if (close > 0) return keyOf(name.slice(1, close), name.slice(close + 1));
  }
  return name;
}
