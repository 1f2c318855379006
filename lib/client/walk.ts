/**
 * `walk()`: every resource of the tree under a URL. One `Depth: infinity` PROPFIND when the server
 * allows it; else breadth-first `Depth: 1` PROPFINDs, `concurrency` in flight, each collection
 * listed once, each resource yielded once, transient failures retried with backoff.
 *
 * Memory: the frontier (collections waiting to be listed), the set of collections already seen
 * (both grow with the number of folders, never with the number of files) and, per listing in
 * flight, one body being parsed with at most one response read ahead. A consumer that stops
 * pulling stops every listing: nothing more is read from any connection until it pulls again.
 */
import { MultistatusError } from '../errors.js';
import type { MultistatusIterator } from '../iterate.js';
import type { DavResponse, Props as LooseProps } from '../parser/model.js';
import type { Empty, OptionsFor, Props, RequestedPropsOf } from '../props.js';
import type { Diagnostic, Untyped } from '../types.js';
import { DeferredIterator } from './deferred.js';
import { brokenHref, depthBelow, hrefKey, isUnder, parentKey } from './href-key.js';
import type { Depth, WalkFailure, WalkOptions, WalkSummary } from './options.js';
import { parseOpened, parseOptionsOf } from './propfind.js';
import { propfindBody } from './propfind-body.js';
import { openRequest } from './request.js';
import { GeneratorIterator, SummaryTotal } from './results.js';
import { isProtocolError, isTransient, retryDelay, sleep } from './retry.js';
import { resourceIdOf, stripResourceId, stripsResourceId, walkBody, withWalkProps } from './walk-props.js';

/** The iterator of {@link walk}: its summary says how the walk went. */
export interface WalkIterator<P extends object = Props> extends MultistatusIterator<P> {
  summary(): Promise<WalkSummary>;
  /** Counts so far (for a progress display). */
  progress(): { requests: number; retries: number; responses: number; collections: number; bytes: number };
}

/** Statuses to a `Depth: infinity` request that mean "not that deep": walk with `Depth: 1` instead. */
const REFUSALS = new Set([400, 403, 501]);
/**
 * Statuses to a request whose body holds `<D:include><D:resource-id/></D:include>` that may be
 * about that extra rather than the Depth: the same request is sent again without it before
 * anything is concluded (a CalDAV server answers 400 "Received more than one element in propfind").
 */
const EXTRA_REJECTIONS = new Set([400, 422]);
/** What the walk adds to an allprop request, as messages name it. */
const EXTRA = '<D:include><D:resource-id/></D:include>';

/**
 * Every response of the tree under `url` (`url` itself first when the server lists it first), as
 * an async iterator whose `summary()` says which mode ran and how many requests, retries,
 * responses and bytes it took.
 *
 * Tries `Depth: infinity` first (unless `infinity: false`). When the server refuses it (403 with
 * `DAV:propfind-finite-depth`, or any 400/403/501), or silently answers it as `Depth: 1`,
 * it walks breadth-first with `Depth: 1` requests, `concurrency` at a time (default 4), yielding
 * responses as they arrive. Hrefs that name the same URL differently count once; hrefs outside
 * the walked tree, or broken ones (empty, a raw `#` or `?`), are yielded with a diagnostic and not
 * followed; a collection is never listed twice, and collections carrying the same
 * `DAV:resource-id` only once, so an RFC 5842 binding loop ends: every request asks for
 * `resource-id` (with `allprop`, in `<D:include>`), and it is taken out of the responses unless
 * named in `props`. On a server without `resource-id`, collections `maxDepth` levels below the
 * root (default 64) are yielded with `WALK_MAX_DEPTH` and not listed. The walk needs to know which
 * resources are collections: `resourcetype` is added to named `props` and `properties` (and the
 * type of `r.props` follows a literal `props` list plus `resourcetype`; see {@link RequestedPropsOf}).
 */
