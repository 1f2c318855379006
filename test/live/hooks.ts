/** Mocha root hooks of the live suite: whatever a test file started is stopped when the run ends. */
import { killAllServersNow, stopAllServers } from './servers.js';

process.once('exit', killAllServersNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllServersNow();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}

export const mochaHooks = {
  async afterAll(): Promise<void> {
    await stopAllServers();
  },
};
