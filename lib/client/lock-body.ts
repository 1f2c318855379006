/**
 * The body of a granted LOCK: `<D:prop><D:lockdiscovery>…</D:lockdiscovery></D:prop>` (RFC 4918
 * §9.10.1). It is not a multistatus, so it is read (bounded) and handed to the parser inside a
 * one-response multistatus, where the built-in `lockdiscovery` decoder types it.
 */
import { parseMultistatus } from '../iterate.js';
import type { ActiveLock } from '../properties/types.js';

/** Bytes of a LOCK answer read at most; a larger one is left unread. */
export const LOCK_BODY_BYTES = 1024 * 1024;

/** The `lockdiscovery` of a LOCK answer's body, or undefined when it has none that can be read. */
export async function readLockBody(res: Response, signal?: AbortSignal): Promise<ActiveLock[] | undefined> {
  const text = await boundedText(res, signal);
  if (text === undefined) return undefined;
  return lockDiscoveryOf(text);
}

/** The `lockdiscovery` in the text of a `DAV:prop` body (an XML declaration and a BOM are dropped). */
export async function lockDiscoveryOf(text: string): Promise<ActiveLock[] | undefined> {
  const body = text.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>)?/, '');
  if (!/^\s*</.test(body)) return undefined;
  const wrapped =
    '<multistatus xmlns="DAV:"><response><href>/</href><propstat>' + body + '<status>HTTP/1.1 200 OK</status></propstat></response></multistatus>';
  try {
    for await (const r of parseMultistatus(wrapped, { properties: ['lockdiscovery'] })) {
      const locks = r.props.lockdiscovery;
      return Array.isArray(locks) ? locks : undefined;
    }
  } catch {
    // Not a prop element, or not well-formed: the token from the header still counts.
  }
  return undefined;
}

async function boundedText(res: Response, signal?: AbortSignal): Promise<string | undefined> {
  if (res.body === null || res.body === undefined || typeof res.body.getReader !== 'function') return undefined;
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      if (signal?.aborted) return undefined;
      const r = await reader.read();
      if (r.done) break;
      size += r.value.byteLength;
      if (size > LOCK_BODY_BYTES) return undefined;
      chunks.push(r.value);
    }
  } catch {
    return undefined;
  } finally {
    reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
