/* global window, document, fetch, performance, setTimeout */
// The browser test page's script: loads the bundle as a plain ES module and streams a listing
// through each face. It only counts and describes sampled responses; the test (Node side) checks
// the values, and the table it fills in is what the screenshot shows.
import { MultistatusStream, parseMultistatus } from '/multistatus.js';

const MiB = 1024 * 1024;

/**
 * A plain copy of the values the test checks. Through JSON so that the copy holds fresh strings:
 * V8 slices of a decoded chunk keep the whole chunk alive, and kept samples must not hold the body.
 */
function describe(index, r) {
  return JSON.parse(JSON.stringify(describeValues(index, r)));
}

function describeValues(index, r) {
  const p = r.props;
  const size = p.getcontentlength;
  const mtime = p.getlastmodified;
  return {
    index,
    href: r.href,
    path: r.path,
    codes: r.propstats.map((s) => s.status.code),
    size: size === undefined ? null : { type: typeof size, text: String(size) },
    mtime: mtime instanceof Date ? { date: mtime.toISOString() } : { notDate: String(mtime) },
    resourcetype: p.resourcetype,
    etag: p.getetag,
    contentType: p.getcontenttype,
    missing: r.propstats.filter((s) => s.status.code === 404).flatMap((s) => Object.entries(s.props)),
  };
}

function typedOk(r) {
  const p = r.props;
  return (
    Array.isArray(p.resourcetype) &&
    p.getlastmodified instanceof Date &&
    (p.resourcetype.includes('collection') || typeof p.getcontentlength === 'number')
  );
}

function show(face, url, result) {
  const row = document.createElement('tr');
  const cells = [
    face,
    url,
    result.error ? 'error' : String(result.count),
    result.summary ? String(result.summary.bytes) : '',
    String(Math.round(result.ms)),
    result.summary ? (result.summary.bytes / MiB / (result.ms / 1000)).toFixed(1) : '',
    result.error ? `${result.error.code ?? result.error.name}: ${result.error.message}` : result.typedOk ? 'typed values ok' : 'typed values WRONG',
  ];
  for (const text of cells) {
    const cell = document.createElement('td');
    cell.textContent = text;
    row.append(cell);
  }
  row.lastElementChild.className = result.error || !result.typedOk ? 'fail' : 'ok';
  document.getElementById('results').append(row);
}

/**
 * Every YIELD_MS of work, lets other tasks run (as a page showing progress does to repaint). This
 * is also what lets the test's DevTools protocol heap reads in: without it they wait until the
 * long run of read() promise jobs ends. A timer task, because Chromium runs the DevTools messages
 * before it but not before a MessageChannel task.
 */
const YIELD_MS = 20;
let lastYield = 0;

/**
 * Firefox only: with the pref dom.enable_memory_stats, performance.mozMemory.gc gives SpiderMonkey's
 * GC heap (gcBytes) and the malloc memory it accounts to GC things (mallocBytes: string characters,
 * ArrayBuffer contents). Read at each yield while a face runs; the Firefox test checks them.
 */
let memory = null;
let memoryStart = 0;

function sampleMemory() {
  const gc = performance.mozMemory?.gc;
  if (memory && gc) memory.push({ ms: performance.now() - memoryStart, gcBytes: gc.gcBytes, mallocBytes: gc.mallocBytes });
}

/** Takes the last memory sample of a run and stops sampling (once; later calls do nothing). */
function endMemory(result) {
  if (!memory) return;
  sampleMemory();
  result.memory = memory;
  memory = null;
}

async function maybeYield() {
  if (performance.now() - lastYield < YIELD_MS) return;
  sampleMemory();
  await new Promise((resolve) => setTimeout(resolve, 0));
  lastYield = performance.now();
}

function summaryOf(s) {
  return { responses: s.responses, bytes: s.bytes, encoding: s.encoding, truncated: s.truncated, diagnosticCount: s.diagnosticCount };
}

/**
 * After the last response, how long the page waits for the sampled responses to be collected, and
 * how much garbage it makes meanwhile (a page has no way to force a collection; SpiderMonkey
 * collects when allocation asks for it, and runs finalizers later still).
 */
const SETTLE_MS = 10_000;
const GARBAGE_OBJECTS = 200_000;

/** Small objects, the kind a parse makes: garbage on the GC heap (not in malloc'd buffers). */
function makeGarbage() {
  let list = null;
  for (let i = 0; i < GARBAGE_OBJECTS; i++) list = { i, next: list };
  return list !== null;
}

