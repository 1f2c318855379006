/**
 * `--format summary`: one JSON object once the body has ended: how many responses and bytes, how
 * many responses carry each status code, what the body said besides its responses, and how fast
 * and in how much memory it was parsed.
 */
import type { SyncSummary, WalkSummary } from '../client/options.js';
import type { MultistatusSummary } from '../types.js';
import type { Format } from './format.js';
import { toJson } from './json.js';
import type { Output } from './output.js';
import { statusCodes } from './status-codes.js';
import { humanBytes, humanRate } from './units.js';

/** The peak resident set size of this process so far, in bytes. */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** The walk's mode, requests, retries and skipped listings; the number of sync pages. */
function clientFigures(summary: MultistatusSummary): Record<string, unknown> {
  const s = summary as MultistatusSummary & Partial<WalkSummary & SyncSummary>;
  if (s.mode !== undefined) return { mode: s.mode, refusal: s.refusal, requests: s.requests, retries: s.retries, collections: s.collections, failures: s.failures };
  if (s.requests !== undefined) return { requests: s.requests };
  return {};
}

export function summaryFormat(out: Output): Format {
  const statuses = new Map<string, number>();
  return {
    response(r) {
      for (const code of statusCodes(r)) {
        const key = code === null ? 'none' : String(code);
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
    },
    end(summary, stats) {
      const rss = peakRss();
      const seconds = Math.round(stats.seconds * 1000) / 1000;
      const result = {
        responses: summary.responses,
        bytes: summary.bytes,
        // How many responses carry each code, in their status or in one of their propstats.
        statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a.localeCompare(b))),
        syncToken: summary.syncToken,
        // A walk (--depth infinity) or a sync (--sync) says how it went.
        ...clientFigures(summary),
        truncated: summary.truncated,
        responseDescription: summary.responseDescription,
        encoding: summary.encoding,
        diagnostics: summary.diagnosticCount,
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
