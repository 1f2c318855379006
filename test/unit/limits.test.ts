/**
 * Resource limits: each one at its value (parses) and one past it (LIMIT_EXCEEDED naming the
 * limit, its value and the option that raises it), after the complete responses before it.
 */
import { expect } from 'chai';
import { DEFAULT_LIMITS } from '../../lib/index.js';
import type { Limits, ParseOptions, XmlElement } from '../../lib/index.js';
import { chunksOf, push } from '../helpers/parse-outcome.js';
import type { Outcome } from '../helpers/parse-outcome.js';

const HEAD = '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:" xmlns:X="urn:x">';
const TAIL = '</D:multistatus>';
const FIRST = '<D:response><D:href>/first</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>';
const OK_STATUS = '<D:status>HTTP/1.1 200 OK</D:status>';

/** A body: one ordinary response, then a response with `props` in a 200 propstat. */
function withProps(props: string, href = '/second'): string {
  return `${HEAD}${FIRST}<D:response><D:href>${href}</D:href><D:propstat><D:prop>${props}</D:prop>${OK_STATUS}</D:propstat></D:response>${TAIL}`;
}

function parse(xml: string, limits: Partial<Limits> = {}, options: ParseOptions = {}, chunk = 0): Outcome {
  return push(chunk > 0 ? chunksOf(xml, chunk) : [xml], { ...options, limits });
}

function passes(out: Outcome): void {
  expect(out.error, out.error?.message).to.equal(undefined);
  expect(out.responses.map((r) => r.href)).to.deep.equal(['/first', '/second']);
}

/** Byte length of the UTF-8 encoding of `s`. */
const bytes = (s: string): number => new TextEncoder().encode(s).length;

/**
 * Where the parser must stop, worked out from the input: `offset` is the UTF-8 byte offset of the
 * character index `at` in `xml`, `line` is 1 + the line breaks before it.
 */
function stopAt(xml: string, at: number): { line: number; offset: number } {
  expect(at, 'the expected stop is inside the input').to.be.within(0, xml.length);
  const before = xml.slice(0, at);
  return { line: before.split('\n').length, offset: bytes(before) };
}

/** Index in `s` of the `n`-th (1-based) occurrence of `needle`. */
function atNth(s: string, needle: string, n: number): number {
  let i = -1;
  for (let k = 0; k < n; k++) {
    i = s.indexOf(needle, i + 1);
    expect(i, `occurrence ${k + 1} of ${needle}`).to.be.at.least(0);
  }
  return i;
}

/** Index in `s` just past the `n`-th (1-based) occurrence of `needle`. */
const afterNth = (s: string, needle: string, n: number): number => atNth(s, needle, n) + needle.length;

/**
 * Where a text past the limit stops the parser: a whole body stops just past the '<' that ends the
 * text (`end` is the index of that '<'); a body written in chunks of `chunk` characters stops at the
 * end of the chunk holding the first character past the limit (`first` is its index).
 */
const textStop = (end: number, first: number, chunk: number): number => (chunk === 0 ? end + 1 : Math.ceil((first + 1) / chunk) * chunk);

function exceeds(out: Outcome, option: keyof Limits, value: number, where: { line: number; offset: number } | { line: number }): void {
  expect(out.error, 'an error').to.not.equal(undefined);
  expect(out.error!.code).to.equal('LIMIT_EXCEEDED');
  expect(out.error!.message).to.contain(`limits.${option}`);
  expect(out.error!.message).to.contain(`more than ${value} `);
  expect(out.error!.line, 'line').to.equal(where.line);
  if ('offset' in where) expect(out.error!.offset, 'offset').to.equal(where.offset);
  // The complete response before the offending one was delivered, and nothing after it.
  expect(out.responses.map((r) => r.href)).to.deep.equal(['/first']);
}

/** `<X:n>` nested `k` levels deep with `leaf` text at the bottom. */
function nested(k: number, leaf = 'bottom'): string {
  return '<X:n>'.repeat(k) + leaf + '</X:n>'.repeat(k);
}

function depthOf(el: unknown): number {
  let d = 0;
  let cur = el as XmlElement | string | undefined;
  while (cur !== undefined && typeof cur !== 'string') {
    d++;
    cur = cur.children[0];
  }
  return d;
}

