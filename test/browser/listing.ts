/**
 * An Apache-like PROPFIND Depth: 1 listing of a collection with `files` members, generated chunk by
 * chunk (never held whole), where every member's values follow from its index so a test can check
 * any response without keeping the body.
 */

/** What response `index` of the listing carries (index 0 is the collection itself). */
export interface ListingEntry {
  href: string;
  /** `href` percent-decoded. */
  path: string;
  collection: boolean;
  /** `getcontentlength`; absent on the collection. */
  size?: number;
  mtime: Date;
  etag: string;
}

const EPOCH = Date.UTC(2024, 1, 29, 12, 34, 56);

export function listingEntry(index: number): ListingEntry {
  const mtime = new Date(EPOCH + index * 1000);
  if (index === 0) {
    return { href: '/big/', path: '/big/', collection: true, mtime, etag: '"1000-5f0c1a2b3c4d5"' };
  }
  return {
    href: `/big/file%20${index}.txt`,
    path: `/big/file ${index}.txt`,
    collection: false,
    size: index * 13,
    mtime,
    etag: `"${(index * 13).toString(16)}-${index.toString(16).padStart(8, '0')}"`,
  };
}

function responseXml(index: number): string {
  const e = listingEntry(index);
  const type = e.collection ? '<lp1:resourcetype><D:collection/></lp1:resourcetype>' : '<lp1:resourcetype/>';
  const size = e.size === undefined ? '' : `<lp1:getcontentlength>${e.size}</lp1:getcontentlength>\n`;
  return (
    '<D:response xmlns:lp2="http://apache.org/dav/props/" xmlns:lp1="DAV:">\n' +
    `<D:href>${e.href}</D:href>\n` +
    '<D:propstat>\n<D:prop>\n' +
    `${type}\n` +
    size +
    `<lp1:getlastmodified>${e.mtime.toUTCString()}</lp1:getlastmodified>\n` +
    `<lp1:getetag>${e.etag}</lp1:getetag>\n` +
    '<D:supportedlock>\n' +
    '<D:lockentry>\n<D:lockscope><D:exclusive/></D:lockscope>\n<D:locktype><D:write/></D:locktype>\n</D:lockentry>\n' +
    '<D:lockentry>\n<D:lockscope><D:shared/></D:lockscope>\n<D:locktype><D:write/></D:locktype>\n</D:lockentry>\n' +
    '</D:supportedlock>\n' +
    '<D:lockdiscovery/>\n' +
    `<D:getcontenttype>${e.collection ? 'httpd/unix-directory' : 'text/plain'}</D:getcontenttype>\n` +
    '</D:prop>\n<D:status>HTTP/1.1 200 OK</D:status>\n</D:propstat>\n' +
    '<D:propstat>\n<D:prop>\n<lp1:quota-used-bytes/>\n</D:prop>\n' +
    '<D:status>HTTP/1.1 404 Not Found</D:status>\n</D:propstat>\n' +
    '</D:response>\n'
  );
}

/**
 * The listing as string chunks of about `chunkChars` characters (all ASCII, so characters = bytes):
 * the collection and then `files` members, `files + 1` responses in all.
 */
export function* listingChunks(files: number, chunkChars = 64 * 1024): Generator<string> {
  let chunk = '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:" xmlns:ns0="DAV:">\n';
  for (let i = 0; i <= files; i++) {
    chunk += responseXml(i);
    if (chunk.length >= chunkChars) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + '</D:multistatus>\n';
}

/** Files for a listing of at least `bytes` bytes (members past index 1,000 are at least this size). */
export function filesForBytes(bytes: number): number {
  return Math.ceil(bytes / responseXml(1000).length) + 1000;
}
