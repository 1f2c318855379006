/** The pieces of the write outcomes on their own (lib/client/outcome.ts): status to outcome, entries, the tally, Lock-Token. */
import { expect } from 'chai';
import { entryOf, FailureTally, lockTokenOf, outcomeOf } from '../../lib/client/outcome.js';
import type { DavResponse } from '../../lib/parser/model.js';

const st = (code: number | null) => ({ code, text: '', line: code === null ? '' : `HTTP/1.1 ${code} X` });

function response(fields: Partial<DavResponse>): DavResponse {
  return { href: '/a', hrefs: ['/a'], path: '/a', props: {}, propstats: [], ...fields } as DavResponse;
}

describe('client: outcome parts', function () {
  it('outcomeOf: 2xx ok (200 and 299 included), 424 dependent, anything else (199, 300, none) failed', function () {
    const of = (code: number | null) => outcomeOf(st(code));
    expect([of(200), of(204), of(299)]).to.deep.equal(['ok', 'ok', 'ok']);
    expect([of(199), of(300), of(423), of(null)]).to.deep.equal(['failed', 'failed', 'failed', 'failed']);
    expect(of(424)).to.equal('dependent');
  });

  it('entryOf: a status entry (also when there is neither status nor propstat), with what the response carries', function () {
    const e = entryOf(response({ status: st(423), url: 'http://h/a', error: [], responseDescription: 'locked', location: 'http://h/b' }));
    expect(e).to.deep.include({ form: 'status', outcome: 'failed', url: 'http://h/a', responseDescription: 'locked', location: 'http://h/b' });
    expect(e.error).to.deep.equal([]);
    const bare = entryOf(response({}));
    expect(bare).to.deep.include({ form: 'status', outcome: 'failed', status: { code: null, text: '', line: '' } });
    expect(bare).to.not.have.any.keys('url', 'error', 'responseDescription', 'location');
  });

  it('entryOf: a propstat entry takes the worst outcome; each property its propstat status, error and description', function () {
    const r = response({
      propstats: [
        { props: { a: null }, status: st(200) },
        { props: { b: null, c: null }, status: st(424), responseDescription: 'because of d' },
        { props: { d: null }, status: st(403), error: [] },
      ] as never,
    });
    const e = entryOf(r);
    if (e.form !== 'propstat') throw new Error('expected a propstat entry');
    expect(e.outcome).to.equal('failed');
    expect(e.properties.map((p) => [p.name, p.outcome, p.status.code])).to.deep.equal([
      ['a', 'ok', 200],
      ['b', 'dependent', 424],
      ['c', 'dependent', 424],
      ['d', 'failed', 403],
    ]);
    expect(e.properties[1]).to.have.property('responseDescription', 'because of d');
    expect(e.properties[0]).to.not.have.any.keys('error', 'responseDescription');
    expect(e.properties[3]!.error).to.deep.equal([]);
    const dep = entryOf(response({ propstats: [{ props: { a: null }, status: st(200) }, { props: { b: null }, status: st(424) }] as never }));
    expect(dep.outcome).to.equal('dependent');
    const ok = entryOf(response({ propstats: [{ props: { a: null }, status: st(200) }] as never }));
    expect(ok.outcome).to.equal('ok');
  });

  it('FailureTally: counts by outcome and by status (per property), keeps the first max failures and says when it cut', function () {
    const t = new FailureTally(2);
    t.add(entryOf(response({ status: st(204) })));
    t.add(entryOf(response({ status: st(423) })));
    t.add(entryOf(response({ status: st(424) })));
    t.add(entryOf(response({ status: st(null) })));
    t.add(entryOf(response({ propstats: [{ props: { a: null, b: null }, status: st(403) }, { props: { c: null }, status: st(200) }] as never })));
    expect([t.entries, t.succeeded, t.failed, t.dependent]).to.deep.equal([5, 1, 3, 1]);
    expect(t.byStatus).to.deep.equal({ '423': 1, '424': 1, none: 1, '403': 2 });
    expect(t.failures.map((e) => (e.form === 'status' ? e.status.code : 'propstat'))).to.deep.equal([423, 424]);
    expect(t.failuresCut).to.equal(true);
    const exact = new FailureTally(1);
    exact.add(entryOf(response({ status: st(500) })));
    expect(exact.failuresCut).to.equal(false);
  });

  it('lockTokenOf: the token inside <>, trimmed; a bare one as is; none when absent or empty', function () {
    expect(lockTokenOf(' < urn:uuid:1 > ')).to.equal('urn:uuid:1');
    expect(lockTokenOf('urn:uuid:2')).to.equal('urn:uuid:2');
    expect(lockTokenOf('<urn:uuid:3')).to.equal('<urn:uuid:3');
    expect(lockTokenOf('  ')).to.equal(undefined);
    expect(lockTokenOf(null)).to.equal(undefined);
  });
});
