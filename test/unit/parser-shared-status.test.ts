/**
 * Status lines repeat on every propstat of a body; the parser parses each distinct line once and
 * hands out one frozen DavStatus for it (StatusLines). A refactor that parsed every status again
 * would make an object per propstat: this test sees it.
 */
import { expect } from 'chai';
import { MultistatusParser } from '../../lib/index.js';
import type { DavResponse } from '../../lib/index.js';

describe('shared status objects', () => {
  it('every propstat and response with the same status line gets the same frozen DavStatus', () => {
    const out: DavResponse[] = [];
    const parser = new MultistatusParser({ onResponse: (r) => out.push(r) });
    let body = '<D:multistatus xmlns:D="DAV:">';
    for (let i = 0; i < 3; i++) {
      body += `<D:response><D:href>/a${i}</D:href><D:propstat><D:prop><D:getetag>"e"</D:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>` +
        '<D:propstat><D:prop><D:displayname/></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat></D:response>';
      body += `<D:response><D:href>/gone${i}</D:href><D:status>HTTP/1.1 404 Not Found</D:status></D:response>`;
    }
    parser.write(body + '</D:multistatus>');
    parser.end();
    const ok = out.filter((r) => r.propstats.length > 0).map((r) => r.propstats[0]!.status);
    const missing = out.flatMap((r) => (r.propstats.length > 0 ? [r.propstats[1]!.status] : [r.status!]));
    expect(ok).to.have.length(3);
    expect(new Set(ok).size).to.equal(1);
    expect(new Set(missing).size).to.equal(1);
    expect(Object.isFrozen(ok[0])).to.equal(true);
    expect(ok[0]).to.deep.equal({ code: 200, text: 'OK', line: 'HTTP/1.1 200 OK' });
    expect(missing[0]).to.deep.equal({ code: 404, text: 'Not Found', line: 'HTTP/1.1 404 Not Found' });
  });
});
