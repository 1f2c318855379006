/**
 * The response builder (lib/parser/response-builder.ts) through the public parser: what each
 * response and propstat starts from (nothing left over from the one before), text split across
 * events, empty properties whose status comes after them, duplicates, the merged view of the 2xx
 * propstats, the diagnostics of odd responses with their exact words and hrefs, urls, 507, the
 * callback's own error, and the response-size, property and text limits at their exact bounds.
 */
import { expect } from 'chai';
import { MultistatusParser } from '../../lib/index.js';
import type { MultistatusSummary } from '../../lib/index.js';
import { failure, parseText as parse, thrown } from '../helpers/collect.js';


const X = 'urn:x';
const OK = { code: 200, text: 'OK', line: 'HTTP/1.1 200 OK' };
const NOT_FOUND = { code: 404, text: 'Not Found', line: 'HTTP/1.1 404 Not Found' };
const S200 = '<D:status>HTTP/1.1 200 OK</D:status>';
const S404 = '<D:status>HTTP/1.1 404 Not Found</D:status>';
const root = (inner: string): string => `<D:multistatus xmlns:D="DAV:" xmlns:X="${X}">${inner}</D:multistatus>`;
const propstat = (props: string, status = S200, extra = '', propAttrs = ''): string =>
  `<D:propstat><D:prop${propAttrs}>${props}</D:prop>${status}${extra}</D:propstat>`;
const response = (href: string, inner: string): string => `<D:response><D:href>${href}</D:href>${inner}</D:response>`;
const diags = (s: MultistatusSummary): [string, string, string | undefined][] => s.diagnostics.map((d) => [d.code, d.message, d.href]);
const words = (e: Error): string => e.message.replace(/ \(line \d+, column \d+(, byte \d+)?\)$/, '');
const el = (name: string, children: (string | object)[] = [], attributes: Record<string, string> = {}): object => ({ name, attributes, children });
const k = (local: string): string => `{${X}}${local}`;

