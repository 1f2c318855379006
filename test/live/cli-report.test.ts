/**
 * `multistatus URL --report FILE`: the CalDAV REPORTs of the README, sent by the command to radicale,
 * read back as NDJSON and as a summary with the sync-token.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ndjsonLines, runCli } from '../helpers/run-cli.js';
import { EVENT_FIELDS, EVENTS, fieldsOf } from './calendar-data.js';
import { dav, encodePath } from './dav.js';
import { liveServer } from './servers.js';

const AUTH = 'user:x'; // radicale runs with auth "none": any password
const CALENDAR = '/user/cal1/';
const CALENDAR_DATA = '{urn:ietf:params:xml:ns:caldav}calendar-data';

const MKCALENDAR = `<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>
  <C:supported-calendar-component-set><C:comp name="VEVENT"/><C:comp name="VTODO"/></C:supported-calendar-component-set>
</D:prop></D:set></C:mkcalendar>`;

/** The calendar-query of the README: the events of a time range, with their data. */
const QUERY = `<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:getetag/><C:calendar-data/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
    <C:time-range start="20240301T000000Z" end="20240320T000000Z"/>
  </C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>
`;

const SYNC = `<?xml version="1.0" encoding="utf-8"?>
<D:sync-collection xmlns:D="DAV:"><D:sync-token/><D:sync-level>1</D:sync-level><D:prop><D:getetag/></D:prop></D:sync-collection>
`;

describe('live radicale: multistatus --report', function () {
  this.slow(10_000);
  const live = liveServer('radicale');
  let url: string;
  let tmp: string;

  before(async function () {
    const server = live();
    url = server.url + CALENDAR.slice(1);
    tmp = mkdtempSync(join(tmpdir(), 'multistatus-report-'));
    expect((await dav('MKCALENDAR', url, { auth: AUTH, body: MKCALENDAR })).status).to.equal(201);
    for (const o of Object.values(EVENTS)) {
      const res = await dav('PUT', server.url + encodePath(CALENDAR + o.name).slice(1), { auth: AUTH, body: o.body, contentType: 'text/calendar; charset=utf-8' });
      expect(res.status, `PUT ${o.name}`).to.be.oneOf([201, 204]);
    }
  });
  after(function () {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('a calendar-query from a file lists the events of the range with their calendar-data as PUT', async function () {
    const file = join(tmp, 'query.xml');
    writeFileSync(file, QUERY);
    const r = await runCli([url, '--report', file, '--depth', '1', '-u', AUTH]);
    expect(r.code, r.stderr).to.equal(0);
    const lines = ndjsonLines(r.stdout) as { path: string; props: Record<string, unknown> }[];
    const inRange = [EVENTS.event1, EVENTS.event2, EVENTS.event3];
    expect(lines.map((l) => l.path).sort()).to.deep.equal(inRange.map((o) => CALENDAR + o.name).sort());
    for (const o of inRange) {
      const line = lines.find((l) => l.path === CALENDAR + o.name)!;
      expect(fieldsOf(line.props[CALENDAR_DATA] as string, EVENT_FIELDS), o.name).to.deep.equal(fieldsOf(o.body, EVENT_FIELDS));
      expect(line.props.getetag).to.be.a('string').and.not.equal('');
    }
  });

  it('a sync-collection from stdin: the summary counts every member and carries the sync-token', async function () {
    const r = await runCli([url, '--report', '-', '--depth', '0', '-u', AUTH, '--format', 'summary'], { stdin: SYNC });
    expect(r.code, r.stderr).to.equal(0);
    const s = JSON.parse(r.stdout) as { responses: number; syncToken?: string; statuses: Record<string, number> };
    expect(s.responses).to.equal(Object.keys(EVENTS).length);
    expect(s.statuses).to.deep.equal({ '200': Object.keys(EVENTS).length });
    expect(s.syncToken).to.be.a('string').and.match(/^http/);
  });
});
