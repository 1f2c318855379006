/**
 * A space-padded day in an RFC 1123 date (`Sun,  6 Nov 1994 …`, as asctime pads it and some
 * servers copy) is read by the general path: the fast path must leave it alone, not reject it.
 * (Re-judged from test/mutation/equivalent.json: `d <= 0` at dates.ts:141 is not equivalent.)
 */
import { expect } from 'chai';
import { parseHttpDate } from '../../lib/properties/dates.js';

describe('dates: RFC 1123 with a space-padded day', function () {
  it('"Sun,  6 Nov 1994 08:49:37 GMT" is 1994-11-06T08:49:37Z, as with "06"', function () {
    expect(parseHttpDate('Sun,  6 Nov 1994 08:49:37 GMT')?.toISOString()).to.equal('1994-11-06T08:49:37.000Z');
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')?.toISOString()).to.equal('1994-11-06T08:49:37.000Z');
    expect(parseHttpDate('Tue,  1 Jan 2030 00:00:00 GMT')?.toISOString()).to.equal('2030-01-01T00:00:00.000Z');
  });
});