export function walk<const O extends WalkOptions | Untyped<WalkOptions> = Empty>(url: string | URL, given?: OptionsFor<O>): WalkIterator<RequestedPropsOf<O, 'resourcetype'>> {
  const options = (given ?? {}) as WalkOptions;
  const state = new WalkState(typeof url === 'string' ? url : url.href, options);
  const it = new GeneratorIterator(state.run(), 'walk') as GeneratorIterator<WalkSummary> & { progress?: WalkIterator['progress'] };
  it.progress = () => state.progress();
  return it as WalkIterator<LooseProps> as unknown as WalkIterator<RequestedPropsOf<O, 'resourcetype'>>;
}

type Settled = { kind: 'response'; response: DavResponse } | { kind: 'done' } | { kind: 'error'; error: unknown };

/** One collection being listed (a request, possibly retried). */
class Listing {
  it: MultistatusIterator<LooseProps> | undefined;
  /** Failed attempts so far. */
  failures = 0;
  /** Responses handed to the walk by this listing (skipped again after a retry). */
  delivered = 0;
  /** Responses still to skip in the current attempt. */
  skip = 0;
  result: Settled | undefined;
  /** The key of the URL that answered, when a redirect moved it. */
  finalKey: string | undefined;
  /** The body this listing sends (the walk's, or the plain one once the extra was rejected). */
  body = '';
  /** Set when this listing is the plain request sent after the one with the extra was rejected: that answer. */
  extraRejected: string | undefined;

  constructor(
    readonly url: string,
    readonly key: string,
    readonly depth: Depth,
    /** Yield the collection's own response (only for the root). */
    readonly yieldSelf: boolean,
  ) {}
}

class WalkState {
  private readonly rootKey: string;
  private readonly concurrency: number;
  private readonly retries: number;
  private readonly maxDepth: number;
  /** The body of every PROPFIND (the plain one once the server rejected the extra). */
  private body: string;
  /** The body without `<D:include>` (allprop only), or `undefined` when the body has no extra. */
  private readonly plainBody: string | undefined;
  /** Take `resource-id` out of yielded responses (the caller did not ask for it). */
  private readonly stripId: boolean;
  private readonly stop = new AbortController();
  private readonly total: SummaryTotal;
  private readonly frontier: string[] = [];
  /** Keys of collections yielded (and listed, or waiting to be). */
  private readonly known = new Set<string>();
  private readonly resourceIds = new Set<string>();
  private readonly active = new Set<Listing>();
  private readonly ready: Listing[] = [];
  private wake: (() => void) | undefined;
  private mode: WalkSummary['mode'] = 'infinity';
  private refusal: string | undefined;
  /** Why the extra was dropped, once it was. */
  private dropped: string | undefined;
  private requests = 0;
  private retried = 0;
  private responses = 0;
  private collections = 0;
  private tooDeep = 0;
  private readonly failures: WalkFailure[] = [];
  /** Infinity mode: a response deeper than the root's children was seen. */
  private deeper = false;
  /** Infinity mode: the hrefs of the collections among the root's children. */
  private childCollections: string[] = [];

  constructor(
    private readonly url: string,
    private readonly options: WalkOptions,
  ) {
    const key = hrefKey(url, url);
    if (key === undefined) throw new TypeError(`walk: not a URL: ${url}`);
    this.rootKey = key;
    this.concurrency = options.concurrency ?? 4;
    if (!Number.isInteger(this.concurrency) || this.concurrency < 1) throw new RangeError(`walk: concurrency must be an integer >= 1, got ${options.concurrency}`);
    this.retries = options.retries ?? 3;
    this.maxDepth = options.maxDepth ?? 64;
    if (!(this.maxDepth === Infinity || (Number.isInteger(this.maxDepth) && this.maxDepth >= 1))) {
      throw new RangeError(`walk: maxDepth must be an integer >= 1 (or Infinity), got ${options.maxDepth}`);
    }
    const props = options.props ?? 'allprop';
    this.body = walkBody(props);
    this.plainBody = props === 'allprop' || props.length === 0 ? propfindBody('allprop') : undefined;
    this.stripId = stripsResourceId(props, options.properties);
    this.total = new SummaryTotal(options.limits?.maxDiagnostics);
  }

