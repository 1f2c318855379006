/**
 * Captured subtrees (lib/parser/capture.ts): unknown property values with element content, error
 * conditions and extension elements as XmlElement trees. Indentation between elements is dropped,
 * mixed content is kept exactly, text split by comments, CDATA sections or processing instructions
 * is one text child, each capture starts afresh, and limits.maxTextLength bounds the text of each
 * captured value however it is split.
 */
import { expect } from 'chai';
import { MultistatusParser } from '../../lib/index.js';
import type { MultistatusSummary, ParseOptions, XmlElement } from '../../lib/index.js';
import type { DavResponse } from '../../lib/parser/model.js';
import { failure } from '../helpers/collect.js';

const X = 'urn:x';
const K = (local: string): string => `{${X}}${local}`;
const el = (local: string, children: (string | XmlElement)[] = [], attributes: Record<string, string> = {}): XmlElement => ({
  name: K(local),
  attributes,
  children,
});

function parse(body: string, options: ParseOptions = {}): { responses: DavResponse[]; summary: MultistatusSummary } {
  const responses: DavResponse[] = [];
  const parser = new MultistatusParser({ ...options, onResponse: (r) => responses.push(r) });
  parser.write(body);
  return { responses, summary: parser.end() };
}

/** A 200 propstat holding `props`, then `extra` (more response children). */
const ok = (props: string, extra = ''): string =>
  `<D:multistatus xmlns:D="DAV:" xmlns:X="${X}"><D:response><D:href>/r</D:href><D:propstat><D:prop>${props}</D:prop>` +
  `<D:status>HTTP/1.1 200 OK</D:status></D:propstat>${extra}</D:response></D:multistatus>`;
const props = (xml: string, options: ParseOptions = {}): Record<string, unknown> => {
  const { responses, summary } = parse(ok(xml), options);
  expect(summary.diagnostics).to.deep.equal([]);
  return responses[0]!.propstats[0]!.props as Record<string, unknown>;
};
/** The conditions of a response-level <D:error>. */
const conditions = (inner: string): XmlElement[] | undefined => {
  const body =
    `<D:multistatus xmlns:D="DAV:" xmlns:X="${X}"><D:response><D:href>/r</D:href>` +
    `<D:status>HTTP/1.1 423 Locked</D:status><D:error>${inner}</D:error></D:response></D:multistatus>`;
  const { responses, summary } = parse(body);
  expect(summary.diagnostics).to.deep.equal([]);
  return responses[0]!.error;
};

