/**
 * `multistatus -X METHOD URL`: sends the write method named (never one that was not), reads its
 * answer entry by entry through the library and prints NDJSON (one line per entry), a table
 * (failures as they come, then the entries that succeeded) or a summary. Exit 0 when the method
 * succeeded, 4 when a 207 held a failed entry, 3 for an HTTP error.
 */
import type { RequestOptions } from '../client/options.js';
import type { OutcomeEntry, OutcomeIterator, OutcomeSummary } from '../client/outcome-types.js';
import { copy, deleteResource, lock, move, proppatch, unlock } from '../client/write.js';
import type { Credentials } from './credentials.js';
import type { CliOptions, Format as FormatName } from './args.js';
import { EXIT_OK } from './exit.js';
import { toJson } from './json.js';
import type { Output } from './output.js';
import { cliHttpError, libraryDepth } from './request.js';
import { safeLine } from './safe-text.js';

/** A 207 whose entries did not all succeed. */
export const EXIT_PARTIAL = 4;

/** Rows of entries that succeeded a table holds back (failures first); past it they are only counted. */
export const TABLE_OK_ROWS = 1000;

/** The write request of the command line, as the library's iterator. */
export function writeRequest(opts: CliOptions, url: URL, request: RequestOptions): OutcomeIterator {
  const w = opts.write;
  const depth = libraryDepth(opts.depth);
  const d = depth === 1 ? undefined : depth;
  const parse = { baseUrl: opts.base, strict: opts.strict };
  switch (w.method) {
    case 'DELETE':
      return deleteResource(url, { ...request, ...parse });
    case 'COPY':
      return copy(url, w.destination!, { ...request, ...parse, overwrite: w.overwrite, depth: d });
    case 'MOVE':
      return move(url, w.destination!, { ...request, ...parse, overwrite: w.overwrite });
    case 'PROPPATCH':
      return proppatch(url, { set: Object.fromEntries(w.set), remove: w.remove }, { ...request, ...parse });
    case 'LOCK': {
      const timeout = w.lockTimeout === Infinity ? undefined : w.lockTimeout;
      return lock(url, { ...request, ...parse, depth: d, owner: w.owner, timeout, infinite: w.lockTimeout === Infinity, refresh: w.lockToken });
    }
    case 'UNLOCK':
      return unlock(url, w.lockToken!, { ...request, ...parse });
    case undefined:
      throw new Error('writeRequest: no -X method');
  }
}

/** The NDJSON object of one entry: conditions by name; per-property statuses as codes, or whole with `--propstats`. */
export function entryObject(e: OutcomeEntry, propstats: boolean): object {
  const base: Record<string, unknown> = { href: e.href };
  if (e.hrefs.length > 1) base.hrefs = e.hrefs;
  base.path = e.path;
  if (e.url !== undefined) base.url = e.url;
  base.outcome = e.outcome;
  switch (e.form) {
    case 'status':
      base.status = e.status;
      break;
    case 'propstat':
      base.properties = propstats
        ? e.properties.map((p) => ({ ...p, error: p.error?.map((c) => c.name) }))
        : Object.fromEntries(e.properties.map((p) => [p.name, p.status.code]));
      break;
  }
  if (e.error !== undefined) base.error = e.error.map((c) => c.name);
  if (e.responseDescription !== undefined) base.responseDescription = e.responseDescription;
  if (e.location !== undefined) base.location = e.location;
  return base;
}

/** `423 Locked`, or for the propstat form `getetag 403, {…}color 424`. */
function statusCell(e: OutcomeEntry): string {
  switch (e.form) {
    case 'status':
      return e.status.line.replace(/^HTTP\/\S+\s*/, '') || '(no status)';
    case 'propstat':
      return e.properties.map((p) => `${p.name} ${p.status.code ?? '?'}`).join(', ') || '(no property)';
  }
}

/** What else the entry says: its conditions, its description, where it points. */
function detailCell(e: OutcomeEntry): string {
  const parts: string[] = [];
  const conditions = [...(e.error ?? []), ...(e.form === 'propstat' ? e.properties.flatMap((p) => p.error ?? []) : [])].map((c) => c.name);
  if (conditions.length) parts.push(conditions.join(' '));
  if (e.responseDescription !== undefined) parts.push(e.responseDescription.trim());
  if (e.location !== undefined) parts.push(`-> ${e.location}`);
  return parts.join('; ');
}

