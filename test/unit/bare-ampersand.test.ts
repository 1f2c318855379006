/**
 * A server that writes an href with a raw `&` (`/tree/amp&dir/`, which XML requires as `&amp;`):
 * the `&` starts no reference, so reading it as a literal `&` is the only reading. Not strict:
 * the response is delivered with that href and a BARE_AMPERSAND diagnostic (line, column); strict:
 * the parse fails with STRICT there. A real reference, even an unknown one (`&nbsp;`), and a
 * malformed character reference stay XML_SYNTAX in both modes. (saxes refused the first case
 * with XML_SYNTAX in both modes.)
 */
import { expect } from 'chai';
import { chunksOf, push } from '../helpers/parse-outcome.js';

const body = (href: string): string =>
  '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">\n' +
  '<D:response><D:href>/first</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>\n' +
  `<D:response><D:href>${href}</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>\n</D:multistatus>\n`;

describe('a bare "&" that starts no reference (issue 20, issue 22)', () => {
  it('not strict: a literal "&" and a diagnostic with its position, however chunked', () => {
    const xml = body('/tree/amp&dir/');
    for (const size of [xml.length, 1, 3, 10]) {
      const out = push(chunksOf(new TextEncoder().encode(xml), size));
      expect(out.error, `chunks of ${size}`).to.equal(undefined);
      expect(out.responses.map((r) => r.href)).to.deep.equal(['/first', '/tree/amp&dir/']);
      expect(out.responses[1]!.path).to.equal('/tree/amp&dir/');
      const diagnostics = out.summary!.diagnostics;
      expect(diagnostics.map((d) => [d.code, d.line, d.column])).to.deep.equal([['BARE_AMPERSAND', 4, 34]]);
      expect(diagnostics[0]!.message).to.contain('"&dir"');
    }
  });

  it('also in an attribute value, and an "&" before a space or at the end of the text', () => {
    const xml = body('/a & b&').replace('<D:href>/first', '<D:href x="1&2">/first');
    const out = push([xml]);
    expect(out.error).to.equal(undefined);
    expect(out.responses.map((r) => r.href)).to.deep.equal(['/first', '/a & b&']);
    expect(out.summary!.diagnostics.map((d) => d.code)).to.deep.equal(['BARE_AMPERSAND', 'BARE_AMPERSAND', 'BARE_AMPERSAND']);
  });

  it('strict: STRICT at the character after the "&..." run, after the responses before it', () => {
    const xml = body('/tree/amp&dir/');
    const out = push([xml], { strict: true });
    expect(out.responses.map((r) => r.href)).to.deep.equal(['/first']);
    expect(out.error?.code).to.equal('STRICT');
    expect(out.error?.message).to.match(/^BARE_AMPERSAND: /);
    expect([out.error?.line, out.error?.column]).to.deep.equal([4, 34]);
    expect(out.error?.offset).to.equal(xml.indexOf('&dir') + 4);
  });

  it('a reference that is one stays an error in both modes', () => {
    for (const strict of [false, true]) {
      expect(push([body('/a&nbsp;b')], { strict }).error?.code).to.equal('XML_SYNTAX');
      expect(push([body('/a&#xZZ;b')], { strict }).error?.code).to.equal('XML_SYNTAX');
      expect(push([body('/a&#12 b')], { strict }).error?.code).to.equal('XML_SYNTAX');
    }
  });
});
