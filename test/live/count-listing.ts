/**
 * Child process of the scale test: PROPFIND Depth: infinity (allprop) on argv[2] through `fetch`, parse
 * the body with parseMultistatus, count the responses, and print one JSON line with the counts and this
 * process's peak RSS, so that mocha's own memory is not counted.
 */
import { parseMultistatus } from '../../lib/index.js';
import { dav, PROPFIND_ALLPROP } from './dav.js';

const url = process.argv[2];
if (!url) throw new Error('usage: count-listing.ts URL');

const started = performance.now();
const res = await dav('PROPFIND', url, { depth: 'infinity', body: PROPFIND_ALLPROP, timeoutMs: 240_000 });
if (res.status !== 207) throw new Error(`PROPFIND ${url}: HTTP ${res.status}`);
let responses = 0;
let collections = 0;
let files = 0;
const it = parseMultistatus(res);
for await (const r of it) {
  responses++;
  if ((r.props.resourcetype as string[] | undefined)?.includes('collection')) collections++;
  else if (typeof r.props.getcontentlength === 'number') files++;
}
const summary = await it.summary();
console.log(
  JSON.stringify({
    responses,
    collections,
    files,
    summaryResponses: summary.responses,
    bytes: summary.bytes,
    ms: Math.round(performance.now() - started),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