describe('parser response builder (mutation tests)', () => {
  describe('each response and propstat starts afresh', () => {
    it('a bare response after a full one has none of its parts', () => {
      const full = response(
        '/a',
        propstat('<X:p>1</X:p><D:getcontentlength>bad</D:getcontentlength>', S200, '<D:error><X:c/></D:error><D:responsedescription>d</D:responsedescription>', ' xml:lang="en"') +
          '<D:error><X:rc/></D:error><D:responsedescription>rd</D:responsedescription><D:location><D:href>/l</D:href></D:location><X:ext/>',
      );
      const { responses, summary } = parse(root(full + response('/b', propstat('')) + response('/c', S404)));
      expect(responses[0]!.propstats[0]).to.deep.equal({
        status: OK,
        props: { [k('p')]: '1' },
        raw: { getcontentlength: 'bad' },
        error: [el(k('c'))],
        responseDescription: 'd',
        lang: { [k('p')]: 'en', getcontentlength: 'en' },
      });
      expect(responses[0]).to.include({ responseDescription: 'rd', location: '/l' });
      expect(responses[1]).to.deep.equal({ href: '/b', hrefs: ['/b'], path: '/b', propstats: [{ status: OK, props: {} }], props: {} });
      expect(responses[2]).to.deep.equal({ href: '/c', hrefs: ['/c'], path: '/c', propstats: [], props: {}, status: NOT_FOUND });
      expect(diags(summary)).to.deep.equal([['BAD_VALUE', 'getcontentlength "bad" does not parse; the value as sent is in raw', '/a']]);
    });

    it('a bare propstat after a full one in the same response has none of its parts', () => {
      const body = root(
        response(
          '/a',
          propstat('<X:p>1</X:p><D:getcontentlength>bad</D:getcontentlength>', S200, '<D:error><X:c/></D:error><D:responsedescription>d</D:responsedescription>', ' xml:lang="en"') +
            propstat('<X:q>2</X:q>'),
        ),
      );
      const ps = parse(body).responses[0]!.propstats;
      expect(ps[1]).to.deep.equal({ status: OK, props: { [k('q')]: '2' } });
    });

    it('two error elements in one response, or one propstat, collect their conditions in one list', () => {
      const body = root(
        response('/a', propstat('', S200, '<D:error><X:a/></D:error><D:error><X:b/><X:c/></D:error>') + '<D:error><X:d/></D:error><D:error><X:e/></D:error>'),
      );
      const r = parse(body).responses[0]!;
      expect(r.propstats[0]!.error).to.deep.equal([el(k('a')), el(k('b')), el(k('c'))]);
      expect(r.error).to.deep.equal([el(k('d')), el(k('e'))]);
    });

    it('an error condition with element content is kept whole (RFC 4918 §16: <lock-token-submitted><href>)', () => {
      const body = root(
        response('/a', `${S200}<D:error><D:lock-token-submitted><D:href>/locked</D:href></D:lock-token-submitted><X:t>x</X:t></D:error>`),
      );
      expect(parse(body).responses[0]!.error).to.deep.equal([el('lock-token-submitted', [el('href', ['/locked'])]), el(k('t'), ['x'])]);
    });

    it('two extensions in a response and at the root are all kept, in order', () => {
      const { responses, summary } = parse(root(response('/a', `${S200}<X:e1>1</X:e1><X:e2 a="b"/>`) + '<X:r1/><X:r2>t</X:r2>'));
      expect(responses[0]!.extensions).to.deep.equal([el(k('e1'), ['1']), el(k('e2'), [], { a: 'b' })]);
      expect(summary.extensions).to.deep.equal([el(k('r1')), el(k('r2'), ['t'])]);
    });
  });

  describe('text of structural elements', () => {
    it('text split by CDATA and character references is joined, then trimmed (href, status, sync-token, location, descriptions)', () => {
      const body = root(
        '<D:response><D:href> /a<![CDATA[b c]]>&amp;d </D:href><D:status> HTTP/1.1 <![CDATA[200]]> OK </D:status>' +
          '<D:location><D:href> /l<![CDATA[m]]> </D:href></D:location><D:responsedescription> r<![CDATA[ s ]]>t </D:responsedescription></D:response>' +
          '<D:sync-token> t<![CDATA[o]]>k </D:sync-token><D:responsedescription> x<![CDATA[y]]> </D:responsedescription>',
      );
      const { responses, summary } = parse(body);
      expect(responses[0]).to.deep.include({ href: '/ab c&d', hrefs: ['/ab c&d'], location: '/lm', responseDescription: 'r s t' });
      expect(responses[0]!.status).to.deep.equal({ code: 200, text: 'OK', line: 'HTTP/1.1 200 OK' });
      expect(summary).to.deep.include({ syncToken: 'tok', responseDescription: 'xy' });
    });

    it('a propstat status and its description', () => {
      const body = root(response('/a', propstat('<X:p>1</X:p>', '<D:status>HTTP/1.1 <![CDATA[424]]> Failed Dependency</D:status>', '<D:responsedescription> w<![CDATA[h]]>y </D:responsedescription>')));
      expect(parse(body).responses[0]!.propstats).to.deep.equal([
        { status: { code: 424, text: 'Failed Dependency', line: 'HTTP/1.1 424 Failed Dependency' }, props: { [k('p')]: '1' }, responseDescription: 'why' },
      ]);
    });

    const LIMIT = 'more than 6 characters in one text value (raise limits.maxTextLength)';
    for (const [where, body] of [
      ['an href', (t: string) => root(response(`<![CDATA[${t.slice(0, 3)}]]>${t.slice(3)}`, '<D:status>200</D:status>'))],
      ['a description', (t: string) => root(`<D:responsedescription><![CDATA[${t.slice(0, 3)}]]>${t.slice(3)}</D:responsedescription>`)],
    ] as const) {
      it(`maxTextLength over the joined text of ${where}: exactly the limit is fine, one more is LIMIT_EXCEEDED`, () => {
        expect(() => parse(body('/abcde'), { limits: { maxTextLength: 6 } })).to.not.throw();
        const e = failure(() => parse(body('/abcdef'), { limits: { maxTextLength: 6 } }));
        expect(e.code).to.equal('LIMIT_EXCEEDED');
        expect(words(e)).to.equal(LIMIT);
      });
    }

    it('two status elements: DUPLICATE_STATUS, the last one kept', () => {
      const { responses, summary } = parse(root(response('/a', `${S404}${S200}`)));
      expect(responses[0]!.status).to.deep.equal(OK);
      expect(diags(summary)).to.deep.equal([['DUPLICATE_STATUS', 'a response has two status elements; the last one is kept', '/a']]);
    });

    it('diagnostics name the first href of their response once it is known, and none outside a response', () => {
      const body = root(
        'odd0<D:response>odd1<D:href>/a</D:href>oddA<D:href>/b</D:href>odd2' +
          `${S200}</D:response>odd3<D:response><D:href>/c</D:href>${S200}odd4</D:response>`,
      );
      const { summary } = parse(body);
      expect(summary.diagnostics.map((d) => [d.message.slice(6, 10), d.href])).to.deep.equal([
        ['odd0', undefined],
        ['odd1', undefined],
        ['oddA', '/a'],
        ['odd2', '/a'],
        ['odd3', undefined],
        ['odd4', '/c'],
      ]);
    });
  });

  describe('empty properties', () => {
    // getcontentlength has no empty form: an empty one is kept as sent in raw (without a
    // diagnostic: a propname answer); displayname decodes ''; an unknown property is ''.
    it('status after the props: empty ones are null in a failed propstat, their decoded empty value in a 2xx one', () => {
      const body = root(
        response(
          '/a',
          propstat('<X:e/><X:f a="1"/><D:getcontentlength/><D:displayname/>', S404) +
            propstat('<X:g/><X:h a="2"> </X:h><D:getcontentlength/><D:displayname/>'),
        ),
      );
      const [failed, ok] = parse(body).responses[0]!.propstats as unknown as [object, object];
      expect(failed).to.deep.equal({ status: NOT_FOUND, props: { [k('e')]: null, [k('f')]: null, getcontentlength: null, displayname: null } });
      expect(ok).to.deep.equal({
        status: OK,
        props: { [k('g')]: '', [k('h')]: el(k('h'), [' '], { a: '2' }), displayname: '' },
        raw: { getcontentlength: '' },
      });
    });

    it('status before the props: the same values, decided at once', () => {
      const body = root(
        '<D:response><D:href>/a</D:href>' +
          `<D:propstat>${S404}<D:prop><X:e/><X:f a="1"/></D:prop></D:propstat>` +
          `<D:propstat>${S200}<D:prop><X:g/><X:h a="2"/><D:getcontentlength/><D:displayname/></D:prop></D:propstat></D:response>`,
      );
      const [failed, ok] = parse(body).responses[0]!.propstats as unknown as [object, object];
      expect(failed).to.deep.equal({ status: NOT_FOUND, props: { [k('e')]: null, [k('f')]: null } });
      expect(ok).to.deep.equal({ status: OK, props: { [k('g')]: '', [k('h')]: el(k('h'), [], { a: '2' }), displayname: '' }, raw: { getcontentlength: '' } });
    });

    it('an empty property and a duplicate with content, status after: DUPLICATE_PROPERTY, the last one kept', () => {
      const body = root(response('/a', propstat('<X:e/><X:e>v</X:e><X:f>w</X:f><X:f/>')));
      const { responses, summary } = parse(body);
      expect(responses[0]!.propstats[0]!.props).to.deep.equal({ [k('e')]: 'v', [k('f')]: '' });
      expect(diags(summary)).to.deep.equal([
        ['DUPLICATE_PROPERTY', `the property ${k('e')} appears twice in one propstat; the last one is kept`, '/a'],
        ['DUPLICATE_PROPERTY', `the property ${k('f')} appears twice in one propstat; the last one is kept`, '/a'],
      ]);
    });

    it('the empty properties waiting for one propstat\'s status do not carry over to the next propstat', () => {
      const body = root(response('/a', propstat('<X:e a="1"/>', S404) + propstat('<X:e b="2"/>') + propstat('<X:e c="3"/>')));
      const ps = parse(body).responses[0]!.propstats;
      expect(ps.map((p) => p.props)).to.deep.equal([{ [k('e')]: null }, { [k('e')]: el(k('e'), [], { b: '2' }) }, { [k('e')]: el(k('e'), [], { c: '3' }) }]);
    });

    it('a propstat without status: MISSING_STATUS, the empty status, its empty properties decoded, not merged', () => {
      const { responses, summary } = parse(root(response('/a', '<D:propstat><D:prop><X:e/><X:p>1</X:p></D:prop></D:propstat>')));
      expect(responses[0]!.propstats).to.deep.equal([{ status: { code: null, text: '', line: '' }, props: { [k('e')]: '', [k('p')]: '1' } }]);
      expect(responses[0]!.props).to.deep.equal({});
      expect(diags(summary)).to.deep.equal([['MISSING_STATUS', 'a propstat has no status', '/a']]);
    });
  });

  describe('the merged view of the 2xx propstats', () => {
    it('one 2xx propstat: props is that propstat\'s map', () => {
      const r = parse(root(response('/a', propstat('<X:p>1</X:p>') + propstat('<X:q/>', S404)))).responses[0]!;
      expect(r.props).to.equal(r.propstats[0]!.props);
      expect(r.props).to.deep.equal({ [k('p')]: '1' });
    });

    it('two 2xx propstats: a new map of both (the propstats keep their own), a key in both is DUPLICATE_PROPERTY with the last kept', () => {
      const body = root(
        response('/a', propstat('<X:p>1</X:p><X:d>a</X:d>') + propstat('<X:q/>', S404) + propstat('<X:r>2</X:r><X:d>b</X:d>', '<D:status>HTTP/1.1 201 Created</D:status>')),
      );
      const { responses, summary } = parse(body);
      const r = responses[0]!;
      expect(r.props).to.deep.equal({ [k('p')]: '1', [k('d')]: 'b', [k('r')]: '2' });
      expect(r.propstats.map((p) => p.props)).to.deep.equal([{ [k('p')]: '1', [k('d')]: 'a' }, { [k('q')]: null }, { [k('r')]: '2', [k('d')]: 'b' }]);
      expect(diags(summary)).to.deep.equal([['DUPLICATE_PROPERTY', `the property ${k('d')} appears in two successful propstats; the last one is kept`, '/a']]);
    });

    it('three 2xx propstats: all merged; 1xx, 3xx and code-less ones are not', () => {
      const body = root(
        response(
          '/a',
          propstat('<X:a>1</X:a>', '<D:status>HTTP/1.1 299 Edge</D:status>') +
            propstat('<X:b>2</X:b>', '<D:status>HTTP/1.1 302 Found</D:status>') +
            propstat('<X:c>3</X:c>', '<D:status>HTTP/1.1 OK</D:status>') +
            propstat('<X:d>4</X:d>', '<D:status>HTTP/1.1 200 OK</D:status>') +
            propstat('<X:e>5</X:e>', '<D:status>HTTP/1.1 199 Low</D:status>') +
            propstat('<X:f>6</X:f>', '<D:status>HTTP/1.1 204 No Content</D:status>'),
        ),
      );
      expect(parse(body).responses[0]!.props).to.deep.equal({ [k('a')]: '1', [k('d')]: '4', [k('f')]: '6' });
    });
  });

  describe('odd responses', () => {
    it('no href: MISSING_HREF, href and path empty, no url (a url only with baseUrl: the base itself)', () => {
      const { responses, summary } = parse(root(`<D:response>${S200}</D:response>`));
      expect(responses[0]).to.deep.equal({ href: '', hrefs: [], path: '', propstats: [], props: {}, status: OK });
      expect(diags(summary)).to.deep.equal([['MISSING_HREF', 'a response has no href', undefined]]);
      const based = parse(root(`<D:response>${S200}</D:response>`), { baseUrl: 'http://h.test/dav/x?y' });
      expect(based.responses[0]!.url).to.equal('http://h.test/dav/x?y');
    });

    it('a url: the href resolved against baseUrl, or an absolute href as is; a relative href without baseUrl has none', () => {
      const body = root(response('/a%20b', S200) + response('http://o.test/c', S200));
      expect(parse(body).responses.map((r) => r.url)).to.deep.equal([undefined, 'http://o.test/c']);
      expect(parse(body, { baseUrl: 'https://h.test/dav/' }).responses.map((r) => [r.url, r.path])).to.deep.equal([
        ['https://h.test/a%20b', '/a b'],
        ['http://o.test/c', '/c'],
      ]);
    });

    it('both a status and propstats: MIXED_RESPONSE; neither: EMPTY_RESPONSE; more than one href with propstats: EXTRA_HREF', () => {
      const body = root(
        response('/m', S200 + propstat('<X:p>1</X:p>')) + response('/e', '') + `<D:response><D:href>/x</D:href><D:href>/y</D:href>${propstat('<X:p>1</X:p>')}</D:response>` +
          `<D:response><D:href>/s</D:href><D:href>/t</D:href>${S200}</D:response>`,
      );
      const { responses, summary } = parse(body);
      expect(responses.map((r) => r.hrefs)).to.deep.equal([['/m'], ['/e'], ['/x', '/y'], ['/s', '/t']]);
      expect(responses[0]!.status).to.deep.equal(OK);
      expect(responses[0]!.props).to.deep.equal({ [k('p')]: '1' });
      expect(diags(summary)).to.deep.equal([
        ['MIXED_RESPONSE', 'a response has both a status and propstats', '/m'],
        ['EMPTY_RESPONSE', 'a response has neither a status nor a propstat', '/e'],
        ['EXTRA_HREF', 'a propstat response has more than one href', '/x'],
      ]);
    });

    it('a 507 response marks the summary truncated; other statuses (and a 507 propstat) do not', () => {
      const s507 = '<D:status>HTTP/1.1 507 Insufficient Storage</D:status>';
      expect(parse(root(response('/a', S200) + response('/b', s507))).summary.truncated).to.equal(true);
      expect(parse(root(response('/a', S200) + response('/b', propstat('<X:p/>', s507)))).summary.truncated).to.equal(false);
      expect(parse(root(response('/a', '<D:status>HTTP/1.1 508 Loop Detected</D:status>'))).summary.truncated).to.equal(false);
    });

    it('the summary counts the responses delivered', () => {
      expect(parse(root(response('/a', S200) + response('/b', S200) + response('/c', S200))).summary.responses).to.equal(3);
    });
  });

  describe('the callback', () => {
    it('what onResponse throws is rethrown as itself (later calls: USAGE with it as the cause)', () => {
      const boom = new Error('from the callback');
      let calls = 0;
      const parser = new MultistatusParser({
        onResponse: () => {
          calls++;
          throw boom;
        },
      });
      expect(thrown(() => parser.write(root(response('/a', S200) + response('/b', S200))))).to.equal(boom);
      expect(calls).to.equal(1);
      const later = failure(() => parser.end());
      expect(later.code).to.equal('USAGE');
      expect(later.cause).to.equal(boom);
    });
  });

  describe('limits', () => {
    // The response's characters after its start tag, up to and including its end tag:
    // <D:href>/r</D:href> (19) + <D:status>HTTP/1.1 200 OK</D:status> (36) + </D:response> (13) = 68.
    const R = `<D:response>${'<D:href>/r</D:href>'}${S200}</D:response>`;
    it('maxResponseSize: a response of exactly the limit is fine, one character less is LIMIT_EXCEEDED with its words', () => {
      expect(parse(root(R + R), { limits: { maxResponseSize: 68 } }).summary.responses).to.equal(2);
      const e = failure(() => parse(root(R), { limits: { maxResponseSize: 67 } }));
      expect(e.code).to.equal('LIMIT_EXCEEDED');
      expect(words(e)).to.equal('more than 67 characters of XML in one response (raise limits.maxResponseSize)');
    });

    it('maxResponseSize is checked at the end tag too (long text after the last start tag)', () => {
      const body = root(`<D:response><D:href>/r</D:href>${S200}<D:responsedescription>${'x'.repeat(200)}</D:responsedescription></D:response>`);
      expect(words(failure(() => parse(body, { limits: { maxResponseSize: 100 } })))).to.equal(
        'more than 100 characters of XML in one response (raise limits.maxResponseSize)',
      );
    });

    it('maxResponseSize is checked as each element opens: a long response fails before its end', () => {
      const parser = new MultistatusParser({ onResponse: () => undefined, limits: { maxResponseSize: 100 } });
      const e = thrown(() => parser.write(`<D:multistatus xmlns:D="DAV:" xmlns:X="${X}"><D:response><D:href>/r</D:href><D:propstat><D:prop>${'<X:a/>'.repeat(20)}`));
      expect((e as { code?: string }).code).to.equal('LIMIT_EXCEEDED');
    });

    it('maxResponseSize does not count what is outside responses', () => {
      const long = `<D:responsedescription>${'x'.repeat(300)}</D:responsedescription>`;
      const body = root(`${long}<X:ext>${'y'.repeat(300)}</X:ext>${R}<X:ext2><X:in/></X:ext2>${long}<D:sync-token>t</D:sync-token>`);
      expect(parse(body, { limits: { maxResponseSize: 68 } }).summary.responses).to.equal(1);
    });

    it('maxProperties: exactly the limit is fine, one more is LIMIT_EXCEEDED; the count starts again per response', () => {
      const two = response('/a', propstat('<X:a/>') + propstat('<X:b/>', S404));
      expect(parse(root(two + two), { limits: { maxProperties: 2 } }).summary.responses).to.equal(2);
      const e = failure(() => parse(root(response('/a', propstat('<X:a/><X:b/>') + propstat('<X:c/>', S404))), { limits: { maxProperties: 2 } }));
      expect(words(e)).to.equal('more than 2 properties in one response (raise limits.maxProperties)');
    });
  });
});
