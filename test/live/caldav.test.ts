/**
 * CalDAV and CardDAV REPORTs on radicale and sabre/dav: what the parser reads back must be what was PUT.
 * radicale also answers sync-collection (RFC 6578): initial sync, then a delta after a change and a delete.
 */
import { expect } from 'chai';
import { MultistatusError, parseMultistatus } from '../../lib/index.js';
import type { DavResponse } from '../../lib/index.js';
import { CARD_FIELDS, CARDS, EVENT1_MOVED, EVENT_FIELDS, EVENTS, fieldsOf } from './calendar-data.js';
import type { CalendarObject } from './calendar-data.js';
import { collect, dav, encodePath } from './dav.js';
import type { DavRequest } from './dav.js';
import { liveServer } from './servers.js';
import type { LiveServer } from './servers.js';

const CALDAV = 'urn:ietf:params:xml:ns:caldav';
const CARDDAV = 'urn:ietf:params:xml:ns:carddav';
const CALENDAR_DATA = `{${CALDAV}}calendar-data`;
const ADDRESS_DATA = `{${CARDDAV}}address-data`;

interface Account {
  auth: string;
  calendar: string;
  addressbook: string;
}

const ACCOUNTS: Record<'radicale' | 'sabre-caldav', Account> = {
  radicale: { auth: 'user:x', calendar: '/user/cal1/', addressbook: '/user/contacts/' }, // auth none: any password
  'sabre-caldav': { auth: 'admin:admin', calendar: '/calendars/admin/cal1/', addressbook: '/addressbooks/admin/ab1/' },
};

const MKCALENDAR = `<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="${CALDAV}"><D:set><D:prop>
  <D:displayname>Cal One</D:displayname>
  <C:supported-calendar-component-set><C:comp name="VEVENT"/><C:comp name="VTODO"/></C:supported-calendar-component-set>
</D:prop></D:set></C:mkcalendar>`;
const MKADDRESSBOOK = `<?xml version="1.0" encoding="utf-8"?>
<D:mkcol xmlns:D="DAV:" xmlns:CR="${CARDDAV}"><D:set><D:prop>
  <D:resourcetype><D:collection/><CR:addressbook/></D:resourcetype><D:displayname>Contacts</D:displayname>
</D:prop></D:set></D:mkcol>`;
const QUERY_MARCH = `<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="${CALDAV}">
  <D:prop><D:getetag/><C:calendar-data/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
    <C:time-range start="20240301T000000Z" end="20240320T000000Z"/>
  </C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>`;
const multiget = (hrefs: string[]): string => `<?xml version="1.0" encoding="utf-8"?>
<C:calendar-multiget xmlns:D="DAV:" xmlns:C="${CALDAV}">
  <D:prop><D:getetag/><C:calendar-data/></D:prop>
  ${hrefs.map((h) => `<D:href>${h.replace(/&/g, '&amp;')}</D:href>`).join('\n  ')}
</C:calendar-multiget>`;
const addressbookMultiget = (hrefs: string[]): string => `<?xml version="1.0" encoding="utf-8"?>
<CR:addressbook-multiget xmlns:D="DAV:" xmlns:CR="${CARDDAV}">
  <D:prop><D:getetag/><CR:address-data/></D:prop>
  ${hrefs.map((h) => `<D:href>${h.replace(/&/g, '&amp;')}</D:href>`).join('\n  ')}
</CR:addressbook-multiget>`;
const syncCollection = (token: string): string => `<?xml version="1.0" encoding="utf-8"?>
<D:sync-collection xmlns:D="DAV:">
  <D:sync-token>${token.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</D:sync-token>
  <D:sync-level>1</D:sync-level>
  <D:prop><D:getetag/></D:prop>
</D:sync-collection>`;

/** Expect `responses` to be exactly `objects` (by decoded path under `base`), each carrying its data as PUT. */
function expectObjects(responses: DavResponse[], base: string, objects: CalendarObject[], key: string, fields: readonly string[]): void {
  expect(responses.map((r) => r.path).sort()).to.deep.equal(objects.map((o) => base + o.name).sort());
  for (const o of objects) {
    const r = responses.find((x) => x.path === base + o.name)!;
    const data = r.props[key];
    expect(data, `${key} of ${o.name}`).to.be.a('string');
    const put = fieldsOf(o.body, fields);
    expect(Object.values(put), `fields of ${o.name} as PUT`).to.not.include(undefined);
    expect(fieldsOf(data as string, fields), o.name).to.deep.equal(put);
    expect(r.props.getetag, `getetag of ${o.name}`).to.be.a('string').and.not.equal('');
  }
}

