/**
 * CHECKLIST §3 "Text, whitespace, entities" (#23-#35). Expectations come from the XML rules
 * (entities, CDATA, CRLF normalisation) and the README value rules (raw text exactly as sent,
 * typed values trimmed, indentation dropped only beside child elements).
 */
import { expect } from 'chai';
import type { XmlElement } from '../../lib/index.js';
import { codes, cutAt, ms, only, parse, pieces, propResponse, rfc, st, utf8 } from '../helpers/checklist.js';

const el = (name: string, children: (XmlElement | string)[] = [], attributes: Record<string, string> = {}): XmlElement => ({
  name,
  attributes,
  children,
});
const CAL = '{urn:ietf:params:xml:ns:caldav}calendar-data';
const XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang';
/** The padding of rfc2518-8.1.2 values: a newline, 22 spaces, the value, a newline, 17 spaces. */
const padded = (v: string): string => `\n${' '.repeat(22)}${v}\n${' '.repeat(17)}`;

describe('CHECKLIST §3 text, whitespace, entities', function () {
  it('#23 padded values decode (4525) while the raw text is kept (rfc2518-8.1.2)', async function () {
    const { responses, summary } = await parse(rfc('rfc2518-8.1.2'));
    const front = responses[1]!;
    expect(front.props.getcontentlength).to.equal(4525);
    expect(front.props.getcontenttype).to.equal('text/html');
    expect(front.props.getetag).to.equal('zzyzx');
    expect(front.props.creationdate).to.deep.equal(new Date('1997-12-01T18:27:21-08:00'));
    expect(front.props.displayname, 'displayname is exactly as sent').to.equal(padded('Example HTML resource'));
    // Whitespace between structural elements is not a quirk.
    expect(summary.diagnostics).to.deep.equal([]);

    const raw = await parse(rfc('rfc2518-8.1.2'), { typed: false });
    const props = raw.responses[1]!.props;
    expect(props.getcontentlength).to.equal(padded('4525'));
    expect(props.getetag).to.equal(padded('zzyzx'));
    expect(props.getlastmodified).to.equal(padded('Monday, 12-Jan-98 09:25:56 GMT'));
  });

  it('#23 non-whitespace text between structural elements is ignored with UNEXPECTED_TEXT', async function () {
    const body = ms('stray<D:response>junk<D:href>/t</D:href><D:propstat>x<D:prop>y<D:displayname>d</D:displayname></D:prop>' +
      '<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>');
    const { responses, summary } = await parse(body);
    expect(responses[0]!.props).to.deep.equal({ displayname: 'd' });
    expect(codes(summary.diagnostics)).to.deep.equal(['UNEXPECTED_TEXT', 'UNEXPECTED_TEXT', 'UNEXPECTED_TEXT', 'UNEXPECTED_TEXT']);
  });

  it('#24 lock token href padded with newlines (rfc2518-13.8.1), no lockroot', async function () {
    const r = await only(rfc('rfc2518-13.8.1'));
    expect(r.props.lockdiscovery).to.deep.equal([
      { scope: 'exclusive', type: 'write', depth: '0', owner: 'Jane Smith', timeout: Infinity, token: 'opaquelocktoken:f81de2ad-7f3d-a1b2-4f3c-00a0c91a9d76' },
    ]);
  });

  it('#24 response href, status and href-list values with surrounding whitespace are trimmed', async function () {
    const body = ms(
      '<D:response><D:href>\n   /padded/\n  </D:href><D:propstat><D:prop>' +
        '<D:principal-collection-set> <D:href>\n  /principals/\n </D:href> </D:principal-collection-set>' +
        '</D:prop><D:status>\n  HTTP/1.1 200 OK\n</D:status></D:propstat></D:response>',
    );
    const r = await only(body);
    expect(r.href).to.equal('/padded/');
    expect(r.hrefs).to.deep.equal(['/padded/']);
    expect(r.propstats[0]!.status).to.deep.equal(st(200, 'OK'));
    expect(r.props).to.deep.equal({ 'principal-collection-set': ['/principals/'] });
  });

  it('#24 RFC 3253 activity-set (an href list, 3253-3.8.1 style padding) decodes to trimmed hrefs', async function () {
    // README: "*-set href lists … string[]". CHECKLIST §2.2 lists activity-set, successor-set,
    // predecessor-set, checkout-set, version-set as (href*).
    const body = ms(
      propResponse(
        '/v',
        '<D:activity-set> <D:href>\n                          http://www.webdav.org/ws/dev/sally\n                        </D:href> </D:activity-set>',
      ),
    );
    const r = await only(body);
    expect(r.props['activity-set']).to.deep.equal(['http://www.webdav.org/ws/dev/sally']);
  });

  it('#24 successor-set with several hrefs and an empty successor-set (rfc3253-3.7.1)', async function () {
    const { responses } = await parse(rfc('rfc3253-3.7.1'));
    expect(responses.map((r) => r.props)).to.deep.equal([
      {
        'version-name': 'V1',
        'creator-displayname': 'Fred',
        'successor-set': ['http://repo.webdav.org/his/23/ver/V2', 'http://repo.webdav.org/his/23/ver/V2.1.1'],
      },
      { 'version-name': 'V2', 'creator-displayname': 'Fred', 'successor-set': [] },
      { 'version-name': 'V2.1.1', 'creator-displayname': 'Sally', 'successor-set': [] },
    ]);
  });

  it('#25 tags split across lines: <D:href\\n>, <D:getlastmodified\\n  > (rfc4918-15.8.1, 9.1.5, 6578-3.8)', async function () {
    const lock = await only(rfc('rfc4918-15.8.1'));
    expect((lock.props.lockdiscovery as { token: string }[])[0]!.token).to.equal('urn:uuid:f81de2ad-7f3d-a1b2-4f3c-00a0c91a9d76');

    const allprop = await parse(rfc('rfc4918-9.1.5'));
    expect(allprop.responses[1]!.props.getlastmodified).to.deep.equal(new Date(Date.UTC(1998, 0, 12, 9, 25, 56)));

    const sync = await parse(rfc('rfc6578-3.8'));
    expect(sync.responses.map((r) => r.href)).to.deep.equal([
      'http://webdav.example.com/home/cyrusdaboo/test.doc',
      'http://webdav.example.com/home/cyrusdaboo/vcard.vcf',
      'http://webdav.example.com/home/cyrusdaboo/calendar.ics',
    ]);
    expect(sync.responses.map((r) => r.path)).to.deep.equal(['/home/cyrusdaboo/test.doc', '/home/cyrusdaboo/vcard.vcf', '/home/cyrusdaboo/calendar.ics']);
  });

  it('#26 <D:prop/> with 200 (rfc8144-B.1.3) equals <D:prop></D:prop>', async function () {
    const r = await only(rfc('rfc8144-B.1.3'));
    expect(r).to.deep.equal({ href: '/container/', hrefs: ['/container/'], path: '/container/', propstats: [{ status: st(200, 'OK'), props: {} }], props: {} });
    const open = new TextDecoder().decode(rfc('rfc8144-B.1.3')).replace('<D:prop/>', '<D:prop></D:prop>');
    expect(await only(open)).to.deep.equal(r);
  });

  it('#26 empty property value ("" in 200) vs absent property (null in 404); <X/> equals <X></X>', async function () {
    const body = ms(
      '<D:response><D:href>/e</D:href>' +
        '<D:propstat><D:prop><Z:empty/><Z:open></Z:open><D:displayname/></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>' +
        '<D:propstat><D:prop><Z:absent/><Z:absent2></Z:absent2></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat>' +
        '</D:response>',
      ' xmlns:Z="urn:z"',
    );
    const r = await only(body);
    expect(r.propstats).to.deep.equal([
      { status: st(200, 'OK'), props: { '{urn:z}empty': '', '{urn:z}open': '', displayname: '' } },
      { status: st(404, 'Not Found'), props: { '{urn:z}absent': null, '{urn:z}absent2': null } },
    ]);
    expect(r.props).to.deep.equal({ '{urn:z}empty': '', '{urn:z}open': '', displayname: '' });
    expect('{urn:z}absent' in r.props).to.equal(false);
  });

  it('#27 predefined entities and character references in text, href and attributes', async function () {
    const body = ms(
      '<D:response><D:href>/a&amp;b/%20&#x41;&#233;</D:href><D:propstat><D:prop>' +
        '<Z:t>a &amp; b &lt;c&gt; &quot;q&quot; &apos;s&apos;&#x20;x&#233;&#13;y&#128512;</Z:t>' +
        '<Z:at k="1&amp;2&#10;&lt;"/>' +
        '<D:displayname>&#x9;tab&#x9;</D:displayname>' +
        '</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>',
      ' xmlns:Z="urn:z"',
    );
    const r = await only(body);
    expect(r.href).to.equal('/a&b/%20Aé');
    expect(r.path).to.equal('/a&b/ Aé');
    expect(r.props).to.deep.equal({
      '{urn:z}t': 'a & b <c> "q" \'s\' xé\ry\u{1F600}',
      '{urn:z}at': el('{urn:z}at', [], { k: '1&2\n<' }),
      displayname: '\ttab\t',
    });
  });

  it('#28 CDATA in calendar-data and in a dead property, mixed with text', async function () {
    const ical = 'BEGIN:VCALENDAR\nSUMMARY:a <b> & c ]] >\nEND:VCALENDAR\n';
    const body = ms(
      propResponse('/c.ics', `<C:calendar-data><![CDATA[${ical}]]></C:calendar-data><Z:note><![CDATA[<not-an-element/>]]></Z:note><Z:mix>x<![CDATA[y]]>z</Z:mix>`),
      ' xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:Z="urn:z"',
    );
    const r = await only(body);
    expect(r.props).to.deep.equal({ [CAL]: ical, '{urn:z}note': '<not-an-element/>', '{urn:z}mix': 'xyz' });
  });

  it('#28 a CDATA section split across chunks at every offset, "]]>" right at a chunk boundary, one byte at a time', async function () {
    const ical = 'BEGIN:VCALENDAR\r\nSUMMARY:x]]y\nEND:VCALENDAR\n';
    const escaped = ical.replace(']]', ']]]]><![CDATA['); // "]]>" cannot occur inside CDATA
    const text = ms(propResponse('/s.ics', `<C:calendar-data><![CDATA[${escaped}]]></C:calendar-data>`), ' xmlns:C="urn:ietf:params:xml:ns:caldav"');
    const bytes = utf8(text);
    const expected = { [CAL]: ical.replace('\r\n', '\n') };
    const open = text.indexOf('<![CDATA[');
    const close = text.lastIndexOf(']]>') + 3;
    for (let cut = open; cut <= close; cut++) {
      const r = await only(cutAt(bytes, cut));
      expect(r.props, `cut at ${cut}`).to.deep.equal(expected);
    }
    // "]]>" entirely at the start of a chunk, and split as "]" | "]>" and "]]" | ">".
    for (const cut of [close - 3, close - 2, close - 1]) {
      const r = await only(cutAt(text, cut));
      expect(r.props, `text cut at ${cut}`).to.deep.equal(expected);
    }
    expect((await only(pieces(bytes, 1))).props).to.deep.equal(expected);
  });

  it('#29 calendar-data keeps its line breaks exactly (rfc4791-7.8.1, LF-only data)', async function () {
    const text = new TextDecoder().decode(rfc('rfc4791-7.8.1'));
    const first = text.slice(text.indexOf('<C:calendar-data>') + '<C:calendar-data>'.length, text.indexOf('</C:calendar-data>'));
    expect(first.startsWith('BEGIN:VCALENDAR\nVERSION:2.0\n')).to.equal(true);
    const { responses } = await parse(rfc('rfc4791-7.8.1'));
    expect(responses).to.have.length(2);
    expect(responses[0]!.props[CAL]).to.equal(first);
    expect(responses[0]!.props.getetag).to.equal('"fffff-abcd2"');
  });

  it('#29 CRLF in the body is normalised to LF (same result as the LF body); a literal &#13; survives', async function () {
    const lf = new TextDecoder().decode(rfc('rfc4791-7.8.1'));
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = await parse(lf);
    const b = await parse(crlf);
    expect(b.responses).to.deep.equal(a.responses);

    const body = ms(
      propResponse('/r.ics', '<C:calendar-data>BEGIN:VCALENDAR&#13;\r\nEND:VCALENDAR\r\n</C:calendar-data>'),
      ' xmlns:C="urn:ietf:params:xml:ns:caldav"',
    );
    expect((await only(body)).props[CAL]).to.equal('BEGIN:VCALENDAR\r\nEND:VCALENDAR\n');
  });

  it('#30 mixed content in a dead property (RFC 4918 §4.3.1 x:author): text + elements + comment + CDATA + xml:lang', async function () {
    const author =
      "<x:author xmlns:x='http://example.com/ns'>\n    <x:name>Jane Doe</x:name>\n    <!-- Jane's contact info -->\n" +
      "    <x:uri type='email'\n           added='2005-11-26'>mailto:jane.doe@example.com</x:uri>\n" +
      "    <x:uri type='web'\n           added='2005-11-27'>http://www.example.com</x:uri>\n" +
      "    <x:notes xmlns:h='http://www.w3.org/1999/xhtml'>\n      Jane has been working way <h:em>too</h:em> long on the\n" +
      '      long-awaited revision of <![CDATA[<RFC2518>]]>.\n    </x:notes>\n  </x:author>';
    const body = ms(
      `<D:response><D:href>/doc</D:href><D:propstat><D:prop xml:lang="en">\n  ${author}\n</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>`,
    );
    const r = await only(body);
    const X = 'http://example.com/ns';
    const key = `{${X}}author`;
    expect(r.propstats).to.deep.equal([
      {
        status: st(200, 'OK'),
        props: {
          [key]: el(key, [
            el(`{${X}}name`, ['Jane Doe']),
            el(`{${X}}uri`, ['mailto:jane.doe@example.com'], { type: 'email', added: '2005-11-26' }),
            el(`{${X}}uri`, ['http://www.example.com'], { type: 'web', added: '2005-11-27' }),
            el(`{${X}}notes`, [
              '\n      Jane has been working way ',
              el('{http://www.w3.org/1999/xhtml}em', ['too']),
              ' long on the\n      long-awaited revision of <RFC2518>.\n    ',
            ]),
          ]),
        },
        lang: { [key]: 'en' },
      },
    ]);
  });

  it('#31 responsedescription on propstat and multistatus (rfc4918-9.1.3, rfc2518-8.1.1), on response (rfc4918-9.2.2)', async function () {
    const both = await parse(rfc('rfc4918-9.1.3'));
    expect(both.responses[0]!.propstats[1]!.responseDescription).to.equal('The user does not have access to the\n DingALing property.');
    expect(both.summary.responseDescription).to.equal('There has been an access violation error.');

    const legacy = await parse(rfc('rfc2518-8.1.1'));
    expect(legacy.summary.responseDescription).to.equal('There has been an access violation error.');

    const onResponse = await only(rfc('rfc4918-9.2.2'));
    const Z = 'http://ns.example.com/standards/z39.50/';
    expect(onResponse.responseDescription).to.equal('Copyright Owner cannot be deleted or\n      altered.');
    expect(onResponse.propstats).to.deep.equal([
      { status: st(424, 'Failed Dependency'), props: { [`{${Z}}Authors`]: null } },
      { status: st(409, 'Conflict'), props: { [`{${Z}}Copyright-Owner`]: null } },
    ]);
  });

  it('#31 responsedescription with xml:lang (rfc5323-2.3.4, rfc6352-8.6.5)', async function () {
    const search = await parse(rfc('rfc5323-2.3.4'));
    expect(search.responses[2]!.responseDescription).to.equal('Only first two matching records were returned');
    const card = await parse(rfc('rfc6352-8.6.5'));
    expect(card.responses[0]!.responseDescription).to.equal('Only two matching records were returned');
  });

  it('#32 D:error inside responsedescription (RFC 3253 style, rfc3744-5.1.2): condition to error, text to responseDescription', async function () {
    const r = await only(rfc('rfc3744-5.1.2'));
    expect(r.propstats).to.deep.equal([
      {
        status: st(403, 'Forbidden'),
        props: { owner: null },
        error: [el('cannot-modify-protected-property')],
        responseDescription: 'Failure to set protected property (DAV:owner)',
      },
    ]);
    expect(r.props).to.deep.equal({});

    const body = ms(
      '<D:response><D:href>/x</D:href><D:status>HTTP/1.1 403 Forbidden</D:status>' +
        '<D:responsedescription>before <D:error><D:need-privileges/></D:error> after</D:responsedescription></D:response>',
    );
    const atResponse = await only(body);
    expect(atResponse.error).to.deep.equal([el('need-privileges')]);
    expect(atResponse.responseDescription).to.equal('before  after');
  });

  it('#33 comments and processing instructions anywhere: prolog, between elements, inside href and values', async function () {
    const body =
      '<?xml version="1.0" encoding="utf-8"?>\n<!-- generated -->\n<?xml-stylesheet type="text/xsl" href="ms.xsl"?>\n' +
      '<D:multistatus xmlns:D="DAV:" xmlns:Z="urn:z"><!--a--><?pi one?><D:response><?pi two?><D:href>/a<!--x-->b<?pi?>c</D:href>' +
      '<D:propstat><!--b--><D:prop><Z:v>te<!--c-->xt<?pi data?>more</Z:v><D:getcontentlength>1<!-- -->2</D:getcontentlength>' +
      '<Z:e><Z:i/><!--only a comment--></Z:e></D:prop><D:status>HTTP/1.1 <!--!-->200 OK</D:status></D:propstat></D:response>' +
      '<!--z--></D:multistatus>\n<!-- after -->\n<?pi after?>\n';
    const { responses, summary } = await parse(body);
    expect(responses).to.deep.equal([
      {
        href: '/abc',
        hrefs: ['/abc'],
        path: '/abc',
        propstats: [{ status: st(200, 'OK'), props: { '{urn:z}v': 'textmore', getcontentlength: 12, '{urn:z}e': el('{urn:z}e', [el('{urn:z}i')]) } }],
        props: { '{urn:z}v': 'textmore', getcontentlength: 12, '{urn:z}e': el('{urn:z}e', [el('{urn:z}i')]) },
      },
    ]);
    expect(summary.diagnostics).to.deep.equal([]);
  });

  it('#33 a comment inside query-schema (rfc5323-4.1.1) is dropped', async function () {
    const r = await only(rfc('rfc5323-4.1.1'));
    expect(JSON.stringify(r.extensions)).to.not.contain('Section 5.19');
  });

  it('#34 xml:lang inherited from multistatus/response/prop onto property values; property-level override; xml:lang=""', async function () {
    const body =
      '<D:multistatus xmlns:D="DAV:" xmlns:Z="urn:z" xml:lang="en">' +
      '<D:response><D:href>/1</D:href><D:propstat><D:prop><D:displayname>Hello</D:displayname></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>' +
      '<D:response xml:lang="de"><D:href>/2</D:href><D:propstat><D:prop><D:displayname>Hallo</D:displayname>' +
      '<Z:fr xml:lang="fr">Bonjour</Z:fr><Z:none xml:lang="">x</Z:none></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>' +
      '<D:response><D:href>/3</D:href><D:propstat><D:prop xml:lang="da"><D:displayname>Hej</D:displayname></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>' +
      '</D:multistatus>';
    const { responses } = await parse(body);
    expect(responses[0]!.propstats[0]!.lang).to.deep.equal({ displayname: 'en' });
    expect(responses[1]!.propstats[0]!.lang).to.deep.equal({ displayname: 'de', '{urn:z}fr': 'fr' });
    expect(responses[1]!.props).to.deep.equal({
      displayname: 'Hallo',
      // xml:lang is an attribute, so an unknown property carrying it is an XmlElement.
      '{urn:z}fr': el('{urn:z}fr', ['Bonjour'], { [XML_LANG]: 'fr' }),
      '{urn:z}none': el('{urn:z}none', ['x'], { [XML_LANG]: '' }),
    });
    expect(responses[2]!.propstats[0]!.lang).to.deep.equal({ displayname: 'da' });
  });

  it('#34 description xml:lang in supported-privilege-set (rfc3744-5.3.1) does not disturb the tree', async function () {
    const r = await only(rfc('rfc3744-5.3.1'));
    expect(r.propstats[0]!.lang).to.equal(undefined);
    expect((r.props['supported-privilege-set'] as { description: string }[])[0]!.description).to.equal('Any operation');
  });

  it('#34 xml:space="preserve" is ignored: typed values still trimmed, raw values exactly as sent either way', async function () {
    const body = ms(
      '<D:response><D:href>/s</D:href><D:propstat><D:prop xml:space="preserve"><D:getcontentlength> 5 </D:getcontentlength>' +
        '<D:displayname>  two  spaces  </D:displayname></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>',
    );
    const r = await only(body);
    expect(r.props).to.deep.equal({ getcontentlength: 5, displayname: '  two  spaces  ' });
  });

  it('#35 xsi:type on a property (rfc4316-5.1): kept as an attribute in Clark notation', async function () {
    const r = await only(rfc('rfc4316-5.1'));
    const Z = 'http://ns.example.org/standards/z39.50';
    expect(r.props).to.deep.equal({
      getcontenttype: 'text/html',
      [`{${Z}}released`]: el(`{${Z}}released`, ['1'], { '{http://www.w3.org/2001/XMLSchema-instance}type': 'xs:boolean' }),
    });
  });

  it('#35 MS b:dt on typed properties and unknown attributes on structural elements are ignored', async function () {
    const body =
      '<D:multistatus xmlns:D="DAV:" xmlns:b="urn:uuid:c2f41010-65b3-11d1-a29f-00aa00c14882/" extra="1">' +
      '<D:response foo="bar"><D:href x="1">/ms</D:href><D:propstat y="2"><D:prop z="3">' +
      '<D:getlastmodified b:dt="dateTime.rfc1123">Mon, 12 Jan 1998 09:25:56 GMT</D:getlastmodified>' +
      '<D:iscollection b:dt="boolean">1</D:iscollection><D:getcontentlength b:dt="int">7</D:getcontentlength>' +
      '</D:prop><D:status w="4">HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>';
    const { responses, summary } = await parse(body);
    expect(responses).to.deep.equal([
      {
        href: '/ms',
        hrefs: ['/ms'],
        path: '/ms',
        propstats: [{ status: st(200, 'OK'), props: { getlastmodified: new Date(Date.UTC(1998, 0, 12, 9, 25, 56)), iscollection: true, getcontentlength: 7 } }],
        props: { getlastmodified: new Date(Date.UTC(1998, 0, 12, 9, 25, 56)), iscollection: true, getcontentlength: 7 },
      },
    ]);
    expect(summary.diagnostics).to.deep.equal([]);
  });
});
