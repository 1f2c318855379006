/**
 * lib/href.ts at its edges: the first and last character of each class a URI scheme may hold, a
 * `%` that follows a stray `%`, hrefs without a scheme that start with `//`, and strings that
 * WHATWG's URL parser would accept only after silently dropping a tab or a space. Expected values
 * are worked out by hand from RFC 3986 (scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )).
 */
import { expect } from 'chai';
import { hrefPath, percentDecode, resolveHref, schemeEnd } from '../../lib/href.js';

describe('lib/href.ts boundaries', function () {
  describe('schemeEnd: first and last member of each character class', function () {
    const cases: [string, number][] = [
      // First character: ALPHA only, both ends of both cases.
      ['A:x', 1],
      ['z:x', 1],
      ['a:x', 1],
      ['Z:x', 1],
      // Later characters: both ends of upper, lower and digit ranges.
      ['aA:x', 2],
      ['aZ:x', 2],
      ['ba:x', 2],
      ['az:x', 2],
      ['a0:x', 2],
      ['a9:x', 2],
      // Just outside each range: '/' (47) before '0', ';' (59) after ':', '@' (64), '[' (91), '`' (96), '{' (123), '~' (126).
      ['a/:x', -1],
      ['a;:x', -1],
      ['a@:x', -1],
      ['a`:x', -1],
      ['a{:x', -1],
      ['a~:x', -1],
      ['a\u00e9:x', -1],
      ['{:x', -1],
    ];
    for (const [s, want] of cases) {
      it(`${JSON.stringify(s)} -> ${want}`, function () {
        expect(schemeEnd(s)).to.equal(want);
      });
    }
  });

  describe('percentDecode: a stray `%` right before an escape', function () {
    const cases: [string, string][] = [
      // The first '%' is not followed by two hex digits, so it stays; '%41' is 'A'.
      ['%%41', '%A'],
      ['/a%%41%FF', '/a%A%FF'],
      ['%%%41', '%%A'],
      ['%FF%%41', '%FF%A'],
      // '%' then one hex digit then '%': nothing decodes but the final escape.
      ['%A%41', '%AA'],
      ['%a%%41', '%a%A'],
    ];
    for (const [s, want] of cases) {
      it(`${JSON.stringify(s)} -> ${JSON.stringify(want)}`, function () {
        expect(percentDecode(s)).to.equal(want);
      });
    }
  });

  describe('hrefPath without a scheme', function () {
    // RFC 4918 hrefs are an absolute URI or an absolute path; `//host/x` is neither, and the path is
    // cut only after `scheme://authority` (as the reference walker's hrefPath does), so it is kept.
    it('"//h.example/a%20b" is kept as a path, decoded', function () {
      expect(hrefPath('//h.example/a%20b')).to.equal('//h.example/a b');
    });
    it('"//h.example?q#f" keeps the part before the query', function () {
      expect(hrefPath('//h.example?q#f')).to.equal('//h.example');
    });
    it('"1a://h.example/x" (a scheme cannot start with a digit) is a relative path', function () {
      expect(hrefPath('1a://h.example/x')).to.equal('1a://h.example/x');
    });
  });

  describe('resolveHref without a base resolves only an RFC 3986 absolute URI', function () {
    // WHATWG's URL parser drops tabs and newlines anywhere and trims leading spaces, so each of these
    // would parse; none starts with a scheme, so without a base there is nothing to resolve against.
    const cases: string[] = ['ht\ttp://h.example/', 'ht\ntp://h.example/', ' http://h.example/', '\thttp://h.example/'];
    for (const href of cases) {
      it(`${JSON.stringify(href)} -> undefined`, function () {
        expect(resolveHref(href, undefined)).to.equal(undefined);
      });
    }
    it('the same hrefs against a base resolve (WHATWG rules), so the base is what makes the difference', function () {
      const base = new URL('https://dav.example/dir/');
      expect(resolveHref('ht\ttp://h.example/', base)).to.equal('http://h.example/');
      expect(resolveHref(' http://h.example/', base)).to.equal('http://h.example/');
    });
  });
});