for (const [name, account] of Object.entries(ACCOUNTS) as ['radicale' | 'sabre-caldav', Account][]) {
  describe(`live ${name}: CalDAV and CardDAV reports`, function () {
    const live = liveServer(name);
    let server: LiveServer;
    const req = (method: string, path: string, r: DavRequest = {}): Promise<Response> =>
      dav(method, server.url + encodePath(path).slice(1), { auth: account.auth, ...r });
    const put = async (collection: string, o: CalendarObject, type: string): Promise<void> => {
      const res = await req('PUT', collection + o.name, { body: o.body, contentType: `${type}; charset=utf-8` });
      expect(res.status, `PUT ${o.name}`).to.be.oneOf([201, 204]);
    };

    before(async function () {
      server = live();
      expect((await req('MKCALENDAR', account.calendar, { body: MKCALENDAR })).status).to.equal(201);
      expect((await req('MKCOL', account.addressbook, { body: MKADDRESSBOOK })).status).to.equal(201);
      for (const o of Object.values(EVENTS)) await put(account.calendar, o, 'text/calendar');
      for (const o of Object.values(CARDS)) await put(account.addressbook, o, 'text/vcard');
    });

    it('calendar-query returns the events of the time range with calendar-data as PUT', async function () {
      const res = await req('REPORT', account.calendar, { depth: '1', body: QUERY_MARCH });
      expect(res.status).to.equal(207);
      expectObjects(await collect(parseMultistatus(res)), account.calendar, [EVENTS.event1, EVENTS.event2, EVENTS.event3], CALENDAR_DATA, EVENT_FIELDS);
    });

    const found = [EVENTS.event1, EVENTS.event2, EVENTS.event3];
    const hrefOf = (o: CalendarObject): string => encodePath(account.calendar + o.name);

    it('calendar-multiget returns calendar-data as PUT', async function () {
      const res = await req('REPORT', account.calendar, { depth: '1', body: multiget(found.map(hrefOf)) });
      expect(res.status).to.equal(207);
      expectObjects(await collect(parseMultistatus(res)), account.calendar, found, CALENDAR_DATA, EVENT_FIELDS);
    });

    if (name === 'radicale') {
      it('calendar-multiget naming a missing resource gives that href a 404', async function () {
        const missing = `${account.calendar}missing.ics`;
        const res = await req('REPORT', account.calendar, { depth: '1', body: multiget([...found.map(hrefOf), missing]) });
        expect(res.status).to.equal(207);
        const responses = await collect(parseMultistatus(res));
        const gone = responses.filter((r) => r.path === missing);
        expect(gone).to.have.length(1);
        expect(gone[0]!.status?.code).to.equal(404);
        expect(gone[0]!.propstats).to.deep.equal([]);
        expectObjects(responses.filter((r) => r.path !== missing), account.calendar, found, CALENDAR_DATA, EVENT_FIELDS);
      });
    } else {
      // sabre/dav 1.8 answers a multiget that names one missing href with 404 for the whole REPORT
      // (an XML d:error body): parseMultistatus(response) reports the status, code HTTP
      it('calendar-multiget naming a missing resource is refused whole with 404 (sabre/dav 1.8)', async function () {
        const res = await req('REPORT', account.calendar, {
          depth: '1', body: multiget([...found.map(hrefOf), `${account.calendar}missing.ics`]),
        });
        expect(res.status).to.equal(404);
        const err: unknown = await collect(parseMultistatus(res)).then(() => null, (e: unknown) => e);
        expect((err as MultistatusError).code).to.equal('HTTP');
        expect((err as MultistatusError).status).to.equal(404);
        expect((err as MultistatusError).http!.body).to.contain('error');
      });
    }

    it('addressbook-multiget returns the vCards as PUT', async function () {
      const cards = [CARDS.jane, CARDS.john];
      const res = await req('REPORT', account.addressbook, {
        depth: '1', body: addressbookMultiget(cards.map((c) => encodePath(account.addressbook + c.name))),
      });
      expect(res.status).to.equal(207);
      expectObjects(await collect(parseMultistatus(res)), account.addressbook, cards, ADDRESS_DATA, CARD_FIELDS);
    });

    if (name === 'radicale') {
      it('sync-collection: initial sync lists the members and a sync token; the delta has the change and the delete', async function () {
        const initial = await req('REPORT', account.calendar, { depth: '0', body: syncCollection('') });
        expect(initial.status).to.equal(207);
        const it0 = parseMultistatus(initial);
        const members = await collect(it0);
        const { syncToken } = await it0.summary();
        expect(syncToken).to.be.a('string').and.match(/\S/);
        expect(members.map((r) => r.path).sort()).to.deep.equal(Object.values(EVENTS).map((o) => account.calendar + o.name).sort());
        const etagBefore = members.find((r) => r.path.endsWith('/event1.ics'))!.props.getetag;
        expect(etagBefore).to.be.a('string');

        await put(account.calendar, EVENT1_MOVED, 'text/calendar');
        expect((await req('DELETE', account.calendar + EVENTS.todo.name)).status).to.be.oneOf([200, 204]);

        const delta = await req('REPORT', account.calendar, { depth: '0', body: syncCollection(syncToken!) });
        expect(delta.status).to.equal(207);
        const it1 = parseMultistatus(delta);
        const changes = await collect(it1);
        expect(changes.map((r) => r.path).sort()).to.deep.equal([account.calendar + EVENTS.todo.name, account.calendar + EVENT1_MOVED.name].sort());
        const changed = changes.find((r) => r.path === account.calendar + EVENT1_MOVED.name)!;
        expect(changed.props.getetag).to.be.a('string').and.not.equal(etagBefore);
        const deleted = changes.find((r) => r.path === account.calendar + EVENTS.todo.name)!;
        expect(deleted.status?.code).to.equal(404);
        const { syncToken: next } = await it1.summary();
        expect(next).to.be.a('string').and.not.equal(syncToken);
      });
    } else {
      // sabre/dav 1.8 predates RFC 6578: sync-collection is refused with 403 (ReportNotSupported)
      it('sync-collection is refused with 403 (sabre/dav 1.8 has no RFC 6578)', async function () {
        const res = await req('REPORT', account.calendar, { depth: '0', body: syncCollection('') });
        expect(res.status).to.equal(403);
        const err: unknown = await collect(parseMultistatus(res)).then(() => null, (e: unknown) => e);
        expect(err).to.be.instanceOf(MultistatusError);
        expect((err as MultistatusError).code).to.equal('HTTP');
        expect((err as MultistatusError).message).to.match(/^HTTP 403 Forbidden from http:/);
      });
    }
  });
}
