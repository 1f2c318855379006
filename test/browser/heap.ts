/**
 * Samples a page's JavaScript heap through the DevTools protocol while some work runs in it.
 * `Runtime.getHeapUsage` covers the renderer's whole isolate: V8's heap (`usedSize`) and the
 * backing stores of ArrayBuffers and external strings (`backingStorageSize`), where fetch chunks live.
 *
 * Each sample reads the heap as it is (garbage included: how much of it there is depends on when
 * V8 chooses to collect), then forces a full collection (`HeapProfiler.collectGarbage`) and reads
 * it again: what is still reachable at that moment. The second is what "bounded" is about.
 */
import type { CDPSession } from 'playwright-core';

export interface HeapSample {
  used: number;
  backing: number;
}

export interface HeapTrace<T> {
  result: T;
  /** Heap right after a forced garbage collection, before the work started. */
  baseline: HeapSample;
  /** Largest `used` seen while the work ran, garbage included. */
  maxUsed: number;
  /** Largest `used + backing` seen while the work ran, garbage included. */
  maxTotal: number;
  /** Largest `used` right after a forced full collection, while the work ran: the live heap. */
  maxLiveUsed: number;
  /** Largest `used + backing` right after a forced full collection. */
  maxLiveTotal: number;
  samples: number;
  /** `used + backing` after each forced collection, with the ms since the work started. */
  live: { ms: number; total: number }[];
}

export async function heapNow(cdp: CDPSession): Promise<HeapSample> {
  const usage = await cdp.send('Runtime.getHeapUsage');
  return { used: usage.usedSize, backing: usage.backingStorageSize };
}

/** Forces a full GC in the page, then reads the heap. */
export async function heapAfterGc(cdp: CDPSession): Promise<HeapSample> {
  await cdp.send('HeapProfiler.collectGarbage');
  return heapNow(cdp);
}

/** Runs `work()` and samples the heap every `intervalMs` until it settles. */
export async function traceHeap<T>(cdp: CDPSession, work: () => Promise<T>, intervalMs = 10): Promise<HeapTrace<T>> {
  const baseline = await heapAfterGc(cdp);
  let done = false;
  let maxUsed = baseline.used;
  let maxTotal = baseline.used + baseline.backing;
  let maxLiveUsed = baseline.used;
  let maxLiveTotal = maxTotal;
  let samples = 0;
  const live: { ms: number; total: number }[] = [];
  const started = performance.now();
  const sampling = (async () => {
    while (!done) {
      const raw = await heapNow(cdp);
      maxUsed = Math.max(maxUsed, raw.used);
      maxTotal = Math.max(maxTotal, raw.used + raw.backing);
      const after = await heapAfterGc(cdp);
      maxLiveUsed = Math.max(maxLiveUsed, after.used);
      maxLiveTotal = Math.max(maxLiveTotal, after.used + after.backing);
      live.push({ ms: performance.now() - started, total: after.used + after.backing });
      samples++;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  try {
    const result = await work();
    return { result, baseline, maxUsed, maxTotal, maxLiveUsed, maxLiveTotal, samples, live };
  } finally {
    done = true;
    await sampling;
  }
}
