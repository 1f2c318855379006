/**
 * How models are written to `*.expected.json` and compared: the JSON form of the values JSON
 * cannot hold, and a canonical form (sorted keys) for hashing and fast comparison.
 *
 *   Date      -> {"$date": "<ISO 8601>"}
 *   bigint    -> {"$bigint": "<digits>"}
 *   Infinity  -> {"$number": "Infinity"} (also -Infinity, NaN)
 *   Unchecked -> {"$unchecked": "<reason>", "raw": <raw value>}
 *   undefined -> left out of objects (null in arrays), as JSON.stringify does; -0 -> 0
 */
import { createHash } from 'node:crypto';
import { Unchecked } from './unchecked.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function convert(value: unknown): Json | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) return { $number: String(value) };
      return Object.is(value, -0) ? 0 : value;
    case 'bigint':
      return { $bigint: value.toString() };
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return null;
  if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString() };
  if (value instanceof Unchecked) return { $unchecked: value.reason, raw: convert(value.raw) ?? null };
  if (Array.isArray(value)) return value.map((v) => convert(v) ?? null);
  const out: { [key: string]: Json } = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const c = convert(v);
    if (c !== undefined) out[key] = c;
  }
  return out;
}

/** The JSON form of a model (Dates, bigints, infinities and Unchecked encoded as above). */
export function toJson(value: unknown): Json {
  return convert(value) ?? null;
}

/** Pretty-printed, as committed. */
export function toPrettyJson(value: unknown): string {
  return JSON.stringify(toJson(value), null, 2) + '\n';
}

function canonical(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
}

/** Keys sorted at every level, no whitespace. */
export function canonicalJson(value: unknown): string {
  return canonical(toJson(value));
}

/** The same for a value already in JSON form (no conversion pass). */
export function canonicalOfJson(value: Json): string {
  return canonical(value);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
