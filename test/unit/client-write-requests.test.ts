/**
 * The requests the write helpers send (method, headers, XML body: names checked, text escaped),
 * and what LOCK's grant and COPY's Location come back as, against a scripted server.
 */
import { expect } from 'chai';
import { copy, deleteResource, lock, move, MultistatusError, parseMultistatus, proppatch, requireSuccess, unlock } from '../../lib/index.js';
import type { ScriptedHttpServer } from '../helpers/scripted-http-server.js';
import { useScriptedServer } from '../helpers/scripted-http-server.js';

const GRANT = `<?xml version="1.0" encoding="utf-8"?>
<D:prop xmlns:D="DAV:"><D:lockdiscovery><D:activelock>
  <D:locktype><D:write/></D:locktype><D:lockscope><D:exclusive/></D:lockscope><D:depth>infinity</D:depth>
  <D:owner>ann</D:owner><D:timeout>Second-600</D:timeout>
  <D:locktoken><D:href>urn:uuid:e71d4fae-5dec-22d6-fea5-00a0c91e6be4</D:href></D:locktoken>
  <D:lockroot><D:href>http://dav.example/dav/a/</D:href></D:lockroot>
</D:activelock></D:lockdiscovery></D:prop>`;

function usage(f: () => unknown): MultistatusError {
  try {
    f();
  } catch (e) {
    expect(e).to.be.instanceOf(MultistatusError);
    expect((e as MultistatusError).code).to.equal('USAGE');
    return e as MultistatusError;
  }
  throw new Error('expected a USAGE error');
}

