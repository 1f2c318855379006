/**
 * How models are written to `*.expected.json` and compared: a JSON replacer for the values JSON
 * cannot hold, and a canonical form (sorted keys) for hashing.
 *
 *   Date      -> {"$date": "<ISO 8601>"}
 *   bigint    -> {"$bigint": "<digits>"}
 *   Infinity  -> {"$number": "Infinity"} (also -Infinity, NaN)
 *   Unchecked -> {"$unchecked": "<reason>", "raw": <raw value>}
 *   undefined -> left out, as JSON.stringify does
 */
import { createHash } from 'node:crypto';
import { Unchecked } from './unchecked.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function replacer(this: unknown, key: string, value: unknown): unknown {
  // Date.prototype.toJSON has already run on `value`; look at the holder for the original.
  const original = (this as Record<string, unknown>)[key];
  if (original instanceof Date) return { $date: Number.isNaN(original.getTime()) ? 'Invalid Date' : original.toISOString() };
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
  if (value instanceof Unchecked) return { $unchecked: value.reason, raw: value.raw };
  return value;
}

/** The JSON form of a model (Dates, bigints, infinities and Unchecked encoded as above). */
export function toJson(value: unknown): Json {
  const text = JSON.stringify(value, replacer);
  return text === undefined ? null : (JSON.parse(text) as Json);
}

/** Pretty-printed, as committed. */
export function toPrettyJson(value: unknown): string {
  return JSON.stringify(value, replacer, 2) + '\n';
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
    return out;
  }
  return value;
}

/** Keys sorted at every level, no whitespace. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(toJson(value)));
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
