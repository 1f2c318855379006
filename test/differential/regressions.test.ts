/**
 * Inputs on which our tokenizer was found wrong (by the differential test or the W3C suite), each
 * with what XML 1.0 / Namespaces says it must give, written by hand.
 */
import { expect } from 'chai';
import type { Outcome } from './events.js';
import { tokenizeOurs } from './ours.js';
import { charChunks } from './corpus.js';


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

  it('a namespace declaration whose prefix holds a colon (xmlns::p="…", a mutant of an Apache body) is refused (Namespaces §3: NCName)', () => {
    expectBoth('<a xmlns::p="urn:x"/>', 'refused');
  });

  it('an element or attribute name with an empty local part (<p:/>, p:="1") is refused (Namespaces §4 [7] QName: Prefix ":" LocalPart)', () => {
    expectBoth('<p: xmlns:p="urn:x"/>', 'refused');
    expectBoth('<a xmlns:p="urn:x" p:="1"/>', 'refused');
  });
});
