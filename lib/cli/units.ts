/** Human renderings of sizes, rates, durations and counts, for the table, progress and summary. */

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** `0 B`, `512 B`, `1.5 KiB`, `12.3 MiB`, `1.0 GiB` (binary units; one decimal from KiB up). */
export function humanBytes(n: number | bigint): string {
  let value = typeof n === 'bigint' ? Number(n) : n;
  if (!Number.isFinite(value) || value < 0) return String(n);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${value} B`;
  // 1023.96 KiB would print as "1024.0 KiB": move to the next unit instead.
  if (value >= 1023.95 && unit < BYTE_UNITS.length - 1) return `1.0 ${BYTE_UNITS[unit + 1]}`;
  return `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** Bytes per second as `12.3 MiB/s`. */
export function humanRate(bytes: number, seconds: number): string {
  return `${humanBytes(seconds > 0 ? Math.round(bytes / seconds) : 0)}/s`;
}

/** Elapsed time as `0:07`, `12:34`, `1:02:03`. */
export function humanDuration(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** `1234567` as `1,234,567`. */
export function humanCount(n: number): string {
  return Math.trunc(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Parses a size such as `300MB`, `1.5 GiB`, `4096`, `2G` into bytes. Decimal prefixes (kB, MB, GB)
 * are powers of 1000, binary ones (KiB, MiB, GiB) and bare letters (K, M, G) powers of 1024.
 * Returns `undefined` for anything else.
 */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:([kmgt])(i?)(b?)|(b))?\s*$/i.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]);
  if (!m[2]) return Math.round(value);
  const power = 'kmgt'.indexOf(m[2].toLowerCase()) + 1;
  const decimal = m[3] === '' && m[4] !== '';
  return Math.round(value * (decimal ? 1000 : 1024) ** power);
}
