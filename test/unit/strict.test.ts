/**
 * Strict mode: every quirk that the default mode tolerates with a diagnostic is an error STRICT
 * (its message starts with the diagnostic code), after the responses complete before it. One
 * case per quirk: the tolerant result first, then the strict failure on the same bytes.
 */
import { expect } from 'chai';
import { push } from '../helpers/parse-outcome.js';
import type { ParseOptions } from '../../lib/index.js';

const enc = new TextEncoder();
const DECL = '<?xml version="1.0" encoding="utf-8"?>\n';
const ROOT = '<D:multistatus xmlns:D="DAV:" xmlns:X="urn:x">';
const FIRST = '<D:response><D:href>/first</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>';
const OK = '<D:status>HTTP/1.1 200 OK</D:status>';
const body = (second: string): string => `${DECL}${ROOT}${FIRST}${second}</D:multistatus>`;
const propstat = (props: string, status = OK): string => `<D:propstat><D:prop>${props}</D:prop>${status}</D:propstat>`;
const response = (inner: string, href = '/second'): string => `<D:response><D:href>${href}</D:href>${inner}</D:response>`;

interface Quirk {
  code: string;
  what: string;
  /** CHECKLIST §1.2 rule, where the quirk is one of its TOLERATE rows. */
  rule?: string;
  input: string | Uint8Array;
  options?: ParseOptions;
  /** Hrefs the strict parse delivers before failing (default: the first response). */
  before?: string[];
}

const quirks: Quirk[] = [
  { code: 'DUPLICATE_PROPERTY', rule: 'S16', what: 'the same property twice in one propstat', input: body(response(propstat('<D:getetag>"a"</D:getetag><D:getetag>"b"</D:getetag>'))) },
  {
    code: 'DUPLICATE_PROPERTY',
    rule: 'S16',
    what: 'the same property in two 2xx propstats',
    input: body(response(propstat('<D:getetag>"a"</D:getetag>') + propstat('<D:getetag>"b"</D:getetag>', '<D:status>HTTP/1.1 201 Created</D:status>'))),
  },
  { code: 'MIXED_RESPONSE', rule: 'S18', what: 'a response with both a status and a propstat', input: body(response(OK + propstat('<D:getetag>"a"</D:getetag>'))) },
  { code: 'EMPTY_RESPONSE', rule: 'S18', what: 'a response with neither a status nor a propstat', input: body(response('')) },
  { code: 'EXTRA_HREF', rule: 'S18', what: 'a propstat response with two hrefs', input: body(response('<D:href>/again</D:href>' + propstat('<D:getetag>"a"</D:getetag>'))) },
  { code: 'MISSING_STATUS', rule: 'S19', what: 'a propstat without a status', input: body(response('<D:propstat><D:prop><D:getetag>"a"</D:getetag></D:prop></D:propstat>')) },
  {
    code: 'INFORMATIONAL_STATUS',
    rule: 'S20',
    what: 'a 1xx status recorded in a response',
    input: body(response('<D:status>HTTP/1.1 102 Processing</D:status>')),
  },
  {
    code: 'INFORMATIONAL_STATUS',
    rule: 'S20',
    what: 'a 1xx status on a propstat',
    input: body(response(propstat('<D:getetag>"a"</D:getetag>', '<D:status>HTTP/1.1 100 Continue</D:status>'))),
  },
  { code: 'MISSING_HREF', what: 'a response without an href', input: `${DECL}${ROOT}${FIRST}<D:response>${OK}</D:response></D:multistatus>` },
  { code: 'EMPTY_HREF', what: 'an empty href (issue 20)', input: body(response(OK, '')) },
  { code: 'UNENCODED_HREF', what: 'a raw # in an href (issue 20)', input: body(response(OK, '/hash#frag.txt')) },
  { code: 'UNENCODED_HREF', what: 'a raw ? in an href (issue 20)', input: body(response(OK, '/what?.txt')) },
  { code: 'DUPLICATE_STATUS', what: 'a status-form response with two statuses', input: body(response(OK + '<D:status>HTTP/1.1 404 Not Found</D:status>')) },
  { code: 'BAD_STATUS', what: 'a status line without a code (HTTP/1.1 OK)', input: body(response('<D:status>HTTP/1.1 OK</D:status>')) },
  { code: 'BAD_VALUE', what: 'a typed property whose text does not parse', input: body(response(propstat('<D:getcontentlength>twelve</D:getcontentlength>'))) },
  { code: 'IMPRECISE_NUMBER', what: 'an integer past 2^53 (kept as the nearest number, digits in raw)', input: body(response(propstat('<D:getcontentlength>9007199254740993</D:getcontentlength>'))) },
  { code: 'BAD_VALUE', what: 'a text property with element content', input: body(response(propstat('<D:getcontentlength><X:n>1</X:n></D:getcontentlength>'))) },
  { code: 'BAD_VALUE', what: 'a structured property with the wrong structure (an ACE without a principal)', input: body(response(propstat('<D:acl><D:ace><D:grant><D:privilege><D:read/></D:privilege></D:grant></D:ace></D:acl>'))) },
  {
    code: 'BAD_VALUE',
    what: 'a custom decoder that throws',
    input: body(response(propstat('<X:size>big</X:size>'))),
    options: {
      decoders: {
        '{urn:x}size': () => {
          throw new Error('not a number');
        },
      },
    },
  },
  { code: 'UNEXPECTED_ELEMENT', what: 'an element inside an href', input: body(response(OK).replace('/second', '/sec<X:b>x</X:b>ond')) },
  { code: 'UNEXPECTED_TEXT', what: 'text where only elements belong (in a response)', input: body(response(`${OK}stray text`)) },
  { code: 'UNBOUND_PREFIX', what: 'an element with an undeclared prefix', input: body(response(propstat('<Z:color>red</Z:color>'))) },
  {
    code: 'UNBOUND_PREFIX',
    what: 'an attribute with an undeclared prefix',
    input: body(response(propstat('<X:color Z:a="1">red</X:color>'))),
  },
  { code: 'DOCTYPE', what: 'a DOCTYPE', input: `${DECL}<!DOCTYPE multistatus>${ROOT}${FIRST}</D:multistatus>`, before: [] },
  { code: 'LEADING_WHITESPACE', what: 'whitespace before the XML declaration', input: `\n  ${DECL}${ROOT}${FIRST}</D:multistatus>`, before: [] },
  {
    code: 'CHARSET_CONFLICT',
    what: 'the Content-Type charset against the XML declaration',
    input: enc.encode(`<?xml version="1.0" encoding="iso-8859-1"?>${ROOT}${FIRST}</D:multistatus>`),
    options: { encoding: 'utf-8' },
    before: [],
  },
  {
    code: 'CHARSET_CONFLICT',
    what: 'a BOM against the Content-Type charset',
    input: new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(`${DECL}${ROOT}${FIRST}</D:multistatus>`)]),
    options: { encoding: 'iso-8859-1' },
    before: [],
  },
  {
    code: 'CHARSET_CONFLICT',
    what: 'a UTF-16 declaration in a body that is not UTF-16',
    input: enc.encode(`<?xml version="1.0" encoding="UTF-16"?>${ROOT}${FIRST}</D:multistatus>`),
    before: [],
  },
];

