/**
 * syncCollection() against radicale (RFC 6578): the initial sync, then deltas after changes and
 * deletions, with and without a page limit. (sabre/dav 1.8 in Debian has no sync-collection: see
 * caldav.test.ts.)
 */
import { expect } from 'chai';
import { syncCollection } from '../../lib/index.js';
import type { DavResponse, SyncSummary } from '../../lib/index.js';
import { EVENT1_MOVED, EVENTS } from './calendar-data.js';
import type { CalendarObject } from './calendar-data.js';
import { dav, encodePath } from './dav.js';
import type { DavRequest } from './dav.js';
import { liveServer } from './servers.js';

const CALENDAR = '/user/synced/';
const AUTH = { username: 'user', password: 'x' }; // radicale: auth none, any password
const MKCALENDAR = `<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>Synced</D:displayname></D:prop></D:set></C:mkcalendar>`;

describe('live radicale: syncCollection', function () {
  const live = liveServer('radicale');
  const url = (): string => live().url + CALENDAR.slice(1);
  const req = (method: string, path: string, r: DavRequest = {}): Promise<Response> =>
    dav(method, live().url + encodePath(path).slice(1), { auth: 'user:x', ...r });
  const put = async (o: CalendarObject): Promise<void> => {
    const res = await req('PUT', CALENDAR + o.name, { body: o.body, contentType: 'text/calendar; charset=utf-8' });
    expect(res.status, `PUT ${o.name}`).to.be.oneOf([201, 204]);
  };
  async function sync(token?: string, limit?: number): Promise<{ got: DavResponse[]; summary: SyncSummary }> {
    const it = syncCollection(url(), { auth: AUTH, token, limit, props: ['getetag'], timeout: 30_000 });
    const got: DavResponse[] = [];
    for await (const r of it) got.push(r);
    return { got, summary: await it.summary() };
  }
  const names = (rs: DavResponse[]): string[] => rs.map((r) => r.path.slice(CALENDAR.length)).sort();

  let token = '';
  before(async function () {
    expect((await req('MKCALENDAR', CALENDAR, { body: MKCALENDAR })).status).to.equal(201);
    for (const o of [EVENTS.event1, EVENTS.event2, EVENTS.event3]) await put(o);
  });

  it('the initial sync lists every member with its etag and returns a token', async function () {
    const { got, summary } = await sync();
    expect(names(got)).to.deep.equal([EVENTS.event1.name, EVENTS.event2.name, EVENTS.event3.name].sort());
    for (const r of got) expect(r.props.getetag).to.be.a('string').and.not.equal('');
    expect(summary.syncToken).to.be.a('string').and.not.equal('');
    expect(summary).to.include({ requests: 1, truncated: false, responses: 3 });
    token = summary.syncToken!;
  });

  it('after a change, an addition and a deletion: exactly those, the deletion as a 404 status', async function () {
    await put({ ...EVENT1_MOVED, name: EVENTS.event1.name });
    await put(EVENTS.later);
    expect((await req('DELETE', CALENDAR + EVENTS.event2.name)).status).to.be.oneOf([200, 204]);
    const { got, summary } = await sync(token);
    expect(names(got)).to.deep.equal([EVENTS.event1.name, EVENTS.event2.name, EVENTS.later.name].sort());
    const removed = got.find((r) => r.path.endsWith(EVENTS.event2.name))!;
    expect(removed.status?.code).to.equal(404);
    expect(got.filter((r) => r !== removed).every((r) => typeof r.props.getetag === 'string')).to.equal(true);
    expect(summary.syncToken).to.be.a('string').and.not.equal(token);
    const next = summary.syncToken!;
    // Nothing changed since: an empty delta, and the token stays usable.
    const again = await sync(next);
    expect(again.got).to.deep.equal([]);
    token = again.summary.syncToken!;
  });

  it('with a limit of 1: whatever paging radicale does, the pages together hold every member once', async function () {
    const { got, summary } = await sync(undefined, 1);
    console.log(`      limit 1: ${summary.requests} request(s), ${summary.responses} responses, truncated ${summary.truncated}`);
    const members = names(got.filter((r) => r.status?.code !== 404));
    expect(members).to.deep.equal([EVENTS.event1.name, EVENTS.event3.name, EVENTS.later.name].sort());
    expect(summary.syncToken).to.be.a('string');
  });
});