/**
 * Makes garbage and yields every `stepMs` until `done()` or `limitMs` has passed; returns the
 * milliseconds it took.
 */
async function makeGarbageUntil(done, limitMs, stepMs) {
  const started = performance.now();
  while (!done() && performance.now() - started < limitMs) {
    makeGarbage();
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  return performance.now() - started;
}

async function consume(face, url, sampleEvery, next) {
  const started = performance.now();
  const result = { count: 0, samples: [], typedOk: true, ms: undefined, tracked: 0, collected: 0, collectedDuringRun: 0, settleMs: 0 };
  // Every sampled response is also watched for collection: a parser (or face) that kept the
  // responses it gave out would let none of them go while the run lasts.
  const registry = new FinalizationRegistry(() => result.collected++);
  memory = performance.mozMemory ? [] : null;
  memoryStart = started;
  sampleMemory();
  let last;
  // Called by each face after its last response, while the face is still in use (it reads its
  // summary afterwards): whatever it kept of the responses it gave out would still be held now.
  // The last response is still referenced here (`last`), and one more is allowed for.
  const settle = async () => {
    result.ms = performance.now() - started;
    result.collectedDuringRun = result.collected;
    endMemory(result); // before the garbage below
    result.settleMs = await makeGarbageUntil(() => result.tracked - result.collected <= 2, SETTLE_MS, 10);
  };
  try {
    result.summary = summaryOf(
      await next(settle, (r) => {
        if (result.count % sampleEvery === 0) {
          result.samples.push(describe(result.count, r));
          registry.register(r, result.count);
          result.tracked++;
        }
        if (!typedOk(r)) result.typedOk = false;
        last = r;
        result.count++;
      }),
    );
    if (last) result.samples.push(describe(result.count - 1, last));
  } catch (error) {
    result.error = { name: error.name, code: error.code, message: error.message };
  }
  result.ms ??= performance.now() - started; // a run that failed before settle()
  endMemory(result);
  show(face, url, result);
  return result;
}

/** fetch(url) -> response.body.pipeThrough(new MultistatusStream()) */
function runStream(url, sampleEvery) {
  return consume('MultistatusStream', url, sampleEvery, async (settle, onResponse) => {
    const response = await fetch(url);
    const stream = new MultistatusStream();
    const reader = response.body.pipeThrough(stream).getReader();
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      onResponse(value);
      await maybeYield();
    }
    await settle();
    return stream.summary;
  });
}

/** for await (const r of parseMultistatus(await fetch(url))) */
function runIterator(url, sampleEvery) {
  return consume('parseMultistatus', url, sampleEvery, async (settle, onResponse) => {
    const responses = parseMultistatus(await fetch(url));
    for await (const r of responses) {
      onResponse(r);
      await maybeYield();
    }
    await settle();
    return responses.summary();
  });
}

let held = null;

/** Keeps a whole body as one string: the heap probe's control (it must see this). */
async function holdText(url) {
  held = await (await fetch(url)).text();
  return held.length;
}

/**
 * Firefox: holdText, then performance.mozMemory.gc read every 20 ms (small garbage made between
 * readings, so that collections run) until mallocBytes shows the held text or HOLD_READ_MS has
 * passed; returns the reading with the most mallocBytes and when it came. SpiderMonkey accounts a
 * new string's characters late: read once, right as the text arrives or in a later call, it showed
 * 1 to 35 MiB for a 51 MiB text held in 5 of 8 runs.
 */
const HOLD_READ_MS = 5_000;

async function holdTextMemory(url) {
  const length = await holdText(url);
  const started = performance.now();
  let best = memoryNow();
  await makeGarbageUntil(
    () => {
      const now = memoryNow();
      if (now && now.mallocBytes > best.mallocBytes) best = { ...now, ms: performance.now() - started };
      return !best || best.mallocBytes >= length;
    },
    HOLD_READ_MS,
    20,
  );
  return { length, memory: best };
}

function releaseText() {
  held = null;
}

/** Firefox only: performance.mozMemory.gc now (see sampleMemory), or null. */
function memoryNow() {
  const gc = performance.mozMemory?.gc;
  return gc ? { ms: 0, gcBytes: gc.gcBytes, mallocBytes: gc.mallocBytes } : null;
}

window.msTest = { runStream, runIterator, holdText, holdTextMemory, releaseText, memoryNow };
document.getElementById('status').textContent = 'ready';
