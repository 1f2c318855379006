/** WebDAV requests over `fetch`, bounded in time, as the live tests send them. */

export type Depth = '0' | '1' | 'infinity';

export interface DavRequest {
  depth?: Depth;
  /** XML request body. */
  body?: string;
  /** `user:password` for Basic auth. */
  auth?: string;
  contentType?: string;
  /** Abort the whole exchange (headers and body) after this long. Default 60 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export async function dav(method: string, url: string, req: DavRequest = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (req.depth !== undefined) headers.Depth = req.depth;
  if (req.body !== undefined) headers['Content-Type'] = req.contentType ?? 'application/xml; charset=utf-8';
  if (req.auth !== undefined) headers.Authorization = `Basic ${Buffer.from(req.auth).toString('base64')}`;
  const timeout = AbortSignal.timeout(req.timeoutMs ?? 60_000);
  return fetch(url, {
    method,
    headers,
    body: req.body ?? null,
    signal: req.signal ? AbortSignal.any([req.signal, timeout]) : timeout,
  });
}

/** PROPFIND for the properties the listing tests compare against the file system. */
export const PROPFIND_LISTING = `<?xml version="1.0" encoding="utf-8"?>
<D:propfind xmlns:D="DAV:"><D:prop>
  <D:resourcetype/><D:getcontentlength/><D:getlastmodified/><D:displayname/>
</D:prop></D:propfind>`;

export const PROPFIND_ALLPROP = `<?xml version="1.0" encoding="utf-8"?>
<D:propfind xmlns:D="DAV:"><D:allprop/></D:propfind>`;

/** Percent-encode each segment of a slash-separated path (everything but unreserved characters). */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/** Drain an async iterable into an array, failing past `max` items (a runaway listing stays bounded). */
export async function collect<T>(items: AsyncIterable<T>, max = 200_000): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) {
    out.push(item);
    if (out.length > max) throw new Error(`more than ${max} items`);
  }
  return out;
}

/** The chunks of a web ReadableStream as an async iterable (the DOM typings lack its async iterator). */
export async function* chunksOf<T>(stream: ReadableStream<T>): AsyncIterable<T> {
  const reader = stream.getReader();
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
