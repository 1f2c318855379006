/**
 * The small value decoders of lib/properties/values.ts and the element helpers of
 * lib/properties/xml.ts on their own. Numbers are checked against BigInt and Number (the oracle
 * for digits), booleans and hex masks against hand-written tables, element decoders against
 * hand-built `XmlElement` trees.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import type { XmlElement } from '../../lib/types.js';
import {
  UNTYPED, boolean, childAttrs, childInts, childKeys, childTexts, choice, exact, hex, href, hrefs, integer, json, principal, signed, trimmed, unsigned, wrappedKeys,
} from '../../lib/properties/values.js';
import { child, elements, firstKey, hrefOf, rawValue, textOf } from '../../lib/properties/xml.js';

const el = (name: string, children: (XmlElement | string)[] = [], attributes: Record<string, string> = {}): XmlElement => ({ name, attributes, children });

describe('lib/properties values and xml helpers', function () {
  describe('integer', function () {
    const cases: [string, boolean, number | undefined][] = [
      ['0', false, 0],
      ['9', false, 9],
      [' \t42\r\n', false, 42],
      ['-7', true, -7],
      ['-7', false, undefined],
      ['-0', true, -0],
      ['-', true, undefined],
      ['', true, undefined],
      ['  ', true, undefined],
      ['+1', true, undefined],
      ['1.0', true, undefined],
      ['1e3', true, undefined],
      ['/', true, undefined],
      [':', true, undefined],
      ['12a', true, undefined],
      ['a12', true, undefined],
      ['123456789012345', true, 123456789012345],
      ['-123456789012345', true, -123456789012345],
      ['1234567890123456', true, 1234567890123456],
      ['9007199254740993', false, 9007199254740992],
      ['-9007199254740993', true, -9007199254740992],
      ['1234567890123456/', true, undefined],
      ['123456789012345:', true, undefined],
      ['12345678901234567890:', true, undefined],
      ['/2345678901234567890', true, undefined],
      ['00000000000000000001', false, 1],
    ];
    for (const [raw, neg, want] of cases) {
      it(`${JSON.stringify(raw)}${neg ? ' (signed)' : ''} -> ${String(want)}`, function () {
        expect(integer(raw, neg)).to.equal(want);
        expect((neg ? signed : unsigned)(raw)).to.equal(want);
      });
    }
    it('any digit string, any length, is the nearest double of its exact value (BigInt oracle)', function () {
      fc.assert(
        fc.property(fc.boolean(), fc.stringMatching(/^[0-9]{1,30}$/), (negative, digits) => {
          const raw = `${negative ? '-' : ''}${digits}`;
          const want = Number(BigInt(raw));
          return Object.is(signed(raw), negative && want === 0 ? -0 : want) && unsigned(raw) === (negative ? undefined : want);
        }),
        { numRuns: 3000, seed: 61 },
      );
    });
  });

  describe('boolean', function () {
    const cases: [string, boolean | undefined][] = [
      ['1', true], ['t', true], ['T', true], ['true', true], [' TRUE\n', true], ['True', true],
      ['0', false], ['f', false], ['F', false], ['false', false], ['\tFalse ', false],
      ['', undefined], ['yes', undefined], ['2', undefined], ['tru', undefined], ['falsey', undefined], ['01', undefined],
    ];
    for (const [raw, want] of cases) {
      it(`${JSON.stringify(raw)} -> ${String(want)}`, function () {
        expect(boolean(raw)).to.equal(want);
      });
    }
  });

  describe('exact, trimmed, hex, json', function () {
    it('exact keeps everything, trimmed only XML whitespace', function () {
      expect(exact(' a \n')).to.equal(' a \n');
      expect(trimmed(' \ta b\r\n')).to.equal('a b');
      expect(trimmed('\u00a0a')).to.equal('\u00a0a');
    });
    it('hex: one to eight hex digits, any case, XML whitespace around', function () {
      const cases: [string, number | undefined][] = [
        ['00000020', 0x20], ['0', 0], ['f', 15], ['F', 15], ['a', 10], ['A', 10], ['9', 9], [' ffffffff\n', 0xffffffff], ['DeadBeef', 0xdeadbeef],
        ['', undefined], ['g', undefined], ['G', undefined], ['123456789', undefined], ['0x20', undefined], ['-1', undefined], ['1 2', undefined],
      ];
      for (const [raw, want] of cases) expect(hex(raw), raw).to.equal(want);
    });
    it('json: any JSON value but null; malformed text is not a value', function () {
      expect(json('{"a":[1,true,"x"]}')).to.deep.equal({ a: [1, true, 'x'] });
      expect(json(' 3 ')).to.equal(3);
      expect(json('false')).to.equal(false);
      expect(json('""')).to.equal('');
      expect(json('null')).to.equal(UNTYPED);
      expect(json('{a:1}')).to.equal(undefined);
      expect(json('')).to.equal(undefined);
    });
  });

  describe('element decoders', function () {
    const h = (text: string): XmlElement => el('href', [text]);
    it('href: the trimmed href; UNTYPED when empty or an expand-property answer; undefined otherwise', function () {
      expect(href(el('owner', [h(' /p/me \n')]))).to.equal('/p/me');
      expect(href(el('owner', [' ', el('x'), h('/a')]))).to.equal('/a');
      expect(href(el('owner', []))).to.equal(UNTYPED);
      expect(href(el('owner', [' \n\t'])) ).to.equal(UNTYPED);
      expect(href(el('owner', ['text']))).to.equal(undefined);
      expect(href(el('owner', [el('other')]))).to.equal(undefined);
      expect(href(el('owner', [el('response', [h('/x')])]))).to.equal(UNTYPED);
    });
    it('principal: an href, "unauthenticated", UNTYPED for an expand-property answer', function () {
      expect(principal(el('current-user-principal', [h('/p/')]))).to.equal('/p/');
      expect(principal(el('current-user-principal', [el('unauthenticated')]))).to.equal('unauthenticated');
      expect(principal(el('current-user-principal', [el('response')]))).to.equal(UNTYPED);
      expect(principal(el('current-user-principal', []))).to.equal(undefined);
      expect(principal(el('current-user-principal', [el('authenticated')]))).to.equal(undefined);
    });
    it('hrefs: every href child trimmed, in order; any other child element makes it malformed', function () {
      expect(hrefs(el('group-member-set', [h(' /a '), '\n', h('/b')]))).to.deep.equal(['/a', '/b']);
      expect(hrefs(el('group-member-set', []))).to.deep.equal([]);
      expect(hrefs(el('group-member-set', [h('/a'), el('x')]))).to.equal(undefined);
      expect(hrefs(el('group-member-set', [el('response')]))).to.equal(UNTYPED);
    });
    it('childKeys, choice, childTexts, childInts, childAttrs', function () {
      const rt = el('resourcetype', [' ', el('collection'), 'x', el('{urn:x}cal')]);
      expect(childKeys(rt)).to.deep.equal(['collection', '{urn:x}cal']);
      expect(choice(rt)).to.equal('collection');
      expect(choice(el('transp', ['text']))).to.equal(undefined);
      expect(childTexts(el('tags', [el('t', [' a ']), 'between', el('t', [el('i', ['b']), 'c'])]))).to.deep.equal(['a', 'bc']);
      expect(childInts(el('share-types', [el('s', [' 3 ']), el('s', ['-1'])]))).to.deep.equal([3, -1]);
      expect(childInts(el('share-types', [el('s', ['3']), el('s', ['x'])]))).to.equal(undefined);
      expect(childInts(el('share-types', []))).to.deep.equal([]);
      expect(childAttrs(el('set', [el('m', [], { name: 'GET' }), el('m'), el('m', [], { name: '' }), 'PUT']), 'name')).to.deep.equal(['GET', '']);
    });
    it('wrappedKeys: the keys at the given depth below the element, in document order', function () {
      const report = (name: string): XmlElement => el('supported-report', [el('report', [el(name)])]);
      const set = el('supported-report-set', [report('sync-collection'), ' ', report('expand-property')]);
      expect(wrappedKeys(set, 2)).to.deep.equal(['sync-collection', 'expand-property']);
      expect(wrappedKeys(set, 1)).to.deep.equal(['report', 'report']);
      expect(wrappedKeys(set, 0)).to.deep.equal(['supported-report', 'supported-report']);
      expect(wrappedKeys(set, 3)).to.deep.equal([]);
    });
  });

  describe('xml helpers', function () {
    const tree = el('p', ['a', el('x', ['b', el('y', ['c'])]), 'd', el('href', [' /h ']), el('x', ['e'])], { '{urn:x}at': 'v' });
    it('elements, child, textOf, hrefOf, firstKey', function () {
      expect(elements(tree).map((e) => e.name)).to.deep.equal(['x', 'href', 'x']);
      expect(child(tree, 'x')).to.equal(tree.children[1]);
      expect(child(tree, 'z')).to.equal(undefined);
      expect(textOf(tree)).to.equal('abcd /h e');
      expect(hrefOf(tree)).to.equal('/h');
      expect(hrefOf(undefined)).to.equal(undefined);
      expect(hrefOf(el('p', ['/text']))).to.equal(undefined);
      expect(firstKey(tree)).to.equal('x');
      expect(firstKey(el('p', ['t']))).to.equal(undefined);
      expect(firstKey(undefined)).to.equal(undefined);
    });
    it('rawValue: the text of a text-only element without attributes, else the element', function () {
      expect(rawValue(el('p'))).to.equal('');
      expect(rawValue(el('p', ['a', 'b']))).to.equal('ab');
      expect(rawValue(el('p', ['a'], { k: 'v' }))).to.deep.equal(el('p', ['a'], { k: 'v' }));
      const mixed = el('p', ['a', el('x')]);
      expect(rawValue(mixed)).to.equal(mixed);
    });
  });
});