describe('parser captured subtrees (mutation tests)', () => {
  describe('indentation and mixed content', () => {
    it('whitespace between child elements is dropped; a child with only whitespace keeps it', () => {
      const p = props('<X:v>\n  <X:a>1</X:a>\n  <X:b> </X:b>\n  <X:c/>\n</X:v>');
      expect(p[K('v')]).to.deep.equal(el('v', [el('a', ['1']), el('b', [' ']), el('c')]));
    });

    it('text beside elements is kept exactly, whitespace included, at every level', () => {
      const p = props('<X:v>one <X:a> x <X:b/> </X:a> two</X:v>');
      expect(p[K('v')]).to.deep.equal(el('v', ['one ', el('a', [' x ', el('b'), ' ']), ' two']));
    });

    it('each element decides for itself: indentation dropped inside, text kept outside', () => {
      expect(props('<X:v><X:a>\n <X:b/>\n</X:a>text</X:v>')[K('v')]).to.deep.equal(el('v', [el('a', [el('b')]), 'text']));
      expect(props('<X:v>\n <X:a>x<X:b/></X:a>\n</X:v>')[K('v')]).to.deep.equal(el('v', [el('a', ['x', el('b')])]));
    });

    it('text before the first child element: kept when it is not only whitespace, with what follows', () => {
      expect(props('<X:v>lead<X:a/></X:v>')[K('v')]).to.deep.equal(el('v', ['lead', el('a')]));
      expect(props('<X:v>  <X:a/></X:v>')[K('v')]).to.deep.equal(el('v', [el('a')]));
      // Whitespace first, then real text after the child: the element has text, all of it is kept.
      expect(props('<X:v>  <X:a/>x</X:v>')[K('v')]).to.deep.equal(el('v', ['  ', el('a'), 'x']));
      // No text before the child: no empty text child appears.
      expect(props('<X:v><X:a/>x</X:v>')[K('v')]).to.deep.equal(el('v', [el('a'), 'x']));
    });

    it('a closed child does not take the following siblings (nesting follows the tags)', () => {
      const p = props('<X:v><X:a><X:b><X:c/></X:b></X:a><X:d>4</X:d></X:v>');
      expect(p[K('v')]).to.deep.equal(el('v', [el('a', [el('b', [el('c')])]), el('d', ['4'])]));
    });

    it('a long text child (13 characters or more) is kept whole', () => {
      const long = 'a long text child, kept whole';
      expect(props(`<X:v><X:a/>${long}</X:v>`)[K('v')]).to.deep.equal(el('v', [el('a'), long]));
      expect(props(`<X:v>${long}<X:a/></X:v>`)[K('v')]).to.deep.equal(el('v', [long, el('a')]));
    });

    it('the captured element and its children keep their attributes', () => {
      const p = props('<X:v k="1" X:n="2"><X:a j="3"/></X:v>');
      expect(p[K('v')]).to.deep.equal(el('v', [el('a', [], { j: '3' })], { k: '1', [K('n')]: '2' }));
    });
  });

  describe('text split by comments, CDATA and processing instructions is one text child', () => {
    it('in a text-only value', () => {
      expect(props('<X:v>ab<!--c-->cd<![CDATA[ef]]>gh<?pi x?>ij</X:v>')[K('v')]).to.equal('abcdefghij');
    });

    it('after a child element', () => {
      expect(props('<X:v><X:a/>ab<!--c-->cd<![CDATA[ef]]>gh</X:v>')[K('v')]).to.deep.equal(el('v', [el('a'), 'abcdefgh']));
    });

    it('as the first child of a nested element', () => {
      expect(props('<X:v><X:a>ab<!--c-->cd</X:a></X:v>')[K('v')]).to.deep.equal(el('v', [el('a', ['abcd'])]));
    });

    it('whitespace split by a comment between elements is still indentation', () => {
      expect(props('<X:v><X:a/> <!--c--> <X:b/></X:v>')[K('v')]).to.deep.equal(el('v', [el('a'), el('b')]));
    });
  });

  describe('error conditions and extension elements', () => {
    it('an empty condition has no children; text and attributes are kept', () => {
      expect(conditions('<X:no-lock/>')).to.deep.equal([el('no-lock')]);
      expect(conditions('<X:c k="v">t</X:c>')).to.deep.equal([el('c', ['t'], { k: 'v' })]);
      expect(conditions('<X:c k="v"/>')).to.deep.equal([el('c', [], { k: 'v' })]);
      const long = 'a condition text of some length';
      expect(conditions(`<X:c>${long}</X:c>`)).to.deep.equal([el('c', [long])]);
    });

    it('a condition with element content is a tree', () => {
      const c = conditions('<D:lock-token-submitted>\n  <D:href>/locked</D:href>\n</D:lock-token-submitted>');
      expect(c).to.deep.equal([
        // DAV: names are their local names (types.ts, PropKey).
        { name: 'lock-token-submitted', attributes: {}, children: [{ name: 'href', attributes: {}, children: ['/locked'] }] },
      ]);
    });

    it('each condition starts afresh: no text, attributes or children of the one before', () => {
      expect(conditions('<X:a k="1">t1</X:a><X:b/>')).to.deep.equal([el('a', ['t1'], { k: '1' }), el('b')]);
      expect(conditions('<X:a><X:c/></X:a><X:b>2</X:b><X:d/>')).to.deep.equal([el('a', [el('c')]), el('b', ['2']), el('d')]);
    });

    it('response and root extensions are captured the same way', () => {
      const body =
        `<D:multistatus xmlns:D="DAV:" xmlns:X="${X}"><D:response><D:href>/r</D:href><D:status>HTTP/1.1 200 OK</D:status>` +
        '<X:ext k="1">\n <X:a>1</X:a>\n</X:ext><X:plain>p</X:plain></D:response><X:top/></D:multistatus>';
      const { responses, summary } = parse(body);
      expect(responses[0]!.extensions).to.deep.equal([el('ext', [el('a', ['1'])], { k: '1' }), el('plain', ['p'])]);
      expect(summary.extensions).to.deep.equal([el('top')]);
    });
  });

  describe('each property value starts afresh', () => {
    it('a text value after a tree value, and a tree after a text value', () => {
      const p = props('<X:t1><X:a/></X:t1><X:t2>two</X:t2><X:t3>three<X:b/></X:t3><X:t4 k="4"/><X:t5>five</X:t5>');
      expect(p).to.deep.equal({
        [K('t1')]: el('t1', [el('a')]),
        [K('t2')]: 'two',
        [K('t3')]: el('t3', ['three', el('b')]),
        [K('t4')]: el('t4', [], { k: '4' }),
        [K('t5')]: 'five',
      });
    });
  });

  describe('limits.maxTextLength bounds each captured text, however it is split', () => {
    // 20: the status line (15) and the href fit; the values below are 20 and 21 characters.
    const limits = { maxTextLength: 20 };
    const t10 = 'abcdefghij';
    const t11 = 'abcdefghijk';
    const tooLong = (xml: string): void => {
      const body = ok(xml);
      const e = failure(() => parse(body, { limits }));
      expect(e.code).to.equal('LIMIT_EXCEEDED');
      expect(e.message).to.match(/^more than 20 characters in one text value \(raise limits\.maxTextLength\) \(line 1, column \d+, byte \d+\)$/);
      expect(e.line).to.equal(1);
      // Found once the text that goes past the limit has been read (before the end tag after it).
      const end = body.indexOf('</X:');
      expect(e.offset).to.be.within(body.indexOf('<!---->'), end + 1);
    };

    it('a text-only value split by a comment', () => {
      tooLong(`<X:v>${t10}<!---->${t11}</X:v>`);
      expect(props(`<X:v>${t10}<!---->${t10}</X:v>`, { limits })[K('v')]).to.equal(t10 + t10);
    });

    it('text after a child element split by a comment', () => {
      tooLong(`<X:v><X:a/>${t11}<!---->${t10}</X:v>`);
      expect(props(`<X:v><X:a/>${t10}<!---->${t10}</X:v>`, { limits })[K('v')]).to.deep.equal(el('v', [el('a'), t10 + t10]));
    });

    it('the text of a nested element split by a comment', () => {
      tooLong(`<X:v><X:a>${t10}<!---->${t11}</X:a></X:v>`);
      expect(props(`<X:v><X:a>${t10}<!---->${t10}</X:a></X:v>`, { limits })[K('v')]).to.deep.equal(el('v', [el('a', [t10 + t10])]));
    });

    it('each text child counts on its own: texts on both sides of an element may each reach the limit', () => {
      const full = t10 + t10;
      expect(props(`<X:v>${full}<X:a/>${full}</X:v>`, { limits })[K('v')]).to.deep.equal(el('v', [full, el('a'), full]));
    });
  });
});
