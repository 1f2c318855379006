/**
 * lib/properties/dates.ts by property tests: random date-times written in every format the
 * parsers accept (RFC 1123, RFC 850, asctime, numeric and named zones, RFC 3339 variants,
 * iCalendar, Unix seconds), compared with `Date.UTC` as the oracle (it shares no code with the
 * parsers' own day arithmetic); impossible days (31 April, 29 February of 1900 and 2100) and
 * out-of-range fields are rejected; one-character-off inputs do not parse.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { parseCreationDate, parseHttpDate, parseICalDate, parseIsoDate, parseUnixSeconds } from '../../lib/properties/dates.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const p2 = (n: number): string => String(n).padStart(2, '0');
const p4 = (n: number): string => String(n).padStart(4, '0');

/** Days in a month, by the oracle: the day before the 1st of the next month. */
const daysIn = (y: number, mo: number): number => new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();

interface Fields {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

/** A valid date-time, years 1000-9999 (four digits, no two-digit-year rules involved). */
const fields: fc.Arbitrary<Fields> = fc
  .record({
    y: fc.integer({ min: 1000, max: 9999 }),
    mo: fc.integer({ min: 0, max: 11 }),
    d: fc.integer({ min: 1, max: 31 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
  })
  .map((f) => ({ ...f, d: Math.min(f.d, daysIn(f.y, f.mo)) }));

const utc = (f: Fields, ms = 0): number => Date.UTC(f.y, f.mo, f.d, f.h, f.mi, f.s, ms);
const dow = (f: Fields): number => new Date(utc(f)).getUTCDay();
/** A month name in any letter case. */
const monthCase = (name: string, mask: number): string =>
  [...name].map((c, i) => ((mask >> i) & 1 ? c.toUpperCase() : c.toLowerCase())).join('');
const time = (f: Fields): string => `${p2(f.h)}:${p2(f.mi)}:${p2(f.s)}`;
/** A zone offset in minutes, written as +hhmm or +hh:mm. */
const zoneText = (off: number, colon: boolean): string => {
  const a = Math.abs(off);
  return `${off < 0 ? '-' : '+'}${p2(Math.floor(a / 60))}${colon ? ':' : ''}${p2(a % 60)}`;
};
const offsets = fc.integer({ min: -14 * 60, max: 14 * 60 });
const getTime = (d: Date | undefined): number | undefined => d?.getTime();

describe('date parsers against Date.UTC', function () {
  it('RFC 1123 with GMT, every month name in any case', function () {
    fc.assert(
      fc.property(fields, fc.integer({ min: 0, max: 7 }), (f, mask) => {
        const text = `${DAYS[dow(f)]}, ${p2(f.d)} ${monthCase(MONTHS[f.mo]!, mask)} ${f.y} ${time(f)} GMT`;
        return getTime(parseHttpDate(text)) === utc(f) && getTime(parseCreationDate(text)) === utc(f);
      }),
      { numRuns: 2000, seed: 51 },
    );
  });

  it('RFC 1123 with a numeric zone (+hhmm, +hh:mm) or a named one', function () {
    const named: [string, number][] = [['UT', 0], ['UTC', 0], ['Z', 0], ['EST', -300], ['EDT', -240], ['CST', -360], ['CDT', -300], ['MST', -420], ['MDT', -360], ['PST', -480], ['PDT', -420], ['gmt', 0]];
    fc.assert(
      fc.property(fields, offsets, fc.boolean(), fc.constantFrom(...named), (f, off, colon, [name, nameOff]) => {
        const base = `${DAYS[dow(f)]}, ${p2(f.d)} ${MONTHS[f.mo]} ${f.y} ${time(f)}`;
        return (
          getTime(parseHttpDate(`${base} ${zoneText(off, colon)}`)) === utc(f) - off * 60000 &&
          getTime(parseHttpDate(`${base} ${name}`)) === utc(f) - nameOff * 60000 &&
          // No zone at all: GMT.
          getTime(parseHttpDate(base)) === utc(f)
        );
      }),
      { numRuns: 2000, seed: 52 },
    );
  });

  it('RFC 850 (two-digit years: 70-99 are 19xx, 00-69 are 20xx) and asctime', function () {
    fc.assert(
      fc.property(fields, fc.integer({ min: 0, max: 99 }), (g, yy) => {
        const y = yy < 70 ? 2000 + yy : 1900 + yy;
        const f = { ...g, y, d: Math.min(g.d, daysIn(y, g.mo)) };
        const rfc850 = `${LONG_DAYS[dow(f)]}, ${p2(f.d)}-${MONTHS[f.mo]}-${p2(yy)} ${time(f)} GMT`;
        const asctime = `${DAYS[dow(g)]} ${MONTHS[g.mo]} ${String(g.d).padStart(2, ' ')} ${time(g)} ${g.y}`;
        const noDay = `${MONTHS[g.mo]} ${g.d} ${time(g)} ${g.y}`;
        return getTime(parseHttpDate(rfc850)) === utc(f) && getTime(parseHttpDate(asctime)) === utc(g) && getTime(parseHttpDate(noDay)) === utc(g);
      }),
      { numRuns: 2000, seed: 53 },
    );
  });

  it('RFC 3339: T, t or space; Z, z or an offset; fractions with . or ,; minutes only', function () {
    fc.assert(
      fc.property(
        fields,
        fc.constantFrom('T', 't', ' '),
        fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
        fc.constantFrom('.', ','),
        fc.oneof(fc.constantFrom('Z', 'z', ''), offsets.chain((o) => fc.boolean().map((c) => zoneText(o, c)))),
        (f, sep, ms, dot, zone) => {
          const off = zone === 'Z' || zone === 'z' || zone === '' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
          const date = `${p4(f.y)}-${p2(f.mo + 1)}-${p2(f.d)}`;
          const frac = ms === undefined ? '' : `${dot}${String(ms).padStart(3, '0')}`;
          const full = `${date}${sep}${time(f)}${frac}${zone}`;
          const short = `${date}${sep}${p2(f.h)}:${p2(f.mi)}${zone}`;
          const want = utc(f, ms ?? 0) - off * 60000;
          return (
            getTime(parseIsoDate(full)) === want &&
            getTime(parseCreationDate(full)) === want &&
            getTime(parseHttpDate(full)) === want &&
            getTime(parseIsoDate(short)) === Date.UTC(f.y, f.mo, f.d, f.h, f.mi) - off * 60000 &&
            getTime(parseIsoDate(date)) === Date.UTC(f.y, f.mo, f.d)
          );
        },
      ),
      { numRuns: 3000, seed: 54 },
    );
  });

  it('iCalendar UTC date-times (t and z in any case) and Unix seconds', function () {
    fc.assert(
      fc.property(fields, fc.constantFrom('T', 't'), fc.constantFrom('Z', 'z'), fc.integer({ min: -1e11, max: 1e11 }), (f, t, z, secs) => {
        const ical = `${p4(f.y)}${p2(f.mo + 1)}${p2(f.d)}${t}${p2(f.h)}${p2(f.mi)}${p2(f.s)}${z}`;
        return getTime(parseICalDate(ical)) === utc(f) && getTime(parseUnixSeconds(` ${secs}\n`)) === secs * 1000;
      }),
      { numRuns: 2000, seed: 55 },
    );
  });

  it('impossible days are rejected in every format; the last day of each month is accepted', function () {
    for (const y of [1900, 1996, 2000, 2023, 2024, 2100]) {
      for (let mo = 0; mo < 12; mo++) {
        const last = daysIn(y, mo);
        for (const d of [last, last + 1]) {
          const ok = d === last;
          const texts = [
            `Sun, ${p2(d)} ${MONTHS[mo]} ${y} 10:00:00 GMT`,
            `Sun, ${p2(d)} ${MONTHS[mo]} ${y} 10:00:00 +0000`,
            `Sun ${MONTHS[mo]} ${d} 10:00:00 ${y}`,
            `${y}-${p2(mo + 1)}-${p2(d)}T10:00:00Z`,
            `${y}-${p2(mo + 1)}-${p2(d)}`,
            `${y}${p2(mo + 1)}${p2(d)}T100000Z`,
          ];
          for (const text of texts) {
            const got = text.startsWith(String(y)) ? (text.length === 16 ? parseICalDate(text) : parseIsoDate(text)) : parseHttpDate(text);
            expect(getTime(got), text).to.equal(ok ? Date.UTC(y, mo, d, text.length === 10 ? 0 : 10) : undefined);
          }
        }
      }
    }
  });

  it('field ranges: 24:00 and a leap second 60 roll over (as ISO 8601 and RFC 3339 allow); past them is rejected', function () {
    expect(getTime(parseIsoDate('2024-12-31T24:00:00Z'))).to.equal(Date.UTC(2025, 0, 1));
    expect(getTime(parseIsoDate('2016-12-31T23:59:60Z'))).to.equal(Date.UTC(2017, 0, 1));
    expect(getTime(parseHttpDate('Sat, 31 Dec 2016 23:59:60 GMT'))).to.equal(Date.UTC(2017, 0, 1));
    // The last instant a Date holds is 8.64e15 ms (275760-09-13T00:00:00Z); one second later is no date.
    expect(getTime(parseHttpDate('Sat Sep 13 00:00:00 275760'))).to.equal(8.64e15);
    expect(parseHttpDate('Sat Sep 13 00:00:01 275760')).to.equal(undefined);
    expect(parseHttpDate('Sun Nov  6 08:49:37 300000')).to.equal(undefined);
    for (const bad of [
      '2024-01-01T25:00:00Z', '2024-01-01T10:60:00Z', '2024-01-01T10:00:61Z', '2024-00-10T10:00:00Z', '2024-13-10T10:00:00Z',
      '2024-01-00T10:00:00Z', '2024-01-32', 'Mon, 00 Jan 2024 10:00:00 GMT', 'Mon, 01 Jan 2024 10:60:00 GMT',
      'Mon, 01 Jan 2024 10:00:61 GMT', 'Mon, 01 Jan 2024 25:00:00 GMT', '20240100T100000Z', '20241301T100000Z', '20240101T250000Z',
    ]) {
      expect(parseIsoDate(bad) ?? parseHttpDate(bad) ?? parseICalDate(bad), bad).to.equal(undefined);
    }
  });

  it('one character off does not parse', function () {
    const bad = [
      // RFC 1123 shapes with one field broken.
      'Sun, 06 Nov 1994 08:49:37 GMX', 'Sun, 06 Nov 1994 08:49:37 +010', 'Sun, 06 Nov 1994 08:49:37 +01:0', 'Sun, 06 Nov 1994 08:49:37 +01x0',
      'Sun, 06 Nov 1994 08:49:37 0100', 'Sun, 06 Nov 1994 08:49:37 GMT extra', 'Sun, 0x Nov 1994 08:49:37 GMT', 'Sun, 06 Nov 19x4 08:49:37 GMT',
      'Sun, 06 Nov 1994 08-49:37 GMT', 'Sun, 06 Nov 1994 08:4x:37 GMT', 'Sun, 06 Nov 1994 08:49:3x GMT', 'Sun, 06 Nove 1994 08:49:37 GMT',
      'Sun, 06 Nov 1994 08:49:37x GMT', 'Sun, 06 Nov 1994', 'Sun, 06 Nov', 'Sun, 06 Nov 1994 x8:49:37 GMT', 'Sun, 06 Nov 1994 8:49:37 GMT',
      // RFC 850 with a broken date token.
      'Sunday, 06-Nov GMT', 'Sunday, 06-Nove-94 08:49:37 GMT', 'Sunday, 06-Nov-9x 08:49:37 GMT', 'Sunday, 0x-Nov-94 08:49:37 GMT',
      'Sunday, 06-Nov-94-1 08:49:37 GMT', 'Sunday, 06-Xyz-94 08:49:37 GMT', 'Sunday, 06-Nov-94 08:49 :37 GMT', 'Sunday, 06-Nov-94 08:49:37 GMT x',
      // asctime with a broken token.
      'Sun Nov  x 08:49:37 1994', 'Sun Nove  6 08:49:37 1994', 'Sun Nov  6 08:49:37 19x4', 'Sun Nov  6 08:49:3 1994', 'Sun Nov  6 08:49:37x 1994',
      'Sun Xyz  6 08:49:37 1994', 'Sun Nov 0 08:49:37 1994', 'Nov  6 08:49:37', 'a Sun Nov  6 08:49:37 1994',
      // RFC 3339 with one character off.
      '2013-10-30X17:19:46Z', '2013-10-30T17:19:46.Z', '2013-10-30T17:19:46Zx', '2013-10-30T17-19:46Z', '2013-10-30T17:1x:46Z',
      '2013-10-30T1x:19:46Z', '2013-10-30T17:19:4xZ', '2013-10-3xT17:19:46Z', '201x-10-30T17:19:46Z', '2013/10-30T17:19:46Z',
      '2013-10/30T17:19:46Z', '2013-10-30T17:19:46+01', '2013-10-30T17:19:46 Z', '2013-10-3',
      // iCalendar and Unix seconds.
      '19000101X000000Z', '19000101T000000X', '1900010T1000000Z', '190001011T00000Z', 'x9000101T000000Z', '19000101T0000x0Z',
    ];
    for (const text of bad) {
      expect(parseHttpDate(text) ?? parseIsoDate(text) ?? parseICalDate(text) ?? parseCreationDate(text), text).to.equal(undefined);
    }
    for (const text of ['', '-', '1.5', '1e3', '12 3', '1234567890123456', '--1']) expect(parseUnixSeconds(text), text).to.equal(undefined);
  });
});
