/** GeneratorIterator and SummaryTotal (lib/client/results.ts) on their own. */
import { expect } from 'chai';
import { GeneratorIterator, SummaryTotal } from '../../lib/client/results.js';
import type { DavResponse } from '../../lib/parser/model.js';
import type { MultistatusSummary } from '../../lib/types.js';

const SUMMARY: MultistatusSummary = { responses: 1, bytes: 10, truncated: false, diagnostics: [], diagnosticCount: 0 };

async function* oneThen(end: 'summary' | Error): AsyncGenerator<DavResponse, MultistatusSummary, undefined> {
  yield { href: '/d/a' } as unknown as DavResponse;
  if (end instanceof Error) throw end;
  return SUMMARY;
}

describe('client: the generator iterator and the summary total', function () {
  it('after its end, next() stays done and summary() is still the generator\'s summary', async function () {
    const it = new GeneratorIterator(oneThen('summary'), 'walk');
    expect((await it.next()).done).to.equal(false);
    expect((await it.next()).done).to.equal(true);
    expect((await it.next()).done).to.equal(true);
    expect(await it.summary()).to.equal(SUMMARY);
  });

  it('after a failure, return() keeps that failure for summary()', async function () {
    const boom = new Error('boom');
    const it = new GeneratorIterator(oneThen(boom), 'walk');
    await it.next();
    let thrown: unknown;
    await it.next().catch((e: unknown) => (thrown = e));
    expect(thrown).to.equal(boom);
    await it.return();
    let summaryError: unknown;
    await it.summary().catch((e: unknown) => (summaryError = e));
    expect(summaryError).to.equal(boom);
  });

  it('a body not truncated leaves the total not truncated; one truncated body makes it truncated', function () {
    const total = new SummaryTotal();
    total.add(SUMMARY);
    expect(total.base(1).truncated).to.equal(false);
    total.add({ ...SUMMARY, truncated: true });
    total.add(SUMMARY);
    expect(total.base(2).truncated).to.equal(true);
    expect(total.base(2).bytes).to.equal(30);
  });
});
