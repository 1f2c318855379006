/**
 * The client recipes of docs/client-and-walk.md ("Your own HTTP client"), as functions the tests run (test/unit/recipes.test.ts).
 * Each lists a collection with PROPFIND Depth: 1 and Basic auth, and returns what a file browser
 * shows. Keep the snippets there in step with these.
 */
import { request } from 'undici';
import { createClient } from 'webdav';
import { MultistatusStream, parseMultistatus, type DavResponse } from '../../lib/index.js';

export const PROPFIND = `<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:">
  <d:prop><d:resourcetype/><d:getcontentlength/><d:getlastmodified/><d:getetag/><d:displayname/></d:prop>
</d:propfind>`;

export interface Entry {
  path: string;
  collection: boolean;
  size: number | undefined;
  modified: Date | undefined;
  etag: string | undefined;
}

export function entryOf(r: DavResponse): Entry {
  const p = r.props;
  return {
    path: r.path,
    collection: Array.isArray(p.resourcetype) && p.resourcetype.includes('collection'),
    size: typeof p.getcontentlength === 'number' ? p.getcontentlength : undefined,
    modified: p.getlastmodified instanceof Date ? p.getlastmodified : undefined,
    etag: typeof p.getetag === 'string' ? p.getetag : undefined,
  };
}

/** `btoa` takes Latin-1 only: encode the credentials as UTF-8 first (RFC 7617 charset="UTF-8"). */
export function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** The `webdav` npm client: its customRequest gives the response unread; parse its body. */
export async function listWithWebdavClient(url: string, user: string, password: string): Promise<Entry[]> {
  const client = createClient(url, { username: user, password });
  const response = await client.customRequest('', {
    method: 'PROPFIND',
    headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
    data: PROPFIND,
  });
  // In Node the client's response comes from node-fetch and its body is a Node Readable; in
  // browsers it is a web ReadableStream. parseMultistatus takes either.
  const { body } = response as unknown as { body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> };
  const entries: Entry[] = [];
  for await (const r of parseMultistatus(body, { baseUrl: url })) entries.push(entryOf(r));
  return entries;
}

/** Plain fetch (Node 20+, browsers, Deno, Bun) with Basic auth. */
export async function listWithFetch(url: string, user: string, password: string): Promise<Entry[]> {
  const response = await fetch(url, {
    method: 'PROPFIND',
    headers: { Authorization: basicAuth(user, password), Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
    body: PROPFIND,
  });
  if (response.status !== 207) {
    await response.body?.cancel();
    throw new Error(`PROPFIND ${url}: ${response.status} ${response.statusText}`);
  }
  const entries: Entry[] = [];
  for await (const r of parseMultistatus(response, { baseUrl: url })) entries.push(entryOf(r));
  return entries;
}

/** fetch, with the body piped through the TransformStream face. */
export async function listWithFetchStream(url: string, user: string, password: string): Promise<Entry[]> {
  const response = await fetch(url, {
    method: 'PROPFIND',
    headers: { Authorization: basicAuth(user, password), Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
    body: PROPFIND,
  });
  if (response.status !== 207 || !response.body) {
    await response.body?.cancel();
    throw new Error(`PROPFIND ${url}: ${response.status} ${response.statusText}`);
  }
  const entries: Entry[] = [];
  const responses = response.body.pipeThrough(new MultistatusStream({ baseUrl: url }));
  const reader = responses.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) entries.push(entryOf(next.value));
  return entries;
}

/** undici's request(): its body is a Node Readable, which parseMultistatus reads as it arrives. */
export async function listWithUndici(url: string, user: string, password: string): Promise<Entry[]> {
  const { statusCode, body } = await request(url, {
    method: 'PROPFIND',
    headers: { authorization: basicAuth(user, password), depth: '1', 'content-type': 'application/xml; charset=utf-8' },
    body: PROPFIND,
  });
  if (statusCode !== 207) {
    await body.dump();
    throw new Error(`PROPFIND ${url}: ${statusCode}`);
  }
  const entries: Entry[] = [];
  for await (const r of parseMultistatus(body, { baseUrl: url })) entries.push(entryOf(r));
  return entries;
}
