import { detach } from '../strings.js';

const SLOTS = 512;

/** A stored name, and the start-tag name that followed it last time (the guess for next time). */
export interface NameEntry {
  readonly name: string;
  next: NameEntry | undefined;
  /** A QName (Namespaces in XML 1.0 [7]): at most one colon, neither first nor last. Checked once, when the name is stored. */
  readonly qname: boolean;
}

/** True when `name` is a QName: no colon, or one colon with a prefix before it and a local part after it. */
export function isQName(name: string): boolean {
  const colon = name.indexOf(':');
  return colon < 0 || (colon > 0 && colon < name.length - 1 && name.indexOf(':', colon + 1) < 0);
}

/**
 * Names as strings without building one per tag: a name read from the chunk is compared, code by
 * code, with the name last stored in its slot (responses repeat the same few names), and only a
 * name not seen recently is cut out of the chunk. The same string object comes back for a
 * repeated name, so that whoever caches by name compares one pointer. Each entry also remembers
 * which start tag followed it, so that the tokenizer can check that guess in place first.
 */
export class NameTable {
  private readonly slots: (NameEntry | undefined)[] = new Array<NameEntry | undefined>(SLOTS).fill(undefined);
  /** Names cut from a chunk (misses): for tests of the cache. */
  misses = 0;

  /** The entry of the name `s.slice(start, end)` (`end > start`). */
  entry(s: string, start: number, end: number): NameEntry {
    const n = end - start;
    const h = (n * 61 + s.charCodeAt(start) * 7 + s.charCodeAt(end - 1) * 3 + s.charCodeAt(start + (n >> 1))) & (SLOTS - 1);
    const stored = this.slots[h];
    if (stored !== undefined && stored.name.length === n) {
      const name = stored.name;
      let k = 0;
      while (k < n && name.charCodeAt(k) === s.charCodeAt(start + k)) k++;
      if (k === n) return stored;
    }
    this.misses++;
    // Kept in the table: must not pin the chunk it was cut from.
    const name = detach(s.slice(start, end));
    const entry: NameEntry = { name, next: undefined, qname: isQName(name) };
    this.slots[h] = entry;
    return entry;
  }

  /** The name `s.slice(start, end)`, the stored string. */
  get(s: string, start: number, end: number): string {
    return this.entry(s, start, end).name;
  }

  /** The stored copy of a name that arrived in pieces. */
  whole(name: string): string {
    return this.entry(name, 0, name.length).name;
  }
}

/** True when `s` holds `name` at `i` (the caller has checked that it is long enough). */
export function holds(s: string, i: number, name: string): boolean {
  return s.startsWith(name, i);
}