  progress(): ReturnType<WalkIterator['progress']> {
    return { requests: this.requests, retries: this.retried, responses: this.responses, collections: this.collections, bytes: this.total.bytes };
  }

  async *run(): AsyncGenerator<DavResponse, WalkSummary, undefined> {
    this.known.add(this.rootKey);
    if (this.options.infinity === false) {
      this.mode = 'depth-1';
      this.start(new Listing(this.url, this.rootKey, 1, true));
    } else {
      this.start(new Listing(this.url, this.rootKey, 'infinity', true));
    }
    try {
      for (;;) {
        this.fill();
        const l = this.ready.shift();
        if (l === undefined) {
          if (this.active.size === 0) break;
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = undefined;
          continue;
        }
        const settled = l.result!;
        l.result = undefined;
        if (settled.kind !== 'error' && l.extraRejected !== undefined) this.dropExtra(l);
        if (settled.kind === 'response') {
          if (l.skip > 0) {
            l.skip--;
            this.pull(l);
            continue;
          }
          l.delivered++;
          const out = this.classify(l, settled.response);
          this.pull(l); // read one response ahead while the consumer handles this one
          if (out !== undefined) {
            if (this.stripId) stripResourceId(out);
            this.responses++;
            yield out;
          }
        } else if (settled.kind === 'done') {
          this.active.delete(l);
          this.collections++;
          this.total.add(await l.it!.summary());
          if (l.depth === 'infinity') this.afterInfinity();
        } else {
          await this.failed(l, settled.error);
        }
      }
    } finally {
      await this.close();
    }
    const summary: WalkSummary = {
      ...this.total.base(this.responses),
      mode: this.mode,
      requests: this.requests,
      retries: this.retried,
      collections: this.collections,
      failures: this.failures,
      tooDeep: this.tooDeep,
      known: this.known.size,
    };
    if (this.refusal !== undefined) summary.refusal = this.refusal;
    if (this.dropped !== undefined) summary.dropped = this.dropped;
    return summary;
  }

  /** Start listings from the frontier up to `concurrency`. */
  private fill(): void {
    while (this.active.size < this.concurrency && this.frontier.length > 0) {
      const url = this.frontier.shift()!;
      this.start(new Listing(url, hrefKey(url, url)!, 1, false));
    }
  }

  private start(l: Listing): void {
    this.active.add(l);
    this.open(l);
    this.pull(l);
  }

  private open(l: Listing): void {
    if (l.extraRejected === undefined) l.body = this.body;
    const spec = { method: 'PROPFIND', url: l.url, depth: l.depth, body: l.body };
    const parse = parseOptionsOf(this.options);
    if (parse.properties !== undefined) parse.properties = withWalkProps(parse.properties, this.options.props === 'propname');
    l.it = new DeferredIterator(async (stop) => {
      this.requests++;
      const opened = await openRequest(spec, this.options, AbortSignal.any([stop, this.stop.signal]));
      // A redirected listing repeats itself under the URL it was moved to.
      const finalKey = hrefKey(opened.url, opened.url);
      if (finalKey !== l.key) l.finalKey = finalKey;
      return parseOpened(opened, parse);
    });
  }

  private pull(l: Listing): void {
    const it = l.it!;
    it.next().then(
      (r) => this.settle(l, r.done ? { kind: 'done' } : { kind: 'response', response: r.value }),
      (error: unknown) => this.settle(l, { kind: 'error', error }),
    );
  }

  private settle(l: Listing, result: Settled): void {
    if (this.stop.signal.aborted) return;
    l.result = result;
    this.ready.push(l);
    this.wake?.();
  }

