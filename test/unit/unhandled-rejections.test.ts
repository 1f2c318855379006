import { expect } from 'chai';
import { mochaHooks } from '../helpers/unhandled-rejections.js';

describe('unhandled promise rejections fail the run', () => {
  it('the root hook is registered and reports a rejection nobody handled', async () => {
    expect(process.listeners('unhandledRejection').length, 'a listener from .mocharc.json "require"').to.be.greaterThan(0);
    void Promise.reject(new Error('probe rejection nobody handles'));
    let reported: unknown;
    try {
      await mochaHooks.afterEach();
    } catch (e) {
      reported = e;
    }
    expect(reported).to.be.instanceOf(Error);
    expect((reported as Error).message).to.contain('probe rejection nobody handles');
  });

  it('a handled rejection is not reported', async () => {
    Promise.reject(new Error('handled')).catch(() => undefined);
    await mochaHooks.afterEach();
  });
});
