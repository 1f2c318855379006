/**
 * A typed value the reference rules do not pin down (an href property without exactly one href, a
 * lock with an unusual timeout, a date without a time zone). The typed comparison accepts any
 * parser value in its place; the raw comparison (typed: false) still checks the raw value it holds.
 * Serialised as `{"$unchecked": raw}`.
 */
export class Unchecked {
  constructor(
    readonly raw: unknown,
    readonly reason: string,
  ) {}
}
