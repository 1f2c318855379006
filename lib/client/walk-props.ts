/**
 * What a walk asks for beyond what the caller asked: `resourcetype`, to tell collections from
 * files, and `DAV:resource-id` (RFC 5842), to recognise a collection seen under another URL (a
 * binding loop); and how `resource-id` is taken back out when the caller did not name it.
 */
import type { DavResponse } from '../parser/model.js';
import type { PropKey, XmlElement } from '../types.js';
import type { PropRequest } from './options.js';
import { allpropIncludeBody, propfindBody } from './propfind-body.js';

const RESOURCE_ID = 'resource-id';

/** The body of every PROPFIND of the walk: `allprop` with `<D:include><D:resource-id/>`, or the named props plus `resourcetype` and `resource-id`. */
export function walkBody(props: PropRequest): string {
  if (props === 'propname') return propfindBody('propname');
  if (props === 'allprop' || props.length === 0) return allpropIncludeBody([RESOURCE_ID]);
  return propfindBody(withWalkProps(props));
}

/** `keys` plus `resourcetype` and `resource-id` (not asked for with `propname`): for named props and the parser's `properties` filter. */
export function withWalkProps(keys: readonly PropKey[], propname = false): PropKey[] {
  const out = [...keys];
  if (!has(keys, 'resourcetype')) out.push('resourcetype');
  if (!propname && !has(keys, RESOURCE_ID)) out.push(RESOURCE_ID);
  return out;
}

/**
 * Whether `resource-id` must be taken out of yielded responses: the walk asked for it although the
 * caller did not name it in `props` (or named it but left it out of the `properties` filter).
 */
export function stripsResourceId(props: PropRequest, properties: readonly PropKey[] | undefined): boolean {
  if (props === 'propname') return false; // nothing was added
  const named = props !== 'allprop' && has(props, RESOURCE_ID);
  return !(named && (properties === undefined || has(properties, RESOURCE_ID)));
}

/** Takes `resource-id` out of `r.props` and each propstat, dropping a propstat left empty (a 404 for it). */
export function stripResourceId(r: DavResponse): void {
  if (RESOURCE_ID in r.props) delete r.props[RESOURCE_ID];
  const propstats = r.propstats;
  for (let i = propstats.length - 1; i >= 0; i--) {
    const ps = propstats[i]!;
    if (!(RESOURCE_ID in ps.props)) continue;
    delete ps.props[RESOURCE_ID];
    if (ps.lang !== undefined) delete ps.lang[RESOURCE_ID];
    if (Object.keys(ps.props).length === 0) propstats.splice(i, 1);
  }
}

/** The href a `resource-id` value names: the typed string, or the `href` inside the element when `typed: false`. */
export function resourceIdOf(r: DavResponse): string | undefined {
  const value = r.props[RESOURCE_ID] as string | XmlElement | null | undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value !== 'object' || value === null || !Array.isArray(value.children)) return undefined;
  const href = value.children.find((c): c is XmlElement => typeof c === 'object' && c.name === 'href');
  const text = href?.children.filter((c): c is string => typeof c === 'string').join('').trim();
  return text || undefined;
}

function has(keys: readonly PropKey[], local: string): boolean {
  return keys.includes(local) || keys.includes(`{DAV:}${local}`);
}