describe('strict mode: every tolerated quirk is an error', () => {
  for (const q of quirks) {
    it(`${q.code}${q.rule ? ` (CHECKLIST ${q.rule})` : ''}: ${q.what}`, () => {
      const input = typeof q.input === 'string' ? enc.encode(q.input) : q.input;
      const tolerant = push([input], q.options);
      expect(tolerant.error, `tolerated: ${tolerant.error?.message}`).to.equal(undefined);
      expect(tolerant.summary!.diagnostics.map((d) => d.code), 'its diagnostic').to.include(q.code);

      const strict = push([input], { ...q.options, strict: true });
      expect(strict.error?.code, strict.error?.message).to.equal('STRICT');
      expect(strict.error!.message.startsWith(`${q.code}: `), strict.error!.message).to.equal(true);
      // The position is inside the body, and line agrees with the byte offset (1 + newlines before it).
      const offset = strict.error!.offset!;
      expect(offset).to.be.within(0, input.length); // 0: a charset conflict is decided before the first byte is read
      expect(strict.error!.line, 'line of the offset').to.equal(1 + input.subarray(0, offset).filter((b) => b === 10).length);
      expect(strict.responses.map((r) => r.href)).to.deep.equal(q.before ?? ['/first']);
    });
  }

  it('every diagnostic code the parser can emit is covered above', async () => {
    const { readFileSync, readdirSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = new URL('../../lib/', import.meta.url).pathname;
    const codes = new Set<string>();
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (name !== 'cli') walk(path);
        } else if (name.endsWith('.ts')) {
          for (const m of readFileSync(path, 'utf8').matchAll(/\b(?:diag|note)\(\s*'([A-Z_]+)'/g)) codes.add(m[1]!);
        }
      }
    };
    walk(root);
    expect(codes.size).to.be.greaterThan(10);
    expect([...codes].sort()).to.deep.equal([...new Set(quirks.map((q) => q.code))].sort());
  });

  it('strict mode accepts a clean body, and a DAV:-namespace extension element is not a quirk', () => {
    const out = push([body(response(OK + '<D:score>5</D:score>'))], { strict: true });
    expect(out.error).to.equal(undefined);
    expect(out.responses).to.have.length(2);
  });
});
