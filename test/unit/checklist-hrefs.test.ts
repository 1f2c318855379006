/**
 * CHECKLIST §3 "hrefs" (#64-#67): href kept as sent (XML-decoded, still percent-encoded), `path`
 * percent-decoded for display, `url` resolved against `baseUrl` (or the href itself when absolute).
 */
import { expect } from 'chai';
import { ms, only, parse, propResponse, rfc } from '../helpers/checklist.js';

const hrefView = (r: { href: string; path: string; url?: string }): [string, string, string | undefined] => [r.href, r.path, r.url];

describe('CHECKLIST §3 hrefs', function () {
  it('#64 absolute-URI hrefs (rfc4918-9.1.3): url is the href', async function () {
    const r = await only(rfc('rfc4918-9.1.3'));
    expect(hrefView(r)).to.deep.equal(['http://www.example.com/file', '/file', 'http://www.example.com/file']);
  });

  it('#64 absolute-path hrefs (rfc4918-9.1.5, rfc6578-3.13): no url without baseUrl, resolved with it', async function () {
    const bare = await parse(rfc('rfc4918-9.1.5'));
    expect(bare.responses.map(hrefView)).to.deep.equal([
      ['/container/', '/container/', undefined],
      ['/container/front.html', '/container/front.html', undefined],
    ]);
    expect(bare.responses[0]).to.not.have.property('url');
    const based = await parse(rfc('rfc6578-3.13'), { baseUrl: 'https://webdav.example.com:8443/home/cyrusdaboo/' });
    expect(based.responses.map((r) => r.url)).to.deep.equal([
      'https://webdav.example.com:8443/home/cyrusdaboo/collection1/',
      'https://webdav.example.com:8443/home/cyrusdaboo/collection1/test.doc',
      'https://webdav.example.com:8443/home/cyrusdaboo/collection2/',
      'https://webdav.example.com:8443/home/cyrusdaboo/calendar.ics',
      'https://webdav.example.com:8443/home/cyrusdaboo/shared/',
    ]);
  });

  it('#64 absolute URIs on different hosts in one body (rfc5323-2.3.4) keep their hosts, even with a baseUrl', async function () {
    const { responses } = await parse(rfc('rfc5323-2.3.4'), { baseUrl: new URL('http://search.example/arbiter') });
    expect(responses.map(hrefView)).to.deep.equal([
      ['http://www.example.net/sounds/unbrokenchain.au', '/sounds/unbrokenchain.au', 'http://www.example.net/sounds/unbrokenchain.au'],
      ['http://tech.mit.example/arch96/photos/Lesh1.jpg', '/arch96/photos/Lesh1.jpg', 'http://tech.mit.example/arch96/photos/Lesh1.jpg'],
      ['http://example.net', '', 'http://example.net/'],
    ]);
  });

  it('#64 urn:uuid: (rfc5842-7.1.1) and mailto: hrefs in property values', async function () {
    const { responses } = await parse(rfc('rfc5842-7.1.1'));
    expect(responses[1]!.props['resource-id']).to.equal('urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf9');
    const C = 'urn:ietf:params:xml:ns:caldav';
    const r = await only(
      ms(
        propResponse(
          '/principals/a/',
          '<C:calendar-user-address-set><D:href>mailto:a@example.com</D:href><D:href>urn:uuid:0f0e</D:href><D:href>/principals/a/</D:href></C:calendar-user-address-set>',
        ),
        ` xmlns:C="${C}"`,
      ),
    );
    expect(r.props[`{${C}}calendar-user-address-set`]).to.deep.equal(['mailto:a@example.com', 'urn:uuid:0f0e', '/principals/a/']);
  });

  it('#65 collection hrefs with and without a trailing slash, an href with a query string', async function () {
    const body = ms(propResponse('/dav/coll/', '') + propResponse('/dav/coll', '') + propResponse('/dav/search?q=a%20b&amp;n=1', ''));
    const { responses } = await parse(body, { baseUrl: 'http://h.example/dav/' });
    expect(responses.map(hrefView)).to.deep.equal([
      ['/dav/coll/', '/dav/coll/', 'http://h.example/dav/coll/'],
      ['/dav/coll', '/dav/coll', 'http://h.example/dav/coll'],
      ['/dav/search?q=a%20b&n=1', '/dav/search', 'http://h.example/dav/search?q=a%20b&n=1'],
    ]);
  });

  it('#65 href with ";" path parameters (rfc5995-3.2.2 add-member)', async function () {
    const r = await only(rfc('rfc5995-3.2.2'), { baseUrl: 'http://example.com/' });
    expect(r.props['add-member']).to.equal('/collection;add-member/');
    expect(hrefView(r)).to.deep.equal(['/collection/', '/collection/', 'http://example.com/collection/']);
    const semi = await only(ms(propResponse('/collection;add-member/', '')), { baseUrl: 'http://example.com/' });
    expect(hrefView(semi)).to.deep.equal(['/collection;add-member/', '/collection;add-member/', 'http://example.com/collection;add-member/']);
  });

  it('#66 relative reftarget (rfc4437-10.1 with its declaration repaired) is kept as sent, resolvable against url', async function () {
    const text = new TextDecoder().decode(rfc('rfc4437-10.1'));
    const repaired = text.replace('version="1/0"', 'version="1.0"');
    expect(repaired).to.not.equal(text);
    const { responses } = await parse(repaired, { baseUrl: 'http://www.example.com/geog/' });
    expect(responses.map((r) => r.url)).to.deep.equal(['http://www.example.com/geog/', 'http://www.example.com/geog/stats.html']);
    expect(responses[0]!.propstats[1]!.props).to.deep.equal({ reftarget: null });
    const stats = responses[1]!;
    expect(stats.props).to.deep.equal({ resourcetype: ['redirectref'], reftarget: 'statistics/population/1997.html' });
    expect(new URL(stats.props.reftarget as string, stats.url).href).to.equal('http://www.example.com/geog/statistics/population/1997.html');
  });

  it('#66 a relative response href (not allowed, tolerated) resolves against baseUrl; no url without one', async function () {
    const body = ms(propResponse('sub/file.txt', ''));
    expect(hrefView(await only(body, { baseUrl: 'http://h.example/dav/' }))).to.deep.equal(['sub/file.txt', 'sub/file.txt', 'http://h.example/dav/sub/file.txt']);
    expect(hrefView(await only(body))).to.deep.equal(['sub/file.txt', 'sub/file.txt', undefined]);
  });

  it('#67 &amp; inside href and a percent-encoded space: XML-decoded first, percent-decoded only in path', async function () {
    const body = ms(propResponse('/a%20test/b&amp;c%26d', '') + propResponse('/x%2Fy/%25literal', ''));
    const { responses } = await parse(body, { baseUrl: 'http://h.example/' });
    expect(responses.map(hrefView)).to.deep.equal([
      ['/a%20test/b&c%26d', '/a test/b&c&d', 'http://h.example/a%20test/b&c%26d'],
      // Joining never decodes: %2F stays an escaped slash in url, %25 stays %25.
      ['/x%2Fy/%25literal', '/x/y/%literal', 'http://h.example/x%2Fy/%25literal'],
    ]);
  });
});
