/**
 * `--format summary`: one JSON object once the body has ended: how many responses and bytes of
 * XML, their statuses, the files and folders listed and the total size of the files, what the
 * body said besides its responses, every diagnostic, and how fast and in how much memory it was
 * parsed.
 */
import type { SyncSummary, WalkSummary } from '../client/options.js';
import type { MultistatusSummary } from '../types.js';
import type { Format } from './format.js';
import { toJson } from './json.js';
import { count, newTotals } from './listing.js';
import type { Output } from './output.js';
import { responseStatus } from './status-codes.js';
import { humanBytes, humanRate } from './units.js';

/** The peak resident set size of this process so far, in bytes. */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** The walk's mode, requests, retries, skipped listings and folders too deep to list; the number of sync pages. */
function clientFigures(summary: MultistatusSummary): Record<string, unknown> {
  const s = summary as MultistatusSummary & Partial<WalkSummary & SyncSummary>;
  if (s.mode !== undefined) return { mode: s.mode, refusal: s.refusal, requests: s.requests, retries: s.retries, collections: s.collections, failures: s.failures, tooDeep: s.tooDeep };
  if (s.requests !== undefined) return { requests: s.requests };
  return {};
}

function sortedCounts(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

export function summaryFormat(out: Output): Format {
  const statuses = new Map<string, number>();
  const propstats = new Map<string, number>();
  const totals = newTotals();
  let listed = 0;
  const add = (counts: Map<string, number>, code: number | null): void => {
    const key = code === null ? 'none' : String(code);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  return {
    response(r) {
      listed++;
      add(statuses, responseStatus(r));
      for (const ps of r.propstats) add(propstats, ps.status.code);
      count(totals, r);
    },
    end(summary, stats) {
      const rss = peakRss();
      const seconds = Math.round(stats.seconds * 1000) / 1000;
      const result = {
        responses: summary.responses,
        // Only when --type left some out.
        listed: listed !== summary.responses ? listed : undefined,
        // Bytes of XML read (after decompression), not the size of the files listed: see fileBytes.
        bytes: summary.bytes,
        // Responses by their own status (see status-codes.ts: the propstat form counts as 200
        // unless a propstat failed with something other than 404).
        statuses: sortedCounts(statuses),
        // Propstats by status: a 404 propstat names properties the resource does not have.
        propstats: sortedCounts(propstats),
        files: totals.files,
        folders: totals.folders,
        fileBytes: totals.fileBytes,
        syncToken: summary.syncToken,
        // A walk (--depth infinity) or a sync (--sync) says how it went.
        ...clientFigures(summary),
        truncated: summary.truncated,
        responseDescription: summary.responseDescription,
        encoding: summary.encoding,
        diagnosticCount: summary.diagnosticCount,
        diagnostics: summary.diagnostics,
        seconds,
        bytesPerSecond: stats.seconds > 0 ? Math.round(summary.bytes / stats.seconds) : null,
        throughput: humanRate(summary.bytes, stats.seconds),
        peakRssBytes: rss,
        peakRss: humanBytes(rss),
      };
      out.push((out.isTTY ? JSON.stringify(JSON.parse(toJson(result)), null, 2) : toJson(result)) + '\n');
    },
  };
}
