/** The CalDAV query the matrix sends: the events of 2024-03-01..2024-03-20 in `cal1`, with their data. */
import { EVENTS } from '../calendar-data.js';

/** What the query must return: the three March events (not `later`, in May). */
export const MARCH_EVENTS = [EVENTS.event1, EVENTS.event2, EVENTS.event3];

export const CALDAV_QUERY_MARCH = `<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:getetag/><C:calendar-data/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
    <C:time-range start="20240301T000000Z" end="20240320T000000Z"/>
  </C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>`;
