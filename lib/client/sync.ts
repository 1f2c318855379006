/**
 * `syncCollection()`: an RFC 6578 `sync-collection` REPORT from a token (or the initial sync),
 * following `507` truncation page after page with the token each page returns.
 */
import type { MultistatusIterator } from '../iterate.js';
import type { DavResponse, Props as LooseProps } from '../parser/model.js';
import type { Empty, OptionsFor, Props, RequestedPropsOf } from '../props.js';
import type { Untyped } from '../types.js';
import { DeferredIterator } from './deferred.js';
import { hrefKey } from './href-key.js';
import type { SyncOptions, SyncSummary } from './options.js';
import { syncCollectionBody } from './propfind-body.js';
import { parseOptionsOf, send } from './propfind.js';
import { GeneratorIterator, SummaryTotal } from './results.js';

/** The iterator of {@link syncCollection}: `summary().syncToken` is the token for the next sync. */
export interface SyncIterator<P extends object = Props> extends MultistatusIterator<P> {
  summary(): Promise<SyncSummary>;
}

/**
 * Yields the members changed since `token` (all of them without one) and the removed ones (the
 * status form with 404), across every page: when the server truncates its answer (`507` on the
 * request URI), the REPORT is sent again with the token of that page until the server says it is
 * complete, or `maxPages` (default 1,000) requests were sent. The 507 response itself is not
 * yielded. `summary().syncToken` is the final token; `summary().truncated` is `true` only when the
 * page bound stopped it.
 *
 * @example
 * const changes = syncCollection(calendarUrl, { token: saved, props: ['getetag'] });
 * for await (const r of changes) console.log(r.status?.code === 404 ? 'removed' : 'changed', r.href);
 * saved = (await changes.summary()).syncToken;
 *
 * `r.props` holds what was asked for (`props`, default `['getetag']`; see {@link RequestedPropsOf}).
 */
export function syncCollection<const O extends SyncOptions | Untyped<SyncOptions> = Empty>(url: string | URL, given?: OptionsFor<O>): SyncIterator<RequestedPropsOf<O, never, 'getetag'>> {
  const options = (given ?? {}) as SyncOptions;
  const target = typeof url === 'string' ? url : url.href;
  return new GeneratorIterator(run(target, options), 'sync') as SyncIterator<LooseProps> as unknown as SyncIterator<RequestedPropsOf<O, never, 'getetag'>>;
}

async function* run(url: string, options: SyncOptions): AsyncGenerator<DavResponse, SyncSummary, undefined> {
  const total = new SummaryTotal(options.limits?.maxDiagnostics);
  const maxPages = options.maxPages ?? 1000;
  const selfKey = hrefKey(url, url);
  let token = options.token ?? '';
  let requests = 0;
  let responses = 0;
  let truncated = false;
  let syncToken: string | undefined;
  for (;;) {
    const body = syncCollectionBody(token, options.props ?? ['getetag'], options.level ?? 1, options.limit);
    const it = new DeferredIterator((stop) => send({ method: 'REPORT', url, depth: 0, body }, options, parseOptionsOf(options), stop));
    requests++;
    try {
      for (;;) {
        const r = await it.next();
        if (r.done) break;
        const res = r.value;
        // The 507 on the request URI only says "more to come".
        if (res.status?.code === 507 && hrefKey(res.href, url) === selfKey) continue;
        responses++;
        yield res;
      }
    } finally {
      await it.return();
    }
    const s = await it.summary();
    total.add({ ...s, truncated: false });
    if (s.syncToken !== undefined) syncToken = s.syncToken;
    if (!s.truncated) break;
    if (s.syncToken === undefined || s.syncToken === token) {
      // Asking again with the same token would bring the same page back.
      total.diagnose({ code: 'SYNC_NO_PROGRESS', message: 'the server truncated its answer (507) without a new sync-token', line: 0, column: 0, href: url });
      truncated = true;
      break;
    }
    if (requests >= maxPages) {
      truncated = true;
      break;
    }
    token = s.syncToken;
  }
  const summary: SyncSummary = { ...total.base(responses), truncated, requests };
  if (syncToken !== undefined) summary.syncToken = syncToken;
  return summary;
}