describe('client: write requests', function () {
  const scripted = useScriptedServer();
  let server: ScriptedHttpServer;
  beforeEach(function () {
    server = scripted();
  });

  it('PROPPATCH: one set then one remove, DAV: names prefixed, others with their namespace, text and XmlElement values escaped', async function () {
    server.route('/t', { status: 200, body: '' });
    const value = { name: 'ignored', attributes: { lang: 'en', '{http://x/a}k': '"q"' }, children: ['a<b', { name: '{http://y/}inner', attributes: {}, children: ['&'] }] };
    await requireSuccess(
      proppatch(server.url('/t'), {
        set: { displayname: 'Tom & "Jerry" <3>', '{http://example.com/ns/}color': value, '{}plain': '' },
        remove: ['{urn:x}gone', 'getcontentlanguage'],
      }),
    );
    const req = server.requests[0]!;
    expect(req.method).to.equal('PROPPATCH');
    expect(req.headers['content-type']).to.equal('application/xml; charset=utf-8');
    expect(req.body).to.equal(
      '<?xml version="1.0" encoding="utf-8"?>\n<D:propertyupdate xmlns:D="DAV:">' +
        '<D:set><D:prop><D:displayname>Tom &amp; &quot;Jerry&quot; &lt;3&gt;</D:displayname>' +
        '<color xmlns="http://example.com/ns/" lang="en" xmlns:a0="http://x/a" a0:k="&quot;q&quot;">a&lt;b<inner xmlns="http://y/">&amp;</inner></color>' +
        '<plain xmlns=""/></D:prop></D:set>' +
        '<D:remove><D:prop><gone xmlns="urn:x"/><D:getcontentlanguage/></D:prop></D:remove></D:propertyupdate>\n',
    );
    // The body is well-formed and names what was asked: read back by wrapping it as a propstat.
    const wrapped = `<D:multistatus xmlns:D="DAV:"><D:response><D:href>/t</D:href><D:propstat>${req.body.slice(req.body.indexOf('<D:set>') + 7, req.body.indexOf('</D:set>'))}<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>`;
    for await (const r of parseMultistatus(wrapped)) {
      expect(Object.keys(r.props)).to.deep.equal(['displayname', '{http://example.com/ns/}color', '{}plain']);
      expect(r.props.displayname).to.equal('Tom & "Jerry" <3>');
    }
  });

  it('PROPPATCH refuses names that are not property keys (no markup injection) and an empty update', function () {
    usage(() => proppatch(server.url('/t'), { set: { 'a><x': '1' } }));
    usage(() => proppatch(server.url('/t'), { set: { '{http://x/}a b': '1' } }));
    usage(() => proppatch(server.url('/t'), { remove: ['{http://x/'] }));
    usage(() => proppatch(server.url('/t'), {}));
    expect(server.requests).to.have.length(0);
  });

  it('COPY and MOVE: Destination resolved against the URL, Overwrite T/F, Depth only when given; Location kept', async function () {
    server.route('/a/', { status: 201, body: '', headers: { Location: '/b/' } });
    const r = await requireSuccess(copy(server.url('/a/'), '../b/', { overwrite: false, depth: 0 }));
    expect(r).to.deep.include({ status: 201, location: '/b/', ok: true });
    await requireSuccess(move(new URL(server.url('/a/')), server.url('/c/'), { overwrite: true }));
    await requireSuccess(copy(server.url('/a/'), '/d/'));
    const [c, m, c2] = server.requests;
    expect([c!.method, c!.headers.destination, c!.headers.overwrite, c!.headers.depth]).to.deep.equal(['COPY', server.url('/b/'), 'F', '0']);
    expect([m!.method, m!.headers.destination, m!.headers.overwrite, m!.headers.depth]).to.deep.equal(['MOVE', server.url('/c/'), 'T', undefined]);
    expect([c2!.headers.overwrite, c2!.headers.depth, c2!.headers['content-type'], c2!.body]).to.deep.equal([undefined, undefined, undefined, '']);
    usage(() => copy(server.url('/a/'), 'http://[bad'));
  });

  it('LOCK: lockinfo, Depth infinity and Timeout; the token from Lock-Token and the lockdiscovery of the body', async function () {
    server.route('/dav/a/', { status: 200, body: GRANT, headers: { 'Lock-Token': '<urn:uuid:e71d4fae-5dec-22d6-fea5-00a0c91e6be4>' } });
    const r = await requireSuccess(lock(server.url('/dav/a/'), { owner: 'ann & co', timeout: 600 }));
    expect(r.lock!.token).to.equal('urn:uuid:e71d4fae-5dec-22d6-fea5-00a0c91e6be4');
    expect(r.lock!.locks).to.deep.equal([
      { scope: 'exclusive', type: 'write', depth: 'infinity', owner: 'ann', timeout: 600, token: 'urn:uuid:e71d4fae-5dec-22d6-fea5-00a0c91e6be4', root: 'http://dav.example/dav/a/' },
    ]);
    const req = server.requests[0]!;
    expect([req.method, req.headers.depth, req.headers.timeout]).to.deep.equal(['LOCK', 'infinity', 'Second-600']);
    expect(req.body).to.equal(
      '<?xml version="1.0" encoding="utf-8"?>\n<D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope>' +
        '<D:locktype><D:write/></D:locktype><D:owner>ann &amp; co</D:owner></D:lockinfo>\n',
    );
    await requireSuccess(lock(server.url('/dav/a/'), { scope: 'shared', depth: 0, infinite: true }));
    const shared = server.requests[1]!;
    expect([shared.headers.depth, shared.headers.timeout]).to.deep.equal(['0', 'Infinite']);
    expect(shared.body).to.contain('<D:shared/>').and.not.contain('owner');
  });

  it('LOCK refresh and UNLOCK: the token in If and Lock-Token, no body', async function () {
    server.route('/dav/a/', { status: 200, body: GRANT });
    server.route('/dav/u', { status: 204, body: '' });
    const refreshed = await requireSuccess(lock(server.url('/dav/a/'), { refresh: '<urn:uuid:1>', timeout: 60 }));
    expect(refreshed.lock!.token, 'no Lock-Token header on a refresh').to.equal(undefined);
    expect(refreshed.lock!.locks![0]!.timeout).to.equal(600);
    expect(await requireSuccess(unlock(server.url('/dav/u'), 'urn:uuid:1'))).to.deep.include({ status: 204, ok: true });
    const [ref, un] = server.requests;
    expect([ref!.headers.if, ref!.headers.depth, ref!.body]).to.deep.equal(['(<urn:uuid:1>)', undefined, '']);
    expect([un!.method, un!.headers['lock-token'], un!.body]).to.deep.equal(['UNLOCK', '<urn:uuid:1>', '']);
    usage(() => unlock(server.url('/dav/u'), 'a> <b'));
    usage(() => unlock(server.url('/dav/u'), ''));
  });

  it('a LOCK answer whose body is not a lockdiscovery still gives the token', async function () {
    server.route('/x', { status: 201, body: 'not xml', headers: { 'Lock-Token': '<urn:uuid:2>' } });
    const r = await requireSuccess(lock(server.url('/x')));
    expect(r.lock).to.deep.equal({ token: 'urn:uuid:2' });
  });

  it('takes the request options: credentials, headers (which win), and the injected fetch', async function () {
    server.route('/t', { status: 204, body: '' });
    const seen: string[] = [];
    const f = ((input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(String(init?.method));
      return fetch(input, init);
    }) as typeof fetch;
    await requireSuccess(deleteResource(server.url('/t'), { fetch: f, auth: { username: 'ann', password: 'pw' }, headers: { If: '(<urn:uuid:3>)' } }));
    expect(seen).to.deep.equal(['DELETE']);
    const req = server.requests[0]!;
    expect(req.headers.authorization).to.equal(`Basic ${Buffer.from('ann:pw').toString('base64')}`);
    expect(req.headers.if).to.equal('(<urn:uuid:3>)');
  });

  it('nothing is sent before the first next() or result(); an abort before the answer is ABORTED', async function () {
    server.route('/slow', { stall: 'before-headers' });
    const controller = new AbortController();
    const it = deleteResource(server.url('/slow'), { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 20));
    expect(server.requests).to.have.length(0);
    const p = it.result();
    setTimeout(() => controller.abort(), 50);
    const e: unknown = await p.then(() => undefined, (x: unknown) => x);
    expect((e as MultistatusError).code).to.equal('ABORTED');
  });
});
