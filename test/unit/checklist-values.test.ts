/**
 * CHECKLIST §3 "Values and formats" (#45-#52): the README's typed-value table (etag strings,
 * dates, sizes as number/bigint, resourcetype keys, locks, CalDAV data, ACL structures).
 */
import { expect } from 'chai';
import type { XmlElement } from '../../lib/index.js';
import { codes, ms, only, parse, parseFailing, pieces, propResponse, rfc, utf8 } from '../helpers/checklist.js';

const el = (name: string, children: (XmlElement | string)[] = [], attributes: Record<string, string> = {}): XmlElement => ({
  name,
  attributes,
  children,
});
const CALDAV = 'urn:ietf:params:xml:ns:caldav';
const CARDDAV = 'urn:ietf:params:xml:ns:carddav';
const CAL_DATA = `{${CALDAV}}calendar-data`;
const JAN_12_1998 = new Date(Date.UTC(1998, 0, 12, 9, 25, 56));

/** One response per value of `prop`, hrefs /0, /1, …; returns the props of each. */
async function values(prop: string, raw: string[], extraNs = ''): Promise<{ props: unknown[]; diagnostics: string[] }> {
  const body = ms(raw.map((v, i) => propResponse(`/${i}`, `<${prop}>${v}</${prop}>`)).join(''), extraNs);
  const { responses, summary } = await parse(body);
  // A value kept in raw (it did not parse, or it is past 2^53) shows as { raw } or { typed, raw }.
  const valueOf = (r: (typeof responses)[number]): unknown => {
    const typed = Object.values(r.props)[0];
    const raw = r.propstats[0]?.raw;
    if (raw === undefined) return typed;
    return typed === undefined ? { raw: Object.values(raw)[0] } : { typed, raw: Object.values(raw)[0] };
  };
  return { props: responses.map(valueOf), diagnostics: codes(summary.diagnostics) };
}

