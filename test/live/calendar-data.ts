/**
 * The iCalendar and vCard objects the CalDAV/CardDAV live tests PUT, and a reader for the few fields
 * they compare: servers re-serialise what they store (property order, folding, line ends), so the
 * tests compare UID, SUMMARY and DTSTART (FN for vCards) rather than bytes.
 */

const crlf = (lines: string[]): string => `${lines.join('\r\n')}\r\n`;

function vevent(uid: string, dtstart: string, summary: string, extra: string[] = []): string {
  return crlf([
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//multistatus//live tests//EN',
    'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20240229T120000Z', dtstart, ...extra, `SUMMARY:${summary}`, 'END:VEVENT',
    'END:VCALENDAR',
  ]);
}

export interface CalendarObject {
  /** Resource name inside the calendar (not encoded). */
  name: string;
  body: string;
}

/** In the time range 2024-03-01..2024-03-20: event1, event2 (weekly from 03-04), event3 (all-day 03-15). */
export const EVENTS: Record<'event1' | 'event2' | 'event3' | 'later' | 'todo', CalendarObject> = {
  event1: {
    name: 'event1.ics',
    body: vevent('event1@example.com', 'DTSTART:20240301T090000Z', 'Café ☕ meeting & <review>', [
      'DTEND:20240301T100000Z', `LOCATION:Room "A" > Room 'B'`,
    ]),
  },
  event2: {
    name: 'événement 2.ics',
    body: vevent('event2@example.com', 'DTSTART:20240304T140000Z', 'Weekly sync 日本語', [
      'DURATION:PT1H', 'RRULE:FREQ=WEEKLY;COUNT=10',
      'DESCRIPTION:A long description that is folded across several lines because it',
      '  is longer than seventy-five octets\\, which RFC 5545 says must be folded.',
    ]),
  },
  event3: {
    name: 'a&b.ics',
    body: vevent('event3@example.com', 'DTSTART;VALUE=DATE:20240315', 'All-day ]]> CDATA-end marker', ['DTEND;VALUE=DATE:20240316']),
  },
  later: {
    name: 'later.ics',
    body: vevent('later@example.com', 'DTSTART:20240510T090000Z', 'Outside the queried range', ['DTEND:20240510T100000Z']),
  },
  todo: {
    name: 'todo1.ics',
    body: crlf([
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//multistatus//live tests//EN',
      'BEGIN:VTODO', 'UID:todo1@example.com', 'DTSTAMP:20240229T120000Z', 'SUMMARY:Buy milk', 'STATUS:NEEDS-ACTION', 'END:VTODO',
      'END:VCALENDAR',
    ]),
  },
};

/** event1 after the change the sync test makes. */
export const EVENT1_MOVED: CalendarObject = {
  name: 'event1.ics',
  body: vevent('event1@example.com', 'DTSTART:20240301T093000Z', 'Café ☕ meeting & <review> (moved)', ['DTEND:20240301T103000Z']),
};

export const CARDS: Record<'jane' | 'john', CalendarObject> = {
  jane: {
    name: 'jane.vcf',
    body: crlf(['BEGIN:VCARD', 'VERSION:3.0', 'UID:jane@example.com', 'FN:Jane Doe', 'N:Doe;Jane;;;', 'EMAIL;TYPE=INTERNET:jane@example.com', 'END:VCARD']),
  },
  john: {
    name: 'jöhn doe.vcf',
    body: crlf(['BEGIN:VCARD', 'VERSION:3.0', 'UID:john@example.com', 'FN:Jöhn Dœ & Søn', 'N:Dœ;Jöhn;;;', 'NOTE:<b>not html</b>', 'END:VCARD']),
  },
};

/**
 * The value (parameters dropped) of each named property of the first component that is not VCALENDAR:
 * lines unfolded (CRLF or LF, then a space or tab), `NAME;PARAM=x:value` read as NAME -> value.
 */
export function fieldsOf(text: string, names: readonly string[]): Record<string, string | undefined> {
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const out: Record<string, string | undefined> = {};
  for (const name of names) out[name] = undefined;
  let depth = 0;
  for (const line of lines) {
    if (/^BEGIN:/i.test(line)) {
      if (!/^BEGIN:VCALENDAR$/i.test(line)) depth++;
      continue;
    }
    if (/^END:/i.test(line)) {
      if (!/^END:VCALENDAR$/i.test(line)) depth--;
      continue;
    }
    if (depth !== 1) continue;
    const m = /^([A-Za-z-]+)(?:;[^:]*)?:(.*)$/.exec(line);
    if (m && names.includes(m[1]!.toUpperCase()) && out[m[1]!.toUpperCase()] === undefined) out[m[1]!.toUpperCase()] = m[2];
  }
  return out;
}

export const EVENT_FIELDS = ['UID', 'SUMMARY', 'DTSTART'] as const;
export const CARD_FIELDS = ['UID', 'FN'] as const;
