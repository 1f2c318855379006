/**
 * The state machine (lib/parser/state-machine.ts) through the public parser: every element in
 * every position of a multistatus (structural, captured, skipped), text where only elements
 * belong, elements inside text elements, end tags that do not match, skipped subtrees, and the
 * limits it checks (depth, text, comments, response size, properties) with their exact words.
 */
import { expect } from 'chai';
import type { DavResponse } from '../../lib/parser/model.js';
import { failure, parseText as parse } from '../helpers/collect.js';


const X = 'urn:x';
const OK = { code: 200, text: 'OK', line: 'HTTP/1.1 200 OK' };
const NOT_FOUND = { code: 404, text: 'Not Found', line: 'HTTP/1.1 404 Not Found' };
const root = (inner: string): string => `<D:multistatus xmlns:D="DAV:" xmlns:X="${X}">${inner}</D:multistatus>`;
/** One response /r with one 200 propstat holding `props`. */
const ok = (props: string): string =>
  root(`<D:response><D:href>/r</D:href><D:propstat><D:prop>${props}</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>`);
/** An error's words without the position MultistatusError appends (checked apart). */
const words = (e: Error): string => e.message.replace(/ \(line \d+, column \d+(, byte \d+)?\)$/, '');

describe('parser state machine (mutation tests)', () => {
  describe('every element in its place', () => {
    it('a response with two propstats, error, description, location and an extension; sync-token, description and an extension at the root', () => {
      const body = root(
        '\n  <D:response>\n    <D:href> /a </D:href>\n' +
          '    <D:propstat>\n      <D:prop><X:p>1</X:p><X:e/></D:prop>\n      <D:status>HTTP/1.1 200 OK</D:status>\n' +
          '      <D:error><X:cond a="1"/></D:error>\n      <D:responsedescription> ps desc </D:responsedescription>\n' +
          '      <X:unknown>skipped<X:deeper>too</X:deeper></X:unknown>\n    </D:propstat>\n' +
          '    <D:propstat><D:prop><X:q/></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat>\n' +
          '    <D:error><X:resp-cond/></D:error>\n    <D:responsedescription>resp desc</D:responsedescription>\n' +
          '    <D:location><D:href> /elsewhere </D:href></D:location>\n    <X:ext x="y">e</X:ext>\n  </D:response>\n' +
          '  <D:sync-token> tok </D:sync-token>\n  <D:responsedescription> root desc </D:responsedescription>\n  <X:root-ext/>\n',
      );
      const { responses, summary } = parse(body, { typed: false });
      expect(responses).to.have.length(1);
      const props = { [`{${X}}p`]: '1', [`{${X}}e`]: '' };
      expect(responses[0]).to.deep.equal({
        href: '/a',
        hrefs: ['/a'],
        path: '/a',
        propstats: [
          {
            status: OK,
            props,
            error: [{ name: `{${X}}cond`, attributes: { a: '1' }, children: [] }],
            responseDescription: 'ps desc',
          },
          { status: NOT_FOUND, props: { [`{${X}}q`]: null } },
        ],
        props,
        error: [{ name: `{${X}}resp-cond`, attributes: {}, children: [] }],
        responseDescription: 'resp desc',
        location: '/elsewhere',
        extensions: [{ name: `{${X}}ext`, attributes: { x: 'y' }, children: ['e'] }],
      });
      expect(summary).to.deep.equal({
        responses: 1,
        bytes: body.length,
        truncated: false,
        diagnostics: [],
        diagnosticCount: 0,
        syncToken: 'tok',
        responseDescription: 'root desc',
        extensions: [{ name: `{${X}}root-ext`, attributes: {}, children: [] }],
      });
    });

    it('a status response: its status, several hrefs, a description, no propstats', () => {
      const { responses, summary } = parse(
        root('<D:response><D:href>/a</D:href><D:href>/b</D:href><D:status>HTTP/1.1 404 Not Found</D:status></D:response>'),
      );
      expect(responses).to.deep.equal([{ href: '/a', hrefs: ['/a', '/b'], path: '/a', propstats: [], props: {}, status: NOT_FOUND }]);
      expect(summary.diagnostics).to.deep.equal([]);
    });

    it('an error inside a response description belongs to the response; inside a propstat description to the propstat; inside the root description it is skipped', () => {
      const body = root(
        '<D:response><D:href>/r</D:href><D:propstat><D:prop><X:p>1</X:p></D:prop><D:status>HTTP/1.1 200 OK</D:status>' +
          '<D:responsedescription>ps <D:error><X:c1/></D:error>text</D:responsedescription></D:propstat>' +
          '<D:responsedescription>r <D:error><X:c2/></D:error><X:other>gone</X:other>text</D:responsedescription></D:response>' +
          '<D:responsedescription>root <D:error><X:c3/></D:error>text</D:responsedescription>',
      );
      const { responses, summary } = parse(body);
      const r = responses[0]!;
      expect(r.propstats[0]!.error).to.deep.equal([{ name: `{${X}}c1`, attributes: {}, children: [] }]);
      expect(r.propstats[0]!.responseDescription).to.equal('ps text');
      expect(r.error).to.deep.equal([{ name: `{${X}}c2`, attributes: {}, children: [] }]);
      expect(r.responseDescription).to.equal('r text');
      expect(summary.responseDescription).to.equal('root text');
      expect(summary).to.not.have.property('extensions');
      expect(summary.diagnostics).to.deep.equal([]);
    });

    it('location keeps only its href: other children are skipped, text beside the href is UNEXPECTED_TEXT', () => {
      const body = root(
        '<D:response><D:href>/r</D:href><D:status>HTTP/1.1 301 Moved Permanently</D:status>' +
          '<D:location>odd<X:note>n<D:href>/not</D:href></X:note><D:href>/new</D:href></D:location></D:response>',
      );
      const { responses, summary } = parse(body);
      expect(responses[0]!.location).to.equal('/new');
      expect(responses[0]!).to.not.have.property('extensions');
      expect(summary.diagnostics.map((d) => [d.code, d.message])).to.deep.equal([
        ['UNEXPECTED_TEXT', 'text "odd" where only elements belong was ignored'],
      ]);
    });

    it('an unknown element in a propstat is skipped with its subtree (nothing captured, nothing said)', () => {
      const body = root(
        '<D:response><D:href>/r</D:href><D:propstat><X:odd a="1">t<D:prop><X:no>1</X:no></D:prop>' +
          '<D:status>HTTP/1.1 500 Internal Server Error</D:status></X:odd><D:prop><X:p>1</X:p></D:prop>' +
          '<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>',
      );
      const { responses, summary } = parse(body);
      expect(responses[0]!.propstats).to.deep.equal([{ status: OK, props: { [`{${X}}p`]: '1' } }]);
      expect(summary.diagnostics).to.deep.equal([]);
    });

    it('a skipped subtree resolves no names and declares nothing: unbound prefixes and undeclarations in it are not looked at', () => {
      const body = root(
        '<D:response><D:href>/r</D:href><D:propstat><X:odd><q:a xmlns:z="" xml:lang="fr"><r:b/></q:a></X:odd>' +
          '<D:prop><X:p>1</X:p></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>',
      );
      const { responses, summary } = parse(body);
      expect(responses[0]!.propstats[0]!).to.deep.equal({ status: OK, props: { [`{${X}}p`]: '1' } });
      expect(summary.diagnostics).to.deep.equal([]);
    });

    it('the root of a skipped subtree may declare: its bindings are undone when it closes', () => {
      const body = root(
        '<D:response><D:href>/r</D:href><D:propstat><X:odd xmlns:X="urn:other" xml:lang="fr"><X:in/></X:odd>' +
          '<D:prop><X:p>1</X:p></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>',
      );
      const { responses } = parse(body);
      expect(responses[0]!.propstats[0]!).to.deep.equal({ status: OK, props: { [`{${X}}p`]: '1' } });
    });

    it('elements in a response, root or error in no DAV: meaning are captured as extensions or conditions, with their attributes', () => {
      const body =
        '<multistatus xmlns="DAV:"><response><href>/r</href><status>HTTP/1.1 200 OK</status>' +
        '<ext xmlns="urn:e" k="v"><in>1</in></ext><D:href xmlns:D="urn:not-dav">no</D:href></response>' +
        '<response xmlns="urn:e"><href>/x</href></response></multistatus>';
      const { responses, summary } = parse(body);
      expect(responses).to.have.length(1);
      expect(responses[0]!.hrefs).to.deep.equal(['/r']);
      expect(responses[0]!.extensions).to.deep.equal([
        { name: '{urn:e}ext', attributes: { k: 'v' }, children: [{ name: '{urn:e}in', attributes: {}, children: ['1'] }] },
        { name: '{urn:not-dav}href', attributes: {}, children: ['no'] },
      ]);
      expect(summary.extensions).to.deep.equal([
        { name: '{urn:e}response', attributes: {}, children: [{ name: '{urn:e}href', attributes: {}, children: ['/x'] }] },
      ]);
      expect(summary.responses).to.equal(1);
    });

    it('a child of a captured element keeps its attributes (an empty map when it has none)', () => {
      const { responses } = parse(ok('<X:v><X:a k="1" xml:lang="en">t</X:a><X:b/></X:v>'));
      expect(responses[0]!.props[`{${X}}v`]).to.deep.equal({
        name: `{${X}}v`,
        attributes: {},
        children: [
          { name: `{${X}}a`, attributes: { k: '1', '{http://www.w3.org/XML/1998/namespace}lang': 'en' }, children: ['t'] },
          { name: `{${X}}b`, attributes: {}, children: [] },
        ],
      });
    });

    it('a property with attributes and text is kept as an element; xml:lang in scope is the propstat\'s lang', () => {
      const body = root(
        '<D:response xml:lang="de"><D:href>/r</D:href><D:propstat><D:prop><X:a k="v">t</X:a><X:b>u</X:b>' +
          '<X:c xml:lang="">w</X:c></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>',
      );
      const ps = parse(body).responses[0]!.propstats[0]!;
      expect(ps.props).to.deep.equal({
        [`{${X}}a`]: { name: `{${X}}a`, attributes: { k: 'v' }, children: ['t'] },
        [`{${X}}b`]: 'u',
        [`{${X}}c`]: { name: `{${X}}c`, attributes: { '{http://www.w3.org/XML/1998/namespace}lang': '' }, children: ['w'] },
      });
      expect(ps.lang).to.deep.equal({ [`{${X}}a`]: 'de', [`{${X}}b`]: 'de' });
    });

    it('options.properties: a property left out is skipped (not counted for maxProperties)', () => {
      const body = ok('<D:getetag>"e"</D:getetag><X:big><X:in>1</X:in></X:big><D:displayname>n</D:displayname>');
      const { responses } = parse(body, { properties: ['getetag', 'displayname'], limits: { maxProperties: 2 } });
      expect(responses[0]!.propstats[0]!.props).to.deep.equal({ getetag: '"e"', displayname: 'n' });
      const e = failure(() => parse(body, { limits: { maxProperties: 2 } }));
      expect(e.code).to.equal('LIMIT_EXCEEDED');
      expect(words(e)).to.equal('more than 2 properties in one response (raise limits.maxProperties)');
    });
  });

  describe('text where only elements belong', () => {
    for (const [where, body] of [
      ['in the root', root('stray <D:response><D:href>/r</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>')],
      ['in a response', root('<D:response>stray<D:href>/r</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>')],
      ['in a propstat', ok('').replace('<D:prop>', 'stray<D:prop>')],
      ['in a prop', ok(' stray ')],
      ['in an error', root('<D:response><D:href>/r</D:href><D:status>HTTP/1.1 200 OK</D:status><D:error>stray<X:c/></D:error></D:response>')],
      ['in a location', root('<D:response><D:href>/r</D:href><D:status>HTTP/1.1 200 OK</D:status><D:location>stray</D:location></D:response>')],
    ] as const) {
      it(`${where}: UNEXPECTED_TEXT quoting it, trimmed`, () => {
        const { summary } = parse(body);
        expect(summary.diagnostics.map((d) => [d.code, d.message])).to.deep.equal([
          ['UNEXPECTED_TEXT', 'text "stray" where only elements belong was ignored'],
        ]);
      });
    }

    it('whitespace there is no diagnostic; text in a skipped subtree or around the root neither', () => {
      const body =
        '<?xml version="1.0"?>\n<!-- c -->\n' +
        root(
          '\n <D:response>\n <D:href>/r</D:href>\n <D:propstat>\n <D:prop>\n </D:prop>\n <D:status>HTTP/1.1 200 OK</D:status>\n' +
            ' <X:skipped>words</X:skipped></D:propstat><D:error> <X:c/> </D:error>\n </D:response>\n',
        ) +
        '\n\n';
      const { responses, summary } = parse(body);
      expect(summary.diagnostics).to.deep.equal([]);
      expect(responses[0]!.error).to.deep.equal([{ name: `{${X}}c`, attributes: {}, children: [] }]);
    });
  });

  describe('elements inside text elements', () => {
    for (const [where, body, check] of [
      ['href', root('<D:response><D:href>/a<X:b>x</X:b>b</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>'), (r: DavResponse) => expect(r.href).to.equal('/ab')],
      ['status', root('<D:response><D:href>/r</D:href><D:status>HTTP/1.1 <X:b>x</X:b>200 OK</D:status></D:response>'), (r: DavResponse) => expect(r.status).to.deep.equal(OK)],
      ['location href', root('<D:response><D:href>/r</D:href><D:status>HTTP/1.1 200 OK</D:status><D:location><D:href>/n<X:b>x</X:b>ew</D:href></D:location></D:response>'), (r: DavResponse) => expect(r.location).to.equal('/new')],
    ] as const) {
      it(`in ${where}: UNEXPECTED_ELEMENT naming it, skipped with its text`, () => {
        const { responses, summary } = parse(body);
        check(responses[0]!);
        expect(summary.diagnostics.map((d) => [d.code, d.message])).to.deep.equal([['UNEXPECTED_ELEMENT', '<X:b> inside a text element was skipped']]);
      });
    }

    it('in the sync-token: UNEXPECTED_ELEMENT, the token is the text around it', () => {
      const { summary } = parse(root('<D:sync-token>ab<D:href>/x</D:href>cd</D:sync-token>'));
      expect(summary.syncToken).to.equal('abcd');
      expect(summary.diagnostics.map((d) => [d.code, d.message])).to.deep.equal([['UNEXPECTED_ELEMENT', '<D:href> inside a text element was skipped']]);
    });
  });

  describe('the root element', () => {
    it('a root that is not {DAV:}multistatus: NOT_MULTISTATUS naming it and its namespace', () => {
      const e = failure(() => parse('<D:response xmlns:D="DAV:"><D:href>/r</D:href></D:response>'));
      expect(e.code).to.equal('NOT_MULTISTATUS');
      expect(words(e)).to.equal('the root element is <D:response> in namespace DAV:, not {DAV:}multistatus: got "<D:response xmlns:D=\\"DAV:\\"><D:href>/r</D:href></D:response>"');
      const f = failure(() => parse('<multistatus><response/></multistatus>'));
      expect(f.code).to.equal('NOT_MULTISTATUS');
      expect(words(f)).to.equal('the root element is <multistatus>, not {DAV:}multistatus: got "<multistatus><response/></multistatus>"');
    });

    it('after the root closes, whitespace and comments are fine and no element is read', () => {
      const { responses, summary } = parse(root('') + '\n<!-- after -->\n');
      expect(responses).to.deep.equal([]);
      expect(summary.diagnostics).to.deep.equal([]);
    });
  });

  describe('end tags', () => {
    it('an end tag that does not match: XML_SYNTAX with both names', () => {
      const e = failure(() => parse(root('<D:response><D:href>/r</D:hre></D:response>')));
      expect(e.code).to.equal('XML_SYNTAX');
      expect(words(e)).to.equal('the end tag </D:hre> does not match <D:href>');
    });

    it('a mismatch inside a skipped subtree and inside a captured value is caught too', () => {
      const e = failure(() => parse(ok('<X:v><X:a></X:b></X:v>')));
      expect(words(e)).to.equal('the end tag </X:b> does not match <X:a>');
      const f = failure(() => parse(root('<D:response><D:href>/r</D:href><D:propstat><X:odd><X:a></X:b></X:odd></D:propstat></D:response>')));
      expect(words(f)).to.equal('the end tag </X:b> does not match <X:a>');
    });

    it('self-closing elements after an end tag of another name are fine', () => {
      const { responses } = parse(ok('<X:a>1</X:a><X:b/><X:c><X:d/></X:c>'));
      expect(Object.keys(responses[0]!.props)).to.deep.equal([`{${X}}a`, `{${X}}b`, `{${X}}c`]);
    });
  });

  describe('limits', () => {
    const nested = (n: number): string => ok(`<X:v>${'<X:a>'.repeat(n)}${'</X:a>'.repeat(n)}</X:v>`);
    // Depth of <X:v>: multistatus 1, response 2, propstat 3, prop 4, X:v 5.
    it('maxDepth: exactly the limit is fine, one more is LIMIT_EXCEEDED with its words', () => {
      expect(parse(nested(3), { limits: { maxDepth: 8 } }).responses).to.have.length(1);
      const e = failure(() => parse(nested(4), { limits: { maxDepth: 8 } }));
      expect(e.code).to.equal('LIMIT_EXCEEDED');
      expect(words(e)).to.equal('more than 8 element nesting depth (raise limits.maxDepth)');
    });

    it('maxDepth counts the elements of a skipped subtree too', () => {
      const body = (n: number): string =>
        root(`<D:response><D:href>/r</D:href><D:propstat><X:odd>${'<X:a>'.repeat(n)}${'</X:a>'.repeat(n)}</X:odd></D:propstat></D:response>`);
      expect(parse(body(4), { limits: { maxDepth: 8 } }).responses).to.have.length(1);
      expect(words(failure(() => parse(body(5), { limits: { maxDepth: 8 } })))).to.equal('more than 8 element nesting depth (raise limits.maxDepth)');
    });

    const TOO_LONG = 'more than 5 characters in one text value (raise limits.maxTextLength)';
    for (const [where, body] of [
      ['a skipped subtree', (t: string) => root(`<D:response><D:href>/r</D:href><D:propstat><X:odd>${t}</X:odd></D:propstat></D:response>`)],
      ['the root (whitespace where only elements belong)', (t: string) => root(t.replace(/./g, ' '))],
      ['a comment', (t: string) => root(`<!--${t}-->`)],
      ['a processing instruction', (t: string) => `<?pi ${t}?>${root('')}`],
    ] as const) {
      it(`maxTextLength in ${where}: exactly the limit is fine, one more is LIMIT_EXCEEDED`, () => {
        expect(parse(body('12345'), { limits: { maxTextLength: 5 } }).summary.responses).to.be.at.most(1);
        const e = failure(() => parse(body('123456'), { limits: { maxTextLength: 5 } }));
        expect(e.code).to.equal('LIMIT_EXCEEDED');
        expect(words(e)).to.equal(TOO_LONG);
      });
    }

    it('maxTextLength bounds text before and after the root (whitespace only there)', () => {
      expect(parse(`${root('')}     `, { limits: { maxTextLength: 5 } }).summary.responses).to.equal(0);
      expect(words(failure(() => parse(`${root('')}      `, { limits: { maxTextLength: 5 } })))).to.equal(TOO_LONG);
    });

    it('a DOCTYPE: DOCTYPE diagnostic; longer than maxTextLength it is LIMIT_EXCEEDED', () => {
      const { summary } = parse(`<!DOCTYPE a>${root('')}`);
      expect(summary.diagnostics.map((d) => [d.code, d.message])).to.deep.equal([
        ['DOCTYPE', 'the DOCTYPE was ignored (no DTD is processed, no entity is expanded)'],
      ]);
      const e = failure(() => parse(`<!DOCTYPE multistatus>${root('')}`, { limits: { maxTextLength: 5 } }));
      expect(words(e)).to.equal(TOO_LONG);
    });
  });
});