  /** What to do with one response: yield it (maybe after noting a collection to list), or drop a repeat. */
  private classify(l: Listing, r: DavResponse): DavResponse | undefined {
    const broken = brokenHref(r.href);
    const key = broken === undefined ? hrefKey(r.href, l.url) : undefined;
    if (key === undefined) {
      this.diagnose('WALK_BAD_HREF', `not followed: ${broken ?? 'an href that does not parse as a URL'}`, r.href);
      return r;
    }
    if (!isUnder(key, this.rootKey)) {
      this.diagnose('WALK_OUTSIDE_ROOT', `not followed: outside the walked tree ${this.url}`, r.href);
      return r;
    }
    const collection = isCollection(r);
    if (l.depth === 'infinity') {
      const depth = depthBelow(key, this.rootKey);
      if (depth >= 2) {
        if (!this.deeper) this.childCollections = [];
        this.deeper = true;
      } else if (depth === 1 && collection && !this.deeper && !this.known.has(key)) {
        // Kept until the body ends, in case the server answered as if Depth were 1.
        this.known.add(key);
        this.childCollections.push(r.href);
      }
      return r;
    }
    const resourceId = resourceIdOf(r);
    if (key === l.key || key === l.finalKey) {
      if (resourceId !== undefined) this.resourceIds.add(resourceId);
      return l.yieldSelf ? r : undefined;
    }
    if (collection) {
      if (this.known.has(key)) return undefined;
      this.known.add(key);
      if (resourceId !== undefined) {
        if (this.resourceIds.has(resourceId)) {
          this.diagnose('WALK_LOOP', `not followed: a binding of a collection already listed (resource-id ${resourceId})`, r.href);
          return r;
        }
        this.resourceIds.add(resourceId);
      }
      if (!this.follows(key)) {
        this.diagnose('WALK_MAX_DEPTH', `not followed: ${this.maxDepth} levels below the walked root (maxDepth)`, r.href);
        return r;
      }
      this.frontier.push(new URL(r.href, l.url).href);
      return r;
    }
    const parent = parentKey(key);
    // Not a child of the listed collection: its own parent's listing yields it, if that is walked.
    if (parent !== l.key && parent !== undefined && this.known.has(parent)) return undefined;
    return r;
  }

  /** The infinity listing ended: if nothing came from below the root's children, the server answered as Depth 1. */
  private afterInfinity(): void {
    const children = this.childCollections;
    this.childCollections = [];
    if (this.deeper || children.length === 0) return;
    this.mode = 'infinity-capped';
    this.options.onFallback?.('infinity-capped');
    for (const href of children) {
      const url = new URL(href, this.url).href;
      if (this.follows(hrefKey(url, url)!)) this.frontier.push(url);
      else this.diagnose('WALK_MAX_DEPTH', `not followed: ${this.maxDepth} levels below the walked root (maxDepth)`, href);
    }
  }

  /** A collection at `key` is listed unless it lies `maxDepth` levels below the root (counted in `tooDeep`). */
  private follows(key: string): boolean {
    if (depthBelow(key, this.rootKey) < this.maxDepth) return true;
    this.tooDeep++;
    return false;
  }

