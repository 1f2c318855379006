/**
 * Namespace resolution (lib/parser/namespaces.ts) through the public parser: prefixes bound,
 * rebound and unbound at several depths, the default namespace, unbound prefixes read leniently,
 * prefixed attributes, names that share a slot of the name cache, and the bounds of the caches
 * (4096 names, 4096 prefixes): past them every name still resolves to its binding of the moment.
 */
import { expect } from 'chai';
import type { MultistatusSummary } from '../../lib/index.js';
import { NamespaceScope } from '../../lib/parser/namespaces.js';
import { parseText as parse, thrown } from '../helpers/collect.js';


const X = 'urn:x';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const OK = '<D:status>HTTP/1.1 200 OK</D:status>';
/** A response /`href` with one 200 propstat holding `props`; `attrs` go on the response element. */
const response = (href: string, props: string, attrs = ''): string =>
  `<D:response${attrs}><D:href>${href}</D:href><D:propstat><D:prop>${props}</D:prop>${OK}</D:propstat></D:response>`;
const root = (inner: string, attrs = ''): string => `<D:multistatus xmlns:D="DAV:" xmlns:X="${X}"${attrs}>${inner}</D:multistatus>`;
const diags = (s: MultistatusSummary): [string, string][] => s.diagnostics.map((d) => [d.code, d.message]);
const el = (name: string, children: (string | object)[] = [], attributes: Record<string, string> = {}): object => ({ name, attributes, children });

/**
 * The slot of the two-way cache in front of the name Map (namespaces.ts): used only to build
 * names that share a slot, so that the tests below reach the second way. Were the hash to change,
 * these tests would still pass on a right parser; they would only stop reaching that way.
 */
function cacheSlot(name: string): number {
  const n = name.length;
  return (n * 31 + name.charCodeAt(n - 1) * 7 + name.charCodeAt(n >> 1)) & 255;
}
/** `count` names `X:<stem>N` (N counting up) that share the cache slot of `of`. */
function sameSlot(of: string, stem: string, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count && i < 1_000_000; i++) {
    const name = `X:${stem}${i.toString(36)}`;
    if (name !== of && cacheSlot(name) === cacheSlot(of)) out.push(name);
  }
  expect(out).to.have.length(count);
  return out;
}