describe('limits', () => {
  it('the defaults are the documented ones', () => {
    expect({ ...DEFAULT_LIMITS }).to.deep.equal({
      maxDepth: 256,
      maxTextLength: 64 * 1024 * 1024,
      maxResponseSize: 64 * 1024 * 1024,
      maxAttributes: 1024,
      maxProperties: 100_000,
      maxNamespaceDeclarations: 256,
      maxDiagnostics: 1000,
    });
  });

  describe('maxDepth (multistatus = 1, response 2, propstat 3, prop 4, property 5)', () => {
    it('default 256: a property value reaching depth 256 parses, 257 does not', () => {
      const at = parse(withProps(`<X:deep>${nested(256 - 5)}</X:deep>`));
      passes(at);
      expect(depthOf(at.responses[1]!.props['{urn:x}deep'])).to.equal(256 - 4);
      // Stops just after the start tag of the element at depth 257 (the innermost X:n).
      const past = withProps(`<X:deep>${nested(257 - 5)}</X:deep>`);
      exceeds(parse(past), 'maxDepth', 256, stopAt(past, afterNth(past, '<X:n>', 257 - 5)));
    });

    it('a configured limit, counted in skipped subtrees too (unknown propstat child)', () => {
      const skipped = (k: number): string =>
        `${HEAD}${FIRST}<D:response><D:href>/second</D:href><D:propstat><D:prop/>${OK_STATUS}<X:junk>${nested(k)}</X:junk></D:propstat></D:response>${TAIL}`;
      // X:junk is at depth 4, so k nested elements reach 4 + k.
      passes(parse(skipped(6), { maxDepth: 10 }));
      exceeds(parse(skipped(7), { maxDepth: 10 }), 'maxDepth', 10, stopAt(skipped(7), afterNth(skipped(7), '<X:n>', 7)));
    });

    it('a 100,000-deep body stops at the limit at once, whatever the chunking', () => {
      const xml = withProps(nested(100_000));
      for (const size of [0, 4096, 3]) {
        const t0 = performance.now();
        // The X:n elements start at depth 5: the 253rd is at depth 257.
        exceeds(parse(xml, {}, {}, size), 'maxDepth', 256, stopAt(xml, afterNth(xml, '<X:n>', 257 - 4)));
        expect(performance.now() - t0).to.be.below(size === 3 ? 3000 : 500);
      }
    });

    it('Infinity lifts it', () => {
      passes(parse(withProps(`<X:deep>${nested(5000)}</X:deep>`), { maxDepth: Infinity }));
    });
  });

  describe('maxTextLength (characters, as UTF-16 code units, in one text value)', () => {
    const L = 100;
    const a = (n: number): string => 'a'.repeat(n);

    it('an href', () => {
      const at = parse(withProps('', `/${a(L - 1)}`), { maxTextLength: L });
      expect(at.error).to.equal(undefined);
      expect(at.responses[1]!.href).to.have.length(L);
      // A whole body stops just past the '<' that ends the text (where the text is complete).
      const past = withProps('', `/${a(L)}`);
      exceeds(parse(past, { maxTextLength: L }), 'maxTextLength', L, stopAt(past, atNth(past, '</D:href>', 2) + 1));
    });

    it('a property value, also one character per chunk', () => {
      for (const chunk of [0, 1]) {
        passes(parse(withProps(`<D:displayname>${a(L)}</D:displayname>`), { maxTextLength: L }, {}, chunk));
        const past = withProps(`<D:displayname>${a(L + 1)}</D:displayname>`);
        const end = atNth(past, '</D:displayname>', 1);
        exceeds(parse(past, { maxTextLength: L }, {}, chunk), 'maxTextLength', L, stopAt(past, textStop(end, end - 1, chunk)));
      }
    });

    it('text, CDATA and character references merged into one value', () => {
      const half = `${a(L / 2 - 1)}&#65;`; // L/2 characters
      passes(parse(withProps(`<X:v>${half}<![CDATA[${a(L / 2)}]]></X:v>`), { maxTextLength: L }));
      // The CDATA section completes the value: the parser stops just past its ']]>'.
      const past = withProps(`<X:v>${half}<![CDATA[${a(L / 2 + 1)}]]></X:v>`);
      exceeds(parse(past, { maxTextLength: L }), 'maxTextLength', L, stopAt(past, afterNth(past, ']]>', 1)));
    });

    it('text separated by comments still counts as one value', () => {
      const body = (n: number): string => withProps(`<X:v>${a(L / 2)}<!-- c -->${a(n)}</X:v>`);
      passes(parse(body(L / 2), { maxTextLength: L }));
      exceeds(parse(body(L / 2 + 1), { maxTextLength: L }), 'maxTextLength', L, stopAt(body(L / 2 + 1), atNth(body(L / 2 + 1), '</X:v>', 1) + 1));
    });

    it('text inside an element of a captured value', () => {
      passes(parse(withProps(`<X:v><X:w>${a(L)}</X:w></X:v>`), { maxTextLength: L }));
      const past = withProps(`<X:v><X:w>${a(L + 1)}</X:w></X:v>`);
      exceeds(parse(past, { maxTextLength: L }), 'maxTextLength', L, stopAt(past, atNth(past, '</X:w>', 1) + 1));
    });

    it('a responsedescription', () => {
      const body = (n: number): string =>
        `${HEAD}${FIRST}<D:response><D:href>/second</D:href>${OK_STATUS}<D:responsedescription>${a(n)}</D:responsedescription></D:response>${TAIL}`;
      passes(parse(body(L), { maxTextLength: L }));
      exceeds(parse(body(L + 1), { maxTextLength: L }), 'maxTextLength', L, stopAt(body(L + 1), atNth(body(L + 1), '</D:responsedescription>', 1) + 1));
    });

    it('a surrogate pair counts as two', () => {
      const emoji = '😀'.repeat(L / 2);
      passes(parse(withProps(`<D:displayname>${emoji}</D:displayname>`), { maxTextLength: L }));
      const past = withProps(`<D:displayname>${emoji}x</D:displayname>`);
      const stop = atNth(past, '</D:displayname>', 1) + 1;
      // Given as text, the offset is a character (UTF-16) index, as the README documents ...
      exceeds(parse(past, { maxTextLength: L }), 'maxTextLength', L, { line: 2, offset: stop });
      // ... given as bytes, it is the byte offset: each emoji is 4 bytes of UTF-8, 2 UTF-16 units.
      const asBytes = push([new TextEncoder().encode(past)], { limits: { maxTextLength: L } });
      exceeds(asBytes, 'maxTextLength', L, stopAt(past, stop));
      expect(asBytes.error!.offset! - parse(past, { maxTextLength: L }).error!.offset!).to.equal(L);
    });

    it('text nobody keeps (a skipped element, whitespace between responses) is bounded too, whatever the chunking', () => {
      const skipped = (n: number): string =>
        `${HEAD}${FIRST}<D:response><D:href>/second</D:href><D:propstat><D:prop/>${OK_STATUS}<X:junk>${a(n)}</X:junk></D:propstat></D:response>${TAIL}`;
      const spaces = (n: number): string =>
        `${HEAD}${FIRST}<D:response><D:href>/second</D:href>${OK_STATUS}</D:response>${' '.repeat(n)}${TAIL}`;
      for (const chunk of [0, 7]) {
        passes(parse(skipped(L), { maxTextLength: L }, {}, chunk));
        const past = skipped(L + 1);
        const end = atNth(past, '</X:junk>', 1);
        exceeds(parse(past, { maxTextLength: L }, {}, chunk), 'maxTextLength', L, stopAt(past, textStop(end, end - 1, chunk)));
        passes(parse(spaces(L), { maxTextLength: L }, {}, chunk));
        const out = parse(spaces(L + 1), { maxTextLength: L }, {}, chunk);
        expect(out.error?.code).to.equal('LIMIT_EXCEEDED');
        expect(out.responses).to.have.length(2);
      }
    });

    it('a comment, a processing instruction and an attribute value are bounded too, whatever the chunking', () => {
      const cases: [string, (n: number) => string][] = [
        ['comment', (n) => withProps(`<X:v>x<!--${a(n)}-->y</X:v>`)],
        ['processing instruction', (n) => withProps(`<X:v>x<?pi ${a(n)}?>y</X:v>`)],
        ['attribute value', (n) => withProps(`<X:v X:at="${a(n)}">y</X:v>`)],
        ['CDATA in a skipped element', (n) => withProps(`<X:v>y</X:v>`).replace('</D:propstat>', `<X:junk><![CDATA[${a(n)}]]></X:junk></D:propstat>`)],
      ];
      for (const [what, body] of cases) {
        for (const chunk of [0, 9]) {
          const at = parse(body(L), { maxTextLength: L }, {}, chunk);
          expect(at.error, `${what} at the limit, chunks ${chunk}: ${at.error?.message}`).to.equal(undefined);
          const past = parse(body(L + 1), { maxTextLength: L }, {}, chunk);
          expect(past.error?.code, `${what} past the limit, chunks ${chunk}`).to.equal('LIMIT_EXCEEDED');
          expect(past.error!.message).to.contain('limits.maxTextLength');
          expect(past.responses.map((r) => r.href)).to.deep.equal(['/first']);
        }
      }
    });

    it('a text node with no end (never a "<") stops at the limit instead of being buffered whole', () => {
      const out = push([`${HEAD}${FIRST}<D:response><D:href>/x</D:href><X:junk>`, ...Array.from({ length: 200 }, () => a(1000))], {
        limits: { maxTextLength: 10_000 },
      });
      expect(out.error?.code).to.equal('LIMIT_EXCEEDED');
      expect(out.error!.offset).to.be.below(HEAD.length + FIRST.length + 100 + 11_000);
    });
  });

  describe('maxResponseSize (characters from the end of <response ...> to the end of </response>)', () => {
    const inner = `<D:href>/second</D:href>${OK_STATUS}`;
    const body = (pad: number, inside = ''): string =>
      `${HEAD}${FIRST}<D:response>${inner}${' '.repeat(pad)}${inside}</D:response>${TAIL}`;
    const size = (pad: number, inside = ''): number => inner.length + pad + inside.length + '</D:response>'.length;

    it('at the limit parses, one character more does not (padding at the end of the response)', () => {
      const S = size(50);
      passes(parse(body(50), { maxResponseSize: S }));
      // The last character counted is the '>' of </D:response>: the parser stops just past it.
      exceeds(parse(body(51), { maxResponseSize: S }), 'maxResponseSize', S, stopAt(body(51), afterNth(body(51), '</D:response>', 2)));
    });

    it('is checked while the response is read (an element past the limit stops it before its end)', () => {
      const inside = `<X:ext>${'<X:e/>'.repeat(1000)}</X:ext>`;
      const xml = body(0, inside);
      const out = parse(xml, { maxResponseSize: 500 });
      // The size counts from just past the second <D:response>; the parser stops at the end of the
      // first tag that ends more than 500 characters after that.
      const from = afterNth(xml, '<D:response>', 2);
      let stop = from;
      while (stop - from <= 500) stop = xml.indexOf('>', stop) + 1;
      exceeds(out, 'maxResponseSize', 500, stopAt(xml, stop));
    });

    it('each response is measured on its own', () => {
      const S = size(50);
      const two = `${HEAD}${FIRST}<D:response>${inner}${' '.repeat(50)}</D:response><D:response>${inner}${' '.repeat(50)}</D:response>${TAIL}`;
      const out = parse(two, { maxResponseSize: S });
      expect(out.error).to.equal(undefined);
      expect(out.responses).to.have.length(3);
    });
  });

  describe('maxAttributes (per element; xmlns declarations do not count)', () => {
    const attrs = (n: number): string => Array.from({ length: n }, (_, i) => ` X:a${i}="${i}"`).join('');

    it('default 1024 on a property value element', () => {
      const at = parse(withProps(`<X:v${attrs(1024)} xmlns:Y="urn:y" xmlns="urn:z">v</X:v>`));
      passes(at);
      expect(Object.keys((at.responses[1]!.props['{urn:x}v'] as XmlElement).attributes)).to.have.length(1024);
      // The parser stops at the '>' that closes the start tag (all its attributes read).
      const past = withProps(`<X:v${attrs(1025)}>v</X:v>`);
      exceeds(parse(past), 'maxAttributes', 1024, stopAt(past, atNth(past, '>v</X:v>', 1)));
    });

    it('a configured limit, on a structural element and in a skipped subtree', () => {
      const onResponse = (n: number): string => `${HEAD}${FIRST}<D:response${attrs(n)}><D:href>/second</D:href>${OK_STATUS}</D:response>${TAIL}`;
      passes(parse(onResponse(3), { maxAttributes: 3 }));
      exceeds(parse(onResponse(4), { maxAttributes: 3 }), 'maxAttributes', 3, stopAt(onResponse(4), atNth(onResponse(4), '><D:href>/second', 1)));
      const skipped = (n: number): string => withProps('').replace('</D:propstat>', `<X:junk><X:j${attrs(n)}/></X:junk></D:propstat>`);
      passes(parse(skipped(3), { maxAttributes: 3 }));
      exceeds(parse(skipped(4), { maxAttributes: 3 }), 'maxAttributes', 3, stopAt(skipped(4), atNth(skipped(4), '/></X:junk>', 1)));
    });
  });

  describe('maxProperties (per response, over all its propstats)', () => {
    const props = (from: number, n: number): string => Array.from({ length: n }, (_, i) => `<X:p${from + i}/>`).join('');
    const split = (n: number): string =>
      `${HEAD}${FIRST}<D:response><D:href>/second</D:href>` +
      `<D:propstat><D:prop>${props(0, Math.ceil(n / 2))}</D:prop>${OK_STATUS}</D:propstat>` +
      `<D:propstat><D:prop>${props(Math.ceil(n / 2), Math.floor(n / 2))}</D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat>` +
      `</D:response>${TAIL}`;

    it('default 100,000', () => {
      const at = parse(split(100_000));
      passes(at);
      expect(at.responses[1]!.propstats.reduce((n, ps) => n + Object.keys(ps.props).length, 0)).to.equal(100_000);
      // Stops just past the 100,001st property, the last one (<X:p100000/>).
      exceeds(parse(split(100_001)), 'maxProperties', 100_000, stopAt(split(100_001), afterNth(split(100_001), '<X:p100000/>', 1)));
    });

    it('a configured limit; the count starts again with each response', () => {
      passes(parse(split(10), { maxProperties: 10 }));
      exceeds(parse(split(11), { maxProperties: 10 }), 'maxProperties', 10, stopAt(split(11), afterNth(split(11), '<X:p10/>', 1)));
      const again = `${HEAD}${FIRST}${Array.from({ length: 3 }, (_, i) => `<D:response><D:href>/r${i}</D:href><D:propstat><D:prop>${props(0, 10)}</D:prop>${OK_STATUS}</D:propstat></D:response>`).join('')}${TAIL}`;
      const out = parse(again, { maxProperties: 10 });
      expect(out.error).to.equal(undefined);
      expect(out.responses).to.have.length(4);
    });

    it('properties left out by options.properties are skipped and not counted', () => {
      const out = parse(withProps(`${props(0, 50)}<D:getetag>"e"</D:getetag>`), { maxProperties: 1 }, { properties: ['getetag'] });
      passes(out);
      expect(out.responses[1]!.props).to.deep.equal({ getetag: '"e"' });
    });
  });

  describe('maxNamespaceDeclarations (per element)', () => {
    const decls = (n: number): string => Array.from({ length: n }, (_, i) => (i === 0 ? ' xmlns="urn:d"' : ` xmlns:p${i}="urn:p${i}"`)).join('');

    it('default 256 (the default namespace counts)', () => {
      passes(parse(withProps(`<X:v${decls(256)}>v</X:v>`)));
      const past = withProps(`<X:v${decls(257)}>v</X:v>`);
      exceeds(parse(past), 'maxNamespaceDeclarations', 256, stopAt(past, atNth(past, '>v</X:v>', 1)));
    });

    it('a configured limit, on the root element too', () => {
      passes(parse(withProps(`<X:v${decls(4)}>v</X:v>`), { maxNamespaceDeclarations: 4 }));
      const past = withProps(`<X:v${decls(5)}>v</X:v>`);
      exceeds(parse(past, { maxNamespaceDeclarations: 4 }), 'maxNamespaceDeclarations', 4, stopAt(past, atNth(past, '>v</X:v>', 1)));
      const out = parse(withProps(''), { maxNamespaceDeclarations: 1 });
      expect(out.error?.code).to.equal('LIMIT_EXCEEDED');
      expect(out.responses).to.have.length(0);
    });
  });

  describe('maxDiagnostics (kept, not an error)', () => {
    it('keeps the first N and counts them all', () => {
      const xml = `${HEAD}${Array.from({ length: 5 }, (_, i) => `<D:response><D:href>/r${i}</D:href></D:response>`).join('')}${TAIL}`;
      const out = parse(xml, { maxDiagnostics: 3 });
      expect(out.error).to.equal(undefined);
      expect(out.summary!.diagnostics).to.have.length(3);
      expect(out.summary!.diagnosticCount).to.equal(5);
      expect(out.summary!.diagnostics.map((d) => d.code)).to.deep.equal(['EMPTY_RESPONSE', 'EMPTY_RESPONSE', 'EMPTY_RESPONSE']);
    });
  });
});
