import type { BodyShape } from './body.js';
import type { Random } from './random.js';

/**
 * A `sync-collection` REPORT (RFC 6578) as SabreDAV writes it: one line, `d:` prefix, changed
 * members with a 200 propstat (`getetag`, `getcontenttype`), removed members as the status form
 * (`href` + `404`), and the new `sync-token` after the last response.
 */
export function syncShape(): BodyShape {
  return {
    header: () =>
      '<?xml version="1.0" encoding="utf-8"?>\n<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:cal="urn:ietf:params:xml:ns:caldav" xmlns:cs="http://calendarserver.org/ns/">',
    response: syncResponse,
    footer: () => '<d:sync-token>http://sabre.io/ns/sync/48213</d:sync-token></d:multistatus>',
  };
}

function syncResponse(index: number, random: Random): string {
  const href = `/calendars/alice/work/${random.hex(8)}-${index}.ics`;
  if (random.next() < 0.25) {
    return `<d:response><d:href>${href}</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response>`;
  }
  return (
    `<d:response><d:href>${href}</d:href><d:propstat><d:prop>` +
    `<d:getetag>"${random.hex(32)}"</d:getetag>` +
    '<d:getcontenttype>text/calendar; charset=utf-8; component=vevent</d:getcontenttype>' +
    '</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>'
  );
}
