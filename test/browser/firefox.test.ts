/**
 * The browser test in Firefox: Debian's firefox-esr, headless, driven over WebDriver BiDi by
 * puppeteer-core (no downloaded browser or driver). The same page and esbuild bundle as the
 * Chromium test (browser.test.ts): a generated 50 MiB listing sent chunked, parsed by each face,
 * every response counted and sampled responses checked, and the page's memory kept flat.
 *
 * Memory: WebDriver BiDi has no heap probe and no way to force a collection (Chromium's test
 * forces one before each reading through CDP). So what is checked is retention: the page watches
 * every sampled response with a FinalizationRegistry; after the last response, with the face still
 * in use, it makes garbage until all but two of them are collected (at most 10 s), and all but two
 * must be (a face or parser that kept what it gave out would let none go). How many went during the
 * run itself is reported, not checked: SpiderMonkey collects and finalizes lazily, and that count
 * went from 10-19 of 25 on one machine to 2 on another.
 * The page also reads Firefox's performance.mozMemory.gc (pref dom.enable_memory_stats) at each
 * yield, about every 20 ms: gcBytes, SpiderMonkey's GC heap, and mallocBytes, the malloc memory it
 * accounts to GC things (string characters, ArrayBuffer contents: fetch chunks, decoded text).
 * Those include garbage not yet collected and body data fetch has buffered ahead of the reader,
 * and SpiderMonkey collects lazily (measured: a sawtooth between about 30 and 270 MiB on a 50 MiB
 * body), so they are reported, not held to a bound; the control test checks that they do see a
 * body held whole.
 *
 * Firefox comes from scripts/install-firefox.sh (`npm run test:firefox` runs it first).
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'chai';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { buildBrowserBundle, repoRoot } from './bundle.js';
import { filesForBytes } from './listing.js';
import { checkSample, type Face, type MemorySample, type MsTest, type PageResult } from './page-result.js';
import { spawnServer, type ServerProcess } from './server.js';
import { buildVitePage } from './vite-build.js';

const FIREFOX = '/usr/bin/firefox-esr';
const MiB = 1024 * 1024;
const BIG = 50 * MiB;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const artifacts = path.join(repoRoot, 'test', 'artifacts');
const total = (s: MemorySample) => s.gcBytes + s.mallocBytes;

/** Firefox prefs: performance.mozMemory on. */
const PREFS = { 'dom.enable_memory_stats': true };

