/**
 * Attributes as the tokenizer hands them over (lib/parser/scope.ts): two prefixed attributes that
 * name one expanded name (Namespaces in XML §6.3), prefixes bound to the reserved namespaces
 * (§3), and the attributes kept for each captured element (its own, in document order, none of
 * its parent's).
 */
import { expect } from 'chai';
import type { ParseOptions } from '../../lib/index.js';
import { failure, parseText as parse } from '../helpers/collect.js';

const X = 'http://example.com/ns';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const ok = (props: string): string =>
  `<D:multistatus xmlns:D="DAV:" xmlns:X="${X}"><D:response><D:href>/r</D:href><D:propstat><D:prop>${props}</D:prop>` +
  '<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>';
const props = (body: string, options: ParseOptions = {}): Record<string, unknown> => parse(body, options).responses[0]!.propstats[0]!.props as Record<string, unknown>;

describe('parser attributes (mutation tests)', () => {
  describe('one expanded name given twice', () => {
    it('two prefixes bound to one URI with the same local name: XML_SYNTAX naming both and the name', () => {
      const e = failure(() => parse(ok('<X:v xmlns:a="urn:n" xmlns:b="urn:n" a:x="1" b:x="2">1</X:v>')));
      expect(e.code).to.equal('XML_SYNTAX');
      expect(e.message).to.match(/^the attributes a:x and b:x are one name, \{urn:n\}x \(an attribute given twice\) \(line 1, column \d+, byte \d+\)$/);
    });

    it('the pair is found among other attributes, in any place', () => {
      const e = failure(() => parse(ok('<X:v xmlns:a="urn:n" xmlns:b="urn:n" a:y="0" c="3" b:x="1" d="4" a:x="2">1</X:v>')));
      expect(e.code).to.equal('XML_SYNTAX');
      expect(e.message).to.match(/^the attributes b:x and a:x are one name, \{urn:n\}x /);
    });

    it('the same prefix bound by an ancestor counts too', () => {
      const e = failure(() => parse(ok('<X:v xmlns:a="urn:n"><X:w xmlns:b="urn:n" b:x="1" a:x="2"/></X:v>')));
      expect(e.code).to.equal('XML_SYNTAX');
      expect(e.message).to.contain('are one name, {urn:n}x');
    });

    it('same local name in two namespaces, or once prefixed and once not: both kept', () => {
      const p = props(ok('<X:v xmlns:a="urn:n" xmlns:b="urn:m" a:x="1" b:x="2" x="3"><X:c/></X:v>'));
      expect(p[`{${X}}v`]).to.deep.equal({
        name: `{${X}}v`,
        attributes: { '{urn:n}x': '1', '{urn:m}x': '2', x: '3' },
        children: [{ name: `{${X}}c`, attributes: {}, children: [] }],
      });
    });

    it('two different unbound prefixes are two names: no XML_SYNTAX, a diagnostic for the unbound prefix', () => {
      const r = parse(ok('<X:v p:x="1" q:x="2"><X:c/></X:v>'));
      const v = r.responses[0]!.propstats[0]!.props[`{${X}}v`] as { attributes: Record<string, string> };
      expect(Object.values(v.attributes)).to.deep.equal(['1', '2']);
      expect(r.summary.diagnostics.map((d) => d.code)).to.include('UNBOUND_PREFIX');
    });

    it('is checked on elements whose attributes are not kept too (the whole body is XML)', () => {
      // D:href keeps no attributes; the check is on every element that is not skipped.
      const body =
        `<D:multistatus xmlns:D="DAV:"><D:response><D:href xmlns:a="urn:n" xmlns:b="urn:n" a:x="1" b:x="2">/r</D:href>` +
        '<D:status>HTTP/1.1 200 OK</D:status></D:response></D:multistatus>';
      expect(failure(() => parse(body)).code).to.equal('XML_SYNTAX');
    });
  });

  describe('reserved namespaces', () => {
    it('a prefix other than xml bound to the XML namespace: XML_SYNTAX naming the prefix and the URI', () => {
      const e = failure(() => parse(ok(`<X:v xmlns:p="${XML_NS}">1</X:v>`)));
      expect(e.code).to.equal('XML_SYNTAX');
      expect(e.message).to.match(new RegExp(`^the prefix p may not be bound to the reserved namespace ${XML_NS} \\(line 1, `));
    });

    it('the default namespace bound to either reserved namespace: XML_SYNTAX naming the default namespace', () => {
      for (const uri of [XML_NS, XMLNS_NS]) {
        const e = failure(() => parse(ok(`<X:v xmlns="${uri}">1</X:v>`)));
        expect(e.code, uri).to.equal('XML_SYNTAX');
        expect(e.message, uri).to.match(new RegExp(`^the default namespace may not be bound to the reserved namespace ${uri} \\(`));
      }
    });

    it('any prefix bound to the xmlns namespace: XML_SYNTAX', () => {
      const e = failure(() => parse(ok(`<X:v xmlns:p="${XMLNS_NS}">1</X:v>`)));
      expect(e.code).to.equal('XML_SYNTAX');
      expect(e.message).to.match(new RegExp(`^the prefix p may not be bound to the reserved namespace ${XMLNS_NS} \\(`));
    });

    it('xml bound to its own URI, and other URIs that only start like the reserved ones, are allowed', () => {
      const p = props(ok(`<X:v xmlns:xml="${XML_NS}" xmlns:p="${XML_NS}x" xmlns:q="${XMLNS_NS}x" p:a="1" q:a="2">1</X:v>`));
      expect(p[`{${X}}v`]).to.deep.equal({ name: `{${X}}v`, attributes: { [`{${XML_NS}x}a`]: '1', [`{${XMLNS_NS}x}a`]: '2' }, children: ['1'] });
    });
  });

  describe('the attributes kept for each element', () => {
    it('each captured element keeps its own attributes, in document order, none of its parent\'s', () => {
      const p = props(ok('<X:v z="1" a="2" y="3"><X:c b="4"/><X:d/><X:e c="5" d="6"/></X:v>'));
      const v = p[`{${X}}v`] as { attributes: Record<string, string>; children: { attributes: Record<string, string> }[] };
      expect(Object.entries(v.attributes)).to.deep.equal([['z', '1'], ['a', '2'], ['y', '3']]);
      expect(v.children.map((c) => c.attributes)).to.deep.equal([{ b: '4' }, {}, { c: '5', d: '6' }]);
    });

    it('namespace declarations are not attributes: an element with only declarations keeps none', () => {
      const p = props(ok('<X:v xmlns:a="urn:a" xmlns="urn:d"><c xmlns:b="urn:b" b:k="1"/></X:v>'));
      expect(p[`{${X}}v`]).to.deep.equal({
        name: `{${X}}v`,
        attributes: {},
        children: [{ name: '{urn:d}c', attributes: { '{urn:b}k': '1' }, children: [] }],
      });
    });

    it('xml:lang is picked out among other prefixed attributes and still kept as an attribute', () => {
      const r = parse(ok(`<X:v xmlns:a="urn:a" a:k="1" xml:lang="de">Wert</X:v>`));
      const v = r.responses[0]!.propstats[0]!.props[`{${X}}v`] as { attributes: Record<string, string> };
      expect(v.attributes).to.deep.equal({ '{urn:a}k': '1', [`{${XML_NS}}lang`]: 'de' });
    });
  });
});
