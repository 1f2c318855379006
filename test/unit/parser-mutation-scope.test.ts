/**
 * Element scope and positions (lib/parser/scope.ts, sax-adapter.ts): namespace declarations that
 * XML forbids, attributes that only look like declarations, declarations and xml:lang inside a
 * skipped subtree or going out of scope, the words of each error, and line/column/offset when
 * whitespace precedes the XML declaration.
 */
import { expect } from 'chai';
import { MultistatusParser } from '../../lib/index.js';
import type { ParseOptions } from '../../lib/index.js';
import { failure, parseText as parse } from '../helpers/collect.js';



const X = 'http://example.com/ns';
const ok = (props: string): string =>
  `<D:multistatus xmlns:D="DAV:" xmlns:X="${X}"><D:response><D:href>/r</D:href><D:propstat><D:prop>${props}</D:prop>` +
  '<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>';
const props = (body: string, options: ParseOptions = {}): Record<string, unknown> => parse(body, options).responses[0]!.propstats[0]!.props as Record<string, unknown>;

describe('parser element scope (mutation tests)', () => {
  describe('declarations XML forbids', () => {
    it('undeclaring a prefix (xmlns:Q="") is XML_SYNTAX naming the prefix, with a position', () => {
      const e = failure(() => parse(ok('<X:v xmlns:Q="">1</X:v>')));
      expect(e.code).to.equal('XML_SYNTAX');
      expect(e.message).to.contain('Q');
      expect(e.line).to.equal(1);
      expect(e.offset).to.be.greaterThan(0);
    });

    it('undeclaring the default namespace (xmlns="") is allowed', () => {
      // No namespace is written {}name (README, property keys).
      const p = props(ok(`<X:v xmlns="urn:d"><a xmlns=""><b>1</b></a><c>2</c></X:v>`));
      expect(p[`{${X}}v`]).to.deep.equal({
        name: `{${X}}v`,
        attributes: {},
        children: [
          { name: '{}a', attributes: {}, children: [{ name: '{}b', attributes: {}, children: ['1'] }] },
          { name: '{urn:d}c', attributes: {}, children: ['2'] },
        ],
      });
    });

    it('declaring the prefix xmlns is XML_SYNTAX naming it, with a position', () => {
      const e = failure(() => parse(ok('<X:v xmlns:xmlns="urn:a">1</X:v>')));
      expect(e.code).to.equal('XML_SYNTAX');
      expect(e.message).to.contain('xmlns');
      expect(e.line).to.equal(1);
      expect(e.column).to.be.a('number');
    });

    it('binding xml to another URI is XML_SYNTAX; to its own URI it is allowed', () => {
      const e = failure(() => parse(ok('<X:v xmlns:xml="urn:other">1</X:v>')));
      expect(e.code).to.equal('XML_SYNTAX');
      expect(e.message).to.contain('xml');
      expect(props(ok('<X:v xmlns:xml="http://www.w3.org/XML/1998/namespace">1</X:v>'))[`{${X}}v`]).to.equal('1');
    });
  });

  describe('attributes that only look like declarations', () => {
    it('xa, xabcd and xmlnsfoo are attributes: kept, and no default namespace comes from them', () => {
      const p = props(ok('<X:v xa="urn:bad1" xabcd="urn:bad2" xmlnsfoo="urn:bad3"><c>1</c></X:v>'));
      expect(p[`{${X}}v`]).to.deep.equal({
        name: `{${X}}v`,
        attributes: { xa: 'urn:bad1', xabcd: 'urn:bad2', xmlnsfoo: 'urn:bad3' },
        children: [{ name: '{}c', attributes: {}, children: ['1'] }], // no namespace: {}name (README)
      });
    });

    it('they count as attributes for maxAttributes, and the error says what was counted', () => {
      const e = failure(() => parse(ok('<X:v xa="1" xabcd="2" xmlnsfoo="3">1</X:v>'), { limits: { maxAttributes: 2 } }));
      expect(e.code).to.equal('LIMIT_EXCEEDED');
      expect(e.message).to.contain('more than 2 attributes').and.to.contain('maxAttributes');
    });

    it('too many namespace declarations: the error says what was counted', () => {
      const e = failure(() => parse(ok('<X:v xmlns:a="urn:a" xmlns:b="urn:b" xmlns:c="urn:c">1</X:v>'), { limits: { maxNamespaceDeclarations: 2 } }));
      expect(e.code).to.equal('LIMIT_EXCEEDED');
      expect(e.message).to.contain('more than 2 namespace declarations').and.to.contain('maxNamespaceDeclarations');
    });
  });

  describe('scope', () => {
    it('a declaration inside a filtered-out property does not leak onto the next element', () => {
      const body = ok(`<X:skip><X:in xmlns:Q="urn:q" xml:lang="fr"/></X:skip><X:keep><Q:c>1</Q:c></X:keep>`);
      const { responses, summary } = parse(body, { properties: [`{${X}}keep`] });
      const ps = responses[0]!.propstats[0]!;
      expect(Object.keys(ps.props)).to.deep.equal([`{${X}}keep`]);
      expect((ps.props as Record<string, { children: { name: string }[] }>)[`{${X}}keep`]!.children[0]!.name).to.equal('{Q:}c');
      expect(ps.lang).to.equal(undefined);
      expect(summary.diagnostics.map((d) => d.code)).to.deep.equal(['UNBOUND_PREFIX']);
    });

    it('xml:lang goes out of scope with its element; an outer one comes back', () => {
      const { responses } = parse(ok(`<X:a xml:lang="fr">1</X:a><X:b>2</X:b>`).replace('<D:prop>', '<D:prop>'));
      expect(responses[0]!.propstats[0]!.lang).to.deep.equal({ [`{${X}}a`]: 'fr' });
      const nested = parse(ok(`<X:a xml:lang="fr">1</X:a><X:b>2</X:b>`).replace('<D:prop>', '<D:prop xml:lang="en">'));
      expect(nested.responses[0]!.propstats[0]!.lang).to.deep.equal({ [`{${X}}a`]: 'fr', [`{${X}}b`]: 'en' });
    });

    it('UNBOUND_PREFIX names the prefix and the element', () => {
      const { summary } = parse(ok('<Q:v>1</Q:v>'));
      expect(summary.diagnostics.map((d) => d.code)).to.deep.equal(['UNBOUND_PREFIX']);
      expect(summary.diagnostics[0]!.message).to.contain('Q').and.to.contain('<Q:v>');
    });
  });

  describe('positions after whitespace before the XML declaration', () => {
    const bad = '<D:multistatus xmlns:D="DAV:"><D:response></D:nope></D:multistatus>';
    const decl = '<?xml version="1.0"?>';
    it('an error on the first line counts the skipped spaces in its column and (string input) offset', () => {
      const body = '   ' + decl + bad;
      const e = failure(() => parse(body));
      expect(e.code).to.equal('XML_SYNTAX');
      const at = body.indexOf('</D:nope>') + '</D:nope>'.length;
      expect(e.line).to.equal(1);
      expect(e.offset).to.be.within(body.indexOf('</D:nope>'), at);
      expect(e.column).to.equal(e.offset! + 1);
    });

    it('an error on a later line does not add the first line\'s skipped spaces to its column', () => {
      const body = '   ' + decl + '\n' + bad;
      const e = failure(() => parse(body));
      expect(e.line).to.equal(2);
      const lineStart = body.indexOf('\n') + 1;
      expect(e.offset).to.be.within(body.indexOf('</D:nope>'), body.indexOf('</D:nope>') + 9);
      expect(e.column).to.equal(e.offset! - lineStart + 1);
    });
  });

  it('a name longer than maxTextLength is stopped while it is still arriving', () => {
    const parser = new MultistatusParser({ onResponse: () => {}, limits: { maxTextLength: 100 } });
    parser.write(`<D:multistatus xmlns:D="DAV:"><D:response><D:href>/a</D:href><D:propstat><D:prop><X:`);
    const e = failure(() => parser.write('n'.repeat(300)));
    expect(e.code).to.equal('LIMIT_EXCEEDED');
  });

  it('unfinished markup after the root element is XML_SYNTAX at end()', () => {
    const e = failure(() => parse('<D:multistatus xmlns:D="DAV:"></D:multistatus><'));
    expect(e.code).to.equal('XML_SYNTAX');
  });
});
