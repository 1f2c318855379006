/**
 * The walk's href keys (href-key.ts) and the request bodies (propfind-body.ts), as pure functions:
 * every unreserved byte of an escape that does not decode is decoded, every other one upper-cased;
 * a trailing slash never counts; the parent and the depth of a key; each property spelling in a
 * PROPFIND or sync-collection body, and the escaping of a sync token.
 */
import { expect } from 'chai';
import { depthBelow, hrefKey, isUnder, parentKey } from '../../lib/client/href-key.js';
import { allpropIncludeBody, propfindBody, syncCollectionBody } from '../../lib/client/propfind-body.js';

describe('client: href keys and request bodies (no server)', function () {
  it('an escape in a segment that is not UTF-8: unreserved bytes decoded, the others upper-cased', function () {
    const decoded: string[] = [];
    for (let c = 0x21; c < 0x7f; c++) {
      const hex = c.toString(16);
      // %FF makes the segment fail to decode as UTF-8, so each escape is judged on its own.
      const key = hrefKey(`/d/%ff%${hex}`, 'http://h/')!;
      const tail = key.slice('http://h/d/'.length);
      // Kept: upper-cased, then (as every key segment) percent-encoded once more.
      if (tail !== `%25FF%25${hex.toUpperCase()}`) decoded.push(String.fromCharCode(c));
      else expect(key, 'a kept escape').to.equal(`http://h/d/%25FF%25${hex.toUpperCase()}`);
    }
    expect(decoded.join('')).to.equal('-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~');
    expect(hrefKey('/d/%ff%2', 'http://h/')).to.equal('http://h/d/%25FF%252');
    expect(hrefKey('/d/%fe%2f', 'http://h/')).to.equal('http://h/d/%25FE%252F');
  });

  it('keys: trimmed, no trailing slashes, the root of an origin is the origin, %2F kept apart from /', function () {
    expect(hrefKey('  /a/b//  ', 'http://h/')).to.equal('http://h/a/b');
    expect(hrefKey('/', 'http://h/x/')).to.equal('http://h');
    expect(hrefKey('/a', 'http://h/')).to.equal('http://h/a');
    expect(hrefKey('/a%2Fb', 'http://h/')).to.not.equal(hrefKey('/a/b', 'http://h/'));
    expect(hrefKey('http://[::1', 'http://h/')).to.equal(undefined);
  });

  it('isUnder, parentKey, depthBelow', function () {
    expect(isUnder('http://h/a/b', 'http://h/a')).to.equal(true);
    expect(isUnder('http://h/ab', 'http://h/a')).to.equal(false);
    expect(isUnder('http://h/a', 'http://h/a')).to.equal(true);
    expect(isUnder('http://h/x', 'http://h')).to.equal(true);
    expect(isUnder('http://hx/y', 'http://h')).to.equal(false);
    expect(parentKey('http://h/a/b')).to.equal('http://h/a');
    expect(parentKey('http://h/a')).to.equal('http://h');
    expect(parentKey('http://h')).to.equal(undefined);
    expect(depthBelow('http://h/a', 'http://h/a')).to.equal(0);
    expect(depthBelow('http://h/a/b', 'http://h/a')).to.equal(1);
    expect(depthBelow('http://h/a/b/c', 'http://h/a')).to.equal(2);
    expect(depthBelow('http://h', 'http://h/a')).to.equal(0);
  });

  it('PROPFIND bodies: allprop for no keys, each key spelling, one prefix per namespace', function () {
    const head = '<?xml version="1.0" encoding="utf-8"?>\n<D:propfind xmlns:D="DAV:">';
    expect(propfindBody([])).to.equal(`${head}<D:allprop/></D:propfind>\n`);
    expect(propfindBody('propname')).to.equal(`${head}<D:propname/></D:propfind>\n`);
    expect(propfindBody(['getetag'], true)).to.equal(`${head}<D:propname/></D:propfind>\n`);
    expect(propfindBody(['getetag', '{DAV:}displayname', '{}plain', '{urn:a}x', '{urn:b}y', '{urn:a}z', '{urn:a&"<>}w'])).to.equal(
      `${head}<D:prop><D:getetag/><D:displayname/><plain xmlns=""/><n0:x xmlns:n0="urn:a"/><n1:y xmlns:n1="urn:b"/><n0:z xmlns:n0="urn:a"/><n2:w xmlns:n2="urn:a&amp;&quot;&lt;&gt;"/></D:prop></D:propfind>\n`,
    );
    expect(allpropIncludeBody(['resource-id'])).to.equal(`${head}<D:allprop/><D:include><D:resource-id/></D:include></D:propfind>\n`);
  });

  it('sync-collection bodies: level, limit, props (getetag when none), the token escaped', function () {
    expect(syncCollectionBody('a&b<c>"d', [], 'infinite', 5)).to.equal(
      '<?xml version="1.0" encoding="utf-8"?>\n<D:sync-collection xmlns:D="DAV:"><D:sync-token>a&amp;b&lt;c&gt;&quot;d</D:sync-token>' +
        '<D:sync-level>infinite</D:sync-level><D:limit><D:nresults>5</D:nresults></D:limit><D:prop><D:getetag/></D:prop></D:sync-collection>\n',
    );
    expect(syncCollectionBody('', ['{urn:x}n'], 1)).to.contain('<D:sync-level>1</D:sync-level><D:prop><n0:n xmlns:n0="urn:x"/></D:prop>');
  });
});
