import type { BodyShape } from './body.js';
import type { Random } from './random.js';
import { randomStamp } from './text.js';

const TYPES = ['text/plain', 'image/jpeg', 'application/pdf', 'application/octet-stream', 'text/markdown'];
const EXTENSIONS = ['txt', 'jpg', 'pdf', 'bin', 'md'];

/**
 * A compact PROPFIND for named properties (about 600 bytes a response): one line per element, no
 * indentation, `DAV:` bound once more to `lp1` on every `response` as Apache does, live
 * properties under `lp1`, and one response in five with a 404 propstat naming a property whose
 * namespace is declared on the property element itself.
 */
export function compactShape(): BodyShape {
  return {
    header: () => '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">\n',
    response: compactResponse,
    footer: () => '</D:multistatus>\n',
  };
}

function compactResponse(index: number, random: Random): string {
  const modified = randomStamp(random);
  const created = randomStamp(random);
  const collection = index % 10 === 0;
  const kind = random.int(0, TYPES.length - 1);
  const name = collection ? `folder-${index}` : `document-${random.hex(6)}-${index}.${EXTENSIONS[kind]!}`;
  const size = collection ? 0 : random.int(0, 1 << random.int(4, 30));
  let s =
    '<D:response xmlns:lp1="DAV:">\n' +
    `<D:href>/remote.php/dav/files/alice/projects/${collection ? `${name}/` : name}</D:href>\n` +
    '<D:propstat>\n<D:prop>\n' +
    (collection ? '<lp1:resourcetype><D:collection/></lp1:resourcetype>\n' : '<lp1:resourcetype/>\n') +
    (collection ? '' : `<lp1:getcontentlength>${size}</lp1:getcontentlength>\n`) +
    `<lp1:getlastmodified>${modified.http}</lp1:getlastmodified>\n` +
    `<lp1:creationdate>${created.iso}</lp1:creationdate>\n` +
    `<lp1:getetag>"${random.hex(12)}-${random.hex(13)}"</lp1:getetag>\n` +
    `<D:getcontenttype>${collection ? 'httpd/unix-directory' : TYPES[kind]!}</D:getcontenttype>\n` +
    `<D:displayname>${name}</D:displayname>\n` +
    '</D:prop>\n<D:status>HTTP/1.1 200 OK</D:status>\n</D:propstat>\n';
  if (index % 5 === 4) {
    s +=
      '<D:propstat>\n<D:prop>\n<x:tags xmlns:x="http://example.com/ns/"/>\n</D:prop>\n' +
      '<D:status>HTTP/1.1 404 Not Found</D:status>\n</D:propstat>\n';
  }
  return s + '</D:response>\n';
}
