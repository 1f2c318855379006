/** syncCollection() against a scripted server: the REPORT it sends, 507 pages followed, removals, the final token. */
import { expect } from 'chai';
import { MultistatusError, syncCollection } from '../../lib/index.js';
import type { DavResponse } from '../../lib/index.js';
import { useScriptedServer } from '../helpers/scripted-http-server.js';
import type { ScriptedHttpServer } from '../helpers/scripted-http-server.js';

const member = (href: string, etag: string): string =>
  `<D:response><D:href>${href}</D:href><D:propstat><D:prop><D:getetag>"${etag}"</D:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>`;
const removed = (href: string): string => `<D:response><D:href>${href}</D:href><D:status>HTTP/1.1 404 Not Found</D:status></D:response>`;
const truncation = (href: string): string => `<D:response><D:href>${href}</D:href><D:status>HTTP/1.1 507 Insufficient Storage</D:status></D:response>`;
const page = (inner: string, token: string): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">${inner}<D:sync-token>${token}</D:sync-token></D:multistatus>`;

function tokenOf(body: string): string {
  return /<D:sync-token>([^<]*)<\/D:sync-token>/.exec(body)![1]!;
}

describe('client: syncCollection', function () {
  const scripted = useScriptedServer();
  let server: ScriptedHttpServer;
  beforeEach(function () {
    server = scripted();
  });

  it('the initial sync: a REPORT with Depth 0, an empty token, sync-level 1 and getetag', async function () {
    server.route('/cal/', { body: page(member('/cal/a.ics', '1') + member('/cal/b.ics', '2'), 'http://t/1') });
    const it = syncCollection(server.url('/cal/'));
    const got: DavResponse[] = [];
    for await (const r of it) got.push(r);
    expect(got.map((r) => r.href)).to.deep.equal(['/cal/a.ics', '/cal/b.ics']);
    const s = await it.summary();
    expect(s).to.include({ syncToken: 'http://t/1', requests: 1, responses: 2, truncated: false });
    const req = server.requests[0]!;
    expect(req.method).to.equal('REPORT');
    expect(req.headers.depth).to.equal('0');
    expect(req.body).to.contain(
      '<D:sync-collection xmlns:D="DAV:"><D:sync-token></D:sync-token><D:sync-level>1</D:sync-level><D:prop><D:getetag/></D:prop></D:sync-collection>',
    );
  });

  it('follows 507 truncation with each page\'s token until complete; changes and removals across pages; the 507 itself is not yielded', async function () {
    const pages: Record<string, string> = {
      'http://t/5': page(member('/cal/a.ics', '3') + removed('/cal/gone.ics') + truncation('/cal/'), 'http://t/6'),
      'http://t/6': page(member('/cal/c.ics', '4') + truncation(server.url('/cal/')), 'http://t/7'),
      'http://t/7': page(removed('/cal/old.ics'), 'http://t/8'),
    };
    server.route('/cal/', (req) => ({ body: pages[tokenOf(req.body)] ?? 'unknown token' }));
    const it = syncCollection(server.url('/cal/'), { token: 'http://t/5', limit: 2, props: ['getetag', '{urn:ietf:params:xml:ns:caldav}calendar-data'] });
    const got: DavResponse[] = [];
    for await (const r of it) got.push(r);
    expect(got.map((r) => [r.href, r.status?.code ?? 200])).to.deep.equal([
      ['/cal/a.ics', 200],
      ['/cal/gone.ics', 404],
      ['/cal/c.ics', 200],
      ['/cal/old.ics', 404],
    ]);
    expect(server.requests.map((r) => tokenOf(r.body))).to.deep.equal(['http://t/5', 'http://t/6', 'http://t/7']);
    expect(server.requests[0]!.body).to.contain('<D:limit><D:nresults>2</D:nresults></D:limit><D:prop><D:getetag/><n0:calendar-data xmlns:n0="urn:ietf:params:xml:ns:caldav"/></D:prop>');
    const s = await it.summary();
    expect(s).to.include({ syncToken: 'http://t/8', requests: 3, responses: 4, truncated: false });
  });

  it('stops at maxPages (truncated: true), and when a 507 brings no new token (a diagnostic)', async function () {
    let n = 0;
    server.route('/loop/', () => ({ body: page(member(`/loop/${n}.ics`, String(n)) + truncation('/loop/'), `tok${++n}`) }));
    const it = syncCollection(server.url('/loop/'), { maxPages: 4 });
    const got: DavResponse[] = [];
    for await (const r of it) got.push(r);
    expect(got).to.have.length(4);
    expect(await it.summary()).to.include({ requests: 4, truncated: true, syncToken: 'tok4' });

    server.route('/stuck/', { body: page(member('/stuck/a.ics', '1') + truncation('/stuck/'), 'same') });
    const st = syncCollection(server.url('/stuck/'), { token: 'same' });
    const s = await st.summary();
    expect(s).to.include({ requests: 1, truncated: true, syncToken: 'same' });
    expect(s.diagnostics.map((d) => d.code)).to.deep.equal(['SYNC_NO_PROGRESS']);
  });

  it('an invalid token (403 valid-sync-token) is the HTTP error', async function () {
    server.route('/bad/', { status: 403, body: '<?xml version="1.0"?><D:error xmlns:D="DAV:"><D:valid-sync-token/></D:error>' });
    const err = await syncCollection(server.url('/bad/'), { token: 'stale' }).summary().then(() => null, (e: unknown) => e);
    expect(err).to.be.instanceOf(MultistatusError);
    expect((err as MultistatusError).status).to.equal(403);
    expect((err as MultistatusError).http!.body).to.contain('valid-sync-token');
  });
});
