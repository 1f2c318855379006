import { expect } from 'chai';
import { parseCreationDate, parseHttpDate, parseICalDate, parseIsoDate, parseUnixSeconds } from '../../lib/properties/dates.js';

const iso = (d: Date | undefined): string | undefined => d?.toISOString();

describe('date parsers', () => {
  it('RFC 1123 (the fast path)', () => {
    expect(iso(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT'))).to.equal('1994-11-06T08:49:37.000Z');
    expect(iso(parseHttpDate('  Thu, 29 Feb 2024 12:34:56 GMT\n'))).to.equal('2024-02-29T12:34:56.000Z');
  });
  it('RFC 850 with a two-digit year', () => {
    expect(iso(parseHttpDate('Monday, 12-Jan-98 09:25:56 GMT'))).to.equal('1998-01-12T09:25:56.000Z');
    expect(iso(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT'))).to.equal('1994-11-06T08:49:37.000Z');
  });
  it('asctime', () => {
    expect(iso(parseHttpDate('Sun Nov  6 08:49:37 1994'))).to.equal('1994-11-06T08:49:37.000Z');
  });
  it('numeric zones and named US zones', () => {
    expect(iso(parseHttpDate('Tue, 15 Nov 1994 08:12:31 -0500'))).to.equal('1994-11-15T13:12:31.000Z');
    expect(iso(parseHttpDate('Tue, 15 Nov 1994 08:12:31 +01:00'))).to.equal('1994-11-15T07:12:31.000Z');
    expect(iso(parseHttpDate('Tue, 15 Nov 1994 08:12:31 EST'))).to.equal('1994-11-15T13:12:31.000Z');
  });
  it('ISO 8601 in getlastmodified', () => {
    expect(iso(parseHttpDate('2013-10-30T17:19:46Z'))).to.equal('2013-10-30T17:19:46.000Z');
  });
  it('rejects what is not a date, and impossible days', () => {
    for (const bad of ['', 'yesterday', 'Sun, 31 Feb 2024 12:00:00 GMT', 'Sun, 06 Foo 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 25:49:37 GMT', 'Sun, 06 Nov 1994 08:49:37 XYZ']) {
      expect(parseHttpDate(bad), bad).to.equal(undefined);
    }
  });
  it('RFC 3339 with offset, Z, lower case, space, fractions', () => {
    expect(iso(parseIsoDate('1997-12-01T17:42:21-08:00'))).to.equal('1997-12-02T01:42:21.000Z');
    expect(iso(parseIsoDate('2013-10-30t17:19:46z'))).to.equal('2013-10-30T17:19:46.000Z');
    expect(iso(parseIsoDate('2013-10-30 17:19:46.25Z'))).to.equal('2013-10-30T17:19:46.250Z');
    expect(iso(parseIsoDate('2013-10-30T17:19:46+0130'))).to.equal('2013-10-30T15:49:46.000Z');
    expect(iso(parseIsoDate('2013-10-30'))).to.equal('2013-10-30T00:00:00.000Z');
    expect(parseIsoDate('2013-13-30T00:00:00Z')).to.equal(undefined);
    expect(iso(parseIsoDate('2013-10-30T17:19'))).to.equal('2013-10-30T17:19:00.000Z'); // no zone: UTC, whatever TZ is
    expect(parseIsoDate('30/10/2013')).to.equal(undefined);
  });
  it('creationdate tolerates an RFC 1123 date', () => {
    expect(iso(parseCreationDate('Sun, 06 Nov 1994 08:49:37 GMT'))).to.equal('1994-11-06T08:49:37.000Z');
  });
  it('iCalendar UTC date-times and Unix seconds', () => {
    expect(iso(parseICalDate('19000101T000000Z'))).to.equal('1900-01-01T00:00:00.000Z');
    expect(parseICalDate('19000101T000000')).to.equal(undefined);
    expect(iso(parseUnixSeconds('1675789581'))).to.equal('2023-02-07T17:06:21.000Z');
    expect(parseUnixSeconds('12a')).to.equal(undefined);
  });
});
