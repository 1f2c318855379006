/** Request bodies: PROPFIND (allprop, propname or named properties) and the sync-collection REPORT. */
import type { PropKey } from '../types.js';
import type { PropRequest } from './options.js';

const XML_DECL = '<?xml version="1.0" encoding="utf-8"?>\n';
const HEAD = `${XML_DECL}<D:propfind xmlns:D="DAV:">`;
const TAIL = '</D:propfind>\n';

/**
 * The body of a PROPFIND. `props` are property keys as the parser names them: a DAV: local name
 * (`getetag`) or Clark notation (`{http://owncloud.org/ns}fileid`; `{}name` for no namespace).
 * `'allprop'` (or no keys) asks for every property, `'propname'` for their names only.
 */
export function propfindBody(props: PropRequest | readonly PropKey[], propname = false): string {
  if (propname || props === 'propname') return `${HEAD}<D:propname/>${TAIL}`;
  if (props === 'allprop' || props.length === 0) return `${HEAD}<D:allprop/>${TAIL}`;
  return `${HEAD}${propElement(props)}${TAIL}`;
}

/**
 * `allprop` plus the properties `allprop` need not return (RFC 4918 §9.1 `include`), e.g.
 * `DAV:resource-id` (RFC 5842).
 */
export function allpropIncludeBody(include: readonly PropKey[]): string {
  return `${HEAD}<D:allprop/><D:include>${propChildren(include)}</D:include>${TAIL}`;
}

/** The body of an RFC 6578 sync-collection REPORT. */
export function syncCollectionBody(token: string, props: readonly PropKey[], level: 1 | 'infinite', limit?: number): string {
  const nresults = limit === undefined ? '' : `<D:limit><D:nresults>${limit}</D:nresults></D:limit>`;
  return (
    `${XML_DECL}<D:sync-collection xmlns:D="DAV:"><D:sync-token>${escapeText(token)}</D:sync-token>` +
    `<D:sync-level>${level === 1 ? '1' : 'infinite'}</D:sync-level>${nresults}${propElement(props.length ? props : ['getetag'])}` +
    `</D:sync-collection>\n`
  );
}

/** `<D:prop>` naming `props`. */
function propElement(props: readonly PropKey[]): string {
  return `<D:prop>${propChildren(props)}</D:prop>`;
}

/** One empty element per key; prefixes `n0`, `n1`… for the namespaces other than DAV:. */
function propChildren(props: readonly PropKey[]): string {
  const prefixes = new Map<string, string>();
  const elements = props.map((key) => {
    const clark = /^\{([^}]*)\}(.*)$/.exec(key);
    if (!clark) return `<D:${key}/>`;
    const [, ns, local] = clark as unknown as [string, string, string];
    if (ns === 'DAV:') return `<D:${local}/>`;
    if (ns === '') return `<${local} xmlns=""/>`;
    let prefix = prefixes.get(ns);
    if (prefix === undefined) {
      prefix = `n${prefixes.size}`;
      prefixes.set(ns, prefix);
    }
    return `<${prefix}:${local} xmlns:${prefix}="${escapeText(ns)}"/>`;
  });
  return elements.join('');
}

function escapeText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
