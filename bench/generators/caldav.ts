import type { BodyShape } from './body.js';
import { Random } from './random.js';
import { xmlEscape } from './text.js';

const CRLF = '\r\n';
const SUMMARIES = ['Weekly sync 日本語', 'Café ☕ meeting & <review>', 'Dentist', 'Sprint planning', 'Offsite: "Q3" > Q2', 'Geburtstag Jürgen'].map(xmlEscape);
const WORDS = ['agenda', 'budget', 'review', 'the', 'of', 'décision', 'roadmap', 'and', 'notes', 'follow-up', 'customer', '<draft>', 'a&b', 'über'];
const PARTSTATS = ['ACCEPTED', 'TENTATIVE', 'NEEDS-ACTION'];
const VTIMEZONE = [
  'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin', 'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST',
  'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT', 'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD', 'END:VTIMEZONE',
].join(CRLF);
const HEAD = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Example Corp.//CalDAV Client//EN', VTIMEZONE, 'BEGIN:VEVENT', ''].join(CRLF);
const TAIL = ['ORGANIZER;CN=Alice Example:mailto:alice@example.com', 'BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Reminder', 'TRIGGER:-PT15M', 'END:VALARM', 'END:VEVENT', 'END:VCALENDAR', ''].join(CRLF);

/** Pre-built, folded and XML-escaped pieces: building them per response would make the generator slower than the parsers. */
interface Pools {
  descriptions: string[];
  attendees: string[];
  times: string[];
}
let pools: Pools | undefined;

function makePools(): Pools {
  const random = new Random(0xca1);
  const descriptions: string[] = [];
  for (let d = 0; d < 64; d++) {
    const words: string[] = [];
    const count = 40 + Math.floor((d / 63) ** 2 * 560);
    for (let w = 0; w < count; w++) words.push(random.pick(WORDS));
    descriptions.push(xmlEscape(fold(`DESCRIPTION:${words.join(' ')}`)) + CRLF);
  }
  const attendees: string[] = [];
  for (let a = 0; a < 12 * PARTSTATS.length; a++) {
    const n = a % 12;
    const line = `ATTENDEE;CN=Person ${n};ROLE=REQ-PARTICIPANT;PARTSTAT=${PARTSTATS[Math.floor(a / 12)] as string};RSVP=TRUE:mailto:person${n}@example.com`;
    attendees.push(xmlEscape(fold(line)) + CRLF);
  }
  const times: string[] = [];
  for (let t = 0; t < 1024; t++) {
    const ms = Date.UTC(2024, 0, 1, 7) + random.int(0, 730) * 86400000 + random.int(0, 22) * 1800000;
    times.push(new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, ''));
  }
  return { descriptions, attendees, times };
}

/**
 * A CalDAV `calendar-query` REPORT answered by Radicale (see `radicale-report-calendar-query.xml`):
 * `DAV:` as the default namespace, `C:` for CalDAV, one line, and per response a `getetag` and a
 * multi-KB `C:calendar-data` (CRLF line ends, folded long lines, a VTIMEZONE, attendees, an
 * alarm, text that needs `&amp;`/`&lt;`/`&gt;`, non-ASCII).
 */
export function caldavShape(): BodyShape {
  return {
    header: () =>
      "<?xml version='1.0' encoding='utf-8'?>\n<multistatus xmlns=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">",
    response: caldavResponse,
    footer: () => '</multistatus>',
  };
}

function caldavResponse(index: number, random: Random): string {
  const pool = (pools ??= makePools());
  const uid = `${random.hex(8)}-${random.hex(4)}-${random.hex(4)}-${random.hex(12)}`;
  let data =
    HEAD +
    `UID:${uid}${CRLF}DTSTAMP:20240229T120000Z${CRLF}` +
    `DTSTART;TZID=Europe/Berlin:${random.pick(pool.times)}${CRLF}` +
    `DURATION:PT${random.int(1, 8) * 30}M${CRLF}` +
    `SUMMARY:${random.pick(SUMMARIES)} #${index}${CRLF}` +
    `LOCATION:Room ${random.int(1, 40)}\\, Building ${random.pick(['A', 'B', 'C'])}${CRLF}`;
  if (random.next() < 0.3) data += `RRULE:FREQ=WEEKLY;COUNT=${random.int(2, 52)}${CRLF}`;
  const attendees = random.int(1, 12);
  for (let a = 0; a < attendees; a++) data += random.pick(pool.attendees);
  data += random.pick(pool.descriptions) + TAIL;
  return (
    `<response><href>/user/calendar/${uid}.ics</href><propstat><prop>` +
    `<getetag>"${random.hex(64)}"</getetag>` +
    `<C:calendar-data>${data}</C:calendar-data>` +
    '</prop><status>HTTP/1.1 200 OK</status></propstat></response>'
  );
}

/** RFC 5545 §3.1: lines longer than 75 characters continue on the next line after CRLF + space. */
function fold(line: string): string {
  if (line.length <= 75) return line;
  let out = line.slice(0, 75);
  for (let i = 75; i < line.length; i += 74) out += CRLF + ' ' + line.slice(i, i + 74);
  return out;
}
