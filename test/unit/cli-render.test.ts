/** What the command prints for a human: sizes, rates, times, table rows, and text made safe for a terminal. */
import { expect } from 'chai';
import { safeLine, safeLines } from '../../lib/cli/safe-text.js';
import { TABLE_HEADER, localStamp, tableRow, typeOf } from '../../lib/cli/table.js';
import { humanBytes, humanCount, humanDuration, humanRate, parseSize } from '../../lib/cli/units.js';
import type { DavResponse } from '../../lib/parser/model.js';

const ok = { code: 200, text: 'OK', line: 'HTTP/1.1 200 OK' };
const notFound = { code: 404, text: 'Not Found', line: 'HTTP/1.1 404 Not Found' };

function response(path: string, props: Record<string, unknown>, extra: Partial<DavResponse> = {}): DavResponse {
  return { href: path, hrefs: [path], path, propstats: [{ status: ok, props }], props, ...extra };
}

describe('cli: human units', function () {
  it('sizes in binary units, one decimal from KiB', function () {
    expect(humanBytes(0)).to.equal('0 B');
    expect(humanBytes(1023)).to.equal('1023 B');
    expect(humanBytes(1024)).to.equal('1.0 KiB');
    expect(humanBytes(1536)).to.equal('1.5 KiB');
    expect(humanBytes(1024 * 1024 - 1)).to.equal('1.0 MiB');
    expect(humanBytes(300 * 1024 * 1024)).to.equal('300.0 MiB');
    expect(humanBytes(2n ** 60n)).to.equal('1024.0 PiB'); // PiB is the largest unit
  });

  it('rates, durations and counts', function () {
    expect(humanRate(10 * 1024 * 1024, 2)).to.equal('5.0 MiB/s');
    expect(humanRate(5, 0)).to.equal('0 B/s');
    expect(humanDuration(7.9)).to.equal('0:07');
    expect(humanDuration(754)).to.equal('12:34');
    expect(humanDuration(3723)).to.equal('1:02:03');
    expect(humanCount(1234567)).to.equal('1,234,567');
    expect(humanCount(999)).to.equal('999');
  });

  it('parses sizes: decimal MB, binary MiB and bare letters', function () {
    expect(parseSize('300MB')).to.equal(300_000_000);
    expect(parseSize('300MiB')).to.equal(300 * 1024 * 1024);
    expect(parseSize('1.5 G')).to.equal(1.5 * 1024 ** 3);
    expect(parseSize('4096')).to.equal(4096);
    expect(parseSize('12kB')).to.equal(12_000);
    expect(parseSize('lots')).to.equal(undefined);
  });
});

describe('cli: table rows', function () {
  it('has a header naming the columns', function () {
    expect(TABLE_HEADER.split(/\s+/).filter(Boolean)).to.deep.equal(['TYPE', 'SIZE', 'MODIFIED', 'STATUS', 'PATH']);
  });

  it('shows a file with its size, local modification time, status and decoded path', function () {
    const when = new Date(2024, 1, 29, 12, 34, 56); // local time, whatever the zone
    const r = response('/a b/é.txt', { resourcetype: [], getcontentlength: 1536, getlastmodified: when });
    const cells = tableRow(r).trimEnd().split(/ {2,}/);
    expect(cells).to.deep.equal(['file', '1.5 KiB', '2024-02-29 12:34', '200', '/a b/é.txt']);
  });

  it('leaves the size of a collection empty; a 404 propstat (a property it lacks) leaves its status 200', function () {
    const r: DavResponse = {
      href: '/d/', hrefs: ['/d/'], path: '/d/', props: { resourcetype: ['collection'] },
      propstats: [{ status: ok, props: { resourcetype: ['collection'] } }, { status: notFound, props: { getcontentlength: null } }],
    };
    const line = tableRow(r);
    expect(line.slice(0, 4)).to.equal('dir ');
    expect(line.trimEnd().split(/ {2,}/)).to.deep.equal(['dir', '200', '/d/']);
  });

  it('names CalDAV, CardDAV and principal collections, and says "-" when resourcetype is not known', function () {
    expect(typeOf(response('/c/', { resourcetype: ['collection', '{urn:ietf:params:xml:ns:caldav}calendar'] }))).to.equal('cal');
    expect(typeOf(response('/b/', { resourcetype: ['collection', '{urn:ietf:params:xml:ns:carddav}addressbook'] }))).to.equal('book');
    expect(typeOf(response('/p/', { resourcetype: ['principal'] }))).to.equal('prin');
    expect(typeOf(response('/x', { getetag: '"1"' }))).to.equal('-');
  });

  it('shows the status of the status form, and ? for values that did not decode', function () {
    const gone: DavResponse = { href: '/gone', hrefs: ['/gone'], path: '/gone', propstats: [], props: {}, status: notFound };
    expect(tableRow(gone).trimEnd().split(/ {2,}/)).to.deep.equal(['-', '404', '/gone']);
    const bad = response('/bad', { resourcetype: [], getcontentlength: 'lots', getlastmodified: 'yesterday' });
    expect(tableRow(bad).trimEnd().split(/ {2,}/)).to.deep.equal(['file', '?', '?', '200', '/bad']);
  });

  it('escapes control and bidi characters in paths so a name cannot drive the terminal', function () {
    const r = response('/evil\x1b[2J\nname\u202etxt.exe', { resourcetype: [] });
    const line = tableRow(r);
    expect(line.endsWith('/evil\\x1b[2J\\x0aname\\u202etxt.exe\n')).to.equal(true);
    expect(line.slice(0, -1)).to.not.match(/[\x00-\x1f\u202e]/); // eslint-disable-line no-control-regex
  });

  it('formats local time as YYYY-MM-DD HH:MM', function () {
    expect(localStamp(new Date(2001, 0, 2, 3, 4, 5))).to.equal('2001-01-02 03:04');
  });
});

describe('cli: terminal-safe text', function () {
  it('escapes C0, DEL, C1 and bidi controls; keeps newlines only in multi-line text', function () {
    expect(safeLine('a\tb\x7f\x9b\u2066c')).to.equal('a\\x09b\\x7f\\x9b\\u2066c');
    expect(safeLines('one\ntwo\tx\x07')).to.equal('one\ntwo\tx\\x07');
    expect(safeLine('plain ümlaut 日本')).to.equal('plain ümlaut 日本');
  });
});