describe('parser namespace resolution (mutation tests)', () => {
  describe('bindings at several depths', () => {
    it('a prefix rebound on a response, on a property and inside a value resolves to the innermost binding, restored as each closes', () => {
      const body = root(
        response('/a', '<X:p>1</X:p>') +
          response('/b', '<X:p>2</X:p><X:q xmlns:X="urn:z">3</X:q><X:r>4</X:r>', ' xmlns:X="urn:y"') +
          response('/c', '<X:v><X:in xmlns:X="urn:w"><X:deeper/></X:in><X:after/></X:v><X:p>5</X:p>'),
      );
      const { responses, summary } = parse(body);
      expect(responses.map((r) => r.props)).to.deep.equal([
        { [`{${X}}p`]: '1' },
        { '{urn:y}p': '2', '{urn:z}q': '3', '{urn:y}r': '4' },
        {
          [`{${X}}v`]: el(`{${X}}v`, [el('{urn:w}in', [el('{urn:w}deeper')]), el(`{${X}}after`)]),
          [`{${X}}p`]: '5',
        },
      ]);
      expect(summary.diagnostics).to.deep.equal([]);
    });

    it('the DAV: prefix rebound away makes its names unknown (captured), and back again on close', () => {
      const body = root(
        `<D:response><D:href>/a</D:href><D:status xmlns:D="urn:not-dav">no</D:status>${OK}</D:response>` + response('/b', '<X:p>1</X:p>'),
      );
      const { responses } = parse(body);
      expect(responses[0]!.status).to.deep.equal({ code: 200, text: 'OK', line: 'HTTP/1.1 200 OK' });
      expect(responses[0]!.extensions).to.deep.equal([el('{urn:not-dav}status', ['no'])]);
      expect(responses[1]!.props).to.deep.equal({ [`{${X}}p`]: '1' });
    });

    it('a prefix bound to the URI it already has (Apache repeats lp1="DAV:") changes nothing', () => {
      const body =
        '<D:multistatus xmlns:D="DAV:">' +
        '<D:response xmlns:lp1="DAV:"><D:href>/a</D:href><D:propstat><D:prop><lp1:getetag>"1"</lp1:getetag></D:prop>' +
        `${OK}</D:propstat></D:response>` +
        '<D:response xmlns:lp1="DAV:"><D:href>/b</D:href><D:propstat><D:prop><lp1:getetag xmlns:lp1="DAV:">"2"</lp1:getetag>' +
        `<lp1:displayname>n</lp1:displayname></D:prop>${OK}</D:propstat></D:response></D:multistatus>`;
      const { responses, summary } = parse(body);
      expect(responses.map((r) => r.props)).to.deep.equal([{ getetag: '"1"' }, { getetag: '"2"', displayname: 'n' }]);
      expect(summary.diagnostics).to.deep.equal([]);
    });

    it('a prefix used after the element that bound it closed is unbound again: UNBOUND_PREFIX, read as the namespace "prefix:"', () => {
      const body = root(response('/a', '<q:p xmlns:q="urn:q">1</q:p><q:p>2</q:p>'));
      const { responses, summary } = parse(body);
      // The last one wins per key; the two are different keys.
      expect(responses[0]!.props).to.deep.equal({ '{urn:q}p': '1', '{q:}p': '2' });
      expect(diags(summary)).to.deep.equal([['UNBOUND_PREFIX', 'the prefix q of <q:p> is not declared; read as namespace q:']]);
    });

    it('the default namespace: declared, redeclared, undeclared (xmlns="") and restored, at several depths', () => {
      const body =
        '<multistatus xmlns="DAV:"><response><href>/a</href><propstat><prop>' +
        '<p xmlns="urn:p"><c>1</c><d xmlns=""><e/></d><f/></p><getetag>"e"</getetag><g xmlns="">2</g>' +
        '</prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>';
      const { responses, summary } = parse(body);
      expect(responses[0]!.props).to.deep.equal({
        '{urn:p}p': el('{urn:p}p', [el('{urn:p}c', ['1']), el('{}d', [el('{}e')]), el('{urn:p}f')]),
        getetag: '"e"',
        '{}g': '2',
      });
      expect(summary.diagnostics).to.deep.equal([]);
    });

    it('an unprefixed name with no default namespace is in no namespace ({}name), bound, without a diagnostic', () => {
      const { responses, summary } = parse(root(response('/a', '<plain>1</plain>')));
      expect(responses[0]!.props).to.deep.equal({ '{}plain': '1' });
      expect(summary.diagnostics).to.deep.equal([]);
    });

    it('an unbound prefix is read as the namespace "prefix:" (lighttpd\'s <DAV:getetag/> is {DAV:}getetag)', () => {
      const { responses, summary } = parse(root(response('/a', '<DAV:getetag>"x"</DAV:getetag><zz:n>1</zz:n>')));
      expect(responses[0]!.props).to.deep.equal({ getetag: '"x"', '{zz:}n': '1' });
      expect(diags(summary)).to.deep.equal([
        ['UNBOUND_PREFIX', 'the prefix DAV of <DAV:getetag> is not declared; read as namespace DAV:'],
        ['UNBOUND_PREFIX', 'the prefix zz of <zz:n> is not declared; read as namespace zz:'],
      ]);
    });

    it('prefixed attributes: bound ones in Clark notation, xml: always bound, unbound ones as "prefix:" with UNBOUND_PREFIX', () => {
      const body = root(response('/a', '<X:v X:a="1" xml:space="preserve" un:b="2" c="3" D:d="4"/>'));
      const { responses, summary } = parse(body);
      expect(responses[0]!.props).to.deep.equal({
        [`{${X}}v`]: el(`{${X}}v`, [], { [`{${X}}a`]: '1', [`{${XML_NS}}space`]: 'preserve', '{un:}b': '2', c: '3', d: '4' }),
      });
      expect(diags(summary)).to.deep.equal([['UNBOUND_PREFIX', 'the prefix un of <un:b> is not declared; read as namespace un:']]);
    });

    // This test once pinned the opposite (`<:x>` and `:a` read as the local names ":x" and ":a"):
    // Namespaces in XML 1.0 §4 [7] makes such a name no QName, so not namespace-well-formed, and the
    // W3C suite (rmt-ns10-016) and the differential test against saxes agree. Now refused.
    it('a name that starts or ends with a colon, or holds two, is XML_SYNTAX, strict or not (Namespaces §4 [7] QName)', () => {
      for (const props of ['<:x>1</:x>', '<X:v :a="2"/>', '<w xmlns="urn:w"><:y/></w>', '<X:/>', '<X:v X:="1"/>', '<X:a:b/>', '<X:v X:a:b="1"/>']) {
        for (const strict of [false, true]) {
          const e = thrown(() => parse(root(response('/a', props)), { strict }));
          expect(e.code, props).to.equal('XML_SYNTAX');
          expect(e.message, props).to.match(/not a QName/);
        }
      }
    });

    it('an attribute prefix bound on the element itself, on a parent, or rebound there', () => {
      const body = root(response('/a', '<X:v xmlns:k="urn:k1"><X:c k:a="1" xmlns:m="urn:m" m:b="2"/><X:d xmlns:k="urn:k2" k:a="3"/><X:e k:a="4"/></X:v>'));
      const { responses, summary } = parse(body);
      expect(responses[0]!.props[`{${X}}v`]).to.deep.equal(
        el(`{${X}}v`, [el(`{${X}}c`, [], { '{urn:k1}a': '1', '{urn:m}b': '2' }), el(`{${X}}d`, [], { '{urn:k2}a': '3' }), el(`{${X}}e`, [], { '{urn:k1}a': '4' })]),
      );
      expect(summary.diagnostics).to.deep.equal([]);
    });

    it('xml: is bound from the start for elements too', () => {
      const { responses, summary } = parse(root(response('/a', '<xml:odd>1</xml:odd>')));
      expect(responses[0]!.props).to.deep.equal({ [`{${XML_NS}}odd`]: '1' });
      expect(summary.diagnostics).to.deep.equal([]);
    });
  });

  describe('NamespaceScope.attribute (the module\'s own contract)', () => {
    // The parser hands it prefixed names only (ElementScope keeps unprefixed ones itself and relies
    // on this contract being the same: see the scope.ts entries of equivalent-parser.json).
    it('an unprefixed attribute name is its own key, bound, with no prefix; a prefixed one is resolved', () => {
      const ns = new NamespaceScope<string>((uri, local, key) => key);
      expect(ns.attribute('plain')).to.deep.equal({ key: 'plain', bound: true, prefix: '' });
      ns.declare('', 'urn:default', 1);
      expect(ns.attribute('plain')).to.deep.equal({ key: 'plain', bound: true, prefix: '' });
      ns.declare('p', 'urn:p', 1);
      expect(ns.attribute('p:a')).to.deep.equal({ key: '{urn:p}a', bound: true, prefix: 'p' });
      expect(ns.attribute('xml:lang')).to.deep.equal({ key: `{${XML_NS}}lang`, bound: true, prefix: 'xml' });
      expect(ns.attribute('u:a')).to.deep.equal({ key: '{u:}a', bound: false, prefix: 'u' });
      ns.release(1);
      expect(ns.attribute('p:a')).to.deep.equal({ key: '{p:}a', bound: false, prefix: 'p' });
    });
  });

  describe('names that share a slot of the name cache', () => {
    it('three names on one slot, used in turns and rebound in between, each resolve to their own binding', () => {
      const [a, b, c] = sameSlot('X:p', 'n', 3) as [string, string, string];
      const props = (uri: string): Record<string, string> => ({ [`{${uri}}${a.slice(2)}`]: 'a', [`{${uri}}${b.slice(2)}`]: 'b', [`{${uri}}${c.slice(2)}`]: 'c' });
      const three = `<${a}>a</${a}><${b}>b</${b}><${c}>c</${c}>`;
      const body = root(
        response('/1', three) +
          response('/2', `<${b}>b</${b}><${a}>a</${a}><${c}>c</${c}>`) +
          response('/3', three, ' xmlns:X="urn:y"') +
          response('/4', `<${c}>c</${c}><${a}>a</${a}><${b}>b</${b}>`) +
          response('/5', `<${a}>a</${a}><${a}>a</${a}><${b}>b</${b}><${b}>b</${b}><${c}>c</${c}>`),
      );
      const { responses, summary } = parse(body);
      expect(responses.map((r) => r.props)).to.deep.equal([props(X), props(X), props('urn:y'), props(X), props(X)]);
      expect(summary.diagnostics.map((d) => d.code)).to.deep.equal(['DUPLICATE_PROPERTY', 'DUPLICATE_PROPERTY']);
    });

    it('a name in the second way whose prefix was rebound is resolved again', () => {
      const [a, b] = sameSlot('X:p', 'm', 2) as [string, string];
      // a, then b (a moves to the second way), then rebind X and use a from the second way.
      const body = root(response('/1', `<${a}>1</${a}><${b}>2</${b}>`) + response('/2', `<${a}>3</${a}>`, ' xmlns:X="urn:y"'));
      const { responses } = parse(body);
      expect(responses[1]!.props).to.deep.equal({ [`{urn:y}${a.slice(2)}`]: '3' });
    });
  });

  describe('the bounds of the caches', () => {
    /** `count` elements <X:c> in one property value, each declaring a prefix never seen before. */
    const manyPrefixes = (count: number, from = 0): string => {
      let s = '<X:many>';
      for (let i = from; i < from + count; i++) s += `<X:c xmlns:p${i}="urn:${i}"/>`;
      return s + '</X:many>';
    };
    /** Checks the value manyPrefixes(count) gave (a loop: a deep comparison of thousands of children is slow). */
    const expectMany = (value: unknown, count: number): void => {
      const v = value as { name: string; attributes: object; children: { name: string; attributes: object; children: unknown[] }[] };
      expect(v.name).to.equal(`{${X}}many`);
      expect(v.attributes).to.deep.equal({});
      expect(v.children).to.have.length(count);
      for (const c of v.children) {
        if (c.name !== `{${X}}c` || Object.keys(c.attributes).length !== 0 || c.children.length !== 0) expect(c).to.deep.equal(el(`{${X}}c`));
      }
    };

    it('past 4096 prefixes, the bound ones (D, X, xml, the default namespace) still resolve and attributes keep theirs', () => {
      const body = root(
        response('/a', manyPrefixes(4200)) +
          response('/b', '<X:p xml:lang="en" X:k="1">v</X:p><getetag>"e"</getetag><xml:odd>2</xml:odd>', ' xmlns="DAV:"'),
      );
      const { responses, summary } = parse(body);
      expect(responses).to.have.length(2);
      expect(Object.keys(responses[0]!.props)).to.deep.equal([`{${X}}many`]);
      expectMany(responses[0]!.props[`{${X}}many`], 4200);
      expect(responses[1]!.props).to.deep.equal({
        [`{${X}}p`]: el(`{${X}}p`, ['v'], { [`{${XML_NS}}lang`]: 'en', [`{${X}}k`]: '1' }),
        getetag: '"e"',
        [`{${XML_NS}}odd`]: '2',
      });
      expect(summary.diagnostics).to.deep.equal([]);
    });

    it('a name read while its prefix was unbound is resolved again once the prefix is bound, after the prefixes were forgotten', () => {
      // q:x is cached unbound; 4096 new prefixes later the unbound ones are dropped; then q is bound.
      const body = root(
        response('/a', '<q:x>1</q:x>' + manyPrefixes(4200)) + response('/b', '<q:x>2</q:x>', ' xmlns:q="urn:q"'),
      );
      const { responses, summary } = parse(body);
      expect(responses[0]!.props).to.deep.include({ '{q:}x': '1' });
      expect(responses[1]!.props).to.deep.equal({ '{urn:q}x': '2' });
      expect(summary.diagnostics.map((d) => d.code)).to.deep.equal(['UNBOUND_PREFIX']);
    });

    it('the same, with the unbound name in the second way of its cache slot when the prefixes are forgotten', () => {
      const [other] = sameSlot('q:x', 'o', 1) as [string];
      const body = root(
        response('/a', `<q:x>1</q:x><${other}>o</${other}>` + manyPrefixes(4200)) + response('/b', '<q:x>2</q:x>', ' xmlns:q="urn:q"'),
      );
      const { responses, summary } = parse(body);
      expect(responses[1]!.props).to.deep.equal({ '{urn:q}x': '2' });
      expect(summary.diagnostics.map((d) => d.code)).to.deep.equal(['UNBOUND_PREFIX']);
    });

    it('a bound prefix in scope while the prefixes are forgotten keeps its binding, and loses it when its element closes', () => {
      const body = root(response('/a', `<X:v xmlns:k="urn:k"><k:a>1</k:a>${manyPrefixes(4200)}<k:b>2</k:b></X:v><k:c>3</k:c>`));
      const { responses, summary } = parse(body);
      const v = responses[0]!.props[`{${X}}v`] as { children: unknown[] };
      expect(Object.keys(responses[0]!.props)).to.deep.equal([`{${X}}v`, '{k:}c']);
      expect(responses[0]!.props['{k:}c']).to.equal('3');
      expect(v.children).to.have.length(3);
      expect(v.children[0]).to.deep.equal(el('{urn:k}a', ['1']));
      expectMany(v.children[1], 4200);
      expect(v.children[2]).to.deep.equal(el('{urn:k}b', ['2']));
      expect(diags(summary)).to.deep.equal([['UNBOUND_PREFIX', 'the prefix k of <k:c> is not declared; read as namespace k:']]);
    });

    it('past 4096 distinct names, every name still resolves (the cache is emptied, not wrong)', () => {
      let props = '';
      const expected: Record<string, string> = {};
      for (let i = 0; i < 5000; i++) {
        props += `<X:n${i}>${i}</X:n${i}>`;
        expected[`{${X}}n${i}`] = String(i);
      }
      const body = root(response('/a', props) + response('/b', props.replace(/<X:/g, '<Y:').replace(/<\/X:/g, '</Y:'), ' xmlns:Y="urn:x"'));
      const { responses, summary } = parse(body, { limits: { maxProperties: 10_000 } });
      expect(responses[0]!.props).to.deep.equal(expected);
      expect(responses[1]!.props).to.deep.equal(expected);
      expect(summary.diagnostics).to.deep.equal([]);
    });
  });
});
