import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { parseChunks } from '../helpers/collect.js';

// Hand-checked against the XML: unbound prefixes are tolerated in non-strict mode, read as the
// namespace "prefix:" with an UNBOUND_PREFIX diagnostic (strict mode: see the fixture expectations).
describe('unbound prefixes in real bodies (non-strict)', () => {
  it("lighttpd's PROPPATCH answer: <DAV:getcontentlength/> is read as {DAV:}getcontentlength", () => {
    const { responses, summary } = parseChunks([readFileSync('fixtures/servers/lighttpd-proppatch-partial.xml')]);
    expect(responses).to.have.length(1);
    const r = responses[0]!;
    expect(r.href).to.equal('/tree/plain.txt');
    expect(r.propstats.map((p) => [p.status.code, Object.keys(p.props), p.error?.map((e) => e.name)])).to.deep.equal([
      [403, ['getcontentlength'], ['cannot-modify-protected-property']],
      [403, ['getetag'], ['cannot-modify-protected-property']],
    ]);
    expect(r.propstats[0]!.props.getcontentlength).to.equal(null);
    expect(summary.diagnostics.map((d) => d.code)).to.deep.equal(['UNBOUND_PREFIX', 'UNBOUND_PREFIX', 'UNBOUND_PREFIX', 'UNBOUND_PREFIX']);
    expect(summary.diagnostics[0]).to.include({ line: 6, href: '/tree/plain.txt' });
  });
  it('RFC 2518 §8.1.1: R:DingALing with R declared only on the first prop', () => {
    const { responses, summary } = parseChunks([readFileSync('fixtures/rfc/rfc2518-8.1.1.xml')]);
    expect(responses).to.have.length(1);
    const [ok, forbidden] = responses[0]!.propstats;
    expect(Object.keys(ok!.props)).to.deep.equal(['{http://www.foo.bar/boxschema/}bigbox', '{http://www.foo.bar/boxschema/}author']);
    expect(forbidden!.status.code).to.equal(403);
    expect(forbidden!.props).to.deep.equal({ '{R:}DingALing': null, '{R:}Random': null });
    expect(summary.diagnostics.map((d) => d.code)).to.deep.equal(['UNBOUND_PREFIX', 'UNBOUND_PREFIX']);
  });
});
