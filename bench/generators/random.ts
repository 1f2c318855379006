/** A small seeded PRNG (mulberry32): the same seed gives the same body on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One element of `items`. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** `n` (at most 4,096) lowercase hex digits: a slice of a fixed random pool, at a random offset. */
  hex(n: number): string {
    const at = Math.floor(this.next() * (HEX_POOL.length - n));
    return HEX_POOL.slice(at, at + n);
  }
}

const HEX_POOL = ((): string => {
  const random = new Random(0x5eed);
  let s = '';
  while (s.length < 65536) s += ((random.next() * 0x100000000) >>> 0).toString(16).padStart(8, '0');
  return s;
})();
