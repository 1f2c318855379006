/**
 * Inputs on which our tokenizer was found wrong (by the differential test or the W3C suite), each
 * with what XML 1.0 / Namespaces says it must give, written by hand.
 */
import { expect } from 'chai';
import type { Outcome } from './events.js';
import { tokenizeOurs } from './ours.js';
import { charChunks } from './corpus.js';
import { MultistatusError, MultistatusParser } from '../../lib/index.js';
import type { DavResponse } from '../../lib/index.js';

/** The public parser over a multistatus body, whole and one character per write. */
function parseBoth(xml: string, strict: boolean): { responses: DavResponse[]; error?: MultistatusError }[] {
  return [[xml], charChunks(xml)].map((chunks) => {
    const responses: DavResponse[] = [];
    try {
      const p = new MultistatusParser({ strict, onResponse: (r) => responses.push(r) });
      for (const c of chunks) p.write(c);
      p.end();
      return { responses };
    } catch (e) {
      if (!(e instanceof MultistatusError)) throw e;
      return { responses, error: e };
    }
  });
}
const ms = (rootAttrs: string, props: string): string =>
  `<D:multistatus xmlns:D="DAV:" ${rootAttrs}><D:response><D:href>/a</D:href><D:propstat><D:prop>${props}</D:prop>` +
  '<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>';


/** Ours over `xml` whole and one character per chunk: both outcomes must equal `want`. */
function expectBoth(xml: string, want: Outcome | 'refused'): void {
  for (const chunks of [[xml], charChunks(xml)]) {
    const got = tokenizeOurs(chunks, { strict: true });
    if (want === 'refused') expect(got.ok, `${chunks.length} chunk(s)`).to.equal(false);
    else expect(got, `${chunks.length} chunk(s)`).to.deep.equal(want);
  }
}

describe('tokenizer regressions', () => {
  it('W3C o-p66pass1: a character reference with leading zeros (&#0000000000000000009;) is a tab (XML 1.0 [66]: [0-9]+)', () => {
    expectBoth('<doc>&#0000000000000000009;&#x000000000041;</doc>', {
      ok: true,
      events: [
        { t: 'open', name: '{}doc', attrs: [] },
        { t: 'text', text: '\tA' },
        { t: 'close', name: '{}doc' },
      ],
    });
  });

  it('W3C rmt-ns10-016: a namespace declaration with an empty prefix (xmlns:="…") is refused (Namespaces §3 [PrefixedAttName]: xmlns: NCName)', () => {
    expectBoth('<foo xmlns:="http://example.org/namespace" />', 'refused');
  });

  it('a namespace declaration whose prefix holds a colon (xmlns::p, xmlns:p:q: mutants of an Apache and a Sabre body) is refused (Namespaces §3: NCName)', () => {
    expectBoth('<a xmlns::p="urn:x"/>', 'refused');
    expectBoth('<a xmlns:p:q="urn:x"/>', 'refused');
  });

  it('lenient mode too refuses the malformed names above (a QName rule, not an unbound prefix)', () => {
    for (const xml of ['<foo xmlns:="urn:x"/>', '<a xmlns:p:q="urn:x"/>', '<a xmlnsD:="DAV:"/>', '<p: xmlns:p="urn:x"/>']) {
      expect(tokenizeOurs([xml], { strict: false }).ok, xml).to.equal(false);
    }
  });

  it('an element or attribute name with an empty local part (<p:/>, p:="1") is refused (Namespaces §4 [7] QName: Prefix ":" LocalPart)', () => {
    expectBoth('<p: xmlns:p="urn:x"/>', 'refused');
    expectBoth('<a xmlns:p="urn:x" p:="1"/>', 'refused');
  });

  it('a second DOCTYPE is refused, lenient too (XML 1.0 [22] prolog: at most one doctypedecl; a fuzzer mutant of a lighttpd 404 page)', () => {
    const xml = '<!DOCTYPE html PUBLIC "-//W3C">\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x.dtd">\n<html/>';
    for (const strict of [false, true]) {
      for (const chunks of [[xml], charChunks(xml)]) expect(tokenizeOurs(chunks, { strict }).ok, `strict: ${strict}`).to.equal(false);
    }
    expect(tokenizeOurs(['<!DOCTYPE html>\n<html/>'], { strict: false }).ok, 'one DOCTYPE, lenient').to.equal(true);
  });

  it('the public parser: a character reference with leading zeros is its character', () => {
    for (const strict of [true, false]) {
      for (const out of parseBoth(ms('', '<D:displayname>&#0000000000000000065;&#x0000042;</D:displayname>'), strict)) {
        expect(out.error?.message).to.equal(undefined);
        expect(out.responses[0]!.props.displayname).to.equal('AB');
      }
    }
  });

  it('the public parser: malformed namespace declarations (xmlns:, xmlns:p:q, xmlns::p) and an empty local name are XML_SYNTAX, strict or not', () => {
    for (const attrs of ['xmlns:="urn:x"', 'xmlns:p:q="urn:x"', 'xmlns::p="urn:x"', 'xmlnsD:="x"']) {
      for (const strict of [true, false]) {
        for (const out of parseBoth(ms(attrs, ''), strict)) expect(out.error?.code, `${attrs}, strict: ${strict}`).to.equal('XML_SYNTAX');
      }
    }
  });
});
