import type { BodyShape } from './body.js';
import type { Random } from './random.js';
import { randomStamp } from './text.js';
import { TreeWalker, type TreeEntry } from './tree.js';

const CONTENT_TYPES: Record<string, string> = {
  txt: 'text/plain', jpg: 'image/jpeg', pdf: 'application/pdf', json: 'application/json',
  md: 'text/markdown', gz: 'application/x-gzip', ics: 'text/calendar', html: 'text/html',
};

const SUPPORTED_LOCK =
  '<D:supportedlock>\n<D:lockentry>\n<D:lockscope><D:exclusive/></D:lockscope>\n<D:locktype><D:write/></D:locktype>\n</D:lockentry>\n' +
  '<D:lockentry>\n<D:lockscope><D:shared/></D:lockscope>\n<D:locktype><D:write/></D:locktype>\n</D:lockentry>\n</D:supportedlock>\n';

/**
 * Apache httpd mod_dav_fs answering a PROPFIND `Depth: infinity` for named properties (see the
 * captures `apache2-propfind-d1-named.xml`, `apache2-propfind-d1-allprop.xml`): newline after every
 * tag, `DAV:` bound to several prefixes (`D`, `ns0`, `lp1`, `g0`), namespace declarations
 * repeated on every `response`, a 200 propstat and a 404 propstat for the properties the resource
 * lacks, percent-encoded hrefs.
 */
export function apacheShape(): BodyShape {
  let walker: TreeWalker | undefined;
  return {
    header: () =>
      '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:" xmlns:ns1="http://example.com/ns/" xmlns:ns0="DAV:">\n',
    response(index: number, random: Random): string {
      walker ??= new TreeWalker('/dav/tree/', random);
      const entry: TreeEntry = index === 0 ? { href: '/dav/tree/', name: 'tree', ext: '', collection: true } : walker.next();
      return apacheResponse(entry, random);
    },
    footer: () => '</D:multistatus>\n',
  };
}

function apacheResponse(entry: TreeEntry, random: Random): string {
  const modified = randomStamp(random);
  const created = randomStamp(random);
  const size = entry.collection ? 4096 : random.int(0, 1 << random.int(4, 30));
  const etag = `"${size.toString(16)}-${random.hex(13)}"`;
  let ok =
    '<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/" xmlns:g0="DAV:" xmlns:g1="http://example.com/ns/">\n' +
    `<D:href>${entry.href}</D:href>\n<D:propstat>\n<D:prop>\n`;
  ok += entry.collection ? '<lp1:resourcetype><D:collection/></lp1:resourcetype>\n' : '<lp1:resourcetype/>\n';
  if (!entry.collection) ok += `<lp1:getcontentlength>${size}</lp1:getcontentlength>\n`;
  ok +=
    `<D:getcontenttype>${entry.collection ? 'httpd/unix-directory' : (CONTENT_TYPES[entry.ext] ?? 'application/octet-stream')}</D:getcontenttype>\n` +
    `<lp1:getlastmodified>${modified.http}</lp1:getlastmodified>\n` +
    `<lp1:getetag>${etag}</lp1:getetag>\n` +
    `<lp1:creationdate>${created.iso}</lp1:creationdate>\n` +
    SUPPORTED_LOCK +
    '<D:lockdiscovery/>\n' +
    '</D:prop>\n<D:status>HTTP/1.1 200 OK</D:status>\n</D:propstat>\n' +
    '<D:propstat>\n<D:prop>\n<g0:displayname/>\n' +
    (entry.collection ? '<g0:getcontentlength/>\n' : '') +
    '<g0:quota-used-bytes/>\n<g0:quota-available-bytes/>\n<g1:nonexistent/>\n' +
    '</D:prop>\n<D:status>HTTP/1.1 404 Not Found</D:status>\n</D:propstat>\n</D:response>\n';
  return ok;
}
