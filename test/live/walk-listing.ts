/**
 * Child process of the 100k walk test and benchmark: walk() argv[2] (`infinity`: Depth: infinity
 * allowed; `depth-1`: infinity: false) with concurrency argv[4], count the responses, fold their
 * hrefs into an order-independent digest, and print one JSON line with the figures and this
 * process's peak RSS (mocha's memory is not counted). Nothing is kept per response.
 */
import { walk } from '../../lib/index.js';

/** The JSON line this prints. */
export interface WalkFigures {
  mode: string;
  refusal: string | null;
  requests: number;
  retries: number;
  responses: number;
  collections: number;
  summaryResponses: number;
  bytes: number;
  digest: string;
  ms: number;
  maxRssMB: number;
}

const [url, how, concurrencyArg] = process.argv.slice(2);
if (!url || (how !== 'infinity' && how !== 'depth-1')) throw new Error('usage: walk-listing.ts URL infinity|depth-1 [CONCURRENCY]');

/** FNV-1a (32 bits) of the UTF-16 units of `s`, from `seed`. */
function fnv(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const started = performance.now();
const it = walk(url, { infinity: how === 'infinity', concurrency: Number(concurrencyArg ?? 4), timeout: 120_000 });
let responses = 0;
let collections = 0;
let sumA = 0;
let sumB = 0;
for await (const r of it) {
  responses++;
  if ((r.props.resourcetype as string[] | undefined)?.includes('collection')) collections++;
  // Sums of two hashes: the same multiset of hrefs gives the same digest whatever the order.
  sumA += fnv(r.href, 0x811c9dc5);
  sumB += fnv(r.href, 0x01234567);
}
const summary = await it.summary();
console.log(
  JSON.stringify({
    mode: summary.mode,
    refusal: summary.refusal ?? null,
    requests: summary.requests,
    retries: summary.retries,
    responses,
    collections,
    summaryResponses: summary.responses,
    bytes: summary.bytes,
    digest: `${responses}:${sumA}:${sumB}`,
    ms: Math.round(performance.now() - started),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
