/**
 * The README's and docs' TypeScript examples that talk to a server, run against radicale on
 * 127.0.0.1 (test/readme/check-blocks.ts only compiles them). radicale leaves `getlastmodified`
 * and `getcontentlength` out for the principal collection it lists (`/user/`): the property a
 * server omits is among the cases, and the examples must not throw on it (0.2.0's
 * `r.props.getlastmodified.toISOString()` compiled and threw there; a test shows that it still
 * would). A block holding `@ts-expect-error` lines shows what the compiler refuses: it must fail
 * with the TypeError the compiler foresaw.
 *
 * Each block is transpiled as written, with its example hosts (`https://dav.example/files/`,
 * `https://cal.example/dav/calendars/ann/work/`) replaced by radicale's URLs, and run by `node` in a
 * temporary directory inside the repository (so that `multistatus` resolves to the built package),
 * with the names test/readme/preamble.d.ts declares set to real values: `url` the collection,
 * `res` a fresh 207 response of that collection at each read, `PROPFIND`, `user`, `password`,
 * `auth`. Run `npm run build` first. Blocks that import `webdav` or `undici` are the recipes that
 * test/unit/recipes.test.ts runs as code against a local server.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import ts from 'typescript';
import { parseMultistatus } from '../../lib/index.js';
import { blocksOf } from '../readme/check-blocks.js';
import type { CodeBlock } from '../readme/check-blocks.js';
import { EVENTS } from './calendar-data.js';
import { collect, dav, PROPFIND_LISTING } from './dav.js';
import { liveServer } from './servers.js';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const CALDAV = 'urn:ietf:params:xml:ns:caldav';
const AUTH = 'user:x'; // radicale runs with auth none here: any password
const HOME = '/user/';
const CALENDAR = '/user/cal1/';
const MKCALENDAR = `<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="${CALDAV}"><D:set><D:prop><D:displayname>Work</D:displayname></D:prop></D:set></C:mkcalendar>`;

/** The write-method examples (DELETE, COPY, MOVE, LOCK…): they need a server with locks and a tree to change. */
const WRITES = /\b(deleteResource|proppatch|copy|move|lock|unlock)\(/;

/** The blocks that talk to a server (an example host, or the reader's `res` / `url`): the reading ones, or the writing ones. */
function serverBlocks(writes = false): CodeBlock[] {
  const docs = readdirSync(path.join(repoRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
  return blocksOf(['README.md', ...docs]).filter(
    (b) => /dav\.example|cal\.example|\bres\b|\burl\b/.test(b.code) && !/from '(webdav|undici)'/.test(b.code) && WRITES.test(b.code) === writes,
  );
}

/** Sets the reader's names as globals before the block runs. */
function prelude(base: string, listing: string): string {
  return `
const listing = Buffer.from(${JSON.stringify(listing)}, 'base64');
globalThis.url = ${JSON.stringify(base + HOME.slice(1))};
globalThis.user = 'user';
globalThis.password = 'x';
globalThis.auth = 'Basic ' + Buffer.from('user:x').toString('base64');
globalThis.PROPFIND = ${JSON.stringify(PROPFIND_LISTING)};
Object.defineProperty(globalThis, 'res', {
  get: () => new Response(listing, { status: 207, headers: { 'content-type': 'application/xml; charset=utf-8' } }),
});
`;
}

describe('live radicale: the README and docs examples run', function () {
  this.timeout(120_000);
  const live = liveServer('radicale');
  let base = '';
  let listing = '';
  let dir = '';

  before(async function () {
    base = live().url;
    const req = (method: string, p: string, body?: string, contentType?: string): Promise<Response> =>
      dav(method, base + p.slice(1), { auth: AUTH, ...(body === undefined ? {} : { body }), ...(contentType ? { contentType } : {}) });
    expect((await req('MKCALENDAR', CALENDAR, MKCALENDAR)).status).to.equal(201);
    for (const o of [EVENTS.event1, EVENTS.event2]) expect((await req('PUT', CALENDAR + o.name, o.body, 'text/calendar; charset=utf-8')).status).to.be.oneOf([201, 204]);
    const res = await dav('PROPFIND', base + HOME.slice(1), { auth: AUTH, depth: '1', body: PROPFIND_LISTING });
    expect(res.status).to.equal(207);
    listing = Buffer.from(await res.arrayBuffer()).toString('base64');
    dir = mkdtempSync(path.join(repoRoot, 'test', 'live', '.examples-'));
    // The Node stream example reads listing.xml from its working directory.
    writeFileSync(path.join(dir, 'listing.xml'), Buffer.from(listing, 'base64'));
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('radicale leaves getlastmodified out for some of what it lists (the case the examples must survive)', async function () {
    const res = await dav('PROPFIND', base + HOME.slice(1), { auth: AUTH, depth: '1', body: PROPFIND_LISTING });
    const responses = await collect(parseMultistatus(res));
    expect(responses.map((r) => r.path)).to.include.members([HOME, CALENDAR]);
    const without = responses.filter((r) => r.props.getlastmodified === undefined).map((r) => r.path);
    expect(without, 'responses without getlastmodified').to.not.deep.equal([]);
    const withoutLength = responses.filter((r) => r.props.getcontentlength === undefined).map((r) => r.path);
    expect(withoutLength, 'responses without getcontentlength').to.not.deep.equal([]);
    console.log(`      without getlastmodified: ${without.join(' ')}; without getcontentlength: ${withoutLength.join(' ')}`);
  });

  it('0.2.0\'s README line, r.props.getlastmodified.toISOString(), throws there', async function () {
    const res = await dav('PROPFIND', base + HOME.slice(1), { auth: AUTH, depth: '1', body: PROPFIND_LISTING });
    const unguarded = async (): Promise<void> => {
      for await (const r of parseMultistatus(res)) (r.props.getlastmodified as Date).toISOString();
    };
    const error = await unguarded().catch((e: unknown) => e);
    expect(error).to.be.instanceOf(TypeError);
  });

  const blocks = serverBlocks();
  it('there are examples to run (README: fetch and walk; docs: the client, the data model, the recipes)', function () {
    expect(blocks.filter((b) => b.file === 'README.md').length).to.be.at.least(2);
    expect(blocks.length).to.be.at.least(8);
  });

  for (const block of blocks) {
    it(`${block.file}:${block.line} runs to its end against radicale`, async function () {
      const source = block.code
        .replaceAll('https://dav.example/files/', base + HOME.slice(1))
        .replaceAll('https://cal.example/dav/calendars/ann/work/', base + CALENDAR.slice(1));
      const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
      const name = `block-${block.file.replace(/\W/g, '-')}-${block.line}`;
      writeFileSync(path.join(dir, `${name}.prelude.mjs`), prelude(base, listing));
      writeFileSync(path.join(dir, `${name}.mjs`), `${js}\nconsole.log('example: done');\n`);
      const args = ['--import', `./${name}.prelude.mjs`, `${name}.mjs`];
      if (block.code.includes('@ts-expect-error')) {
        const failure = await run(process.execPath, args, { cwd: dir, timeout: 60_000 }).then(
          () => undefined,
          (e: { stderr?: string }) => e.stderr ?? '',
        );
        expect(failure, 'the refused read throws at run time, as the compiler said').to.match(/TypeError: Cannot read properties of undefined/);
        return;
      }
      const { stdout } = await run(process.execPath, args, { cwd: dir, timeout: 60_000 }).catch(
        (e: { stdout?: string; stderr?: string; message: string }) => {
          throw new Error(`${block.file}:${block.line} failed:\n${e.stderr ?? e.message}\n--- its source as run:\n${source}`);
        },
      );
      expect(stdout.trim().split('\n').pop()).to.equal('example: done');
    });
  }
});

describe('live apache2: the write-method examples run', function () {
  this.timeout(120_000);
  // files/old/ to delete, files/doc/ to patch, copy, move, lock and unlock (apache2 has locks).
  const live = liveServer('apache2', (root) => {
    mkdirSync(path.join(root, 'files', 'old'), { recursive: true });
    writeFileSync(path.join(root, 'files', 'old', 'a.txt'), 'a');
    mkdirSync(path.join(root, 'files', 'doc'), { recursive: true });
    writeFileSync(path.join(root, 'files', 'doc', 'b.txt'), 'b');
  });
  let dir = '';
  before(() => {
    dir = mkdtempSync(path.join(repoRoot, 'test', 'live', '.examples-'));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const blocks = serverBlocks(true);
  it('there are write-method examples to run (docs/write-methods.md)', function () {
    expect(blocks.filter((b) => b.file === 'docs/write-methods.md').length).to.be.at.least(2);
  });

  for (const block of blocks) {
    it(`${block.file}:${block.line} runs to its end against apache2`, async function () {
      const base = live().url;
      const source = block.code.replaceAll('https://dav.example/files/', `${base}files/`);
      const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
      const name = `write-${block.file.replace(/\W/g, '-')}-${block.line}`;
      writeFileSync(path.join(dir, `${name}.prelude.mjs`), `globalThis.url = ${JSON.stringify(`${base}files/doc/`)};\nglobalThis.password = 'x';\n`);
      writeFileSync(path.join(dir, `${name}.mjs`), `${js}\nconsole.log('example: done');\n`);
      const { stdout } = await run(process.execPath, ['--import', `./${name}.prelude.mjs`, `${name}.mjs`], { cwd: dir, timeout: 60_000 }).catch(
        (e: { stdout?: string; stderr?: string; message: string }) => {
          throw new Error(`${block.file}:${block.line} failed:\n${e.stderr ?? e.message}\n--- its source as run:\n${source}`);
        },
      );
      expect(stdout.trim().split('\n').pop()).to.equal('example: done');
    });
  }
});
