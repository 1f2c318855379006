import { detach } from '../strings.js';

const SLOTS = 512;

/**
 * Names as strings without building one per tag: a name read from the chunk is compared, code by
 * code, with the name last stored in its slot (responses repeat the same few names), and only a
 * name not seen recently is cut out of the chunk. The same string object comes back for a
 * repeated name, so that whoever caches by name compares one pointer.
 */
export class NameTable {
  private readonly slots: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
  /** Names cut from a chunk (misses): for tests of the cache. */
  misses = 0;

  /** The name `s.slice(start, end)` (`end > start`). */
  get(s: string, start: number, end: number): string {
    const n = end - start;
    const h = (n * 61 + s.charCodeAt(start) * 7 + s.charCodeAt(end - 1) * 3 + s.charCodeAt(start + (n >> 1))) & (SLOTS - 1);
    const stored = this.slots[h];
    if (stored !== undefined && stored.length === n) {
      let k = 0;
      while (k < n && stored.charCodeAt(k) === s.charCodeAt(start + k)) k++;
      if (k === n) return stored;
    }
    this.misses++;
    // Kept in the table: must not pin the chunk it was cut from.
    const name = detach(s.slice(start, end));
    this.slots[h] = name;
    return name;
  }

  /** The stored copy of a name that arrived in pieces. */
  whole(name: string): string {
    return this.get(name, 0, name.length);
  }
}