  private async failed(l: Listing, error: unknown): Promise<void> {
    await l.it?.return?.();
    if (this.stop.signal.aborted) return;
    const http = error instanceof MultistatusError && error.code === 'HTTP' && l.delivered === 0 ? error.http : undefined;
    const answer = http === undefined ? '' : `${http.status}${http.statusText ? ` ${http.statusText}` : ''}`;
    const finiteDepth = /propfind-finite-depth/.test(http?.body ?? '');
    if (http !== undefined && this.plainBody !== undefined && l.body !== this.plainBody && EXTRA_REJECTIONS.has(http.status) && !finiteDepth) {
      // The extra may be what the server rejects: ask again without it before concluding anything.
      this.active.delete(l);
      const plain = new Listing(l.url, l.key, l.depth, l.yieldSelf);
      plain.body = this.plainBody;
      plain.extraRejected = answer;
      this.start(plain);
      return;
    }
    if (http !== undefined && l.depth === 'infinity' && REFUSALS.has(http.status)) {
      this.active.delete(l);
      const condition = finiteDepth ? ' (propfind-finite-depth)' : '';
      // Which answer this is concluded from: the plain allprop, sent after the one with the extra was rejected too.
      const which = l.extraRejected !== undefined ? ` to allprop without ${EXTRA} too (with it: ${l.extraRejected})` : '';
      this.refusal = `${answer}${condition}${which}`;
      this.mode = 'depth-1';
      this.options.onFallback?.('depth-1', this.refusal);
      this.start(new Listing(l.url, l.key, 1, true));
      return;
    }
    l.failures++;
    if (isTransient(error) && l.failures <= this.retries && !this.options.signal?.aborted) {
      const delay = retryDelay(error, l.failures, this.options.retryDelay ?? 250, this.options.maxRetryDelay ?? 30_000);
      // The listing keeps its slot while it waits; the others go on meanwhile.
      const wait = this.options.signal ? AbortSignal.any([this.stop.signal, this.options.signal]) : this.stop.signal;
      void sleep(delay, wait).then(() => {
        if (this.stop.signal.aborted) return;
        this.retried++;
        l.skip = l.delivered;
        this.open(l);
        this.pull(l);
      });
      return;
    }
    this.active.delete(l);
    const attempts = l.failures > 1 ? ` after ${l.failures} attempts` : '';
    const notRetried = isProtocolError(error) ? ' (not retried: fetch refuses this answer as not HTTP/1.1, and would every time)' : '';
    const message = `walk: listing ${l.url} failed${attempts}${notRetried}: ${error instanceof MultistatusError ? bareMessage(error) : errorMessage(error)}`;
    const code = error instanceof MultistatusError ? error.code : 'SOURCE';
    // The root's own listing is the walk: its failure always ends it.
    if (this.options.skipFailures && !l.yieldSelf && code !== 'ABORTED') {
      const failure: WalkFailure = { url: l.url, code, message: errorMessage(error) };
      if (error instanceof MultistatusError && error.status !== undefined) failure.status = error.status;
      this.failures.push(failure);
      this.options.onFailure?.(failure);
      return;
    }
    if (error instanceof MultistatusError) {
      throw new MultistatusError(error.code, message, { line: error.line, column: error.column, offset: error.offset }, error, error.http);
    }
    throw new MultistatusError('SOURCE', message, {}, error);
  }

  /** The plain request answered after the one with the extra was rejected: ask without the extra from now on. */
  private dropExtra(l: Listing): void {
    const rejected = l.extraRejected!;
    l.extraRejected = undefined;
    if (this.dropped !== undefined) return;
    this.body = this.plainBody!;
    this.dropped = `the server rejected ${EXTRA} (${rejected} at Depth: ${l.depth}) and answered the same request without it: asking without it from now on`;
    this.options.onFallback?.('no-resource-id', this.dropped);
  }

  private diagnose(code: string, message: string, href: string): void {
    const d: Diagnostic = { code, message, line: 0, column: 0, href };
    this.total.diagnose(d);
  }

  /** Stop every listing: abort requests, cancel bodies (closing their connections). */
  private async close(): Promise<void> {
    this.stop.abort();
    const closing = [...this.active].map((l) => l.it?.return?.().catch(() => undefined));
    this.active.clear();
    this.ready.length = 0;
    await Promise.all(closing);
  }
}

function isCollection(r: DavResponse): boolean {
  const types = r.props.resourcetype;
  if (Array.isArray(types)) return types.includes('collection');
  return r.href.endsWith('/');
}

/** The message without the position the error appends to it (the new error appends it again). */
function bareMessage(e: MultistatusError): string {
  const parts: string[] = [];
  if (e.line !== undefined) parts.push(`line ${e.line}`);
  if (e.column !== undefined) parts.push(`column ${e.column}`);
  if (e.offset !== undefined) parts.push(`byte ${e.offset}`);
  const tail = parts.length ? ` (${parts.join(', ')})` : '';
  return tail && e.message.endsWith(tail) ? e.message.slice(0, -tail.length) : e.message;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
