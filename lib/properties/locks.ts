import { trimXml } from '../status.js';
import type { XmlElement } from '../types.js';
import type { ActiveLock, LockEntry } from './types.js';
import { child, elements, firstKey, hrefOf, rawValue, textOf } from './xml.js';

/** `Second-N` -> N, `Infinite` -> Infinity (RFC 4918 §10.7). */
export function parseTimeout(raw: string): number | undefined {
  const s = trimXml(raw);
  if (s.toLowerCase() === 'infinite') return Infinity;
  const m = /^second-(\d{1,10})$/i.exec(s);
  return m ? Number(m[1]) : undefined;
}

/** `lockdiscovery`: `(activelock)*`, children in any order, RFC 2518 data without `lockroot`. */
export function lockDiscovery(el: XmlElement): ActiveLock[] | undefined {
  const out: ActiveLock[] = [];
  for (const a of elements(el)) {
    if (a.name !== 'activelock') continue;
    const scope = firstKey(child(a, 'lockscope'));
    const type = firstKey(child(a, 'locktype'));
    const depthEl = child(a, 'depth');
    if (scope === undefined || type === undefined) return undefined;
    const lock: ActiveLock = { scope, type, depth: depthEl ? trimXml(textOf(depthEl)) : '' };
    const owner = child(a, 'owner');
    if (owner) lock.owner = rawValue(owner);
    const timeout = child(a, 'timeout');
    if (timeout) {
      const t = parseTimeout(textOf(timeout));
      if (t === undefined) return undefined;
      lock.timeout = t;
    }
    const token = hrefOf(child(a, 'locktoken'));
    if (token !== undefined) lock.token = token;
    const root = hrefOf(child(a, 'lockroot'));
    if (root !== undefined) lock.root = root;
    out.push(lock);
  }
  return out;
}

/** `supportedlock`: `(lockentry)*`. */
export function supportedLock(el: XmlElement): LockEntry[] | undefined {
  const out: LockEntry[] = [];
  for (const e of elements(el)) {
    if (e.name !== 'lockentry') continue;
    const scope = firstKey(child(e, 'lockscope'));
    const type = firstKey(child(e, 'locktype'));
    if (scope === undefined || type === undefined) return undefined;
    out.push({ scope, type });
  }
  return out;
}
