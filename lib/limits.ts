import type { Limits } from './types.js';

/**
 * The default resource limits; every one can be raised or lowered through `options.limits`.
 *
 * @example
 * parseMultistatus(res, { limits: { maxDepth: DEFAULT_LIMITS.maxDepth * 4 } });
 */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxDepth: 256,
  maxTextLength: 64 * 1024 * 1024,
  maxResponseSize: 64 * 1024 * 1024,
  maxAttributes: 1024,
  maxProperties: 100_000,
  maxNamespaceDeclarations: 256,
  maxDiagnostics: 1000,
});

/** Merges user limits over the defaults; rejects values that are not positive integers. */
export function resolveLimits(user: Partial<Limits> | undefined): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  if (!user) return limits;
  for (const key of Object.keys(user) as (keyof Limits)[]) {
    const value = user[key];
    if (value === undefined) continue;
    if (!(key in DEFAULT_LIMITS)) throw new TypeError(`unknown limit: ${String(key)}`);
    if (typeof value !== 'number' || !(value >= 0) || (Math.floor(value) !== value && value !== Infinity)) {
      throw new TypeError(`limits.${key} must be a non-negative integer or Infinity, got ${String(value)}`);
    }
    limits[key] = value;
  }
  return limits;
}
