/** `propfind()` and `report()`: one request, its 207 body parsed as it streams in. */
import { parseMultistatus } from '../iterate.js';
import type { MultistatusIterator } from '../iterate.js';
import type { Empty, OptionsFor, PropsOf, RequestedPropsOf } from '../props.js';
import type { Props as LooseProps } from '../parser/model.js';
import type { ParseOptions, Untyped } from '../types.js';
import { DeferredIterator } from './deferred.js';
import type { PropfindOptions, ReportOptions, RequestOptions } from './options.js';
import { propfindBody } from './propfind-body.js';
import { openRequest } from './request.js';
import type { OpenedBody, RequestSpec } from './request.js';

/**
 * Sends a PROPFIND (`Depth: 1` and `allprop` unless told otherwise) and yields each `response`
 * of the 207 answer as it arrives. The request goes out on the first `next()`. Hrefs resolve
 * against the URL that answered unless `baseUrl` is given. A non-207 answer is a
 * `MultistatusError` of code `HTTP`; a failed connection or a timeout is `SOURCE`.
 *
 * The type of `r.props` follows a literal `props` list (only those keys, each optional), and the
 * parse options (see {@link PropsOf}).
 *
 * @example
 * for await (const r of propfind('https://dav.example/files/', { props: ['getetag'] })) console.log(r.href, r.props.getetag);
 */
export function propfind<const O extends PropfindOptions | Untyped<PropfindOptions> = Empty>(url: string | URL, given?: OptionsFor<O>): MultistatusIterator<RequestedPropsOf<O>> {
  const options = (given ?? {}) as PropfindOptions;
  const spec: RequestSpec = { method: 'PROPFIND', url, depth: options.depth ?? 1, body: propfindBody(options.props ?? 'allprop') };
  return new DeferredIterator((stop) => send(spec, options, options, stop)) as MultistatusIterator<LooseProps> as unknown as MultistatusIterator<RequestedPropsOf<O>>;
}

/**
 * Sends a REPORT with `body` (a `calendar-query`, `addressbook-multiget`…; no Depth header unless
 * `depth` is given) and yields each `response` of the 207 answer as it arrives. The body names
 * the properties, so `r.props` is narrowed by a literal `properties` list (see {@link PropsOf}).
 */
export function report<const O extends ReportOptions | Untyped<ReportOptions> = Empty>(url: string | URL, body: string, given?: OptionsFor<O>): MultistatusIterator<PropsOf<O>> {
  const options = (given ?? {}) as ReportOptions;
  const it = new DeferredIterator((stop) => send({ method: 'REPORT', url, depth: options.depth, body }, options, options, stop));
  return it as MultistatusIterator<LooseProps> as unknown as MultistatusIterator<PropsOf<O>>;
}

/** Sends `spec` and parses its body. */
export async function send(spec: RequestSpec, request: RequestOptions, parse: ParseOptions, stop?: AbortSignal): Promise<MultistatusIterator<LooseProps>> {
  return parseOpened(await openRequest(spec, request, stop), parse);
}

/** The iterator over an opened body: hrefs against the URL that answered, charset from its Content-Type. */
export function parseOpened(opened: OpenedBody, parse: ParseOptions): MultistatusIterator<LooseProps> {
  const options: ParseOptions = {
    ...parseOptionsOf(parse),
    baseUrl: parse.baseUrl ?? opened.url,
    encoding: parse.encoding ?? opened.encoding,
  };
  return parseMultistatus(opened.chunks, options) as unknown as MultistatusIterator<LooseProps>;
}

/** Only the parse options out of a bag that holds request options too. */
export function parseOptionsOf(o: ParseOptions): ParseOptions {
  const out: ParseOptions = {};
  if (o.baseUrl !== undefined) out.baseUrl = o.baseUrl;
  if (o.properties !== undefined) out.properties = o.properties;
  if (o.decoders !== undefined) out.decoders = o.decoders;
  if (o.typed !== undefined) out.typed = o.typed;
  if (o.limits !== undefined) out.limits = o.limits;
  if (o.encoding !== undefined) out.encoding = o.encoding;
  if (o.signal !== undefined) out.signal = o.signal;
  if (o.strict !== undefined) out.strict = o.strict;
  return out;
}
