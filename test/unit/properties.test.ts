import { expect } from 'chai';
import { body, parseChunks, propResponse } from '../helpers/collect.js';

const NS = 'xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns" xmlns:A="http://apache.org/dav/props/" xmlns:M="urn:schemas-microsoft-com:" xmlns:CS="http://calendarserver.org/ns/" xmlns:I="http://apple.com/ns/ical/"';

function props(xml: string, options = {}): Record<string, unknown> {
  const r = parseChunks([body(propResponse('/x', xml), NS)], options);
  return r.responses[0]!.props;
}

describe('typed properties', () => {
  it('numbers: lengths, quota (negative allowed); past 2^53 the nearest number, exact digits in raw', () => {
    const r = parseChunks([
      body(
        propResponse(
          '/x',
          '<D:getcontentlength>\n 4525\n</D:getcontentlength><D:quota-available-bytes>-3</D:quota-available-bytes><D:quota-used-bytes> 9007199254740993</D:quota-used-bytes><oc:size>5368709120</oc:size>',
        ),
        NS,
      ),
    ]);
    const p = r.responses[0]!.props;
    expect(p.getcontentlength).to.equal(4525);
    expect(p['quota-available-bytes']).to.equal(-3);
    expect(p['quota-used-bytes']).to.equal(9007199254740992);
    expect(r.responses[0]!.propstats[0]!.raw).to.deep.equal({ 'quota-used-bytes': ' 9007199254740993' });
    expect(BigInt((r.responses[0]!.propstats[0]!.raw!['quota-used-bytes'] as string).trim())).to.equal(9007199254740993n);
    expect(r.summary.diagnostics.map((d) => d.code)).to.deep.equal(['IMPRECISE_NUMBER']);
    expect(p['{http://owncloud.org/ns}size']).to.equal(5368709120);
    // 2^53 - 1 is still exact: no raw, no diagnostic.
    const safe = parseChunks([body(propResponse('/x', '<D:getcontentlength>9007199254740991</D:getcontentlength>'))]);
    expect(safe.responses[0]!.props.getcontentlength).to.equal(Number.MAX_SAFE_INTEGER);
    expect(safe.responses[0]!.propstats[0]!.raw).to.equal(undefined);
    expect(safe.summary.diagnostics).to.deep.equal([]);
  });
  it('a negative getcontentlength does not parse: no typed value, the text in raw, diagnostic', () => {
    const r = parseChunks([body(propResponse('/x', '<D:getcontentlength>-1</D:getcontentlength>'))]);
    expect(r.responses[0]!.props).to.not.have.property('getcontentlength');
    expect(r.responses[0]!.propstats[0]!.raw).to.deep.equal({ getcontentlength: '-1' });
    expect(r.summary.diagnostics[0]).to.include({ code: 'BAD_VALUE', href: '/x' });
  });
  it('strings: etag trimmed with quotes, displayname exact', () => {
    const p = props('<D:getetag> W/"xyzzy" </D:getetag><D:displayname>  two  spaces </D:displayname>');
    expect(p.getetag).to.equal('W/"xyzzy"');
    expect(p.displayname).to.equal('  two  spaces ');
  });
  it('resourcetype: member keys', () => {
    const p = props('<D:resourcetype>\n  <D:collection/>\n  <C:calendar/>\n</D:resourcetype>');
    expect(p.resourcetype).to.deep.equal(['collection', '{urn:ietf:params:xml:ns:caldav}calendar']);
    expect(props('<D:resourcetype/>').resourcetype).to.deep.equal([]);
  });
  it('lockdiscovery: any order, Infinite timeout, href owner, token and root', () => {
    const p = props(
      `<D:lockdiscovery><D:activelock>
        <D:locktype><D:write/></D:locktype><D:lockscope><D:exclusive/></D:lockscope>
        <D:depth>infinity</D:depth><D:owner><D:href>http://example.org/~ejw/contact.html</D:href></D:owner>
        <D:timeout>Infinite</D:timeout>
        <D:locktoken><D:href>
          urn:uuid:e71d4fae-5dec-22d6-fea5-00a0c91e6be4
        </D:href></D:locktoken>
        <D:lockroot><D:href>http://example.com/workspace/webdav/proposal.doc</D:href></D:lockroot>
      </D:activelock><D:activelock><D:lockscope><D:shared/></D:lockscope><D:locktype><D:write/></D:locktype><D:depth>0</D:depth><D:owner>Jane</D:owner><D:timeout>Second-604800</D:timeout></D:activelock></D:lockdiscovery>`,
    );
    expect(p.lockdiscovery).to.deep.equal([
      {
        scope: 'exclusive',
        type: 'write',
        depth: 'infinity',
        owner: { name: 'owner', attributes: {}, children: [{ name: 'href', attributes: {}, children: ['http://example.org/~ejw/contact.html'] }] },
        timeout: Infinity,
        token: 'urn:uuid:e71d4fae-5dec-22d6-fea5-00a0c91e6be4',
        root: 'http://example.com/workspace/webdav/proposal.doc',
      },
      { scope: 'shared', type: 'write', depth: '0', owner: 'Jane', timeout: 604800 },
    ]);
    expect(props('<D:lockdiscovery/>').lockdiscovery).to.deep.equal([]);
  });
  it('supportedlock and current-user-privilege-set', () => {
    const p = props(
      '<D:supportedlock><D:lockentry><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype></D:lockentry></D:supportedlock>' +
        '<D:current-user-privilege-set><D:privilege><D:read/></D:privilege><D:privilege><C:read-free-busy/></D:privilege></D:current-user-privilege-set>',
    );
    expect(p.supportedlock).to.deep.equal([{ scope: 'exclusive', type: 'write' }]);
    expect(p['current-user-privilege-set']).to.deep.equal(['read', '{urn:ietf:params:xml:ns:caldav}read-free-busy']);
  });
  it('acl with href, property, all and inherited principals', () => {
    const p = props(`<D:acl>
      <D:ace><D:principal><D:href>/users/a</D:href></D:principal><D:grant><D:privilege><D:read/></D:privilege><D:privilege><D:write/></D:privilege></D:grant></D:ace>
      <D:ace><D:principal><D:property><D:owner/></D:property></D:principal><D:deny><D:privilege><D:all/></D:privilege></D:deny><D:protected/></D:ace>
      <D:ace><D:principal><D:all/></D:principal><D:grant><D:privilege><D:read/></D:privilege></D:grant><D:inherited><D:href>/top/</D:href></D:inherited></D:ace>
    </D:acl>`);
    expect(p.acl).to.deep.equal([
      { principal: { kind: 'href', value: '/users/a' }, invert: false, grant: ['read', 'write'], deny: [], protected: false },
      { principal: { kind: 'property', value: 'owner' }, invert: false, grant: [], deny: ['all'], protected: true },
      { principal: { kind: 'all' }, invert: false, grant: ['read'], deny: [], protected: false, inherited: '/top/' },
    ]);
  });
  it('supported-privilege-set as a tree', () => {
    const p = props(`<D:supported-privilege-set><D:supported-privilege><D:privilege><D:all/></D:privilege><D:abstract/>
      <D:description xml:lang="en"> Any operation </D:description>
      <D:supported-privilege><D:privilege><D:read/></D:privilege><D:description xml:lang="en">Read any object</D:description></D:supported-privilege>
    </D:supported-privilege></D:supported-privilege-set>`);
    expect(p['supported-privilege-set']).to.deep.equal([
      { privilege: 'all', abstract: true, description: 'Any operation', children: [{ privilege: 'read', abstract: false, description: 'Read any object', children: [] }] },
    ]);
  });
  it('href properties and href sets', () => {
    const p = props(
      '<D:owner><D:href> /u/a </D:href></D:owner><D:current-user-principal><D:unauthenticated/></D:current-user-principal>' +
        '<D:principal-collection-set><D:href>/p/</D:href><D:href>/q/</D:href></D:principal-collection-set><D:group/>' +
        '<C:calendar-home-set><D:href>/cal/</D:href></C:calendar-home-set>',
    );
    expect(p.owner).to.equal('/u/a');
    expect(p['current-user-principal']).to.equal('unauthenticated');
    expect(p['principal-collection-set']).to.deep.equal(['/p/', '/q/']);
    // An empty (href?) is not an href: raw, without a diagnostic.
    expect(p).to.not.have.property('group');
    expect(p['{urn:ietf:params:xml:ns:caldav}calendar-home-set']).to.deep.equal(['/cal/']);
  });
  it('CalDAV: component set, max size, min-date-time, calendar-data with CDATA', () => {
    const p = props(
      '<C:supported-calendar-component-set><C:comp name="VEVENT"/><C:comp name="VTODO"/></C:supported-calendar-component-set>' +
        '<C:max-resource-size>102400</C:max-resource-size><C:min-date-time>19000101T000000Z</C:min-date-time>' +
        '<C:calendar-data><![CDATA[BEGIN:VCALENDAR\r\nX:<&>\r\n]]>END:VCALENDAR&#13;\n</C:calendar-data><CS:getctag> ctag-1 </CS:getctag><I:calendar-order>2</I:calendar-order>',
    );
    expect(p['{urn:ietf:params:xml:ns:caldav}supported-calendar-component-set']).to.deep.equal(['VEVENT', 'VTODO']);
    expect(p['{urn:ietf:params:xml:ns:caldav}max-resource-size']).to.equal(102400);
    expect((p['{urn:ietf:params:xml:ns:caldav}min-date-time'] as Date).toISOString()).to.equal('1900-01-01T00:00:00.000Z');
    // XML turns CRLF into LF (also inside CDATA); a character reference keeps its CR.
    expect(p['{urn:ietf:params:xml:ns:caldav}calendar-data']).to.equal('BEGIN:VCALENDAR\nX:<&>\nEND:VCALENDAR\r\n');
    expect(p['{http://calendarserver.org/ns/}getctag']).to.equal('ctag-1');
    expect(p['{http://apple.com/ns/ical/}calendar-order']).to.equal(2);
  });
  it('vendor: Nextcloud, ownCloud, Apache, Microsoft', () => {
    const p = props(
      '<oc:fileid>00042</oc:fileid><oc:favorite>1</oc:favorite><oc:permissions>RGDNVW</oc:permissions>' +
        '<oc:share-types><oc:share-type>0</oc:share-type><oc:share-type>3</oc:share-type></oc:share-types>' +
        '<nc:has-preview>false</nc:has-preview><nc:creation_time>1675789581</nc:creation_time>' +
        '<A:executable>T</A:executable><D:iscollection>0</D:iscollection><D:isFolder>t</D:isFolder>' +
        '<M:Win32FileAttributes>00000020</M:Win32FileAttributes><M:Win32LastModifiedTime>Wed, 04 Nov 2020 13:25:51 GMT</M:Win32LastModifiedTime>',
    );
    expect(p['{http://owncloud.org/ns}fileid']).to.equal('00042');
    expect(p['{http://owncloud.org/ns}favorite']).to.equal(true);
    expect(p['{http://owncloud.org/ns}permissions']).to.equal('RGDNVW');
    expect(p['{http://owncloud.org/ns}share-types']).to.deep.equal([0, 3]);
    expect(p['{http://nextcloud.org/ns}has-preview']).to.equal(false);
    expect((p['{http://nextcloud.org/ns}creation_time'] as Date).toISOString()).to.equal('2023-02-07T17:06:21.000Z');
    expect(p['{http://apache.org/dav/props/}executable']).to.equal(true);
    expect(p.iscollection).to.equal(false);
    expect(p.isFolder).to.equal(true);
    expect(p['{urn:schemas-microsoft-com:}Win32FileAttributes']).to.equal(32);
    expect((p['{urn:schemas-microsoft-com:}Win32LastModifiedTime'] as Date).toISOString()).to.equal('2020-11-04T13:25:51.000Z');
  });
  it('typed: false keeps every value as sent', () => {
    const p = props('<D:getcontentlength> 12 </D:getcontentlength><D:resourcetype><D:collection/></D:resourcetype>', { typed: false });
    expect(p.getcontentlength).to.equal(' 12 ');
    expect(p.resourcetype).to.deep.equal({ name: 'resourcetype', attributes: {}, children: [{ name: 'collection', attributes: {}, children: [] }] });
  });
  it('custom decoders override built-ins and see the untyped value; a throw keeps the raw value', () => {
    const r = parseChunks([body(propResponse('/x', '<oc:fileid>7</oc:fileid><D:getcontentlength>12</D:getcontentlength><D:getetag>x</D:getetag>'), NS)], {
      decoders: {
        '{http://owncloud.org/ns}fileid': (v) => Number(v),
        getcontentlength: (v) => `len:${String(v)}`,
        '{DAV:}getetag': () => {
          throw new Error('nope');
        },
      },
    });
    const p = r.responses[0]!.props;
    expect(p['{http://owncloud.org/ns}fileid']).to.equal(7);
    expect(p.getcontentlength).to.equal('len:12');
    expect(p).to.not.have.property('getetag');
    expect(r.responses[0]!.propstats[0]!.raw).to.deep.equal({ getetag: 'x' });
    expect(r.summary.diagnostics.map((d) => d.code)).to.deep.equal(['BAD_VALUE']);
  });
  it('properties option keeps only the named ones (DAV: names or Clark notation)', () => {
    const p = props('<D:getcontentlength>1</D:getcontentlength><D:getetag>"e"</D:getetag><oc:fileid>7</oc:fileid><D:resourcetype/>', {
      properties: ['getcontentlength', '{http://owncloud.org/ns}fileid', '{DAV:}resourcetype'],
    });
    expect(p).to.deep.equal({ getcontentlength: 1, '{http://owncloud.org/ns}fileid': '7', resourcetype: [] });
  });
  it('unknown properties: text as sent, element content or attributes as XmlElement', () => {
    const p = props(
      '<x:a xmlns:x="urn:x"> t </x:a><x:b xmlns:x="urn:x" kind="1">t</x:b><x:c xmlns:x="urn:x">\n <x:d>1</x:d>\n</x:c><x:e xmlns:x="urn:x">pre <x:f/> post</x:e>',
    );
    expect(p['{urn:x}a']).to.equal(' t ');
    expect(p['{urn:x}b']).to.deep.equal({ name: '{urn:x}b', attributes: { kind: '1' }, children: ['t'] });
    expect(p['{urn:x}c']).to.deep.equal({ name: '{urn:x}c', attributes: {}, children: [{ name: '{urn:x}d', attributes: {}, children: ['1'] }] });
    expect(p['{urn:x}e']).to.deep.equal({ name: '{urn:x}e', attributes: {}, children: ['pre ', { name: '{urn:x}f', attributes: {}, children: [] }, ' post'] });
  });
  it('non-2xx propstat: empty properties are null, also when the status comes first', () => {
    const xml = body(
      '<D:response><D:href>/x</D:href><D:propstat><D:status>HTTP/1.1 404 Not Found</D:status><D:prop><D:getcontentlength/></D:prop></D:propstat>' +
        '<D:propstat><D:prop><D:getetag/><D:displayname/></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat></D:response>',
    );
    const r = parseChunks([xml]).responses[0]!;
    expect(r.propstats.map((p) => p.props)).to.deep.equal([{ getcontentlength: null }, { getetag: null, displayname: null }]);
    expect(r.props).to.deep.equal({});
  });
});