describe('browser (Firefox ESR headless over WebDriver BiDi, bundle as ES module)', function () {
  this.timeout(240_000);

  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const log: string[] = [];

  let polyfillChunks: string[];

  before(async function () {
    if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: run scripts/install-firefox.sh (npm run test:firefox does)`);
    const bundle = await buildBrowserBundle();
    polyfillChunks = bundle.files.filter((f) => f.inputs.some((i) => i.includes('web-streams-polyfill'))).map((f) => `/${f.file}`);
    server = await spawnServer();
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, extraPrefsFirefox: PREFS });
    log.push(`browser ${await browser.version()}`);
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(`${server.origin}/`);
    await page.waitForFunction('document.getElementById("status").textContent === "ready"', { timeout: 30_000 });
  });

  after(async function () {
    if (page) {
      await mkdir(artifacts, { recursive: true });
      await page.screenshot({ path: path.join(artifacts, 'firefox-result.png'), fullPage: true }).catch(() => undefined);
    }
    if (log.length) await writeFile(path.join(artifacts, 'firefox-figures.txt'), log.join('\n') + '\n').catch(() => undefined);
    console.log(log.map((line) => `      ${line}`).join('\n'));
    await browser?.close();
    await server?.close();
  });

  afterEach(function () {
    expect(pageErrors, 'errors in the page').to.deep.equal([]);
  });

  it('has web streams, mozMemory, and never loads the polyfill chunk', async function () {
    const has = await page.evaluate(() => ({
      streams: typeof ReadableStream === 'function' && typeof WritableStream === 'function' && typeof TransformStream === 'function',
      memory: (window as unknown as { msTest: MsTest }).msTest.memoryNow() !== null,
    }));
    expect(has).to.deep.equal({ streams: true, memory: true });
    const requested = await server.requested();
    expect(requested).to.include('/multistatus.js');
    expect(polyfillChunks).to.have.length(1);
    expect(requested.filter((p) => polyfillChunks.includes(p))).to.deep.equal([]);
  });

  for (const face of ['runStream', 'runIterator'] as Face[]) {
    const name = face === 'runStream' ? 'fetch body.pipeThrough(new MultistatusStream())' : 'for await (parseMultistatus(response))';

    it(`${name}: every response of a 50 MiB chunked listing, typed, none of them kept by the face`, async function () {
      const files = filesForBytes(BIG);
      const result: PageResult = await page.evaluate(
        (f, u, every) => (window as unknown as { msTest: MsTest }).msTest[f](u, every),
        face,
        `/listing?files=${files}`,
        Math.ceil(files / 25),
      );
      const sent = (await server.listingBytes()).at(-1) ?? 0;

      expect(result.error, `error in the page: ${JSON.stringify(result.error)}`).to.equal(undefined);
      expect(sent).to.be.at.least(BIG);
      expect(result.count).to.equal(files + 1);
      expect(result.summary?.responses).to.equal(files + 1);
      expect(result.summary?.bytes).to.equal(sent);
      expect(result.summary?.encoding).to.match(/^utf-?8$/i);
      expect(result.typedOk, 'every response has typed values').to.equal(true);
      expect(result.samples.length).to.be.at.least(25);
      for (const sample of result.samples) checkSample(sample);

      const memory = result.memory ?? [];
      const half = result.ms / 2;
      const range = (list: MemorySample[]) => `${mib(Math.min(...list.map(total)))} to ${mib(Math.max(...list.map(total)))}`;
      log.push(
        `${face}: ${mib(sent)}, ${result.count} responses, ${Math.round(result.ms)} ms ` +
          `(${(sent / MiB / (result.ms / 1000)).toFixed(1)} MiB/s); ${result.collectedDuringRun} of ${result.tracked} watched responses ` +
          `collected during the run, ${result.collected} after ${Math.round(result.settleMs)} ms more; mozMemory gcBytes+mallocBytes at start ${mib(total(memory[0]!))}, 1st half ` +
          `${range(memory.filter((s) => s.ms < half))}, 2nd half ${range(memory.filter((s) => s.ms >= half))}; ${memory.length} samples`,
      );

      expect(memory.length, 'memory samples while streaming').to.be.at.least(20);
      expect(result.tracked).to.be.at.least(25);
      // The last response is still referenced by the page; a face that kept what it gave out would
      // show 0 here.
      expect(result.collected, 'watched responses collected with the face still in use').to.be.at.least(result.tracked - 2);
    });
  }

  it('mozMemory sees a body that is held whole (control: the figures reported above can show one)', async function () {
    const files = filesForBytes(BIG);
    const { length, memory: held } = await page.evaluate(
      (u) => (window as unknown as { msTest: MsTest }).msTest.holdTextMemory(u),
      `/listing?files=${files}`,
    );
    await page.evaluate(() => (window as unknown as { msTest: MsTest }).msTest.releaseText());
    log.push(`control: response.text() of ${mib(length)} held -> gcBytes+mallocBytes ${mib(total(held!))} (read after ${Math.round(held!.ms)} ms)`);
    expect(length).to.be.at.least(BIG);
    expect(held!.mallocBytes, 'mallocBytes while the text is held').to.be.at.least(length);
  });

  it('the page built by Vite: both faces on a 5 MiB listing; neither bundle fetched its polyfill chunk', async function () {
    const vite = await buildVitePage();
    await page.goto(`${server.origin}/vite/`);
    await page.waitForFunction('document.getElementById("status").textContent === "ready"', { timeout: 30_000 });
    const files = filesForBytes(5 * MiB);
    for (const face of ['runStream', 'runIterator'] as Face[]) {
      const result: PageResult = await page.evaluate(
        (f, u, every) => (window as unknown as { msTest: MsTest }).msTest[f](u, every),
        face,
        `/listing?files=${files}`,
        Math.ceil(files / 25),
      );
      expect(result.error, `${face}: ${JSON.stringify(result.error)}`).to.equal(undefined);
      expect(result.count).to.equal(files + 1);
      expect(result.typedOk).to.equal(true);
      for (const sample of result.samples) checkSample(sample);
    }
    const requested = await server.requested();
    expect(vite.polyfillFiles).to.have.length(1);
    expect(requested).to.include.members(vite.files.filter((f) => !vite.polyfillFiles.includes(f)));
    expect(requested.filter((p) => vite.polyfillFiles.includes(p) || polyfillChunks.includes(p))).to.deep.equal([]);
  });
});
