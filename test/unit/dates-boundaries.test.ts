/**
 * lib/properties/dates.ts at the edges of each field and format (RFC 9110 section 5.6.7 HTTP dates,
 * RFC 3339 / ISO 8601, iCalendar): years as written (0000-0099 too), two-digit years, the RFC 1123
 * fast path against the general path, separators, zone offsets and their ranges, 24:00, trimming.
 * Every expected instant is written out: Date.UTC with literal numbers, or epoch milliseconds
 * (the years 0-99, which Date.UTC would read as 1900-1999).
 */
import { expect } from 'chai';
import { parseCreationDate, parseHttpDate, parseICalDate, parseIsoDate } from '../../lib/properties/dates.js';

const ms = (d: Date | undefined): number | undefined => d?.getTime();

/** 1994-11-06T08:49:37Z, RFC 9110's example instant. */
const EXAMPLE = Date.UTC(1994, 10, 6, 8, 49, 37);
/** 0001-01-01T00:00:00Z (.NET's DateTime.MinValue, sent by some servers for "no date"). */
const YEAR_1 = -62135596800000;
/** 0000-01-01T00:00:00Z (the proleptic Gregorian year 0, 1 BC). */
const YEAR_0 = -62167219200000;
/** 0000-02-29T00:00:00Z: the year 0 is a leap year (divisible by 400). */
const YEAR_0_FEB_29 = -62162121600000;
/** 0004-02-29T00:00:00Z. */
const YEAR_4_FEB_29 = -62035891200000;
/** 0050-06-15T12:00:00Z. */
const YEAR_50 = -60574996800000;

