/** The XML body of the PROPFIND the command sends: allprop, propname, or the named properties. */

const HEAD = '<?xml version="1.0" encoding="utf-8"?>\n<D:propfind xmlns:D="DAV:">';
const TAIL = '</D:propfind>\n';

/**
 * `props` are property keys as the parser names them: a DAV: local name (`getetag`) or Clark
 * notation (`{http://owncloud.org/ns}fileid`; `{}name` for no namespace). No keys: `allprop`.
 */
export function propfindBody(props: readonly string[], propname = false): string {
  if (propname) return `${HEAD}<D:propname/>${TAIL}`;
  if (props.length === 0) return `${HEAD}<D:allprop/>${TAIL}`;
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
    return `<${prefix}:${local} xmlns:${prefix}="${escapeAttribute(ns)}"/>`;
  });
  return `${HEAD}<D:prop>${elements.join('')}</D:prop>${TAIL}`;
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&quot;'));
}
