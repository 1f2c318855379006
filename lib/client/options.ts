/** Options and results of the client layer (propfind, report, walk, syncCollection). */
import type { MultistatusSummary, ParseOptions, PropKey } from '../types.js';

/** The `Depth` request header. */
export type Depth = 0 | 1 | 'infinity';

/**
 * Request headers, as `new Headers()` takes them: a `Headers`, a record, or name/value pairs (the
 * DOM's `HeadersInit`, spelled out so that the types need no DOM library).
 */
export type HeadersInput = Headers | Record<string, string> | [string, string][];

/** How a request is sent: every client function takes these. */
export interface RequestOptions {
  /** The `fetch` to use (undici's, node-fetch, a test double...). Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Extra request headers; they replace the defaults of the same name (`Content-Type`, `Depth`...). */
  headers?: HeadersInput;
  /** Basic credentials (sent as `Authorization: Basic ...` with the first request, UTF-8). */
  auth?: { username: string; password: string };
  /** Aborts the request(s) and the parse: `ABORTED`. */
  signal?: AbortSignal;
  /**
   * Milliseconds to wait for the response headers, then for each chunk of the body: the clock
   * runs only while waiting for the server, not while a slow consumer holds the iteration back.
   * Past it: `SOURCE` (the cause is a `TimeoutError`). Default: no timeout.
   */
  timeout?: number;
}

/** Which properties a PROPFIND asks for. */
export type PropRequest = readonly PropKey[] | 'allprop' | 'propname';

/** Options of {@link propfind}. */
export interface PropfindOptions extends RequestOptions, ParseOptions {
  /** Default 1. */
  depth?: Depth;
  /** Property keys (`getetag`, `{http://owncloud.org/ns}fileid`), `'allprop'` (default) or `'propname'`. */
  props?: PropRequest;
}

/** Options of {@link report}. */
export interface ReportOptions extends RequestOptions, ParseOptions {
  /** No `Depth` header unless given. */
  depth?: Depth;
}

/** Options of {@link walk}. */
export interface WalkOptions extends RequestOptions, ParseOptions {
  /** Properties to ask for, as for {@link propfind}. Default `'allprop'`. */
  props?: PropRequest;
  /** Try one `Depth: infinity` request first. Default `true`; `false` walks with `Depth: 1` at once. */
  infinity?: boolean;
  /**
   * How many levels below the root the walk goes (as `Depth` counts: 1 lists the root only). A
   * collection this deep is yielded with a `WALK_MAX_DEPTH` diagnostic but not listed, so a binding
   * loop on a server that gives no `DAV:resource-id` ends (`/a/b/b/b/…`). Counted in
   * `summary().tooDeep`. It bounds the walk's own requests, not what one `Depth: infinity` answer
   * holds. Default 64; `Infinity` for no bound.
   */
  maxDepth?: number;
  /** `Depth: 1` requests in flight at once (each with at most one body being parsed). Default 4. */
  concurrency?: number;
  /**
   * Retries of a request that failed transiently: a connection refused, reset or timed out, a body
   * that broke off, no answer within `timeout`, or a 408, 429, 502, 503 or 504. Never retried: other
   * statuses (500, 501, 507…), an answer fetch refuses as not HTTP/1.1, TLS errors, bad XML. Default 3.
   */
  retries?: number;
  /** First backoff delay in ms, doubled at each retry (a `Retry-After` wins, up to `maxRetryDelay`). Default 250. */
  retryDelay?: number;
  /** Longest backoff in ms. Default 30,000. */
  maxRetryDelay?: number;
  /**
   * `false` (default): a listing that keeps failing ends the walk with its error, after the
   * responses already yielded. `true`: it is recorded in `summary().failures` and skipped (the
   * root's own listing excepted: its failure always ends the walk).
   */
  skipFailures?: boolean;
  /** With `skipFailures`: called as each listing is given up on (before the walk goes on). */
  onFailure?: (failure: WalkFailure) => void;
  /**
   * Called once if the walk leaves `Depth: infinity` for `Depth: 1` requests (refused, or answered
   * as Depth 1), and once if it stops asking for `DAV:resource-id` in `<D:include>` because the
   * server rejected that (`no-resource-id`); `refusal` says what was concluded from which answer.
   */
  onFallback?: (mode: 'depth-1' | 'infinity-capped' | 'no-resource-id', refusal?: string) => void;
}

/** A listing the walk gave up on (only with `skipFailures`). */
export interface WalkFailure {
  /** The collection whose listing failed. */
  url: string;
  /** The error code (`HTTP`, `SOURCE`...). */
  code: string;
  /** The HTTP status, for code `HTTP`. */
  status?: number;
  message: string;
}

/** How the walk went: {@link MultistatusSummary} over every body, plus the walk's own counts. */
export interface WalkSummary extends MultistatusSummary {
  /**
   * `infinity`: one `Depth: infinity` request listed the tree. `depth-1`: the tree was walked
   * with `Depth: 1` requests (infinity refused, or not tried). `infinity-capped`: the server
   * answered `Depth: infinity` as if it were `Depth: 1`; the walk went on with `Depth: 1` below.
   */
  mode: 'infinity' | 'depth-1' | 'infinity-capped';
  /** How the server refused `Depth: infinity` (`403 Forbidden (propfind-finite-depth)`), when it did. */
  refusal?: string;
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Requests that were retries. */
  retries: number;
  /** Collections listed (with Depth 1 or infinity). */
  collections: number;
  /** Listings skipped after failing (only with `skipFailures`). */
  failures: WalkFailure[];
  /** Collections yielded but not listed because they lie `maxDepth` levels below the root. */
  tooDeep: number;
  /** Collections the walk remembers (to list each once): its memory grows with this, never with the files. */
  known: number;
  /** Set when the server rejected `<D:include><D:resource-id/></D:include>` and the walk went on without it: what it concluded from which answer. */
  dropped?: string;
}

/** Options of {@link syncCollection}. */
export interface SyncOptions extends RequestOptions, ParseOptions {
  /** The token of the last sync; none (or `""`): the initial sync. */
  token?: string | undefined;
  /** Properties to ask for. Default `['getetag']`. */
  props?: readonly PropKey[];
  /** Ask for at most this many results per page (`DAV:limit`); the server may page on its own too. */
  limit?: number;
  /** `1` (default, members) or `'infinite'` (the whole tree). */
  level?: 1 | 'infinite';
  /** Stop after this many pages (requests). Default 1,000. */
  maxPages?: number;
}

/** {@link MultistatusSummary} over every page of a sync, plus the number of pages. */
export interface SyncSummary extends MultistatusSummary {
  /** Requests sent (one per page). */
  requests: number;
}
