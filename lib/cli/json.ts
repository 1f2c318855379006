/**
 * JSON for the CLI's output: Dates as ISO strings (their own toJSON), bigints as decimal strings,
 * Infinity (a lock that never times out) as the string "Infinity".
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, replacer);
}

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value === Infinity) return 'Infinity';
  return value;
}
