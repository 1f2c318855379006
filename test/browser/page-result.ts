/**
 * What the browser test page (page/run.js) returns, and the checks on a sampled response: shared
 * by the Chromium and Firefox tests.
 */
import { expect } from 'chai';
import { listingEntry } from './listing.js';

/** What run.js returns for one face. */
export interface PageSample {
  index: number;
  href: string;
  path: string;
  codes: (number | null)[];
  size: { type: string; text: string } | null;
  mtime: { date: string } | { notDate: string };
  resourcetype: unknown;
  etag: unknown;
  contentType: unknown;
  missing: [string, unknown][];
}
export interface PageResult {
  count: number;
  samples: PageSample[];
  typedOk: boolean;
  ms: number;
  summary?: { responses: number; bytes: number; encoding: string; truncated: boolean; diagnosticCount: number };
  error?: { name: string; code?: string; message: string };
  /** Sampled responses watched with a FinalizationRegistry. */
  tracked: number;
  /** How many of those were collected by the time the last response was handed out. */
  collectedDuringRun: number;
  /**
   * How many were collected after the page then made garbage for `settleMs` (at most 10 s), the
   * face still in use: it stops waiting once all but two are gone.
   */
  collected: number;
  settleMs: number;
  /** Firefox only (performance.mozMemory, see firefox.test.ts): the heap at each yield of the run. */
  memory?: MemorySample[];
}

/** One reading of Firefox's performance.mozMemory.gc, taken in the page. */
export interface MemorySample {
  ms: number;
  gcBytes: number;
  mallocBytes: number;
}

/** `window.msTest`, set by run.js. */
export interface MsTest {
  runStream(url: string, sampleEvery: number): Promise<PageResult>;
  runIterator(url: string, sampleEvery: number): Promise<PageResult>;
  holdText(url: string): Promise<number>;
  holdTextMemory(url: string): Promise<{ length: number; memory: MemorySample | null }>;
  releaseText(): void;
  memoryNow(): MemorySample | null;
}
export type Face = 'runStream' | 'runIterator';

export function checkSample(sample: PageSample): void {
  const e = listingEntry(sample.index);
  expect(sample.href, `href #${sample.index}`).to.equal(e.href);
  expect(sample.path, `path #${sample.index}`).to.equal(e.path);
  expect(sample.codes).to.deep.equal([200, 404]);
  expect(sample.mtime).to.deep.equal({ date: e.mtime.toISOString() });
  expect(sample.etag).to.equal(e.etag);
  expect(sample.missing).to.deep.equal([['quota-used-bytes', null]]);
  if (e.collection) {
    expect(sample.resourcetype).to.deep.equal(['collection']);
    expect(sample.size).to.equal(null);
    expect(sample.contentType).to.equal('httpd/unix-directory');
  } else {
    expect(sample.resourcetype).to.deep.equal([]);
    expect(sample.size).to.deep.equal({ type: 'number', text: String(e.size) });
    expect(sample.contentType).to.equal('text/plain');
  }
}
