/**
 * Text from a server made safe for a terminal: control characters (C0, DEL, C1) and the bidi
 * controls that can reorder what a line appears to say are shown as escapes (`\x1b`, `\u202e`),
 * so a file name cannot move the cursor, change colours or disguise itself.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_KEEP_LINES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line: every control character escaped, newlines and tabs included. */
export function safeLine(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** Several lines: newlines and tabs kept, every other control character escaped. */
export function safeLines(text: string): string {
  return text.replace(UNSAFE_KEEP_LINES, escape);
}
