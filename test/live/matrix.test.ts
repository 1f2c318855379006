/**
 * The compatibility matrix: every live server against every operation of the library's public API
 * (propfind at each Depth, walk, report, syncCollection with and without paging), each outcome
 * recorded in test/live/results/matrix.json (`npm run matrix:table` prints it) before what must
 * hold is asserted: every listing names exactly what was seeded, every walk lists the whole tree,
 * every raw `#` or `?` in an href is diagnosed. What a server does (refuse, cap, page or not) is
 * recorded, never asserted as a guess. Requests per server are bounded, and so is each one's time.
 */
import { expect } from 'chai';
import { MultistatusError, propfind, report, syncCollection, walk } from '../../lib/index.js';
import type { DavResponse, Depth, Diagnostic, MultistatusIterator, RequestOptions } from '../../lib/index.js';
import { CALDAV_QUERY_MARCH, MARCH_EVENTS } from './matrix/caldav.js';
import { compareListing, CountingFetch, describeError, diagnosticCodes, messageOf, pathOfRawHref, rawHashOrQuery, stripOrigin, upToDepth } from './matrix/measure.js';
import { OPERATIONS, writeMatrix } from './matrix/record.js';
import type { Cell, OperationId, ServerRow } from './matrix/record.js';
import { MATRIX_SERVERS, seedCalendars, TARGETS } from './matrix/targets.js';
import { measureWrite, setupFailed, WRITE_OPERATIONS } from './matrix/writes.js';
import { encodePath } from './dav.js';
import { liveServer } from './servers.js';

/** Requests one server may receive from this file (the walks take at most ~20). */
const MAX_REQUESTS = 200;
/** Per request: waiting for headers, then for each chunk. */
const REQUEST_TIMEOUT_MS = 20_000;
/** Responses one operation may yield (the seeded trees hold ~40). */
const MAX_RESPONSES = 2_000;
const LISTED_PROPS = ['resourcetype', 'getcontentlength', 'getlastmodified'];

interface Measured {
  cell: Cell;
  /** What went wrong, as the assertion reports it; empty when the library coped. */
  problems: string[];
}

/**
 * Every empty href and raw `#` or `?` in one must come with a diagnostic naming it, one of them
 * with a position in the body (issue 20 point 4; the walk's own WALK_* diagnostics have none).
 */
function undiagnosedHrefs(responses: readonly DavResponse[], diagnostics: readonly Diagnostic[]): string[] {
  const problems: string[] = [];
  for (const r of responses) {
    const empty = r.href.trim() === '';
    if (!empty && !rawHashOrQuery(r.href)) continue;
    const what = empty ? 'empty href' : `raw "#" or "?" in href ${r.href}`;
    const ds = diagnostics.filter((x) => x.href === r.href);
    if (ds.length === 0) problems.push(`${what}: no diagnostic`);
    else if (!ds.some((d) => d.line > 0)) problems.push(`${what}: diagnostic ${ds.map((d) => d.code).join(', ')} without a position (line 0)`);
  }
  return problems;
}

