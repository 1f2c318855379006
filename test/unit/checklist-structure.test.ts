/**
 * CHECKLIST §3 "Structure and ordering" (#11-#22). Expectations are read off the XML with the
 * README data model (status form vs propstat form, merged 2xx props, extensions, diagnostics).
 */
import { expect } from 'chai';
import type { XmlElement } from '../../lib/index.js';
import { codes, ms, only, parse, parseFailing, propResponse, rfc, st } from '../helpers/checklist.js';

const el = (name: string, children: (XmlElement | string)[] = [], attributes: Record<string, string> = {}): XmlElement => ({
  name,
  attributes,
  children,
});
const CALDAV = 'urn:ietf:params:xml:ns:caldav';
const CARDDAV = 'urn:ietf:params:xml:ns:carddav';
const OK = 'HTTP/1.1 200 OK';

/** A nested expand-property answer: <response><href/><propstat><prop>…</prop><status/></propstat></response>. */
function nested(href: string, props: XmlElement[], status = OK): XmlElement {
  return el('response', [el('href', [href]), el('propstat', [el('prop', props), el('status', [status])])]);
}

describe('CHECKLIST §3 structure and ordering', function () {
  it('#11 status form with one href (rfc4918-9.6.2)', async function () {
    const r = await only(rfc('rfc4918-9.6.2'));
    expect(r.hrefs).to.deep.equal(['http://www.example.com/container/resource3']);
    expect(r.status).to.deep.equal(st(423, 'Locked'));
    expect(r.propstats).to.deep.equal([]);
  });

  it('#11 status form with several hrefs and one status (synthesised): the status applies to each', async function () {
    const body = ms(
      '<D:response><D:href>/locked/a</D:href><D:href>/locked/b</D:href>\n<D:href> /locked/c </D:href>' +
        '<D:status>HTTP/1.1 423 Locked</D:status></D:response>',
    );
    const { responses, summary } = await parse(body);
    expect(responses).to.deep.equal([
      {
        href: '/locked/a',
        hrefs: ['/locked/a', '/locked/b', '/locked/c'],
        path: '/locked/a',
        status: st(423, 'Locked'),
        propstats: [],
        props: {},
      },
    ]);
    expect(summary.diagnostics).to.deep.equal([]);
  });

  it('#12 propstat form with 200 + 404 propstats (rfc8144-B.1.1)', async function () {
    const { responses } = await parse(rfc('rfc8144-B.1.1'));
    const FOO = '{http://ns.example.com/foobar/}foobar';
    expect(responses.map((r) => r.href)).to.deep.equal(['/container/', '/container/work/', '/container/home/', '/container/foo.txt']);
    for (const r of responses) {
      const types = r.href.endsWith('/') ? ['collection'] : [];
      expect(r.propstats).to.deep.equal([
        { status: st(200, 'OK'), props: { resourcetype: types } },
        { status: st(404, 'Not Found'), props: { [FOO]: null } },
      ]);
      expect(r.props, 'only the 2xx propstat is merged').to.deep.equal({ resourcetype: types });
      expect(r.status).to.equal(undefined);
    }
  });

  it('#13 both status and propstat in one response: kept both, MIXED_RESPONSE diagnostic', async function () {
    const body = ms(
      '<D:response><D:href>/both</D:href><D:status>HTTP/1.1 200 OK</D:status>' +
        '<D:propstat><D:prop><D:displayname>Both</D:displayname></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>' +
        '</D:response>',
    );
    const { responses, summary } = await parse(body);
    expect(responses).to.have.length(1);
    expect(responses[0]!.status).to.deep.equal(st(200, 'OK'));
    expect(responses[0]!.propstats).to.deep.equal([{ status: st(200, 'OK'), props: { displayname: 'Both' } }]);
    expect(responses[0]!.props).to.deep.equal({ displayname: 'Both' });
    expect(codes(summary.diagnostics)).to.deep.equal(['MIXED_RESPONSE']);
    expect(summary.diagnostics[0]!.href).to.equal('/both');
  });

  it('#13 neither status nor propstat (only href): yielded, EMPTY_RESPONSE diagnostic; STRICT in strict mode', async function () {
    const body = ms('<D:response><D:href>/bare</D:href></D:response>' + propResponse('/next', '<D:displayname>n</D:displayname>'));
    const { responses, summary } = await parse(body);
    expect(responses[0]).to.deep.equal({ href: '/bare', hrefs: ['/bare'], path: '/bare', propstats: [], props: {} });
    expect(responses[1]!.props).to.deep.equal({ displayname: 'n' });
    expect(codes(summary.diagnostics)).to.deep.equal(['EMPTY_RESPONSE']);

    const strict = await parseFailing(body, { strict: true });
    expect(strict.error.code).to.equal('STRICT');
    expect(strict.error.message).to.contain('EMPTY_RESPONSE');
    expect(strict.responses).to.deep.equal([]);
  });

  it('#14 response with an empty <D:href/> (calendarserver-bulk-change-3.1): one response, then XML_SYNTAX', async function () {
    // The draft wrapped </C:no-uid-conflict> as "<\n/C:no-uid-conflict>" inside the 2nd response.
    const { responses, error } = await parseFailing(rfc('calendarserver-bulk-change-3.1'));
    expect(responses.map((r) => r.href)).to.deep.equal(['/home/cyrus/calendar/abcd1.ics']);
    expect(responses[0]!.props).to.deep.equal({
      getetag: '"13FBAF6F-4FDE-4973-8A9A-0A2A3E6D4F3D"',
      '{http://calendarserver.org/ns/}uid': 'event1@example.com',
    });
    expect(error.code).to.equal('XML_SYNTAX');
    // The stray "<" ends line 20; the "/" that makes it an error starts line 21.
    expect(error.line).to.be.within(20, 21);
  });

  it('#14 the same body with the closing tag repaired: the empty href is exposed as ""', async function () {
    const text = new TextDecoder().decode(rfc('calendarserver-bulk-change-3.1'));
    const repaired = text.replace('<\n     /C:no-uid-conflict>', '</C:no-uid-conflict>');
    expect(repaired).to.not.equal(text);
    const { responses, summary } = await parse(repaired);
    expect(responses).to.have.length(2);
    expect(responses[1]).to.deep.equal({
      href: '',
      hrefs: [''],
      path: '',
      status: st(403, 'Forbidden'),
      propstats: [],
      props: {},
      error: [
        el(`{${CALDAV}}no-uid-conflict`, ['/home/cyrus/calendar/abcd_other1.ics']),
        el('{http://calendarserver.org/ns/}uid', ['event2@example.com']),
      ],
    });
    // Flagged (issue 20): line 17, `   <D:href/>`, noticed at its end.
    const at = Buffer.byteLength(repaired.slice(0, repaired.indexOf('<D:href/>') + '<D:href/>'.length));
    expect(summary.diagnostics).to.deep.equal([{ code: 'EMPTY_HREF', message: 'an empty href', line: 17, column: 13, offset: at, href: '' }]);
  });

  it('#14 response without any href: href "", hrefs [], MISSING_HREF diagnostic', async function () {
    const body = ms('<D:response><D:status>HTTP/1.1 404 Not Found</D:status></D:response>');
    const { responses, summary } = await parse(body);
    expect(responses).to.deep.equal([{ href: '', hrefs: [], path: '', status: st(404, 'Not Found'), propstats: [], props: {} }]);
    expect(codes(summary.diagnostics)).to.deep.equal(['MISSING_HREF']);
  });

  it('#15 propstat without status: status {code:null,text:"",line:""}, MISSING_STATUS, not merged', async function () {
    const body = ms(
      '<D:response><D:href>/nostatus</D:href><D:propstat><D:prop><D:displayname>x</D:displayname><Z:e xmlns:Z="urn:z"/></D:prop></D:propstat></D:response>',
    );
    const { responses, summary } = await parse(body);
    const r = responses[0]!;
    // The status is unknown, so an empty property is not "only named": it keeps "".
    expect(r.propstats).to.deep.equal([{ status: { code: null, text: '', line: '' }, props: { displayname: 'x', '{urn:z}e': '' } }]);
    expect(r.props, 'a propstat without a 2xx status is not merged').to.deep.equal({});
    expect(codes(summary.diagnostics)).to.deep.equal(['MISSING_STATUS']);
  });

  it('#15 status before prop (Exchange 2000 order), 200 and 404', async function () {
    const body = ms(
      '<D:response><D:href>/ex</D:href>' +
        '<D:propstat><D:status>HTTP/1.1 200 OK</D:status><D:prop><D:getcontentlength>5</D:getcontentlength></D:prop></D:propstat>' +
        '<D:propstat><D:status>HTTP/1.1 404 Not Found</D:status><D:prop><D:getetag/><D:displayname></D:displayname></D:prop></D:propstat>' +
        '</D:response>',
    );
    const { responses, summary } = await parse(body);
    expect(responses[0]!.propstats).to.deep.equal([
      { status: st(200, 'OK'), props: { getcontentlength: 5 } },
      { status: st(404, 'Not Found'), props: { getetag: null, displayname: null } },
    ]);
    expect(responses[0]!.props).to.deep.equal({ getcontentlength: 5 });
    expect(summary.diagnostics).to.deep.equal([]);
  });

  it('#16 locktype before lockscope inside activelock (rfc4918-15.8.1)', async function () {
    const r = await only(rfc('rfc4918-15.8.1'));
    expect(r.props).to.deep.equal({
      lockdiscovery: [
        {
          scope: 'exclusive',
          type: 'write',
          depth: '0',
          owner: 'Jane Smith',
          timeout: Infinity,
          token: 'urn:uuid:f81de2ad-7f3d-a1b2-4f3c-00a0c91a9d76',
          root: 'http://www.example.com/container/',
        },
      ],
    });
  });

  it('#16 error/responsedescription before propstat, sync-token and responsedescription before the first response', async function () {
    const body = ms(
      '<D:sync-token>http://example.com/sync/7</D:sync-token><D:responsedescription>all of it</D:responsedescription>' +
        '<D:response><D:responsedescription>one</D:responsedescription><D:error><D:some-condition/></D:error>' +
        '<D:propstat><D:status>HTTP/1.1 403 Forbidden</D:status><D:responsedescription>ps</D:responsedescription>' +
        '<D:error><D:cannot-modify-protected-property/></D:error><D:prop><D:getetag/></D:prop></D:propstat>' +
        '<D:href>/late-href</D:href></D:response>',
    );
    const { responses, summary } = await parse(body);
    expect(responses).to.deep.equal([
      {
        href: '/late-href',
        hrefs: ['/late-href'],
        path: '/late-href',
        propstats: [
          {
            status: st(403, 'Forbidden'),
            props: { getetag: null },
            error: [el('cannot-modify-protected-property')],
            responseDescription: 'ps',
          },
        ],
        props: {},
        error: [el('some-condition')],
        responseDescription: 'one',
      },
    ]);
    expect(summary.syncToken).to.equal('http://example.com/sync/7');
    expect(summary.responseDescription).to.equal('all of it');
    expect(summary.diagnostics).to.deep.equal([]);
  });

  it('#17 empty multistatus <D:multistatus xmlns:D="DAV:"/> and <D:multistatus></D:multistatus>', async function () {
    for (const body of ['<D:multistatus xmlns:D="DAV:"/>', '<?xml version="1.0"?>\n<D:multistatus xmlns:D="DAV:">\n</D:multistatus>\n']) {
      const { responses, summary } = await parse(body);
      expect(responses).to.deep.equal([]);
      expect(summary.responses).to.equal(0);
      expect(summary.truncated).to.equal(false);
      expect(summary.diagnostics).to.deep.equal([]);
      expect(summary.syncToken).to.equal(undefined);
    }
  });

  it('#18 nested D:response inside property values is not yielded (rfc3253-3.8.1 expand-property)', async function () {
    const { responses, summary } = await parse(rfc('rfc3253-3.8.1'));
    expect(responses).to.have.length(1);
    expect(summary.responses).to.equal(1);
    const r = responses[0]!;
    expect(r.href).to.equal('http://www.webdav.org/foo.html');
    const sally = '\n                          http://www.webdav.org/ws/dev/sally\n                        ';
    const ver = (n: number, who: string, activity: string): XmlElement =>
      nested(`http://repo.webdav.org/his/23/ver/${n}`, [el('creator-displayname', [who]), el('activity-set', [el('href', [activity])])]);
    // An expand-property answer is not an href: the typed slot stays empty, the value is in raw.
    expect(r.props).to.deep.equal({});
    expect(r.propstats[0]!.raw).to.deep.equal({
      'version-history': el('version-history', [
        nested('http://repo.webdav.org/his/23', [
          el('version-set', [ver(1, 'Fred', sally), ver(2, 'Sally', 'http://repo.webdav.org/act/add-refresh-cmd')]),
        ]),
      ]),
    });
  });

  it('#18 nested responses with their own 404 propstats (rfc8144-B.2.1) and minimal (B.2.2)', async function () {
    const home = (kind: string): XmlElement =>
      el(kind === 'cal' ? `{${CALDAV}}calendar-home-set` : `{${CARDDAV}}addressbook-home-set`, [
        nested(kind === 'cal' ? '/dav/calendars/user/ken/' : '/dav/addressbooks/user/ken/', [el('resourcetype', [el('collection')])]),
      ]);
    const minimal = await only(rfc('rfc8144-B.2.2'));
    expect(minimal.href).to.equal('/dav/principals/');
    expect(minimal.props).to.deep.equal({});
    expect(minimal.propstats[0]!.raw).to.deep.equal({
      'current-user-principal': el('current-user-principal', [
        nested('/dav/principals/user/ken/', [el('resourcetype', [el('principal')]), el('displayname', ['ken']), home('cal'), home('card')]),
      ]),
    });

    const full = await parse(rfc('rfc8144-B.2.1'));
    expect(full.responses).to.have.length(1);
    const value = full.responses[0]!.propstats[0]!.raw!['current-user-principal'] as XmlElement;
    const inner = value.children[0] as XmlElement;
    expect(inner.name).to.equal('response');
    // The nested 404 propstat stays inside the value, after the 200 one.
    const propstats = inner.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === 'propstat');
    expect(propstats).to.have.length(2);
    expect(propstats[1]).to.deep.equal(
      el('propstat', [el('prop', [el('{http://ns.example.com/foobar}foobar')]), el('status', ['HTTP/1.1 404 Not Found'])]),
    );
    expect(full.responses[0]!.propstats).to.have.length(1);
  });

  it('#18 a response nested inside an error condition of a 207 is part of the condition', async function () {
    const body = ms(
      '<D:response><D:href>/search</D:href><D:status>HTTP/1.1 409 Conflict</D:status><D:error><D:search-scope-valid>' +
        '<D:response><D:href>http://www.example.com/X</D:href><D:status>HTTP/1.1 404 Object Not Found</D:status></D:response>' +
        '</D:search-scope-valid></D:error></D:response>',
    );
    const { responses } = await parse(body);
    expect(responses).to.have.length(1);
    expect(responses[0]!.error).to.deep.equal([
      el('search-scope-valid', [el('response', [el('href', ['http://www.example.com/X']), el('status', ['HTTP/1.1 404 Object Not Found'])])]),
    ]);
  });

  it('#18 a D:error body with a nested response (rfc5323-2.4.1-error) is NOT_MULTISTATUS, nothing yielded', async function () {
    const { responses, error } = await parseFailing(rfc('rfc5323-2.4.1-error'));
    expect(responses).to.deep.equal([]);
    expect(error.code).to.equal('NOT_MULTISTATUS');
    expect(error.message).to.contain('error');
  });

  it('#19 unknown child of multistatus (SharePoint Repl:repl) holding a D:response: skipped, kept in summary.extensions', async function () {
    const body = ms(
      '<Repl:repl xmlns:Repl="http://schemas.microsoft.com/repl/"><Repl:collblob>abc</Repl:collblob>' +
        '<D:response><D:href>/inside-repl</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response></Repl:repl>' +
        propResponse('/real', '<D:displayname>r</D:displayname>'),
    );
    const { responses, summary } = await parse(body);
    expect(responses.map((r) => r.href)).to.deep.equal(['/real']);
    const REPL = 'http://schemas.microsoft.com/repl/';
    expect(summary.extensions).to.deep.equal([
      el(`{${REPL}}repl`, [el(`{${REPL}}collblob`, ['abc']), el('response', [el('href', ['/inside-repl']), el('status', [OK])])]),
    ]);
    expect(summary.responses).to.equal(1);
  });

  it('#19 unknown children of response and propstat are skipped with their subtree (a D:response inside too)', async function () {
    const body = ms(
      '<D:response><D:href>/r</D:href><V:junk xmlns:V="urn:v"><D:response><D:href>/no</D:href></D:response></V:junk>' +
        '<D:propstat><V:note xmlns:V="urn:v"><D:prop><D:displayname>not a prop</D:displayname></D:prop><D:status>HTTP/1.1 500 X</D:status></V:note>' +
        '<D:prop><D:displayname>yes</D:displayname></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>',
    );
    const { responses } = await parse(body);
    expect(responses).to.have.length(1);
    const r = responses[0]!;
    expect(r.hrefs).to.deep.equal(['/r']);
    expect(r.propstats).to.deep.equal([{ status: st(200, 'OK'), props: { displayname: 'yes' } }]);
    expect(r.extensions).to.deep.equal([el('{urn:v}junk', [el('response', [el('href', ['/no'])])])]);
  });

  it('#20 unknown DAV: elements inside response (score, query-schema) are kept as extensions (rfc5323-4.1.1)', async function () {
    const qsd = await only(rfc('rfc5323-4.1.1'));
    expect(qsd.extensions!.map((e) => e.name)).to.deep.equal(['query-schema']);

    const body = ms(
      '<D:response><D:href>/hit</D:href><D:propstat><D:prop><D:displayname>hit</D:displayname></D:prop>' +
        '<D:status>HTTP/1.1 200 OK</D:status></D:propstat><D:score>8500</D:score></D:response>',
    );
    const r = await only(body);
    expect(r.extensions).to.deep.equal([el('score', ['8500'])]);
    expect(r.props).to.deep.equal({ displayname: 'hit' });
  });

  it('#21 duplicate href across responses: each is yielded, nothing merged', async function () {
    const body = ms(
      propResponse('/dup', '<D:displayname>first</D:displayname>') + propResponse('/dup', '<D:getcontentlength>2</D:getcontentlength>'),
    );
    const { responses } = await parse(body);
    expect(responses.map((r) => [r.href, r.props])).to.deep.equal([
      ['/dup', { displayname: 'first' }],
      ['/dup', { getcontentlength: 2 }],
    ]);
  });

  it('#21 the same property twice in one response: last wins, DUPLICATE_PROPERTY', async function () {
    const inOne = ms(propResponse('/p', '<D:displayname>one</D:displayname><D:getetag>"e"</D:getetag><D:displayname>two</D:displayname>'));
    const a = await parse(inOne);
    expect(a.responses[0]!.props).to.deep.equal({ displayname: 'two', getetag: '"e"' });
    expect(codes(a.summary.diagnostics)).to.deep.equal(['DUPLICATE_PROPERTY']);

    const inTwo = ms(
      '<D:response><D:href>/q</D:href>' +
        '<D:propstat><D:prop><D:displayname>one</D:displayname></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>' +
        '<D:propstat><D:prop><D:displayname>two</D:displayname></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>' +
        '</D:response>',
    );
    const b = await parse(inTwo);
    expect(b.responses[0]!.props).to.deep.equal({ displayname: 'two' });
    expect(b.responses[0]!.propstats.map((p) => p.props)).to.deep.equal([{ displayname: 'one' }, { displayname: 'two' }]);
    expect(codes(b.summary.diagnostics)).to.deep.equal(['DUPLICATE_PROPERTY']);
  });

  it('#22 deep property value: supported-privilege tree (rfc3744-5.3.1)', async function () {
    const r = await only(rfc('rfc3744-5.3.1'));
    const leaf = (privilege: string, abstract: boolean, description: string) => ({ privilege, abstract, description, children: [] });
    expect(r.props['supported-privilege-set']).to.deep.equal([
      {
        privilege: 'all',
        abstract: true,
        description: 'Any operation',
        children: [
          {
            privilege: 'read',
            abstract: false,
            description: 'Read any object',
            children: [leaf('read-acl', true, 'Read ACL'), leaf('read-current-user-privilege-set', true, 'Read current user privilege set property')],
          },
          {
            privilege: 'write',
            abstract: false,
            description: 'Write any object',
            children: [
              leaf('write-acl', true, 'Write ACL'),
              leaf('write-properties', false, 'Write properties'),
              leaf('write-content', false, 'Write resource content'),
            ],
          },
          leaf('unlock', false, 'Unlock resource'),
        ],
      },
    ]);
  });

  it('#22 a dead property nested 240 levels deep is kept whole; past maxDepth (256) it is LIMIT_EXCEEDED', async function () {
    const deep = (n: number): string => '<Z:n>'.repeat(n) + 'bottom' + '</Z:n>'.repeat(n);
    // multistatus, response, propstat, prop = 4 levels above the property.
    const ok = await only(ms(propResponse('/deep', deep(240)), ' xmlns:Z="urn:z"'));
    let node = ok.props['{urn:z}n'] as XmlElement;
    let levels = 1;
    while (typeof node.children[0] !== 'string') {
      node = node.children[0]!;
      levels++;
    }
    expect(levels).to.equal(240);
    expect(node.children).to.deep.equal(['bottom']);

    const { responses, error } = await parseFailing(ms(propResponse('/ok', '') + propResponse('/deeper', deep(260)), ' xmlns:Z="urn:z"'));
    expect(responses.map((r) => r.href)).to.deep.equal(['/ok']);
    expect(error.code).to.equal('LIMIT_EXCEEDED');
    expect(error.message).to.contain('maxDepth');
  });
});
