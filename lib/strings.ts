/**
 * A copy of `s` that does not keep the string it was cut from alive. V8 represents substrings of
 * 13 characters or more as slices of their parent, and saxes cuts names and text out of the whole
 * decoded chunk: a response that kept such a slice would pin that chunk (64 KiB or more) for as
 * long as the caller keeps the response. Concatenating makes a rope; slicing the rope flattens it
 * into a fresh string.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}
