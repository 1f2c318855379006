/**
 * What listing tools do around the rows: keep only files or only folders (`--type f|d`), sort
 * (`--sort KEY [--reverse]`, which holds the listing in memory until the body ends), count files,
 * folders and the total size of the files, and show paths relative to the request URL.
 */
import type { DavResponse } from '../parser/model.js';
import type { MultistatusSummary } from '../types.js';
import type { SortKey, TypeFilter } from './args.js';
import { kindOf } from './columns.js';
import type { Format, RunStats } from './format.js';

/** Files, folders and the bytes of the files, counted over the responses listed. */
export interface Totals {
  files: number;
  folders: number;
  /** Responses whose resourcetype was not told (so neither files nor folders). */
  unknown: number;
  /** Sum of getcontentlength over the files. */
  fileBytes: number;
}

export function newTotals(): Totals {
  return { files: 0, folders: 0, unknown: 0, fileBytes: 0 };
}

export function count(totals: Totals, r: DavResponse): void {
  const kind = kindOf(r);
  if (kind === 'd') totals.folders++;
  else if (kind === 'f') {
    totals.files++;
    const size = r.props.getcontentlength;
    if (typeof size === 'number') totals.fileBytes += size;
    else if (typeof size === 'bigint') totals.fileBytes += Number(size);
  } else totals.unknown++;
}

/** Only the responses of one kind; those whose kind is not told are left out and counted. */
export function filtered(format: Format, type: TypeFilter, onUnknown: (n: number) => void): Format {
  let unknown = 0;
  return {
    response(r) {
      const kind = kindOf(r);
      if (kind === type) format.response(r);
      else if (kind === undefined) unknown++;
    },
    end(summary: MultistatusSummary, stats: RunStats) {
      if (unknown) onUnknown(unknown);
      format.end(summary, stats);
    },
  };
}

function sizeKey(r: DavResponse): number {
  const v = r.props.getcontentlength;
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : -1;
}

function timeKey(r: DavResponse): number {
  const v = r.props.getlastmodified;
  return v instanceof Date && !Number.isNaN(v.getTime()) ? v.getTime() : -Infinity;
}

function nameKey(r: DavResponse): string {
  const v = r.props.displayname;
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  const parts = r.path.split('/').filter(Boolean);
  return parts.at(-1) ?? '';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders two responses by `key`; ties and missing values fall back to the path. */
export function compare(key: SortKey, a: DavResponse, b: DavResponse): number {
  let d = 0;
  if (key === 'size') d = sizeKey(a) - sizeKey(b);
  else if (key === 'modified') d = timeKey(a) - timeKey(b);
  else if (key === 'type') d = (kindOf(a) === 'd' ? 0 : 1) - (kindOf(b) === 'd' ? 0 : 1);
  else if (key === 'name') d = compareText(nameKey(a), nameKey(b));
  return d !== 0 && !Number.isNaN(d) ? d : compareText(a.path, b.path);
}

/** Holds every response until the body ends, then hands them on in order. */
export function sorted(format: Format, key: SortKey, reverse: boolean): Format {
  const held: DavResponse[] = [];
  return {
    response(r) {
      held.push(r);
    },
    end(summary, stats) {
      held.sort((a, b) => (reverse ? -compare(key, a, b) : compare(key, a, b)));
      for (const r of held) format.response(r);
      held.length = 0;
      format.end(summary, stats);
    },
  };
}

/** Percent-decodes a URL path as the parser does for `path` (bad escapes kept). */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Paths relative to `base` (the request URL, or --base): `.` for the base itself, `name` or
 * `sub/name` below it, the full path for anything else. Without a base, relative to the first
 * response of the body (the collection a PROPFIND lists comes first), which {@link Relative.see}
 * must be shown before any sorting.
 */
export class Relative {
  private root: string | undefined;

  constructor(base: string | undefined) {
    this.root = base === undefined ? undefined : decodePath(new URL(base).pathname);
  }

  /** Takes the first response of the body as the root when there is no base. */
  see(r: DavResponse): void {
    this.root ??= r.path;
  }

  path(r: DavResponse): string {
    const root = this.root ?? r.path;
    const dir = root.endsWith('/') ? root : `${root}/`;
    if (r.path === root || r.path === dir || `${r.path}/` === root) return '.';
    return r.path.startsWith(dir) ? r.path.slice(dir.length) : r.path;
  }

  /** `format`, with every response seen first (to be the outermost wrapper). */
  watch(format: Format): Format {
    return {
      response: (r) => {
        this.see(r);
        format.response(r);
      },
      end: (summary, stats) => format.end(summary, stats),
    };
  }
}
