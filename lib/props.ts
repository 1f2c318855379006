/**
 * How the options decide the type of `props`: the built-in types ({@link BuiltinProps}), custom
 * `decoders`, `typed: false` and the `properties` filter. Shared by every face that takes
 * {@link ParseOptions} (and by anything built on them): `PropsOf<typeof options>`.
 */
import type { BuiltinProps } from './model/builtin.js';
import type { PropertyDecoder } from './model/options.js';
import type { Props, UntypedValue } from './model/props.js';
import type { DavResponse } from './model/response.js';

export type { Props, PropstatProps, UntypedProps, UntypedValue } from './model/props.js';

/** What a property key given by the user means: `{DAV:}getetag` is `getetag`. */
export type NormaliseKey<K extends string> = K extends `{DAV:}${infer Local}` ? Local : K;

/** No keys (and the options of a call without options). */
export type Empty = Record<never, never>;

type Returned<F> = F extends (...args: never[]) => infer R ? R : never;
type DecodersOf<O> = 'decoders' extends keyof O ? Exclude<O['decoders' & keyof O], undefined> : never;
type PropertiesOf<O> = 'properties' extends keyof O ? Exclude<O['properties' & keyof O], undefined> : never;

/** Keys with custom decoders (known only when `decoders` is an object literal); optional, like every key. */
type CustomProps<D> = [D] extends [never] ? Empty : string extends keyof D ? Empty : { [K in keyof D & string as NormaliseKey<K>]?: Returned<D[K]> };

/** What a decoder of a key nobody can see (a `decoders` typed as a record) may give. */
type HiddenDecoded<D> = [D] extends [never] ? never : string extends keyof D ? Returned<D[string]> : never;

/** The `typed` option: `true` (also when absent), `false`, or `boolean` when chosen at run time. */
type TypedFlag<O> = 'typed' extends keyof O ? (Exclude<O['typed' & keyof O], undefined> extends infer T ? ([T] extends [never] ? true : T) : never) : true;

/** `typed: false` -> nothing typed; `typed: boolean` -> each built-in type or as sent. Every key optional. */
type BuiltinsFor<O> = [TypedFlag<O>] extends [true]
  ? Partial<BuiltinProps>
  : [TypedFlag<O>] extends [false]
    ? Empty
    : { [K in keyof BuiltinProps]?: BuiltinProps[K] | UntypedValue };

type Known<O> =
  keyof CustomProps<DecodersOf<O>> extends never
    ? BuiltinsFor<O>
    : Omit<BuiltinsFor<O>, keyof CustomProps<DecodersOf<O>>> & CustomProps<DecodersOf<O>>;

type Other<O> = UntypedValue | HiddenDecoded<DecodersOf<O>>;

/** The keys of a literal list (`never` for a list whose keys the types cannot see, or no list). */
type Listed<P> = P extends readonly string[] ? (string extends P[number] ? never : NormaliseKey<P[number]>) : never;

type IsDefault<O> = [TypedFlag<O>] extends [true] ? ([DecodersOf<O>] extends [never] ? true : false) : false;

/** The map options `O` give when only `Keys` can be there (`never`: any key). */
type PropsFor<O, Keys extends string> = [Keys] extends [never]
  ? IsDefault<O> extends true
    ? Props
    : Known<O> & { [key: string]: Other<O> }
  : { [K in Keys]?: K extends keyof Known<O> ? Known<O>[K] : Other<O> };

/**
 * The type of `props` that options `O` give: the default {@link Props}; custom `decoders`' return
 * types on their keys; every value `string | XmlElement` with `typed: false`; only the listed
 * keys with a literal `properties` list. Every key is optional: a server may leave any out.
 * Options chosen at run time (a union) give the union of what each choice gives.
 * Options passed inline, declared with `satisfies ParseOptions` or declared `: ParseOptions` all
 * give exact value types (the annotation only hides a `properties` list, so no narrowing).
 *
 * @example
 * const options = { properties: ['getetag', 'getcontentlength'] } as const satisfies ParseOptions;
 * type P = PropsOf<typeof options>; // { getetag?: string; getcontentlength?: number }
 */
export type PropsOf<O> = O extends unknown ? PropsFor<O, Listed<PropertiesOf<O>>> : never;

type PropsListOf<O> = 'props' extends keyof O ? Exclude<O['props' & keyof O], undefined> : never;

/**
 * The type of `props` a client function gives for options `O`: like {@link PropsOf}, and when
 * there is no literal `properties` list, narrowed to a literal `props` list (what the request
 * asks the server for). `Added`: keys the function asks for itself (`resourcetype` for `walk`);
 * `Default`: the keys it asks for when `props` is not given (`getetag` for `syncCollection`).
 *
 * @example
 * type P = RequestedPropsOf<{ props: ['getetag'] }, 'resourcetype'>; // { getetag?: string; resourcetype?: string[] }
 */
export type RequestedPropsOf<O, Added extends string = never, Default extends string = never> = O extends unknown
  ? RequestedFor<O, Added, Default>
  : never;

type RequestedFor<O, Added extends string, Default extends string> = PropsFor<
  O,
  [Listed<PropertiesOf<O>>] extends [never]
    ? [Listed<PropsListOf<O>>] extends [never]
      ? [PropsListOf<O>] extends [never]
        ? [Default] extends [never]
          ? never
          : Default | Added
        : never
      : Listed<PropsListOf<O>> | Added
    : Listed<PropertiesOf<O>> | Added
>;

/** The response type options `O` give: `DavResponse<PropsOf<O>>`. */
export type ResponseOf<O> = DavResponse<PropsOf<O>>;

/**
 * The options parameter of a face as the types see it: `O` itself (so that options chosen at run
 * time, `deep ? { props: ['getetag'] } : {}`, are accepted), with each custom decoder's
 * parameter typed (so `(v) => Number(v)` needs no annotation) and `onResponse` (push parser)
 * getting the responses `O` gives. A wrapper taking parse options declares
 * `<const O extends ParseOptions = {}>(options?: OptionsFor<O>)` and returns `ResponseOf<O>`s.
 *
 * @example
 * declare function list<const O extends ParseOptions = {}>(url: string, options?: OptionsFor<O>): AsyncIterable<ResponseOf<O>>;
 */
export type OptionsFor<O> = O & {
  [K in keyof O]: K extends 'decoders'
    ? { [D in keyof O[K]]: PropertyDecoder<ReturnType<O[K][D] & PropertyDecoder>> }
    : K extends 'onResponse'
      ? (response: ResponseOf<O>) => void
      : O[K];
};
