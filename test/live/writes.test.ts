/**
 * Write methods against real servers, each case where a 207 may carry a partial failure: DELETE of
 * a folder with a locked member, COPY onto an existing tree with `Overwrite: F`, MOVE onto a
 * locked target, PROPPATCH of a protected plus a dead property, LOCK `Depth: infinity` on a folder
 * with a locked member. What the library reports is checked against what the server did (what
 * exists afterwards, what a PROPFIND reads back), never against a guess of the answer. Each
 * answer is written to test/live/results/writes.json (`npm run -s writes:table` prints it) and
 * each 207 body to fixtures/servers/<server>-write-<case>.xml.
 */
import { expect } from 'chai';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  copy, deleteResource, lock, move, MultistatusError, parseMultistatus, PartialFailureError, proppatch, requireSuccess, unlock,
} from '../../lib/index.js';
import type { OutcomeEntry, OutcomeIterator, OutcomeSummary, WriteOptions } from '../../lib/index.js';
import { collect } from './dav.js';
import { liveServer } from './servers.js';
import { authOf, SITES, SiteClient } from './write-sites.js';
import type { Site } from './write-sites.js';
import { WRITE_CASES } from './write-results.js';
import type { CaseName, CaseRecord, EntryRecord } from './write-results.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const RESULTS = join(HERE, 'results', 'writes.json');
const FIXTURES = join(HERE, '..', '..', 'fixtures', 'servers');
const COLOR = '{http://example.com/ns/}color';

/** What one write request did, as the library reported it, plus the 207 body it read. */
interface Run {
  status: number | null;
  result: CaseRecord['result'];
  entries: OutcomeEntry[];
  outcome?: OutcomeSummary;
  error?: MultistatusError;
  body?: string;
}

/** A fetch that keeps the status and the body of the last answer (the body is handed on unchanged). */
function capturing(): { fetch: typeof fetch; last: () => { status: number; body?: string } | undefined } {
  let last: { status: number; body?: string } | undefined;
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const res = await fetch(input, init);
    const bytes = new Uint8Array(await res.arrayBuffer());
    last = { status: res.status };
    if (res.status === 207) last.body = new TextDecoder().decode(bytes);
    const nullBody = res.status === 204 || res.status === 205 || res.status === 304;
    return new Response(nullBody ? null : bytes, { status: res.status, statusText: res.statusText, headers: res.headers });
  }) as typeof fetch;
  return { fetch: f, last: () => last };
}

async function run(site: Site, make: (options: WriteOptions) => OutcomeIterator): Promise<Run> {
  const cap = capturing();
  const it = make({ fetch: cap.fetch, auth: authOf(site), timeout: 30_000 });
  const out: Run = { status: null, result: 'error', entries: [] };
  try {
    for await (const e of it) out.entries.push(e);
    out.outcome = await requireSuccess(it);
    out.result = 'success';
  } catch (e) {
    if (!(e instanceof MultistatusError)) throw e;
    out.error = e;
    if (e instanceof PartialFailureError) {
      out.outcome = e.outcome;
      out.result = 'partial';
    } else out.result = e.code === 'HTTP' ? 'http-error' : 'error';
  }
  out.status = cap.last()?.status ?? null;
  const body = cap.last()?.body;
  if (body !== undefined) out.body = body;
  return out;
}

/** Locks `rel` (Depth 0) for the setup of a case: the token, or how the server refused. */
async function lockForSetup(site: Site, client: SiteClient, rel: string): Promise<{ token?: string; refused?: string }> {
  const r = await run(site, (o) => lock(client.url(rel), { ...o, depth: 0, timeout: 600, owner: 'multistatus live test' }));
  if (r.result === 'success' && r.outcome?.lock?.token) return { token: r.outcome.lock.token };
  return { refused: r.error ? `${r.error.code} ${r.status ?? ''}`.trim() : `no token (status ${r.status})` };
}

async function release(site: Site, client: SiteClient, rel: string, token: string | undefined): Promise<void> {
  if (token === undefined) return;
  await run(site, (o) => unlock(client.url(rel), token, o));
}

function entryRecord(e: OutcomeEntry): EntryRecord {
  const rec: EntryRecord = { href: e.href, outcome: e.outcome };
  switch (e.form) {
    case 'status':
      rec.status = e.status.line;
      break;
    case 'propstat':
      rec.properties = Object.fromEntries(e.properties.map((p) => [p.name, p.status.line]));
      break;
  }
  if (e.error) rec.error = e.error.map((c) => c.name);
  if (e.responseDescription !== undefined) rec.responseDescription = e.responseDescription.trim();
  return rec;
}

