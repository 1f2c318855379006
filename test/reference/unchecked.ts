/**
 * A typed value the reference rules do not pin down. The typed comparison accepts any parser value
 * in its place; the raw comparison (typed: false) still checks the raw value it holds. Serialised
 * as `{"$unchecked": reason, "raw": raw}`. The complete list of cases (test/reference/dom-typed.ts):
 *
 *  - a date (getlastmodified, creationdate, Win32 times) with no time zone that Date.parse reads
 *    in local time: the walker cannot say which instant is meant without a rule of its own;
 *  - an `activelock` without lockscope, locktype or depth, or a timeout other than `Second-N` /
 *    `Infinite` (RFC 4918 §10.7 spelling), and a `lockentry` without scope or type: the parser
 *    tolerates more spellings (case, missing depth) than the walker's rules state.
 *
 * No committed expected file holds an `$unchecked` value at present (none of the bodies has such
 * a case); fixtures.test.ts would still accept one only at its own position.
 */
export class Unchecked {
  constructor(
    readonly raw: unknown,
    readonly reason: string,
  ) {}
}
