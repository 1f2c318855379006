/** The walk's href normalisation: one key for every spelling of a URL, `%2F` kept apart from `/`. */
import { expect } from 'chai';
import { brokenHref, depthBelow, hrefKey, isUnder, parentKey } from '../../lib/client/href-key.js';

const BASE = 'http://dav.example:8080/files/';

describe('client: href keys', function () {
  it('absolute or path, trailing slash or not, %7E or ~, hex case, raw UTF-8 or escapes, & or %26: one key', function () {
    const spellings = [
      '/files/~ann/caf%C3%A9 &x/',
      '/files/%7Eann/caf%c3%a9%20%26x',
      'http://DAV.example:8080/files/%7eann/café &x',
      'HTTP://dav.example:8080/files/~ann/caf%C3%A9%20&x/',
      '~ann/café%20%26x/',
    ];
    const keys = spellings.map((h) => hrefKey(h, BASE));
    expect(new Set(keys).size, JSON.stringify(keys)).to.equal(1);
    expect(keys[0]).to.equal('http://dav.example:8080/files/~ann/caf%C3%A9%20%26x');
  });

  it('keeps apart what differs: %2F and /, another port, another case of a letter', function () {
    const a = hrefKey('/files/a%2Fb', BASE);
    expect(a).to.not.equal(hrefKey('/files/a/b', BASE));
    expect(hrefKey('http://dav.example:8081/files/x', BASE)).to.not.equal(hrefKey('/files/x', BASE));
    expect(hrefKey('/files/X', BASE)).to.not.equal(hrefKey('/files/x', BASE));
    expect(hrefKey('/files/%ZZ%e9', BASE)).to.equal(hrefKey('/files/%ZZ%E9', BASE));
  });

  it('broken hrefs: empty, a raw # or ?', function () {
    expect(brokenHref('  ')).to.match(/empty/);
    expect(brokenHref('/files/a#b')).to.match(/"#"/);
    expect(brokenHref('/files/a?b')).to.match(/"\?"/);
    expect(brokenHref('/files/a%23b%3F')).to.equal(undefined);
  });

  it('under, parent, depth', function () {
    const root = hrefKey('/files/', BASE)!;
    expect(isUnder(hrefKey('/files/a/b', BASE)!, root)).to.equal(true);
    expect(isUnder(hrefKey('/files2/a', BASE)!, root)).to.equal(false);
    expect(isUnder(root, root)).to.equal(true);
    expect(parentKey(hrefKey('/files/a/b.txt', BASE)!)).to.equal(hrefKey('/files/a/', BASE));
    expect(parentKey('http://dav.example:8080')).to.equal(undefined);
    expect(depthBelow(hrefKey('/files/a/b.txt', BASE)!, root)).to.equal(2);
    expect(depthBelow(root, root)).to.equal(0);
    const origin = hrefKey('/', BASE)!;
    expect(origin).to.equal('http://dav.example:8080');
    expect(isUnder(hrefKey('/x', BASE)!, origin)).to.equal(true);
    expect(depthBelow(hrefKey('/x/y', BASE)!, origin)).to.equal(2);
  });

  it('trims every kind of white space around an href (a no-break space too), keeps %2F as one escaped character', function () {
    expect(hrefKey('\u00a0 /files/x \u00a0', BASE)).to.equal(hrefKey('/files/x', BASE));
    expect(hrefKey('/files/a%2Fb', BASE)).to.not.equal(hrefKey('/files/ab', BASE));
    expect(hrefKey('/files/a%2Fb', BASE)).to.equal(hrefKey('/files/a%2fb', BASE));
  });

  it('a root written with a trailing slash holds the keys below it', function () {
    expect(isUnder('http://h.example/a/b', 'http://h.example/a/')).to.equal(true);
    expect(isUnder('http://h.example/ab', 'http://h.example/a/')).to.equal(false);
  });
});
