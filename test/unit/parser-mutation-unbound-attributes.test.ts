/**
 * An attribute with an undeclared prefix (lib/parser/scope.ts): it is read in the namespace
 * `prefix:` (with UNBOUND_PREFIX), and it is left out of the check that two attributes of one
 * element name different expanded names (Namespaces in XML §6.3), which is about bound prefixed
 * names only (an unprefixed name is in no namespace, whatever its key).
 */
import { expect } from 'chai';
import { parseText as parse } from '../helpers/collect.js';

const X = 'http://example.com/ns';
const ok = (props: string): string =>
  `<D:multistatus xmlns:D="DAV:" xmlns:X="${X}"><D:response><D:href>/r</D:href><D:propstat><D:prop>${props}</D:prop>` +
  '<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>';

describe('parser unbound attribute prefixes (mutation tests)', () => {
  it('an unbound p:x next to a prefix bound to the URI "p:" is no duplicate: the parse goes on with UNBOUND_PREFIX', () => {
    // Read as namespace "p:", the unbound p:x has the expanded name of b:x; it is not bound, so
    // §6.3 does not apply to it.
    const r = parse(ok('<X:v xmlns:b="p:" b:x="1" p:x="2">1</X:v>'));
    expect(r.responses.map((x) => x.href)).to.deep.equal(['/r']);
    expect(Object.keys(r.responses[0]!.propstats[0]!.props)).to.deep.equal([`{${X}}v`]);
    const d = r.summary.diagnostics.filter((x) => x.code === 'UNBOUND_PREFIX');
    expect(d.map((x) => x.message)).to.deep.equal(['the prefix p of <p:x> is not declared; read as namespace p:']);
  });

  it('an unprefixed x next to D:x (a DAV: name, keyed bare as x) is no duplicate: only prefixed names are compared', () => {
    // Two prefixed attributes make the element checked; the unprefixed x is in no namespace.
    const r = parse(ok('<X:v D:x="1" x="2" D:y="3">1</X:v>'));
    expect(r.responses.map((x) => x.href)).to.deep.equal(['/r']);
    expect(Object.keys(r.responses[0]!.propstats[0]!.props)).to.deep.equal([`{${X}}v`]);
    expect(r.summary.diagnostics).to.deep.equal([]);
  });
});