const TABLE_HEADER = `${'outcome'.padEnd(9)}  ${'status'.padEnd(24)}  path  (conditions; description; location)\n`;

function row(e: OutcomeEntry): string {
  return safeLine(`${e.outcome.padEnd(9)}  ${statusCell(e).padEnd(24)}  ${e.path}${detailCell(e) ? `  (${detailCell(e)})` : ''}`) + '\n';
}

/** One line saying how the method went (stderr for NDJSON and table; the summary format prints JSON). */
export function resultLine(method: string, url: string, o: OutcomeSummary): string {
  let line = `${method} ${url}: ${o.status}`;
  if (o.multistatus) {
    line += ` Multi-Status, ${o.entries} ${o.entries === 1 ? 'entry' : 'entries'}: ${o.succeeded} ok, ${o.failed} failed, ${o.dependent} failed dependency (424)`;
    const counts = Object.entries(o.byStatus).map(([code, n]) => `${code} ×${n}`);
    if (counts.length) line += `; statuses ${counts.join(', ')}`;
  }
  if (o.location !== undefined) line += `; Location: ${o.location}`;
  if (o.lock?.token !== undefined) line += `; lock token ${o.lock.token}`;
  return safeLine(line);
}

/** The summary format's object. */
export function summaryObject(method: string, url: string, o: OutcomeSummary): object {
  const out: Record<string, unknown> = {
    method, url, status: o.status, multistatus: o.multistatus, ok: o.ok, entries: o.entries,
    succeeded: o.succeeded, failed: o.failed, dependent: o.dependent, byStatus: o.byStatus,
    failures: o.failures.slice(0, 10).map((e) => entryObject(e, false)),
  };
  if (o.location !== undefined) out.location = o.location;
  if (o.lock !== undefined) out.lock = o.lock;
  if (o.summary?.responseDescription !== undefined) out.responseDescription = o.summary.responseDescription;
  return out;
}

export interface WriteRun {
  opts: CliOptions;
  url: URL;
  format: FormatName;
  out: Output;
  stderr: { write(text: string): unknown };
  request: RequestOptions & { auth?: Credentials };
}

/**
 * Sends the write and prints its outcome. Resolves with the exit code; rejects with the
 * command's errors (an `HttpError` for exit 3, a `MultistatusError` for a body that breaks).
 */
export async function runWrite(run: WriteRun): Promise<number> {
  const { opts, url, format, out } = run;
  const method = opts.write.method!;
  const it = writeRequest(opts, url, run.request);
  const held: OutcomeEntry[] = [];
  let heldCut = 0;
  let outcome: OutcomeSummary;
  let header = false;
  const tableRow = (e: OutcomeEntry): void => {
    if (!header) out.push(TABLE_HEADER);
    header = true;
    out.push(row(e));
  };
  try {
    for await (const e of it) {
      if (out.closed) continue;
      if (format === 'ndjson') out.push(toJson(entryObject(e, opts.propstats)) + '\n');
      else if (format === 'table') {
        if (e.outcome !== 'ok') tableRow(e);
        else if (held.length < TABLE_OK_ROWS) held.push(e);
        else heldCut++;
      }
      if (out.pending > 64 * 1024) await out.flush();
    }
    outcome = await it.result();
  } catch (e) {
    await out.flush();
    const mapped = cliHttpError(e, { auth: run.request.auth, timeout: opts.timeout, method, url });
    if (mapped instanceof Error && mapped.name === 'HttpError') mapped.message = mapped.message.replace(', expected 207 Multi-Status', '');
    throw mapped;
  }
  if (format === 'table') {
    for (const e of held) tableRow(e);
    if (heldCut) out.push(`… and ${heldCut} more ok\n`);
  }
  if (format === 'summary') out.push(toJson(summaryObject(method, url.href, outcome)) + '\n');
  else if (format === 'table') out.push(resultLine(method, url.href, outcome) + '\n');
  else run.stderr.write(`multistatus: ${resultLine(method, url.href, outcome)}\n`);
  await out.flush();
  return outcome.ok ? EXIT_OK : EXIT_PARTIAL;
}