/** Short notes on what was odd in a 207: absolute hrefs, raw `#`/`?`, diagnostics. */
function notesOf(responses: readonly DavResponse[], diagnostics: readonly Diagnostic[]): string[] {
  const notes: string[] = [];
  if (responses.some((r) => /^[a-z]+:\/\//i.test(r.href))) notes.push('absolute hrefs');
  const raw = responses.filter((r) => rawHashOrQuery(r.href)).length;
  if (raw) notes.push(`${raw} hrefs with a raw # or ?`);
  const empty = responses.filter((r) => r.href.trim() === '').length;
  if (empty) notes.push(`${empty} empty href${empty === 1 ? '' : 's'}`);
  if (diagnostics.length) notes.push(`diagnostics: ${diagnosticCodes(diagnostics)}`);
  return notes;
}

const responses = (n: number): string => `${n} response${n === 1 ? '' : 's'}`;
const withNotes = (text: string, notes: string[]): string => (notes.length ? `${text}; ${notes.join('; ')}` : text);

/** Drain `it`; a thrown error is returned, not raised. */
async function drain(it: MultistatusIterator): Promise<{ got: DavResponse[]; error?: unknown }> {
  const got: DavResponse[] = [];
  try {
    for await (const r of it) {
      got.push(r as DavResponse);
      if (got.length > MAX_RESPONSES) throw new Error(`more than ${MAX_RESPONSES} responses: runaway`);
    }
    return { got };
  } catch (error) {
    return { got, error };
  }
}

/**
 * A server whose 207s fetch refuses (Content-Length with Transfer-Encoding): the operation must end
 * with `SOURCE` after exactly one request, not retried (issue 20 point 3). `undefined` when
 * `error` is something else.
 */
function framingRefusal(error: unknown, sent: number): Measured | undefined {
  if (!(error instanceof MultistatusError) || error.code !== 'SOURCE') return undefined;
  const text = `${messageOf(error)}; ${sent} request${sent === 1 ? '' : 's'}`;
  return sent === 1
    ? { cell: { outcome: 'odd', text }, problems: [] }
    : { cell: { outcome: 'fail', text }, problems: [`retried: ${sent} requests for an answer that can never be read`] };
}

const rows: ServerRow[] = [];

describe('live compatibility matrix', function () {
  after(function () {
    // rows of servers filtered out by --grep have no cells: the committed ones stay
    const ran = rows.filter((r) => Object.keys(r.cells).length > 0);
    if (ran.length) writeMatrix(ran, MATRIX_SERVERS);
  });

  for (const name of MATRIX_SERVERS) {
    describe(name, function () {
      this.timeout(90_000);
      const target = TARGETS[name];
      const live = liveServer(name, target.seed);
      const counter = new CountingFetch(MAX_REQUESTS);
      const row: ServerRow = { name, kind: target.kind, cells: {} };
      rows.push(row);
      let expected: Set<string>;
      let base: string;
      const opts = (): RequestOptions => {
        const o: RequestOptions = { fetch: counter.fetch, timeout: REQUEST_TIMEOUT_MS };
        if (target.auth) {
          const [username, password] = target.auth.split(':') as [string, string];
          o.auth = { username, password };
        }
        return o;
      };
      const urlOf = (path: string): string => live().url + encodePath(path).slice(1);
      const record = (op: OperationId, m: Measured): void => {
        row.cells[op] = m.problems.length && !m.cell.text.includes(m.problems[0]!) ? { ...m.cell, text: `${m.cell.text}; ✗ ${stripOrigin(m.problems[0]!)}${m.problems.length > 1 ? ` (+${m.problems.length - 1} more)` : ""}` } : m.cell;
        if (counter.software) row.software = counter.software;
        expect(m.problems, `${name}: ${OPERATIONS.find(([id]) => id === op)![1]}: ${m.cell.text}`).to.deep.equal([]);
      };

      before(async function () {
        if (target.kind === 'caldav') await seedCalendars(live().url, target);
        expected = await target.expected(live().root);
        base = urlOf(target.base);
      });

      const propfindAt = async (depth: Depth): Promise<Measured> => {
        const before = counter.requests;
        const it = propfind(base, { depth, props: LISTED_PROPS, ...opts() });
        const { got, error } = await drain(it);
        const framing = target.framingRefused ? framingRefusal(error, counter.requests - before) : undefined;
        if (framing) return framing;
        if (error) {
          const refused = error instanceof MultistatusError && error.code === 'HTTP';
          if (refused) return { cell: { outcome: 'refused', text: `${describeError(error)} → MultistatusError HTTP` }, problems: [] };
          return { cell: { outcome: 'fail', text: messageOf(error) }, problems: [messageOf(error)] };
        }
        const { diagnostics } = await it.summary();
        const wanted = depth === 'infinity' ? expected : upToDepth(expected, target.base, depth);
        let problems = compareListing(got, wanted, target.aliases);
        let text = `207, ${responses(got.length)}`;
        let outcome: Cell['outcome'] = 'ok';
        if (depth === 'infinity' && problems.length && compareListing(got, upToDepth(expected, target.base, 1), target.aliases).length === 0) {
          problems = [];
          text += ', only Depth 1 (infinity capped)';
          outcome = 'odd';
        } else if (depth === 'infinity') {
          text += ', the whole tree';
        }
        problems.push(...undiagnosedHrefs(got, diagnostics));
        const notes = notesOf(got, diagnostics);
        if (notes.length && outcome === 'ok') outcome = 'odd';
        if (problems.length) outcome = 'fail';
        return { cell: { outcome, text: withNotes(text, notes) }, problems };
      };

      it('PROPFIND Depth 0', async function () {
        record('propfind-0', await propfindAt(0));
      });
      it('PROPFIND Depth 1', async function () {
        record('propfind-1', await propfindAt(1));
      });
      it('PROPFIND Depth infinity', async function () {
        record('propfind-infinity', await propfindAt('infinity'));
      });

      // skipFailures: a listing the server breaks for good (chezdav's raw `&`) is skipped and
      // reported; everything else must still be listed. The root's own listing may not fail.
      it('walk() lists the whole tree (skipFailures: all but what lies below a listing that failed for good)', async function () {
        let fellBack = '';
        const onFallback = (mode: string, refusal?: string): void => {
          fellBack = mode === 'depth-1' ? `infinity taken as refused (${refusal ?? '?'}) → Depth 1 walk; ` : 'infinity answered as Depth 1 → Depth 1 below; ';
        };
        const before = counter.requests;
        const it = walk(base, { concurrency: 3, onFallback, skipFailures: true, ...(target.framingRefused ? { props: LISTED_PROPS } : {}), ...opts() });
        const { got, error } = await drain(it);
        const framing = target.framingRefused ? framingRefusal(error, counter.requests - before) : undefined;
        if (framing) {
          record('walk', framing);
          return;
        }
        if (error) {
          const text = `${fellBack}walk failed: ${messageOf(error)}`; // how many responses came first depends on timing
          record('walk', { cell: { outcome: 'fail', text }, problems: [text] });
          return;
        }
        const s = await it.summary();
        const sent = s.requests - s.retries;
        const how =
          s.mode === 'infinity' ? `Depth infinity, ${sent} request${sent === 1 ? '' : 's'}`
          : s.mode === 'depth-1' ? `infinity refused (${s.refusal ?? '?'}) → Depth 1 walk, ${sent} requests`
          : `infinity answered as Depth 1 → Depth 1 below, ${sent} requests`;
        // Collections whose listing failed for good: what lies below them cannot be listed.
        const failed = s.failures.map((f) => {
          const p = pathOfRawHref(f.url);
          return p.endsWith('/') ? p : `${p}/`;
        });
        const reachable = new Set([...expected].filter((p) => !failed.some((f) => p !== f && p.startsWith(f))));
        const problems = compareListing(got, reachable, target.aliases);
        if (failed.includes(target.base)) problems.push('the listing of the walked root itself failed');
        if (target.framingRefused && s.retries > 0) problems.push(`retried ${s.retries} times an answer that can never be read`);
        problems.push(...undiagnosedHrefs(got, s.diagnostics));
        const notes = notesOf(got, s.diagnostics);
        for (const f of s.failures) notes.push(`listing of ${pathOfRawHref(f.url)} failed for good (${f.code}${f.status ? ` ${f.status}` : ''}) → skipped, reported in summary.failures`);
        // More than one request in infinity mode: the first was refused and the walk changed its request.
        const outcome = problems.length ? 'fail' : s.mode === 'infinity' && sent === 1 && !notes.length ? 'ok' : 'odd';
        const all = s.failures.length ? ', all the rest seeded' : ', all seeded';
        record('walk', { cell: { outcome, text: withNotes(`${how}; ${responses(got.length)}${problems.length ? '' : all}`, notes) }, problems });
      });

      it('REPORT calendar-query', async function () {
        if (target.kind !== 'caldav') {
          record('report', { cell: { outcome: 'n/a', text: 'n/a (no CalDAV)' }, problems: [] });
          return;
        }
        const it = report(urlOf(target.calendar!), CALDAV_QUERY_MARCH, { depth: 1, ...opts() });
        const { got, error } = await drain(it);
        if (error) {
          record('report', { cell: { outcome: 'fail', text: messageOf(error) }, problems: [messageOf(error)] });
          return;
        }
        const want = new Set(MARCH_EVENTS.map((o) => target.calendar! + o.name));
        const problems = compareListing(got, want);
        for (const r of got) {
          const data = r.props['{urn:ietf:params:xml:ns:caldav}calendar-data'];
          if (typeof data !== 'string' || !data.includes('BEGIN:VEVENT')) problems.push(`no calendar-data for ${pathOfRawHref(r.href)}`);
        }
        const { diagnostics } = await it.summary();
        const notes = notesOf(got, diagnostics);
        const outcome = problems.length ? 'fail' : notes.length ? 'odd' : 'ok';
        record('report', { cell: { outcome, text: withNotes(`207, ${got.length} events with calendar-data`, notes) }, problems });
      });

      let syncRefused: string | undefined;
      const syncUrl = (): string => (target.kind === 'caldav' ? urlOf(target.calendar!) : base);
      const syncMembers = (): Set<string> =>
        target.kind === 'caldav'
          ? new Set([...expected].filter((p) => p.startsWith(target.calendar!) && p !== target.calendar))
          : new Set([...upToDepth(expected, target.base, 1)].filter((p) => p !== target.base));

      it('sync-collection', async function () {
        const before = counter.requests;
        const it = syncCollection(syncUrl(), { props: ['getetag'], ...opts() });
        const { got, error } = await drain(it);
        const framing = target.framingRefused ? framingRefusal(error, counter.requests - before) : undefined;
        if (framing) {
          syncRefused = 'no answer fetch could read';
          record('sync', framing);
          return;
        }
        if (error) {
          if (error instanceof MultistatusError && error.code === 'HTTP') {
            syncRefused = describeError(error);
            record('sync', { cell: { outcome: 'refused', text: `${syncRefused} → MultistatusError HTTP` }, problems: [] });
            return;
          }
          record('sync', { cell: { outcome: 'fail', text: messageOf(error) }, problems: [messageOf(error)] });
          return;
        }
        const s = await it.summary();
        const problems = compareListing(got, syncMembers());
        if (!s.syncToken) problems.push('no sync-token');
        const notes = notesOf(got, s.diagnostics);
        const outcome = problems.length ? 'fail' : notes.length ? 'odd' : 'ok';
        record('sync', { cell: { outcome, text: withNotes(`207, ${got.length} members and a sync-token`, notes) }, problems });
      });

      it('sync-collection with limit 1 (507 paging)', async function () {
        if (syncRefused !== undefined) {
          record('sync-paged', { cell: { outcome: 'n/a', text: `n/a (sync-collection refused: ${syncRefused})` }, problems: [] });
          return;
        }
        const it = syncCollection(syncUrl(), { props: ['getetag'], limit: 1, ...opts() });
        const { got, error } = await drain(it);
        if (error) {
          record('sync-paged', { cell: { outcome: 'fail', text: messageOf(error) }, problems: [messageOf(error)] });
          return;
        }
        const s = await it.summary();
        const problems = compareListing(got, syncMembers());
        if (!s.syncToken) problems.push('no final sync-token');
        const text =
          s.requests > 1
            ? `507 on each page → followed: ${s.requests} requests, ${got.length} members`
            : `limit ignored: 1 request, all ${got.length} members`;
        const outcome = problems.length ? 'fail' : s.requests > 1 ? 'ok' : 'odd';
        record('sync-paged', { cell: { outcome, text }, problems });
      });

      for (const op of WRITE_OPERATIONS) {
        it(OPERATIONS.find(([id]) => id === op)![1], async function () {
          let m;
          try {
            m = await measureWrite(op, live().url, target, () => counter.tick(), opts());
          } catch (err) {
            // pywebdav: fetch refuses its answers, or it drops the connection (set-up and measured request alike)
            const refused = target.framingRefused && err instanceof TypeError;
            if (!(err instanceof Error && (err.message.startsWith('set-up:') || refused))) throw err;
            m = setupFailed(refused ? new Error(`fetch failed: ${(err.cause as Error | undefined)?.message ?? err.message}`) : err);
          }
          record(op, m);
        });
      }
    });
  }
});