/** Relative path (under the site prefix) of an entry's path. */
function relOf(client: SiteClient, path: string): string {
  return path.startsWith(client.site.prefix) ? path.slice(client.site.prefix.length) : path.replace(/^\//, '');
}

const records: CaseRecord[] = [];

function record(site: Site, client: SiteClient, name: CaseName, method: string, r: Run, after: CaseRecord['after'], setup: string[]): void {
  const rec: CaseRecord = { server: site.name, case: name, method, status: r.status, result: r.result, entries: r.entries.map(entryRecord), after };
  if (r.outcome) rec.byStatus = r.outcome.byStatus;
  if (setup.length) rec.setup = setup;
  records.push(rec);
  if (r.body !== undefined) {
    const origin = client.origin.replace(/\/$/, '');
    writeFileSync(join(FIXTURES, `${site.name}-write-${name}.xml`), r.body.split(origin).join('http://dav.test'));
  }
}

/** Every entry the library reports as not done names a resource still there (DELETE, MOVE). */
async function failedStillThere(client: SiteClient, r: Run): Promise<void> {
  for (const e of r.outcome?.failures ?? []) {
    expect(await client.exists(relOf(client, e.path)), `${e.path} was reported ${e.outcome}`).to.equal(true);
  }
}

/** Names of properties that are set (2xx) on `rel`, read back with a PROPFIND. */
async function setProperties(client: SiteClient, rel: string): Promise<string[]> {
  const res = await client.propfind(rel, '<Z:color xmlns:Z="http://example.com/ns/"/>');
  const [r] = await collect(parseMultistatus(res));
  return Object.keys(r?.props ?? {});
}

/** The lock tokens `rel` holds, read back with a PROPFIND of lockdiscovery (none when it has no such property). */
async function locksOn(client: SiteClient, rel: string): Promise<string[]> {
  const res = await client.propfind(rel, '<D:lockdiscovery/>');
  if (res.status !== 207) {
    await res.arrayBuffer();
    return [];
  }
  const [r] = await collect(parseMultistatus(res));
  const locks = r?.props.lockdiscovery;
  return Array.isArray(locks) ? locks.map((l) => l.token ?? '?') : [];
}

for (const site of SITES) {
  describe(`live ${site.name}: write methods and their 207s`, function () {
    const live = liveServer(site.name);
    let client: SiteClient;
    before(function () {
      client = new SiteClient(site, live().url);
    });

    it('DELETE of a folder with a locked member: what was reported not deleted is still there', async function () {
      const f = client.file.bind(client);
      await client.mkdir('del/');
      await client.put(`del/${f('a')}`, 'a');
      await client.put(`del/${f('b')}`, 'b');
      const held = await lockForSetup(site, client, `del/${f('b')}`);
      const r = await run(site, (o) => deleteResource(client.url('del/'), o));
      const after = { folder: await client.exists('del/'), lockedMember: await client.exists(`del/${f('b')}`), otherMember: await client.exists(`del/${f('a')}`) };
      record(site, client, 'delete-locked-member', 'DELETE', r, after, held.refused ? [`LOCK of the member: ${held.refused}`] : []);
      if (r.result === 'success') expect(after.folder, 'reported deleted').to.equal(false);
      else {
        expect(r.result).to.be.oneOf(['partial', 'http-error']);
        expect(after.folder, 'reported not deleted').to.equal(true);
        await failedStillThere(client, r);
      }
      if (r.result === 'partial') expect(r.outcome!.failures.some((e) => e.path === client.path(`del/${f('b')}`))).to.equal(true);
      await release(site, client, `del/${f('b')}`, held.token);
    });

    it('COPY onto an existing tree with Overwrite: F: the destination is left alone unless reported copied', async function () {
      const f = client.file.bind(client);
      await client.mkdir('csrc/');
      await client.put(`csrc/${f('x')}`, 'new');
      await client.put(`csrc/${f('y')}`, 'new');
      await client.mkdir('cdst/');
      await client.put(`cdst/${f('x')}`, 'old');
      const r = await run(site, (o) => copy(client.url('csrc/'), client.url('cdst/'), { ...o, overwrite: false }));
      const x = await client.read(`cdst/${f('x')}`);
      const after = { destinationKeptOld: x?.includes('old') ?? null, newMemberCopied: await client.exists(`cdst/${f('y')}`) };
      record(site, client, 'copy-overwrite-f', 'COPY', r, after, []);
      if (r.result === 'http-error') {
        expect(after.destinationKeptOld, 'nothing copied').to.equal(true);
        expect(after.newMemberCopied).to.equal(false);
      } else if (r.result === 'success') {
        // Reported copied: the source's member is at the destination.
        expect(after.newMemberCopied).to.equal(true);
      } else {
        expect(r.result).to.equal('partial');
        for (const e of r.outcome!.failures) expect(e.outcome).to.be.oneOf(['failed', 'dependent']);
      }
    });

    it('MOVE onto a locked target: the source stays and the target keeps its content unless reported moved', async function () {
      const f = client.file.bind(client);
      await client.mkdir('mv/');
      await client.put(`mv/${f('src')}`, 'source');
      await client.put(`mv/${f('dst')}`, 'target');
      const held = await lockForSetup(site, client, `mv/${f('dst')}`);
      const r = await run(site, (o) => move(client.url(`mv/${f('src')}`), client.url(`mv/${f('dst')}`), o));
      const dst = await client.read(`mv/${f('dst')}`);
      const after = { sourceExists: await client.exists(`mv/${f('src')}`), targetHasSource: dst?.includes('source') ?? null };
      record(site, client, 'move-locked-target', 'MOVE', r, after, held.refused ? [`LOCK of the target: ${held.refused}`] : []);
      if (r.result === 'success') {
        expect(after.sourceExists, 'reported moved').to.equal(false);
        expect(after.targetHasSource).to.equal(true);
      } else {
        expect(r.result).to.be.oneOf(['partial', 'http-error']);
        expect(after.sourceExists, 'reported not moved').to.equal(true);
        expect(after.targetHasSource).to.equal(false);
        await failedStillThere(client, r);
      }
      await release(site, client, `mv/${f('dst')}`, held.token);
    });

    it('PROPPATCH of a protected (getetag) and a dead property: the dead one is set only if reported set', async function () {
      // radicale keeps properties on collections only
      const target = site.caldav ? 'pp/' : 'pp.txt';
      if (site.caldav) await client.mkdir(target);
      else await client.put(target, 'p');
      const r = await run(site, (o) => proppatch(client.url(target), { set: { getetag: '"forged"', [COLOR]: 'red' } }, o));
      const set = r.status === 405 ? [] : await setProperties(client, target);
      const after = { deadPropertySet: set.includes(COLOR) };
      record(site, client, 'proppatch-protected', 'PROPPATCH', r, after, []);
      const reported = r.entries.flatMap((e) => (e.form === 'propstat' ? e.properties : [])).find((p) => p.name === COLOR);
      if (r.result === 'success') expect(after.deadPropertySet, 'reported set').to.equal(true);
      else if (reported) expect(after.deadPropertySet, `reported ${reported.outcome}`).to.equal(reported.outcome === 'ok');
      else expect(after.deadPropertySet, 'not reported set').to.equal(false);
      if (r.result === 'partial') {
        const etag = r.entries.flatMap((e) => (e.form === 'propstat' ? e.properties : [])).find((p) => p.name === 'getetag');
        if (etag) expect(etag.outcome, 'getetag is protected').to.equal('failed');
      }
    });

    it('LOCK Depth: infinity on a folder with a locked member: the folder holds the lock only if reported granted', async function () {
      const f = client.file.bind(client);
      await client.mkdir('lk/');
      await client.put(`lk/${f('m')}`, 'm');
      await client.put(`lk/${f('n')}`, 'n');
      const held = await lockForSetup(site, client, `lk/${f('m')}`);
      const r = await run(site, (o) => lock(client.url('lk/'), { ...o, depth: 'infinity', timeout: 600, owner: 'multistatus live test' }));
      const folderLocks = await locksOn(client, 'lk/');
      const granted = r.result === 'success' ? r.outcome?.lock?.token : undefined;
      record(site, client, 'lock-infinity-locked-member', 'LOCK', r, { folderLocked: folderLocks.length > 0, tokenReported: granted !== undefined }, held.refused ? [`LOCK of the member: ${held.refused}`] : []);
      // sabre names no token in lockdiscovery (`?` here): then the folder holds some lock.
      if (granted !== undefined) expect(folderLocks.includes(granted) || folderLocks.includes('?'), `reported granted: ${folderLocks.join(', ')}`).to.equal(true);
      else if (r.result !== 'success') expect(folderLocks, 'reported refused').to.deep.equal([]);
      if (r.result === 'partial') expect(r.outcome!.failures.some((e) => e.path === client.path(`lk/${f('m')}`)), 'names the locked member').to.equal(true);
      await release(site, client, 'lk/', granted);
      await release(site, client, `lk/${f('m')}`, held.token);
    });
  });
}

describe('live write results', function () {
  it(`are written to test/live/results/writes.json (${WRITE_CASES.length} cases per server)`, function () {
    if (records.length === 0) this.skip();
    let kept: CaseRecord[] = [];
    try {
      kept = (JSON.parse(readFileSync(RESULTS, 'utf8')) as { records: CaseRecord[] }).records;
    } catch {
      // first run
    }
    const fresh = new Set(records.map((r) => `${r.server} ${r.case}`));
    const all = [...kept.filter((r) => !fresh.has(`${r.server} ${r.case}`)), ...records];
    const order = (r: CaseRecord): number => SITES.findIndex((s) => s.name === r.server) * 100 + WRITE_CASES.indexOf(r.case);
    all.sort((a, b) => order(a) - order(b));
    mkdirSync(dirname(RESULTS), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify({ records: all }, null, 2)}\n`);
  });
});
