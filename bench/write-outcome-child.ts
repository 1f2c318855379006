/**
 * One measurement of bench/write-outcome-memory.ts, in a process of its own: a DELETE's 207 with
 * N failed entries (9 in 10 `423 Locked`, 1 in 10 `424`), generated piece by piece and never held
 * whole, read with requireSuccess(readOutcomes(...)). Prints one JSON line: entries, counts, failures
 * kept, seconds, peak RSS.
 * usage: node --import tsx bench/write-outcome-child.ts N MAX_FAILURES|all
 */
import { PartialFailureError, readOutcomes, requireSuccess } from '../lib/index.js';
import { readPeakRss } from './rss.js';

const n = Number(process.argv[2]);
const max = process.argv[3] === 'all' ? Infinity : Number(process.argv[3]);
const encoder = new TextEncoder();

/** The body in pieces of 1,000 entries (about 110 KB each). */
function* body(): Generator<Uint8Array> {
  yield encoder.encode('<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">\n');
  for (let i = 0; i < n; i += 1000) {
    let piece = '';
    for (let j = i; j < Math.min(n, i + 1000); j++) {
      const status = j % 10 === 9 ? '424 Failed Dependency' : '423 Locked';
      piece += `<D:response><D:href>/dav/tree/d${Math.floor(j / 1000)}/file-${j}.txt</D:href><D:status>HTTP/1.1 ${status}</D:status></D:response>\n`;
    }
    yield encoder.encode(piece);
  }
  yield encoder.encode('</D:multistatus>\n');
}

const started = process.hrtime.bigint();
let bytes = 0;
const counted = (function* () {
  for (const piece of body()) {
    bytes += piece.byteLength;
    yield piece;
  }
})();
try {
  await requireSuccess(readOutcomes(counted, { maxFailures: max }));
  throw new Error('expected a partial failure');
} catch (e) {
  if (!(e instanceof PartialFailureError)) throw e;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const o = e.outcome;
  console.log(JSON.stringify({ n, maxFailures: process.argv[3], entries: o.entries, failed: o.failed, dependent: o.dependent, kept: o.failures.length, byStatus: o.byStatus, bytes, seconds, peakRss: readPeakRss() }));
}
