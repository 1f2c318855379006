/**
 * Root hook plugin (registered in .mocharc.json "require"): an unhandled promise rejection
 * anywhere in the run fails it. Mocha itself only re-emits such rejections on `process`, where
 * nobody listens, so without this they would pass silently.
 *
 * Each rejection is recorded; after every test (once pending rejection events have had a turn of
 * the event loop to fire) the hook throws if any were recorded, naming the test. A rejection
 * outside any test fails the run in the root afterAll hook.
 */

const seen: { reason: unknown; during: string }[] = [];
// Mocha re-emits each rejection on `process`, so the same promise can arrive twice.
const counted = new WeakSet<Promise<unknown>>();
let current = '(outside any test)';

function onUnhandled(reason: unknown, promise: Promise<unknown>): void {
  if (counted.has(promise)) return;
  counted.add(promise);
  seen.push({ reason, during: current });
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function check(): void {
  if (seen.length === 0) return;
  const list = seen.splice(0, seen.length);
  const lines = list.map(({ reason, during }) => {
    const what = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
    return `  during "${during}": ${what}`;
  });
  throw new Error(`unhandled promise rejection${list.length > 1 ? 's' : ''}:\n${lines.join('\n')}`);
}

export const mochaHooks = {
  beforeAll(): void {
    process.on('unhandledRejection', onUnhandled);
  },
  beforeEach(this: Mocha.Context): void {
    current = this.currentTest?.fullTitle() ?? '(unknown test)';
  },
  async afterEach(): Promise<void> {
    await nextTurn();
    await nextTurn();
    current = '(outside any test)';
    check();
  },
  async afterAll(): Promise<void> {
    await nextTurn();
    process.off('unhandledRejection', onUnhandled);
    check();
  },
};
