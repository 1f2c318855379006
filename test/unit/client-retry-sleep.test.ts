/** The retry policy's edges (lib/client/retry.ts): only SOURCE and HTTP failures are transient; the backoff sleep and its signal. */
import { expect } from 'chai';
import { isTransient, sleep } from '../../lib/client/retry.js';
import { MultistatusError } from '../../lib/errors.js';

const timeout = (): Error => Object.assign(new Error('timed out'), { name: 'TimeoutError' });

describe('client: retry edges', function () {
  it('an ABORTED or XML failure is never transient, whatever its cause', function () {
    expect(isTransient(new MultistatusError('SOURCE', 'x', {}, timeout()))).to.equal(true);
    expect(isTransient(new MultistatusError('ABORTED', 'x', {}, timeout()))).to.equal(false);
    expect(isTransient(new MultistatusError('XML_SYNTAX', 'x', {}, timeout()))).to.equal(false);
  });

  it('sleep waits its time without a signal, and not at all on an aborted one', async function () {
    let t = Date.now();
    await sleep(60);
    expect(Date.now() - t).to.be.at.least(50);
    t = Date.now();
    await sleep(5000, AbortSignal.abort());
    expect(Date.now() - t).to.be.below(1000);
  });

  it('sleep ends early when its signal aborts during the wait', async function () {
    const c = new AbortController();
    const t = Date.now();
    setTimeout(() => c.abort(), 20);
    await sleep(5000, c.signal);
    expect(Date.now() - t).to.be.below(1000);
  });
});