describe('date parsers at the edges', function () {
  describe('years as written', function () {
    it('RFC 3339 years 0000-0099 are those years, not 1900-1999', function () {
      expect(ms(parseIsoDate('0001-01-01T00:00:00Z'))).to.equal(YEAR_1);
      expect(ms(parseIsoDate('0001-01-01T00:00:00.000Z'))).to.equal(YEAR_1);
      expect(ms(parseCreationDate('0001-01-01T00:00:00Z'))).to.equal(YEAR_1);
      expect(ms(parseHttpDate('0001-01-01T00:00:00Z'))).to.equal(YEAR_1);
      expect(ms(parseIsoDate('0000-01-01'))).to.equal(YEAR_0);
      expect(ms(parseIsoDate('0000-01-01T00:00:00Z'))).to.equal(YEAR_0);
      expect(ms(parseIsoDate('0050-06-15T12:00:00Z'))).to.equal(YEAR_50);
      expect(ms(parseIsoDate('0050-06-15T13:30:00+01:30'))).to.equal(YEAR_50);
    });

    it('leap years of the years as written: 0 and 2000 are, 100 and 1900 are not', function () {
      expect(ms(parseIsoDate('0000-02-29'))).to.equal(YEAR_0_FEB_29);
      expect(ms(parseIsoDate('0004-02-29'))).to.equal(YEAR_4_FEB_29);
      expect(parseIsoDate('0100-02-29')).to.equal(undefined);
      expect(parseIsoDate('1900-02-29')).to.equal(undefined);
      expect(ms(parseIsoDate('2000-02-29'))).to.equal(Date.UTC(2000, 1, 29));
      expect(parseHttpDate('Thu, 29 Feb 1900 00:00:00 GMT')).to.equal(undefined);
      expect(ms(parseHttpDate('Tue, 29 Feb 2000 00:00:00 GMT'))).to.equal(Date.UTC(2000, 1, 29));
    });

    it('iCalendar and HTTP dates with the year 0000', function () {
      expect(ms(parseICalDate('00000101T000000Z'))).to.equal(YEAR_0);
      expect(ms(parseICalDate('00010101T000000Z'))).to.equal(YEAR_1);
      // Fast path (GMT), general path (+0000), asctime.
      expect(ms(parseHttpDate('Sat, 01 Jan 0000 00:00:00 GMT'))).to.equal(YEAR_0);
      expect(ms(parseHttpDate('Sat, 01 Jan 0000 00:00:00 +0000'))).to.equal(YEAR_0);
      expect(ms(parseHttpDate('Sat Jan  1 00:00:00 0000'))).to.equal(YEAR_0);
      expect(ms(parseHttpDate('Mon, 01 Jan 0001 00:00:00 GMT'))).to.equal(YEAR_1);
    });

    it('a four-digit year in the RFC 850 form is that year', function () {
      expect(ms(parseHttpDate('Sunday, 06-Nov-1994 08:49:37 GMT'))).to.equal(EXAMPLE);
      expect(ms(parseHttpDate('Sunday, 06-Nov-2069 08:49:37 GMT'))).to.equal(Date.UTC(2069, 10, 6, 8, 49, 37));
    });
  });

  describe('two-digit years in HTTP dates: 00-69 are 2000-2069, 70-99 are 1970-1999', function () {
    const cases: [string, number][] = [
      ['00', 2000],
      ['05', 2005],
      ['69', 2069],
      ['70', 1970],
      ['94', 1994],
      ['99', 1999],
    ];
    it('RFC 850', function () {
      for (const [yy, year] of cases) {
        expect(ms(parseHttpDate(`Sunday, 06-Nov-${yy} 08:49:37 GMT`)), yy).to.equal(Date.UTC(year, 10, 6, 8, 49, 37));
      }
    });
    it('RFC 1123 form with a two-digit year', function () {
      for (const [yy, year] of cases) {
        expect(ms(parseHttpDate(`Sun, 06 Nov ${yy} 08:49:37 GMT`)), yy).to.equal(Date.UTC(year, 10, 6, 8, 49, 37));
        expect(ms(parseHttpDate(`Sun, 06 Nov ${yy} 08:49:37 -0100`)), yy).to.equal(Date.UTC(year, 10, 6, 9, 49, 37));
      }
    });
    it('asctime with a two-digit year', function () {
      for (const [yy, year] of cases) {
        expect(ms(parseHttpDate(`Sun Nov  6 08:49:37 ${yy}`)), yy).to.equal(Date.UTC(year, 10, 6, 8, 49, 37));
      }
    });
    it('a year of one or three digits is taken as written; two characters that are not digits are no year', function () {
      // 0994-11-06T08:49:37Z.
      const y994 = -30772797023000;
      expect(ms(parseHttpDate('Sun, 06 Nov 994 08:49:37 GMT'))).to.equal(y994);
      expect(ms(parseHttpDate('Sun Nov  6 08:49:37 994'))).to.equal(y994);
      for (const bad of ['Sun, 06 Nov 9x 08:49:37 GMT', 'Sun Nov  6 08:49:37 9x', 'Sunday, 06-Nov-9x 08:49:37 GMT', 'Sunday, 06-Nov-x9 08:49:37 GMT']) {
        expect(parseHttpDate(bad), bad).to.equal(undefined);
      }
    });
  });

  describe('RFC 1123: the fast path takes nothing the general path would not', function () {
    it('a 29-character text ending in GMT is a date only with a comma at 3 and a space between fields', function () {
      expect(ms(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT'))).to.equal(EXAMPLE);
      for (const bad of [
        'Sunx 06 Nov 1994 08:49:37 GMT',
        'S,n, 06 Nov 1994 08:49:37 GMT',
        ',un, 06 Nov 1994 08:49:37 GMT',
        'Sun,x06 Nov 1994 08:49:37 GMT',
        'Sun, 06xNov 1994 08:49:37 GMT',
        'Sun, 06 Novx1994 08:49:37 GMT',
        'Sun, 06 Nov 1994x08:49:37 GMT',
        'Sun, 06 Nov 1994 08:49:37xGMT',
        'Sun, 06 Nov 1994 08:49:37 XMT',
        'Sun, 06 Nov 1994 08:49:37 GXT',
        'Sun, 06 Nov 1994 08:49:37 GMX',
        'Sun, 00 Nov 1994 08:49:37 GMT',
        'Sun, 06 Nox 1994 08:49:37 GMT',
        'Sun, 06 Nov 199x 08:49:37 GMT',
        'Sun, 06 Nov 1994 08:49:3x GMT',
      ]) {
        expect(bad.length, bad).to.equal(29);
        expect(parseHttpDate(bad), bad).to.equal(undefined);
      }
    });
    it('the same date in the general path (other zones, no zone, lower-case gmt, tabs) is the same instant', function () {
      for (const text of [
        'Sun, 06 Nov 1994 08:49:37 gmt',
        'Sun, 06 Nov 1994 08:49:37 UTC',
        'Sun, 06 Nov 1994 08:49:37 +0000',
        'Sun, 06 Nov 1994 08:49:37 -00:00',
        'Sun, 06 Nov 1994 08:49:37',
        'Sun,\t06\tNov  1994 08:49:37   GMT',
        'Sunday, 06 Nov 1994 08:49:37 GMT',
      ]) {
        expect(ms(parseHttpDate(text)), text).to.equal(EXAMPLE);
      }
    });
  });

  describe('the general HTTP path', function () {
    it('the day name is not checked (it is redundant): anything or nothing before the comma, with or without a space after it', function () {
      expect(ms(parseHttpDate(', 06 Nov 1994 08:49:37 GMT'))).to.equal(EXAMPLE);
      expect(ms(parseHttpDate('S,06-Nov-94 08:49:37 GMT'))).to.equal(EXAMPLE);
      expect(ms(parseHttpDate('1994, 06 Nov 1994 08:49:37 GMT'))).to.equal(EXAMPLE);
    });
    it('RFC 850 without a zone is GMT; without a time it is no date', function () {
      expect(ms(parseHttpDate('Sunday, 06-Nov-94 08:49:37'))).to.equal(EXAMPLE);
      expect(ms(parseHttpDate('Sunday, 06-Nov-94 08:49'))).to.equal(Date.UTC(1994, 10, 6, 8, 49));
      expect(parseHttpDate('Sunday, 06-Nov-94')).to.equal(undefined);
      expect(parseHttpDate('Sunday, 06-Nov-94 GMT')).to.equal(undefined);
    });
    it('an empty day, month or year field in RFC 850 is no date', function () {
      for (const bad of ['Sunday, 06-Nov- 08:49:37 GMT', 'Sunday, -Nov-94 08:49:37 GMT', 'Sunday, 06--94 08:49:37 GMT', 'Sunday, 06-Nov-94- 08:49:37 GMT']) {
        expect(parseHttpDate(bad), bad).to.equal(undefined);
      }
    });
    it('each field of the time is two digits', function () {
      for (const bad of [
        'Sun, 06 Nov 1994 x8:49:37 GMT', 'Sun, 06 Nov 1994 08:x9:37 GMT', 'Sun, 06 Nov 1994 08:49:x7 GMT', 'Sun, 06 Nov 1994 -8:49:37 GMT',
        'Sun, 06 Nov 1994 x8:49:37 +0000', 'Sun, 06 Nov 1994 08:x9:37 +0000', 'Sun, 06 Nov 1994 08:49:x7 +0000',
        'Sun Nov  6 x8:49:37 1994', 'Sun Nov  6 08:x9:37 1994', 'Sun Nov  6 08:49:x7 1994', 'Sunday, 06-Nov-94 08:49:-7 GMT',
        '1994-11-06Tx8:49:37Z', '1994-11-06T08:x9:37Z', '1994-11-06T08:49:x7Z', '1994-11-06T-8:49:37Z',
      ]) {
        expect(parseHttpDate(bad), bad).to.equal(undefined);
        expect(parseIsoDate(bad), bad).to.equal(undefined);
      }
    });
    it('each field of the date is digits', function () {
      for (const bad of [
        'Sun, 06 Nov 199x 08:49:37 GMT', 'Sun, 06 Nov 199x 08:49:37 +0000', 'Sun, x6 Nov 1994 08:49:37 +0000', 'Sun Nov  6 08:49:37 199x', 'Sun Nov x 08:49:37 1994',
        'Sunday, 06-Nov-199x 08:49:37 GMT', 'Sunday, x6-Nov-94 08:49:37 GMT', '199x-11-06T08:49:37Z', '1994-1x-06T08:49:37Z', '1994-11-0xT08:49:37Z',
        '199x-11-06', '-994-11-06', '1994-11-0x',
      ]) {
        expect(parseHttpDate(bad), bad).to.equal(undefined);
        expect(parseIsoDate(bad), bad).to.equal(undefined);
      }
    });
    it('a time of one, two or four characters is no time', function () {
      for (const bad of [
        'Sun Nov  6 8 1994', 'Sun Nov  6 08 1994', 'Sun Nov  6 08:4 1994', 'Sun, 06 Nov 1994 8 GMT', 'Sun, 06 Nov 1994 08 GMT',
        'Sunday, 06-Nov-94 8 GMT', 'Sunday, 06-Nov-94 8:49 GMT', 'Sunday, 06-Nov-94 08:4 GMT',
      ]) {
        expect(parseHttpDate(bad), bad).to.equal(undefined);
      }
      // hh:mm without seconds is a time.
      expect(ms(parseHttpDate('Sun Nov  6 08:49 1994'))).to.equal(Date.UTC(1994, 10, 6, 8, 49));
    });
    it('asctime: the day name is optional, the month is three letters of any case', function () {
      expect(ms(parseHttpDate('Nov  6 08:49:37 1994'))).to.equal(EXAMPLE);
      expect(ms(parseHttpDate('sun NOV 06 08:49:37 1994'))).to.equal(EXAMPLE);
      for (const bad of ['Sun November 6 08:49:37 1994', 'Sun No 6 08:49:37 1994', 'Sun Nov 6 08:49:37 1994 GMT', 'Sun Nov 32 08:49:37 1994', 'Sun Feb 29 08:49:37 1994']) {
        expect(parseHttpDate(bad), bad).to.equal(undefined);
      }
    });
    it('white space around the text is trimmed in every form', function () {
      expect(ms(parseHttpDate(' \tSun Nov  6 08:49:37 1994\r\n'))).to.equal(EXAMPLE);
      expect(ms(parseHttpDate('\n Sunday, 06-Nov-94 08:49:37 GMT '))).to.equal(EXAMPLE);
      expect(ms(parseHttpDate(' 1994-11-06T08:49:37Z\n'))).to.equal(EXAMPLE);
      expect(ms(parseIsoDate(' 1994-11-06T08:49:37Z\n'))).to.equal(EXAMPLE);
      expect(ms(parseIsoDate('\t1994-11-06 '))).to.equal(Date.UTC(1994, 10, 6));
      expect(ms(parseCreationDate(' 1994-11-06T08:49:37Z '))).to.equal(EXAMPLE);
      expect(ms(parseICalDate(' 19941106T084937Z\n'))).to.equal(EXAMPLE);
    });
    it('a bare RFC 3339 date in an HTTP date field is midnight UTC', function () {
      expect(ms(parseHttpDate('2013-10-30'))).to.equal(Date.UTC(2013, 9, 30));
      expect(parseHttpDate('2013-10-3')).to.equal(undefined);
    });
  });

  describe('zone offsets', function () {
    it('+05:30, +0530, -00:00, Z, z, none', function () {
      const local = '2024-03-10T12:00:00';
      expect(ms(parseIsoDate(`${local}+05:30`))).to.equal(Date.UTC(2024, 2, 10, 6, 30));
      expect(ms(parseIsoDate(`${local}+0530`))).to.equal(Date.UTC(2024, 2, 10, 6, 30));
      expect(ms(parseIsoDate(`${local}-05:30`))).to.equal(Date.UTC(2024, 2, 10, 17, 30));
      expect(ms(parseIsoDate(`${local}-00:00`))).to.equal(Date.UTC(2024, 2, 10, 12));
      expect(ms(parseIsoDate(`${local}+00:00`))).to.equal(Date.UTC(2024, 2, 10, 12));
      expect(ms(parseIsoDate(`${local}Z`))).to.equal(Date.UTC(2024, 2, 10, 12));
      expect(ms(parseIsoDate(`${local}z`))).to.equal(Date.UTC(2024, 2, 10, 12));
      expect(ms(parseIsoDate(local))).to.equal(Date.UTC(2024, 2, 10, 12));
      expect(ms(parseHttpDate('Sun, 10 Mar 2024 12:00:00 +0530'))).to.equal(Date.UTC(2024, 2, 10, 6, 30));
      expect(ms(parseHttpDate('Sun, 10 Mar 2024 12:00:00 -05:30'))).to.equal(Date.UTC(2024, 2, 10, 17, 30));
    });
    it('the largest offsets, +23:59 and -2359, are taken; +24:00 and a minute 60 are not', function () {
      expect(ms(parseIsoDate('2024-03-10T12:00:00+23:59'))).to.equal(Date.UTC(2024, 2, 9, 12, 1));
      expect(ms(parseIsoDate('2024-03-10T12:00:00-2359'))).to.equal(Date.UTC(2024, 2, 11, 11, 59));
      expect(ms(parseIsoDate('2024-03-10T12:00:00+00:59'))).to.equal(Date.UTC(2024, 2, 10, 11, 1));
      expect(ms(parseHttpDate('Sun, 10 Mar 2024 12:00:00 +2359'))).to.equal(Date.UTC(2024, 2, 9, 12, 1));
      for (const zone of ['+24:00', '-2400', '+00:60', '-0060', '+9900', '+0099']) {
        expect(parseIsoDate(`2024-03-10T12:00:00${zone}`), zone).to.equal(undefined);
        expect(parseHttpDate(`Sun, 10 Mar 2024 12:00:00 ${zone}`), zone).to.equal(undefined);
      }
    });
    it('an offset is four digits, optionally hh:mm; anything else is no zone', function () {
      for (const zone of ['+01000', '+01x00', '+x100', '+1x00', '+01:x0', '+0x:00', '+01:000', '+010:0', '+', '-', '+1', 'X', 'A', 'ZZ', 'Zx', '+01:00Z']) {
        expect(parseIsoDate(`2013-10-30T17:19:46${zone}`), zone).to.equal(undefined);
        expect(parseHttpDate(`Wed, 30 Oct 2013 17:19:46 ${zone}`), zone).to.equal(undefined);
      }
      expect(parseIsoDate('2013-10-30T17:19:46.5x')).to.equal(undefined);
    });
    it('a zone name is one of the listed ones: the names of Object.prototype members are no zone', function () {
      for (const zone of ['constructor', 'CONSTRUCTOR', '__proto__', 'toString', 'hasOwnProperty']) {
        expect(parseIsoDate(`2013-10-30T17:19:46${zone}`), zone).to.equal(undefined);
        expect(parseHttpDate(`Wed, 30 Oct 2013 17:19:46 ${zone}`), zone).to.equal(undefined);
        expect(parseHttpDate(`Wednesday, 30-Oct-13 17:19:46 ${zone}`), zone).to.equal(undefined);
      }
      expect(ms(parseHttpDate('Wed, 30 Oct 2013 17:19:46 PDT'))).to.equal(Date.UTC(2013, 9, 31, 0, 19, 46));
      expect(ms(parseIsoDate('2013-10-30T17:19:46utc'))).to.equal(Date.UTC(2013, 9, 30, 17, 19, 46));
    });
  });

  describe('field ranges', function () {
    it('24:00 is the end of the day; 24:00:01, 24:01 and 24:00:00.5 are no time', function () {
      expect(ms(parseIsoDate('2024-12-31T24:00:00Z'))).to.equal(Date.UTC(2025, 0, 1));
      expect(ms(parseIsoDate('2024-12-31T24:00Z'))).to.equal(Date.UTC(2025, 0, 1));
      expect(ms(parseIsoDate('2024-12-31T24:00:00.000Z'))).to.equal(Date.UTC(2025, 0, 1));
      expect(ms(parseHttpDate('Tue, 31 Dec 2024 24:00:00 GMT'))).to.equal(Date.UTC(2025, 0, 1));
      expect(ms(parseICalDate('20241231T240000Z'))).to.equal(Date.UTC(2025, 0, 1));
      for (const bad of ['2024-12-31T24:00:01Z', '2024-12-31T24:01:00Z', '2024-12-31T24:01Z', '2024-12-31T24:00:00.500Z', '2024-12-31T24:00:00.001Z', '2024-12-31T24:00:60Z']) {
        expect(parseIsoDate(bad), bad).to.equal(undefined);
      }
      expect(parseHttpDate('Tue, 31 Dec 2024 24:00:01 GMT')).to.equal(undefined);
      expect(parseHttpDate('Tue, 31 Dec 2024 24:01:00 +0000')).to.equal(undefined);
      expect(parseICalDate('20241231T240100Z')).to.equal(undefined);
    });
    it('the last hour, minute and second of a day; a fraction of the last second', function () {
      expect(ms(parseIsoDate('2024-12-31T23:59:59Z'))).to.equal(Date.UTC(2024, 11, 31, 23, 59, 59));
      expect(ms(parseIsoDate('2024-12-31T23:59:59.999Z'))).to.equal(Date.UTC(2024, 11, 31, 23, 59, 59, 999));
      expect(ms(parseIsoDate('2024-12-31T23:59:59,5+01:00'))).to.equal(Date.UTC(2024, 11, 31, 22, 59, 59, 500));
      expect(ms(parseHttpDate('Tue, 31 Dec 2024 23:59:59 GMT'))).to.equal(Date.UTC(2024, 11, 31, 23, 59, 59));
      expect(ms(parseICalDate('20241231T235959Z'))).to.equal(Date.UTC(2024, 11, 31, 23, 59, 59));
    });
    it('day 31 of a 31-day month is taken, day 31 of a 30-day month and day 32 are not', function () {
      expect(ms(parseIsoDate('2024-01-31'))).to.equal(Date.UTC(2024, 0, 31));
      expect(ms(parseHttpDate('Sun, 31 Mar 2024 00:00:00 GMT'))).to.equal(Date.UTC(2024, 2, 31));
      for (const bad of ['2024-04-31', '2024-01-32', '2024-01-99T00:00:00Z']) expect(parseIsoDate(bad), bad).to.equal(undefined);
      for (const bad of ['Sun, 31 Apr 2024 00:00:00 GMT', 'Sun, 32 Jan 2024 00:00:00 GMT', 'Sun, 99 Jan 2024 00:00:00 +0000', 'Sun Jan 99 00:00:00 2024']) {
        expect(parseHttpDate(bad), bad).to.equal(undefined);
      }
      for (const bad of ['20240431T000000Z', '20240132T000000Z', '20240100T000000Z']) expect(parseICalDate(bad), bad).to.equal(undefined);
    });
    it('iCalendar: exactly 16 characters', function () {
      for (const bad of ['19941106T084937Zx', '19941106T084937ZZ', '19941106T084937', '1994-11-06T084937Z', '19941106T0849370Z']) {
        expect(parseICalDate(bad), bad).to.equal(undefined);
      }
    });
    it('iCalendar: each field is digits', function () {
      for (const bad of ['x9941106T084937Z', '1994x106T084937Z', '199411x6T084937Z', '19941106Tx84937Z', '19941106T08x937Z', '19941106T0849x7Z', '19941106T08493xZ', '-9941106T084937Z']) {
        expect(parseICalDate(bad), bad).to.equal(undefined);
      }
    });
  });
});