describe('CHECKLIST §3 values and formats', function () {
  it('#45 unquoted etag zzyzx (rfc2518-8.1.2) and strong "zzyzx" (rfc4918-9.1.5)', async function () {
    const legacy = await parse(rfc('rfc2518-8.1.2'));
    expect(legacy.responses[1]!.props.getetag).to.equal('zzyzx');
    const modern = await parse(rfc('rfc4918-9.1.5'));
    expect(modern.responses[1]!.props.getetag).to.equal('"zzyzx"');
  });

  it('#45 weak W/"…", empty "", &quot;-escaped quotes (Nextcloud), padding: kept as sent, trimmed', async function () {
    const { props, diagnostics } = await values('D:getetag', ['W/"xyzzy"', '""', '&quot;5d2a7f&quot;', '\n  "padded"\n', 'W/&quot;w&quot;']);
    expect(props).to.deep.equal(['W/"xyzzy"', '""', '"5d2a7f"', '"padded"', 'W/"w"']);
    expect(diagnostics).to.deep.equal([]);
  });

  it('#46 getlastmodified rfc1123 (rfc4918-9.1.5) and rfc850 (rfc2518-8.1.2) give the same instant', async function () {
    expect((await parse(rfc('rfc4918-9.1.5'))).responses[1]!.props.getlastmodified).to.deep.equal(JAN_12_1998);
    expect((await parse(rfc('rfc2518-8.1.2'))).responses[1]!.props.getlastmodified).to.deep.equal(JAN_12_1998);
  });

  it('#46 getlastmodified asctime, numeric offset -0500, ISO 8601; unparseable kept in raw with BAD_VALUE', async function () {
    const { props, diagnostics } = await values('D:getlastmodified', [
      'Mon Jan 12 09:25:56 1998',
      'Sun Nov  6 08:49:37 1994',
      'Mon, 12 Jan 1998 04:25:56 -0500',
      '1998-01-12T09:25:56Z',
      '1998-01-12T10:25:56+01:00',
      'yesterday',
    ]);
    expect(props).to.deep.equal([
      JAN_12_1998,
      new Date(Date.UTC(1994, 10, 6, 8, 49, 37)),
      JAN_12_1998,
      JAN_12_1998,
      JAN_12_1998,
      { raw: 'yesterday' },
    ]);
    expect(diagnostics).to.deep.equal(['BAD_VALUE']);
  });

  it('#47 creationdate with offset (rfc4918-9.1.5), Z (Apache), fractional seconds, lower-case t/z, RFC 1123', async function () {
    const fixture = await parse(rfc('rfc4918-9.1.5'));
    expect(fixture.responses[0]!.props.creationdate).to.deep.equal(new Date(Date.UTC(1997, 11, 2, 1, 42, 21)));
    const { props, diagnostics } = await values('D:creationdate', [
      '2013-10-30T17:19:46Z',
      '2013-10-30T17:19:46.123Z',
      '2013-10-30t17:19:46z',
      'Wed, 30 Oct 2013 17:19:46 GMT',
      '2013-10-30T19:19:46.5+02:00',
    ]);
    const t = Date.UTC(2013, 9, 30, 17, 19, 46);
    expect(props).to.deep.equal([new Date(t), new Date(t + 123), new Date(t), new Date(t), new Date(t + 500)]);
    expect(diagnostics).to.deep.equal([]);
  });

  it('#48 getcontentlength past 2^32 (number) and past 2^53 (nearest number, exact digits in raw); negative length is BAD_VALUE', async function () {
    const { props, diagnostics } = await values('D:getcontentlength', ['5368709120', '9007199254740991', '9007199254740993', '123456789012345678901234567890', '-1']);
    expect(props).to.deep.equal([
      5368709120,
      9007199254740991,
      { typed: 9007199254740992, raw: '9007199254740993' },
      { typed: 1.2345678901234568e29, raw: '123456789012345678901234567890' },
      { raw: '-1' },
    ]);
    expect(diagnostics).to.deep.equal(['IMPRECISE_NUMBER', 'IMPRECISE_NUMBER', 'BAD_VALUE']);
  });

  it('#48 quota values (rfc4331-5) and negative quota (Nextcloud -3, -1, -2)', async function () {
    const r = await only(rfc('rfc4331-5'));
    expect(r.props).to.deep.equal({ 'quota-available-bytes': 596650, 'quota-used-bytes': 403350 });
    const { props, diagnostics } = await values('D:quota-available-bytes', ['-3', '-1', '-2', ' 0 ']);
    expect(props).to.deep.equal([-3, -1, -2, 0]);
    expect(diagnostics).to.deep.equal([]);
  });

  it('#49 resourcetype: collection + unknown members, redirectref (rfc4437-8.2), empty (rfc4918-9.1.5)', async function () {
    const redirect = await parse(rfc('rfc4437-8.2'));
    expect(redirect.responses.map((r) => r.props)).to.deep.equal([
      { resourcetype: ['collection'] },
      { resourcetype: [] },
      { resourcetype: ['redirectref'], reftarget: 'http://example.ca/art/inuit/', 'redirect-lifetime': 'temporary' },
    ]);
    expect(redirect.responses[0]!.propstats[1]!.props).to.deep.equal({ reftarget: null, 'redirect-lifetime': null });
    expect((await parse(rfc('rfc4918-9.1.5'))).responses[1]!.props.resourcetype).to.deep.equal([]);

    const { props } = await values(
      'D:resourcetype',
      [
        '<D:collection/><C:calendar/>',
        '<R:addressbook/><D:collection/>',
        '<D:principal/>',
        '\n  <D:collection/>\n  <CS:shared-owner/>\n',
        '<X:unknown-type><X:child/></X:unknown-type><D:collection/>',
      ],
      ` xmlns:C="${CALDAV}" xmlns:R="${CARDDAV}" xmlns:CS="http://calendarserver.org/ns/" xmlns:X="urn:x"`,
    );
    expect(props).to.deep.equal([
      ['collection', `{${CALDAV}}calendar`],
      [`{${CARDDAV}}addressbook`, 'collection'],
      ['principal'],
      ['collection', '{http://calendarserver.org/ns/}shared-owner'],
      ['{urn:x}unknown-type', 'collection'],
    ]);
  });

  it('#50 lockdiscovery with an activelock (rfc4918-15.8.1) and without lockroot (rfc2518-13.8.1)', async function () {
    const a = await only(rfc('rfc4918-15.8.1'));
    expect(a.props.lockdiscovery).to.deep.equal([
      {
        scope: 'exclusive',
        type: 'write',
        depth: '0',
        owner: 'Jane Smith',
        timeout: Infinity,
        token: 'urn:uuid:f81de2ad-7f3d-a1b2-4f3c-00a0c91a9d76',
        root: 'http://www.example.com/container/',
      },
    ]);
    const b = await only(rfc('rfc2518-13.8.1'));
    expect((b.props.lockdiscovery as object[])[0]).to.not.have.property('root');
  });

  it('#50 empty lockdiscovery, Second-604800 timeout, owner as <D:href>, shared lock with depth infinity', async function () {
    const lock =
      '<D:activelock><D:lockscope><D:shared/></D:lockscope><D:locktype><D:write/></D:locktype><D:depth>infinity</D:depth>' +
      '<D:owner><D:href>http://example.org/~ejw/contact.html</D:href></D:owner><D:timeout>Second-604800</D:timeout>' +
      '<D:locktoken><D:href>opaquelocktoken:e71d4fae-5dec-22d6-fea5-00a0c91e6be4</D:href></D:locktoken>' +
      '<D:lockroot><D:href>/workspace/webdav/</D:href></D:lockroot></D:activelock>';
    const { props } = await values('D:lockdiscovery', ['', lock]);
    expect(props).to.deep.equal([
      [],
      [
        {
          scope: 'shared',
          type: 'write',
          depth: 'infinity',
          owner: el('owner', [el('href', ['http://example.org/~ejw/contact.html'])]),
          timeout: 604800,
          token: 'opaquelocktoken:e71d4fae-5dec-22d6-fea5-00a0c91e6be4',
          root: '/workspace/webdav/',
        },
      ],
    ]);
  });

  it('#51 calendar-data as large text values (rfc4791-B: 8 responses), exactly as sent', async function () {
    const text = new TextDecoder().decode(rfc('rfc4791-B'));
    expect(text.includes('&')).to.equal(false); // no entity: the raw slices are the decoded values
    expect(text.includes('<![CDATA[')).to.equal(false);
    const sent = [...text.matchAll(/<C:calendar-data>([\s\S]*?)<\/C:calendar-data>/g)].map((m) => m[1]);
    expect(sent).to.have.length(8);
    const { responses } = await parse(rfc('rfc4791-B'));
    expect(responses.map((r) => r.props[CAL_DATA])).to.deep.equal(sent);
    expect(responses.map((r) => r.props.getetag)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8].map((i) => `"fffff-abcd${i}"`));
  });

  it('#51 a 3 MiB calendar-data arriving in 64 KiB chunks is read whole; past limits.maxTextLength it is LIMIT_EXCEEDED', async function () {
    const line = 'DESCRIPTION:' + 'x'.repeat(60) + '\n';
    const ical = 'BEGIN:VCALENDAR\n' + line.repeat(Math.ceil((3 * 1024 * 1024) / line.length)) + 'END:VCALENDAR\n';
    const body = utf8(
      ms(propResponse('/small.ics', '<D:getetag>"s"</D:getetag>') + propResponse('/big.ics', `<C:calendar-data>${ical}</C:calendar-data>`), ` xmlns:C="${CALDAV}"`),
    );
    const { responses } = await parse(pieces(body, 64 * 1024));
    expect(responses).to.have.length(2);
    expect(responses[1]!.props[CAL_DATA]).to.equal(ical);

    const { responses: before, error } = await parseFailing(pieces(body, 64 * 1024), { limits: { maxTextLength: 1024 * 1024 } });
    expect(before.map((r) => r.href)).to.deep.equal(['/small.ics']);
    expect(error.code).to.equal('LIMIT_EXCEEDED');
    expect(error.message).to.contain('maxTextLength');
  });

  it('#52 current-user-privilege-set, acl, supported-privilege-set, owner (rfc3744-5.9)', async function () {
    const r = await only(rfc('rfc3744-5.9'));
    const A = 'http://www.example.com/acl/';
    expect(r.props.owner).to.equal('http://www.example.com/users/gclemm');
    expect(r.props['current-user-privilege-set']).to.deep.equal(['read', 'read-acl']);
    expect(r.props.acl).to.deep.equal([
      { principal: { kind: 'href', value: 'http://www.example.com/users/esedlar' }, invert: false, grant: ['read', 'write', 'read-acl'], deny: [], protected: false },
      { principal: { kind: 'href', value: 'http://www.example.com/groups/mrktng' }, invert: false, grant: [], deny: ['read'], protected: false },
      { principal: { kind: 'property', value: 'owner' }, invert: false, grant: ['read-acl', 'write-acl'], deny: [], protected: false },
      { principal: { kind: 'all' }, invert: false, grant: ['read'], deny: [], protected: false, inherited: 'http://www.example.com/top' },
    ]);
    const leaf = (privilege: string, description: string) => ({ privilege, abstract: false, description, children: [] });
    expect(r.props['supported-privilege-set']).to.deep.equal([
      {
        privilege: 'all',
        abstract: true,
        description: 'Any operation',
        children: [
          leaf('read', 'Read any object'),
          {
            privilege: 'write',
            abstract: true,
            description: 'Write any object',
            children: [leaf(`{${A}}create`, 'Create an object'), leaf(`{${A}}update`, 'Update an object')],
          },
          leaf(`{${A}}delete`, 'Delete an object'),
          leaf('read-acl', 'Read the ACL'),
          leaf('write-acl', 'Write the ACL'),
        ],
      },
    ]);
  });

  it('#52 supported-calendar-component-set (comp names) and a CalDAV privilege in current-user-privilege-set', async function () {
    const body = ms(
      propResponse(
        '/cal/',
        '<C:supported-calendar-component-set><C:comp name="VEVENT"/><C:comp name="VTODO"/></C:supported-calendar-component-set>' +
          '<D:current-user-privilege-set><D:privilege><D:read/></D:privilege><D:privilege><C:read-free-busy/></D:privilege></D:current-user-privilege-set>',
      ),
      ` xmlns:C="${CALDAV}"`,
    );
    const r = await only(body);
    expect(r.props).to.deep.equal({
      [`{${CALDAV}}supported-calendar-component-set`]: ['VEVENT', 'VTODO'],
      'current-user-privilege-set': ['read', `{${CALDAV}}read-free-busy`],
    });
  });
});
