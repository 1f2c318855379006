/**
 * CHECKLIST §3 "Status semantics" (#53-#63): status lines parsed to their 3-digit code only,
 * 3xx + location, failure codes with conditions, 507 truncation in the summary, sync-collection,
 * return=minimal shapes, multiget 404s, codes the model does not know.
 */
import { expect } from 'chai';
import type { DavStatus, XmlElement } from '../../lib/index.js';
import { codes, ms, only, parse, parseFailing, propResponse, rfc, st } from '../helpers/checklist.js';

const el = (name: string, children: (XmlElement | string)[] = [], attributes: Record<string, string> = {}): XmlElement => ({
  name,
  attributes,
  children,
});
const BOX = 'urn:ns.example.com:boxschema';
const statusForm = (href: string, line: string): string => `<D:response><D:href>${href}</D:href><D:status>${line}</D:status></D:response>`;

describe('CHECKLIST §3 status semantics', function () {
  it('#53 non-standard reason phrases: "404 Resource not found" (rfc6352-8.7.1)', async function () {
    const { responses } = await parse(rfc('rfc6352-8.7.1'));
    expect(responses[1]!.status).to.deep.equal(st(404, 'Resource not found'));
    expect(responses[1]!.hrefs).to.deep.equal(['/home/bernard/addressbook/vcf1.vcf']);
  });

  it('#53 "403 FORBIDDEN" (calendarserver-bulk-change-4.4, with its broken closing tag repaired)', async function () {
    const text = new TextDecoder().decode(rfc('calendarserver-bulk-change-4.4'));
    const repaired = text.replace('<C:valid-calendar-data/><D:error>', '<C:valid-calendar-data/></D:error>');
    expect(repaired).to.not.equal(text);
    const { responses } = await parse(repaired);
    expect(responses).to.have.length(4);
    expect(responses[3]!.status).to.deep.equal(st(403, 'FORBIDDEN'));
    expect(responses[3]!.error).to.deep.equal([el('{urn:ietf:params:xml:ns:caldav}valid-calendar-data')]);
  });

  it('#53 HTTP/1.0, no reason phrase, "HTTP/1.1 OK" (no code, Exchange), legacy "HTTP 1.1 200 OK", "200 Ok"', async function () {
    const lines = ['HTTP/1.0 404 Not Found', 'HTTP/1.1 200', 'HTTP/1.1 OK', 'HTTP 1.1 200 OK', 'HTTP/1.1 200 Ok', ' \n HTTP/1.1 201 Created \n '];
    const { responses, summary } = await parse(ms(lines.map((l, i) => statusForm(`/${i}`, l)).join('')));
    const expected: DavStatus[] = [
      { code: 404, text: 'Not Found', line: 'HTTP/1.0 404 Not Found' },
      { code: 200, text: '', line: 'HTTP/1.1 200' },
      { code: null, text: 'OK', line: 'HTTP/1.1 OK' },
      { code: 200, text: 'OK', line: 'HTTP 1.1 200 OK' },
      { code: 200, text: 'Ok', line: 'HTTP/1.1 200 Ok' },
      { code: 201, text: 'Created', line: 'HTTP/1.1 201 Created' },
    ];
    expect(responses.map((r) => r.status)).to.deep.equal(expected);
    expect(codes(summary.diagnostics), 'only the code-less line is a quirk').to.deep.equal(['BAD_STATUS']);
  });

  it('#53 a propstat whose status has no code: its empty properties stay "", it is not merged', async function () {
    const body = ms(
      '<D:response><D:href>/x</D:href><D:propstat><D:prop><D:getetag/><D:displayname>n</D:displayname></D:prop>' +
        '<D:status>HTTP/1.1 OK</D:status></D:propstat></D:response>',
    );
    const r = await only(body);
    expect(r.propstats).to.deep.equal([{ status: { code: null, text: 'OK', line: 'HTTP/1.1 OK' }, props: { getetag: '', displayname: 'n' } }]);
    expect(r.props).to.deep.equal({});
  });

  it('#54 302 + D:location/D:href (rfc4437-8.1)', async function () {
    const { responses } = await parse(rfc('rfc4437-8.1'));
    expect(responses[2]).to.deep.equal({
      href: '/MyCollection/nunavut',
      hrefs: ['/MyCollection/nunavut'],
      path: '/MyCollection/nunavut',
      status: st(302, 'Found'),
      propstats: [],
      props: {},
      location: 'http://example.ca/art/inuit/',
    });
    expect(responses[0]!.props).to.deep.equal({ resourcetype: ['collection'], '{http://example.com/jsprops/}keywords': 'diary, interests, hobbies' });
  });

  it('#54 3xx without location: no location, no error', async function () {
    const { responses, summary } = await parse(ms(statusForm('/moved', 'HTTP/1.1 301 Moved Permanently')));
    expect(responses[0]!.status).to.deep.equal(st(301, 'Moved Permanently'));
    expect(responses[0]).to.not.have.property('location');
    expect(summary.diagnostics).to.deep.equal([]);
  });

  it('#55 424 Failed Dependency in PROPPATCH (rfc4918-9.2.2, rfc2518-8.2.2) and on a LOCK Request-URI (rfc4918-9.10.9)', async function () {
    const legacy = await only(rfc('rfc2518-8.2.2'));
    const Z = 'http://www.w3.com/standards/z39.50';
    expect(legacy.propstats).to.deep.equal([
      { status: st(424, 'Failed Dependency'), props: { [`{${Z}}Authors`]: null } },
      { status: st(409, 'Conflict'), props: { [`{${Z}}Copyright-Owner`]: null } },
    ]);
    expect(legacy.props).to.deep.equal({});
    expect(legacy.responseDescription).to.equal('Copyright Owner can not be deleted or\naltered.');

    const modern = await only(rfc('rfc4918-9.2.2'));
    expect(modern.propstats.map((p) => p.status.code)).to.deep.equal([424, 409]);

    const lock = await parse(rfc('rfc4918-9.10.9'));
    expect(lock.responses.map((r) => [r.href, r.status])).to.deep.equal([
      ['http://example.com/webdav/secret', st(403, 'Forbidden')],
      ['http://example.com/webdav/', st(424, 'Failed Dependency')],
    ]);
  });

  it('#56 423 + error/lock-token-submitted without its href (rfc4918-9.6.2, 9.8.8, 9.9.6)', async function () {
    for (const [name, href] of [
      ['rfc4918-9.6.2', 'http://www.example.com/container/resource3'],
      ['rfc4918-9.8.8', 'http://www.example.com/othercontainer/R2/'],
      ['rfc4918-9.9.6', 'http://www.example.com/othercontainer/C2/'],
    ] as const) {
      const r = await only(rfc(name));
      expect(r.href, name).to.equal(href);
      expect(r.status, name).to.deep.equal(st(423, 'Locked'));
      expect(r.error, name).to.deep.equal([el('lock-token-submitted')]);
    }
  });

  it('#56 403 + propstat/error cannot-modify-protected-property (4918 style) and inside responsedescription (rfc3744-5.1.2)', async function () {
    const body = ms(
      '<D:response><D:href>/f</D:href>' +
        '<D:propstat><D:prop><D:getetag/></D:prop><D:status>HTTP/1.1 403 Forbidden</D:status>' +
        '<D:error><D:cannot-modify-protected-property/></D:error></D:propstat>' +
        '<D:propstat><D:prop><Z:color/></D:prop><D:status>HTTP/1.1 424 Failed Dependency</D:status></D:propstat></D:response>',
      ' xmlns:Z="urn:z"',
    );
    const r = await only(body);
    expect(r.propstats).to.deep.equal([
      { status: st(403, 'Forbidden'), props: { getetag: null }, error: [el('cannot-modify-protected-property')] },
      { status: st(424, 'Failed Dependency'), props: { '{urn:z}color': null } },
    ]);
    const rfc3253 = await only(rfc('rfc3744-5.1.2'));
    expect(rfc3253.propstats[0]!.error).to.deep.equal([el('cannot-modify-protected-property')]);
  });

  it('#57 507 on the Request-URI, last (rfc5323-2.3.4, different hosts, no trailing slash): truncated', async function () {
    const { responses, summary } = await parse(rfc('rfc5323-2.3.4'));
    expect(responses.map((r) => [r.href, r.status!.code])).to.deep.equal([
      ['http://www.example.net/sounds/unbrokenchain.au', 200],
      ['http://tech.mit.example/arch96/photos/Lesh1.jpg', 200],
      ['http://example.net', 507],
    ]);
    expect(summary.truncated).to.equal(true);
  });

  it('#57 507 last with number-of-matches-within-limits (rfc6578-3.10, 3.11); 507 first (rfc6352-8.6.5)', async function () {
    for (const [name, token, count] of [
      ['rfc6578-3.10', 'http://example.com/ns/sync/1233', 3],
      ['rfc6578-3.11', 'http://example.com/ns/sync/1232', 2],
    ] as const) {
      const { responses, summary } = await parse(rfc(name));
      expect(responses, name).to.have.length(count);
      const last = responses[count - 1]!;
      expect(last.href).to.equal('http://webdav.example.com/home/cyrusdaboo/');
      expect(last.status).to.deep.equal(st(507, 'Insufficient Storage'));
      expect(last.error).to.deep.equal([el('number-of-matches-within-limits')]);
      expect(summary.truncated, name).to.equal(true);
      expect(summary.syncToken, name).to.equal(token);
    }
    const first = await parse(rfc('rfc6352-8.6.5'));
    expect(first.responses[0]!.status!.code).to.equal(507);
    expect(first.responses[0]!.error).to.deep.equal([el('number-of-matches-within-limits')]);
    expect(first.responses.slice(1).map((r) => r.props.getetag)).to.deep.equal(['"23ba4d-ff11fb"', '"23ba4d-ff11fc"']);
    expect(first.summary.truncated).to.equal(true);
  });

  it('#57 a 507 inside a propstat (PROPPATCH out of space) is not result truncation', async function () {
    const body = ms(
      '<D:response><D:href>/f</D:href><D:propstat><D:prop><Z:big/></D:prop><D:status>HTTP/1.1 507 Insufficient Storage</D:status></D:propstat></D:response>',
      ' xmlns:Z="urn:z"',
    );
    const { responses, summary } = await parse(body);
    expect(responses[0]!.propstats[0]!.status.code).to.equal(507);
    expect(summary.truncated).to.equal(false);
  });

  it('#58 sync-collection: sync-token after the responses (rfc6578-3.8)', async function () {
    const { summary } = await parse(rfc('rfc6578-3.8'));
    expect(summary.syncToken).to.equal('http://example.com/ns/sync/1234');
    expect(summary.truncated).to.equal(false);
  });

  it('#58 removed member = status 404 without propstat (rfc6578-3.9)', async function () {
    const { responses, summary } = await parse(rfc('rfc6578-3.9'));
    expect(responses[2]).to.deep.equal({
      href: 'http://webdav.example.com/home/cyrusdaboo/test.doc',
      hrefs: ['http://webdav.example.com/home/cyrusdaboo/test.doc'],
      path: '/home/cyrusdaboo/test.doc',
      url: 'http://webdav.example.com/home/cyrusdaboo/test.doc',
      status: st(404, 'Not Found'),
      propstats: [],
      props: {},
    });
    expect(responses[0]!.propstats[1]).to.deep.equal({ status: st(404, 'Not Found'), props: { [`{${BOX}}bigbox`]: null } });
    expect(summary.syncToken).to.equal('http://example.com/ns/sync/1238');
  });

  it('#58 403 + sync-traversal-supported (rfc6578-3.13); all-404 member has empty props', async function () {
    const { responses } = await parse(rfc('rfc6578-3.13'));
    expect(responses).to.have.length(5);
    expect(responses[2]!.props).to.deep.equal({});
    expect(responses[2]!.propstats.map((p) => p.props)).to.deep.equal([{ getetag: null }, { [`{${BOX}}bigbox`]: null }]);
    expect(responses[4]!.status).to.deep.equal(st(403, 'Forbidden'));
    expect(responses[4]!.error).to.deep.equal([el('sync-traversal-supported')]);
  });

  it('#58 sync-token before the responses (synthesised) is surfaced in the summary all the same', async function () {
    const body = ms('<D:sync-token>\n  data:,sync/42\n</D:sync-token>' + statusForm('/gone', 'HTTP/1.1 404 Not Found'));
    const { responses, summary } = await parse(body);
    expect(responses.map((r) => r.status!.code)).to.deep.equal([404]);
    expect(summary.syncToken).to.equal('data:,sync/42');
  });

  it('#59 return=minimal: no 404 propstats (rfc8144-B.1.2), <D:prop/> + 200 (rfc8144-B.1.3), bare status 200', async function () {
    const noroot = await parse(rfc('rfc8144-B.1.2'));
    expect(noroot.responses.map((r) => [r.href, r.propstats.length, r.props])).to.deep.equal([
      ['/container/work/', 1, { resourcetype: ['collection'] }],
      ['/container/home/', 1, { resourcetype: ['collection'] }],
      ['/container/foo.txt', 1, { resourcetype: [] }],
    ]);
    const emptyProp = await only(rfc('rfc8144-B.1.3'));
    expect(emptyProp.propstats).to.deep.equal([{ status: st(200, 'OK'), props: {} }]);
    const bare = await only(ms(statusForm('/container/', 'HTTP/1.1 200 OK')));
    expect(bare).to.deep.equal({ href: '/container/', hrefs: ['/container/'], path: '/container/', status: st(200, 'OK'), propstats: [], props: {} });
  });

  it('#60 208 Already Reported in a propstat (rfc5842-7.1.1): 2xx, so merged; resource-id hrefs', async function () {
    const { responses } = await parse(rfc('rfc5842-7.1.1'));
    expect(responses[2]!.propstats[0]!.status).to.deep.equal(st(208, 'Already Reported'));
    expect(responses[2]!.props).to.deep.equal({ displayname: 'Loop Demo', 'resource-id': 'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf8' });
    expect(responses.map((r) => r.props['resource-id'])).to.deep.equal([
      'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf8',
      'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf9',
      'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf8',
    ]);
  });

  it('#60 422 in a propstat (rfc4316-4.2) and 415 + CardDAV error (rfc6352-8.7.2)', async function () {
    const typed = await only(rfc('rfc4316-4.2'));
    expect(typed.propstats).to.deep.equal([
      {
        status: st(422, 'Unprocessable Entity'),
        props: { '{http://ns.example.org/standards/z39.50}released': null },
        responseDescription: 'Does not parse as xs:boolean',
      },
    ]);
    const card = await only(rfc('rfc6352-8.7.2'));
    expect(card.status).to.deep.equal(st(415, 'Unsupported Media Type'));
    expect(card.error).to.deep.equal([el('{urn:ietf:params:xml:ns:carddav}supported-address-data-conversion')]);
    expect(card.responseDescription).to.equal('Unable to convert from vCard v3.0\n    to vCard v4.0');
  });

  it('#61 multiget with a missing resource: propstat form + 404 status form (rfc4791-7.9.1, rfc6352-8.7.1)', async function () {
    const cal = await parse(rfc('rfc4791-7.9.1'));
    expect(cal.responses.map((r) => [r.path, r.status?.code ?? null, Object.keys(r.props)])).to.deep.equal([
      ['/bernard/work/abcd1.ics', null, ['getetag', '{urn:ietf:params:xml:ns:caldav}calendar-data']],
      ['/bernard/work/mtg1.ics', 404, []],
    ]);
    const card = await parse(rfc('rfc6352-8.7.1'));
    expect(card.responses[0]!.props['{urn:ietf:params:xml:ns:carddav}address-data']).to.equal(
      'BEGIN:VCARD\nVERSION:3.0\nNICKNAME:me\nUID:34222-232@example.com\nFN:Cyrus Daboo\nEMAIL:daboo@example.com\nEND:VCARD\n',
    );
    expect(card.responses[1]!.status!.code).to.equal(404);
  });

  it('#62 a COPY 207 whose only response is the failure (rfc4918-9.8.8)', async function () {
    const { responses, summary } = await parse(rfc('rfc4918-9.8.8'));
    expect(responses).to.have.length(1);
    expect(responses[0]!.status!.code).to.equal(423);
    expect(summary.responses).to.equal(1);
    expect(summary.truncated).to.equal(false);
  });

  it('#63 unknown codes (599, 100, 299) are kept and classed by their first digit', async function () {
    const body = ms(
      statusForm('/info', 'HTTP/1.1 100 Continue') +
        '<D:response><D:href>/odd</D:href>' +
        '<D:propstat><D:prop><D:getetag/></D:prop><D:status>HTTP/1.1 599 Network Connect Timeout</D:status></D:propstat>' +
        '<D:propstat><D:prop><D:displayname>ok-ish</D:displayname><Z:e/></D:prop><D:status>HTTP/1.1 299 Custom Success</D:status></D:propstat>' +
        '<D:propstat><D:prop><Z:f/></D:prop><D:status>HTTP/1.1 102 Processing</D:status></D:propstat>' +
        '</D:response>',
      ' xmlns:Z="urn:z"',
    );
    const { responses, summary } = await parse(body);
    expect(responses[0]!.status).to.deep.equal(st(100, 'Continue'));
    expect(responses[1]!.propstats).to.deep.equal([
      { status: st(599, 'Network Connect Timeout'), props: { getetag: null } },
      { status: st(299, 'Custom Success'), props: { displayname: 'ok-ish', '{urn:z}e': '' } },
      { status: st(102, 'Processing'), props: { '{urn:z}f': null } },
    ]);
    expect(responses[1]!.props).to.deep.equal({ displayname: 'ok-ish', '{urn:z}e': '' });
    // 1xx "SHOULD NOT" be recorded (S20): tolerated, at most noted as such.
    expect(codes(summary.diagnostics).filter((c) => c !== 'INFORMATIONAL_STATUS')).to.deep.equal([]);
  });

  it('#63 strict mode: a code-less status line is STRICT', async function () {
    const { error } = await parseFailing(ms(statusForm('/x', 'HTTP/1.1 OK')), { strict: true });
    expect(error.code).to.equal('STRICT');
    expect(error.message).to.contain('BAD_STATUS');
  });

  it('#63 a 203 propstat is a success: merged and typed', async function () {
    const r = await only(ms(propResponse('/h', '<D:getcontentlength>1</D:getcontentlength>', 'HTTP/1.1 203 Non-Authoritative')));
    expect(r.props).to.deep.equal({ getcontentlength: 1 });
  });
});
