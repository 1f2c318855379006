/** Compile-time assertions: `expectType<Equal<A, B>>(true)` fails to compile unless A and B are the same type. */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when given `true` for a `true` type. */
export function expectTrue<T extends true>(_ok: T): void {}

/** The type of a value, checked exactly against `Want` (`expectExact<number>()(x)`). */
export function expectExact<Want>() {
  return <Got>(_value: Got, ..._exact: Equal<Got, Want> extends true ? [] : [never]): void => undefined;
}
