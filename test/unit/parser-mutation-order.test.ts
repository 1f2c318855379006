/**
 * A propstat's empty properties take their value from the propstat's final status, wherever the
 * status stands: before the prop, after it, or both (two status elements: the last is kept).
 */
import { expect } from 'chai';
import { parseChunks } from '../helpers/collect.js';

const OK = 'HTTP/1.1 200 OK';
const NOT_FOUND = 'HTTP/1.1 404 Not Found';
const body = (propstat: string): string =>
  `<D:multistatus xmlns:D="DAV:"><D:response><D:href>/a</D:href><D:propstat>${propstat}</D:propstat></D:response></D:multistatus>`;

describe('parser: empty properties and where the propstat status stands (mutation tests)', function () {
  it('status before the prop: a 200 gives the empty value, a 404 gives null', function () {
    const ok = parseChunks([body(`<D:status>${OK}</D:status><D:prop><D:displayname/></D:prop>`)]).responses[0]!;
    expect(ok.propstats[0]!.props).to.deep.equal({ displayname: '' });
    const nf = parseChunks([body(`<D:status>${NOT_FOUND}</D:status><D:prop><D:displayname/></D:prop>`)]).responses[0]!;
    expect(nf.propstats[0]!.props).to.deep.equal({ displayname: null });
  });

  it('two statuses around the prop: the last one decides, for the propstat and for its empty properties', function () {
    const { responses } = parseChunks([body(`<D:status>${OK}</D:status><D:prop><D:displayname/><D:getetag/></D:prop><D:status>${NOT_FOUND}</D:status>`)]);
    const ps = responses[0]!.propstats[0]!;
    expect(ps.status.code).to.equal(404);
    expect(ps.props).to.deep.equal({ displayname: null, getetag: null });
    expect(responses[0]!.props).to.deep.equal({});
  });
});
