/**
 * CHECKLIST §3 "Namespaces and names" (#1-#10). Expectations are read off the XML with the README
 * rules: DAV: properties keyed by local name, others in Clark notation, prefixes never matter.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { XmlElement } from '../../lib/index.js';
import type { DavResponse } from '../../lib/parser/model.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { codes, ms, only, parse, parseFailing, propResponse, rfc, st } from '../helpers/checklist.js';

const BOX = 'http://ns.example.com/boxschema/';
const el = (name: string, children: (XmlElement | string)[] = [], attributes: Record<string, string> = {}): XmlElement => ({
  name,
  attributes,
  children,
});

describe('CHECKLIST §3 namespaces and names', function () {
  it('#1 prefixed D: namespace (rfc4918-9.1.5) and lower-case d: (rfc4918-9.6.2)', async function () {
    const upper = await parse(rfc('rfc4918-9.1.5'));
    expect(upper.responses.map((r) => r.href)).to.deep.equal(['/container/', '/container/front.html']);

    const { responses, summary } = await parse(rfc('rfc4918-9.6.2'));
    const expected: DavResponse = {
      href: 'http://www.example.com/container/resource3',
      hrefs: ['http://www.example.com/container/resource3'],
      path: '/container/resource3',
      url: 'http://www.example.com/container/resource3',
      status: st(423, 'Locked'),
      propstats: [],
      props: {},
      error: [el('lock-token-submitted')],
    };
    expect(responses).to.deep.equal([expected]);
    expect(summary.responses).to.equal(1);
    expect(summary.diagnostics).to.deep.equal([]);
    expect(summary.truncated).to.equal(false);
  });

  it('#2 default namespace xmlns="DAV:" with unprefixed elements (rfc4918-9.1.4 propname)', async function () {
    const { responses, summary } = await parse(rfc('rfc4918-9.1.4'));
    expect(responses).to.have.length(2);
    // A propname answer: every property is empty in a 200 propstat. Unknown ones and string-typed
    // ones are "", list-valued ones are []; a number or date has no typed value: "" goes to raw,
    // silently.
    expect(responses[0]!.propstats).to.deep.equal([
      {
        status: st(200, 'OK'),
        props: {
          [`{${BOX}}bigbox`]: '',
          [`{${BOX}}author`]: '',
          displayname: '',
          resourcetype: [],
          supportedlock: [],
        },
        raw: { creationdate: '' },
      },
    ]);
    expect(responses[1]!.props).to.deep.equal({
      [`{${BOX}}bigbox`]: '',
      displayname: '',
      getcontenttype: '',
      getetag: '',
      resourcetype: [],
      supportedlock: [],
    });
    expect(responses[1]!.propstats[0]!.raw).to.deep.equal({ creationdate: '', getcontentlength: '', getlastmodified: '' });
    expect(responses[1]!.href).to.equal('http://www.example.com/container/front.html');
    expect(summary.diagnostics, 'an empty propname value is not a BAD_VALUE').to.deep.equal([]);
  });

  it('#2 default namespace in rfc5995-3.2.2 (add-member) and rfc5323-4.1.1 (status form + query-schema)', async function () {
    const addMember = await only(rfc('rfc5995-3.2.2'));
    expect(addMember.href).to.equal('/collection/');
    expect(addMember.props).to.deep.equal({ 'add-member': '/collection;add-member/' });

    const qsd = await only(rfc('rfc5323-4.1.1'));
    expect(qsd.href).to.equal('http://recipes.example');
    expect(qsd.status).to.deep.equal(st(200, 'OK'));
    expect(qsd.propstats).to.deep.equal([]);
    // The comment is dropped; the whitespace around it has no element beside it, so it stays.
    expect(qsd.extensions).to.deep.equal([el('query-schema', [el('basicsearchschema', ['\n        \n      '])])]);
  });

  it('#3 custom namespace declared on D:response (rfc4918-9.1.3)', async function () {
    const { responses, summary } = await parse(rfc('rfc4918-9.1.3'));
    expect(responses).to.have.length(1);
    const r = responses[0]!;
    const ok = {
      [`{${BOX}}bigbox`]: el(`{${BOX}}bigbox`, [el(`{${BOX}}BoxType`, ['Box type A'])]),
      [`{${BOX}}author`]: el(`{${BOX}}author`, [el(`{${BOX}}Name`, ['J.J. Johnson'])]),
    };
    expect(r.propstats).to.deep.equal([
      { status: st(200, 'OK'), props: ok },
      {
        status: st(403, 'Forbidden'),
        props: { [`{${BOX}}DingALing`]: null, [`{${BOX}}Random`]: null },
        responseDescription: 'The user does not have access to the\n DingALing property.',
      },
    ]);
    expect(r.props).to.deep.equal(ok);
    expect(summary.responseDescription).to.equal('There has been an access violation error.');
  });

  it('#3 custom namespace declared on D:prop (rfc4918-9.1.5) and on the property element (rfc6578-3.8)', async function () {
    const onProp = await parse(rfc('rfc4918-9.1.5'));
    expect(onProp.responses[0]!.props[`{${BOX}}author`]).to.deep.equal(el(`{${BOX}}author`, [el(`{${BOX}}Name`, ['Hadrian'])]));
    // Text after the only child element is whitespace: dropped as indentation.
    expect(onProp.responses[1]!.props[`{${BOX}}bigbox`]).to.deep.equal(el(`{${BOX}}bigbox`, [el(`{${BOX}}BoxType`, ['Box type B'])]));

    const onElement = await parse(rfc('rfc6578-3.8'));
    const NS = 'urn:ns.example.com:boxschema';
    expect(onElement.responses[0]!.props).to.deep.equal({
      getetag: '"00001-abcd1"',
      [`{${NS}}bigbox`]: el(`{${NS}}bigbox`, [el(`{${NS}}BoxType`, ['Box type A'])]),
    });
    expect(onElement.responses[1]!.propstats[1]).to.deep.equal({ status: st(404, 'Not Found'), props: { [`{${NS}}bigbox`]: null } });
  });

  it('#4 DAV: declared only on non-root elements (Go x/net/webdav style, Apache per-response lp1)', async function () {
    const go =
      '<?xml version="1.0" encoding="UTF-8"?><D:multistatus xmlns:D="DAV:">' +
      '<response xmlns="DAV:"><href xmlns="DAV:">/go/a.txt</href><propstat xmlns="DAV:"><prop>' +
      '<getcontentlength xmlns="DAV:">12</getcontentlength><displayname xmlns="DAV:">a</displayname></prop>' +
      '<status xmlns="DAV:">HTTP/1.1 200 OK</status></propstat></response></D:multistatus>';
    const r = await only(go);
    expect(r.href).to.equal('/go/a.txt');
    expect(r.props).to.deep.equal({ getcontentlength: 12, displayname: 'a' });
    expect(r.propstats[0]!.status).to.deep.equal(st(200, 'OK'));

    // The root binds DAV: to X only; the response binds it to Y for itself.
    const perResponse =
      '<X:multistatus xmlns:X="DAV:"><Y:response xmlns:Y="DAV:"><Y:href>/y</Y:href><Y:propstat><Y:prop>' +
      '<lp1:getetag xmlns:lp1="DAV:">"e"</lp1:getetag></Y:prop><Y:status>HTTP/1.1 200 OK</Y:status></Y:propstat></Y:response>' +
      '<X:response><X:href>/x</X:href><X:status>HTTP/1.1 404 Not Found</X:status></X:response></X:multistatus>';
    const { responses, summary } = await parse(perResponse);
    expect(responses.map((x) => [x.href, x.props])).to.deep.equal([
      ['/y', { getetag: '"e"' }],
      ['/x', {}],
    ]);
    expect(responses[1]!.status).to.deep.equal(st(404, 'Not Found'));
    expect(summary.diagnostics).to.deep.equal([]);
  });

  it('#5 several prefixes for DAV: in one document (D, ns0, lp1 = DAV:; Apache capture)', async function () {
    const body = new Uint8Array(readFileSync(join(FIXTURES_DIR, 'servers', 'apache2-propfind-d0-allprop-dead.xml')));
    const r = await only(body);
    const X = 'http://example.com/ns/';
    expect(r.href).to.equal('/tree/plain.txt');
    expect(r.props).to.deep.equal({
      [`{${X}}author`]: el(`{${X}}author`, [
        el(`{${X}}name`, ['Jane Doe'], { '{http://www.w3.org/XML/1998/namespace}lang': 'en' }),
        el(`{${X}}email`, ['jane@example.com']),
      ]),
      [`{${X}}color`]: 'blue & green',
      [`{${X}}empty`]: '',
      resourcetype: [],
      creationdate: new Date('2026-11-24T13:49:55Z'),
      getcontentlength: 6,
      getlastmodified: new Date('2024-02-29T12:34:56Z'),
      getetag: '"6-612847c9e5c00"',
      '{http://apache.org/dav/props/}executable': false,
      supportedlock: [
        { scope: 'exclusive', type: 'write' },
        { scope: 'shared', type: 'write' },
      ],
      lockdiscovery: [],
      getcontenttype: 'text/plain',
    });

    const g0 = ms(
      '<ns0:response xmlns:g0="DAV:"><g0:href>/g0</g0:href><D:propstat><ns0:prop><g0:displayname>G</g0:displayname>' +
        '<D:resourcetype><ns0:collection/></D:resourcetype></ns0:prop><g0:status>HTTP/1.1 200 OK</g0:status></D:propstat></ns0:response>',
      ' xmlns:ns0="DAV:"',
    );
    const mixed = await only(g0);
    expect(mixed.props).to.deep.equal({ displayname: 'G', resourcetype: ['collection'] });
  });

  it('#6 a prefix redefined in a nested scope inside a property value, and restored after it', async function () {
    const body = ms(
      propResponse(
        '/p',
        '<X:a xmlns:X="urn:one"><X:b xmlns:X="urn:two"><X:c/></X:b><X:d/></X:a>' +
          // D rebound to a non-DAV namespace inside a value; outside it D: is DAV: again.
          '<Z:v xmlns:Z="urn:z"><D:getetag xmlns:D="urn:not-dav">inner</D:getetag></Z:v>' +
          '<D:getetag>"outer"</D:getetag>',
      ),
    );
    const r = await only(body);
    expect(r.props).to.deep.equal({
      '{urn:one}a': el('{urn:one}a', [el('{urn:two}b', [el('{urn:two}c')]), el('{urn:one}d')]),
      '{urn:z}v': el('{urn:z}v', [el('{urn:not-dav}getetag', ['inner'])]),
      getetag: '"outer"',
    });
  });

  it('#6 the default namespace switched inside a DAV:-default prop and back (Go <Authors xmlns=...>)', async function () {
    const body =
      '<multistatus xmlns="DAV:"><response><href>/doc</href><propstat><prop>' +
      '<Authors xmlns="http://ns.example.com/"><Author>Jane</Author><Author>Joe</Author></Authors>' +
      '<displayname>Doc</displayname><getcontentlength>3</getcontentlength>' +
      '</prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>';
    const r = await only(body);
    const N = 'http://ns.example.com/';
    expect(r.props).to.deep.equal({
      [`{${N}}Authors`]: el(`{${N}}Authors`, [el(`{${N}}Author`, ['Jane']), el(`{${N}}Author`, ['Joe'])]),
      displayname: 'Doc',
      getcontentlength: 3,
    });
  });

  it('#7 unbound prefix (rfc2518-8.1.1): UNBOUND_PREFIX diagnostic, prefix read as namespace "R:"', async function () {
    const { responses, summary } = await parse(rfc('rfc2518-8.1.1'));
    expect(responses).to.have.length(1);
    const r = responses[0]!;
    const FOO = 'http://www.foo.bar/boxschema/';
    expect(r.props).to.deep.equal({
      [`{${FOO}}bigbox`]: el(`{${FOO}}bigbox`, [el(`{${FOO}}BoxType`, ['Box type A'])]),
      [`{${FOO}}author`]: el(`{${FOO}}author`, [el(`{${FOO}}Name`, ['J.J. Johnson'])]),
    });
    expect(r.propstats[1]).to.deep.equal({
      status: st(403, 'Forbidden'),
      props: { '{R:}DingALing': null, '{R:}Random': null },
      responseDescription: 'The user does not have access to\nthe DingALing property.',
    });
    expect(codes(summary.diagnostics)).to.deep.equal(['UNBOUND_PREFIX', 'UNBOUND_PREFIX']);
    expect(summary.diagnostics[0]!.line).to.equal(17);
    expect(summary.responseDescription).to.equal('There has been an access violation error.');
  });

  it('#7 unbound prefix in strict mode is a STRICT error before any response', async function () {
    const { responses, error } = await parseFailing(rfc('rfc2518-8.1.1'), { strict: true });
    expect(responses).to.have.length(0);
    expect(error.code).to.equal('STRICT');
    expect(error.message).to.contain('UNBOUND_PREFIX');
    expect(error.line).to.equal(17);
  });

  it('#8 root <multistatus> with no namespace is NOT_MULTISTATUS', async function () {
    const body = '<?xml version="1.0"?><multistatus><response><href>/a</href><status>HTTP/1.1 200 OK</status></response></multistatus>';
    const { responses, error } = await parseFailing(body);
    expect(responses).to.deep.equal([]);
    expect(error.code).to.equal('NOT_MULTISTATUS');
    expect(error.message).to.contain('multistatus');
    expect(error.line).to.equal(1);
  });

  it('#8 root in the legacy draft namespace http://www.ietf.org/standards/dav/ is NOT_MULTISTATUS', async function () {
    const body =
      '<?xml version="1.0"?>\n<D:multistatus xmlns:D="http://www.ietf.org/standards/dav/">' +
      '<D:response><D:href>/a</D:href><D:status>HTTP 1.1 200 OK</D:status></D:response></D:multistatus>';
    const { responses, error } = await parseFailing(body);
    expect(responses).to.deep.equal([]);
    expect(error.code).to.equal('NOT_MULTISTATUS');
    expect(error.message).to.contain('http://www.ietf.org/standards/dav/');
  });

  it('#9 namespace case: xmlns:D="dav:" is not DAV: (NOT_MULTISTATUS)', async function () {
    const body = '<D:multistatus xmlns:D="dav:"><D:response><D:href>/a</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response></D:multistatus>';
    const { error } = await parseFailing(body);
    expect(error.code).to.equal('NOT_MULTISTATUS');
  });

  it('#9 local-name case: getLastModified is not getlastmodified; isFolder (MS camel case) next to iscollection', async function () {
    const body = ms(
      propResponse(
        '/f',
        '<D:getLastModified>Mon, 12 Jan 1998 09:25:56 GMT</D:getLastModified>' +
          '<D:getlastmodified>Mon, 12 Jan 1998 09:25:56 GMT</D:getlastmodified>' +
          '<D:isFolder>t</D:isFolder><D:iscollection>0</D:iscollection>' +
          '<D:Href>/not-structure</D:Href>',
      ),
    );
    const r = await only(body);
    expect(r.props).to.deep.equal({
      getLastModified: 'Mon, 12 Jan 1998 09:25:56 GMT',
      getlastmodified: new Date(Date.UTC(1998, 0, 12, 9, 25, 56)),
      isFolder: true,
      iscollection: false,
      Href: '/not-structure',
    });
    expect(r.href).to.equal('/f');
  });

  it('#9 a <D:Response> child of multistatus is not a response (kept as an extension)', async function () {
    const body = ms('<D:Response><D:href>/no</D:href></D:Response>' + propResponse('/yes', '<D:displayname>y</D:displayname>'));
    const { responses, summary } = await parse(body);
    expect(responses.map((r) => r.href)).to.deep.equal(['/yes']);
    expect(summary.responses).to.equal(1);
    expect(summary.extensions).to.deep.equal([el('Response', [el('href', ['/no'])])]);
  });

  it('#10 DAV: response-structure names inside prop (href, status, propstat) are properties', async function () {
    const body = ms(
      '<D:response><D:href>/real</D:href><D:propstat><D:prop>' +
        '<D:href>/fake</D:href><D:status>HTTP/1.1 500 Nope</D:status><D:propstat/><D:responsedescription>rd</D:responsedescription>' +
        '</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>',
    );
    const { responses, summary } = await parse(body);
    expect(responses).to.have.length(1);
    const r = responses[0]!;
    expect(r.href).to.equal('/real');
    expect(r.hrefs).to.deep.equal(['/real']);
    expect(r.status).to.equal(undefined);
    expect(r.responseDescription).to.equal(undefined);
    expect(r.propstats).to.deep.equal([
      {
        status: st(200, 'OK'),
        props: { href: '/fake', status: 'HTTP/1.1 500 Nope', propstat: '', responsedescription: 'rd' },
      },
    ]);
    expect(summary.diagnostics).to.deep.equal([]);
  });
});
