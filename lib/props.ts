/**
 * How the options decide the type of `props`: the built-in types ({@link BuiltinProps}), custom
 * `decoders`, `typed: false` and the `properties` filter. Shared by every face that takes
 * {@link ParseOptions} (and by anything built on them): `PropsOf<typeof options>`.
 */
import type { BuiltinProps } from './properties/builtin.js';
import type { DavResponse, PropertyDecoder, XmlElement } from './types.js';

/**
 * The value of a property that no decoder types (or of any property with `typed: false`): its
 * text exactly as sent when it has only text, else its element.
 */
export type UntypedValue = string | XmlElement;

/** Properties no decoder types: any key, `string | XmlElement`. */
export interface UntypedProps {
  [key: string]: UntypedValue;
}

/**
 * The default property map of a response: every built-in key with its type, any other key as
 * sent. A key the server did not send is absent at run time (read it with `?.`, `??` or `in`
 * when a server may leave it out), as with any map type.
 *
 * @example
 * const size: number = r.props.getcontentlength;
 * const color = r.props['{http://apple.com/ns/ical/}calendar-color']; // string
 * const other = r.props['{http://example.com/ns}x']; // string | XmlElement
 */
export type Props = BuiltinProps & UntypedProps;

/**
 * The property map of one `propstat`: like the response's, plus `null` for a property only named
 * in a non-2xx propstat.
 */
export type PropstatProps<P extends object = Props> = { [K in keyof P]: P[K] | null };

/** What a property key given by the user means: `{DAV:}getetag` is `getetag`. */
export type NormaliseKey<K extends string> = K extends `{DAV:}${infer Local}` ? Local : K;

/** No keys (and the options of a call without options). */
export type Empty = Record<never, never>;

type Returned<F> = F extends (...args: never[]) => infer R ? R : never;
type DecodersOf<O> = 'decoders' extends keyof O ? Exclude<O['decoders' & keyof O], undefined> : never;
type PropertiesOf<O> = 'properties' extends keyof O ? Exclude<O['properties' & keyof O], undefined> : never;

/** Keys with custom decoders (known only when `decoders` is an object literal). */
type CustomProps<D> = [D] extends [never] ? Empty : string extends keyof D ? Empty : { [K in keyof D & string as NormaliseKey<K>]: Returned<D[K]> };

/** What a decoder of a key nobody can see (a `decoders` typed as a record) may give. */
type HiddenDecoded<D> = [D] extends [never] ? never : string extends keyof D ? Returned<D[string]> : never;

/** The `typed` option: `true` (also when absent), `false`, or `boolean` when the type cannot tell. */
type TypedFlag<O> = 'typed' extends keyof O ? (Exclude<O['typed' & keyof O], undefined> extends infer T ? ([T] extends [never] ? true : T) : never) : true;

/** `typed: false` -> nothing typed; `typed: boolean` -> each built-in type or as sent. */
type BuiltinsFor<O> = [TypedFlag<O>] extends [true]
  ? BuiltinProps
  : [TypedFlag<O>] extends [false]
    ? Empty
    : { [K in keyof BuiltinProps]: BuiltinProps[K] | UntypedValue };

type Known<O> =
  keyof CustomProps<DecodersOf<O>> extends never
    ? BuiltinsFor<O>
    : Omit<BuiltinsFor<O>, keyof CustomProps<DecodersOf<O>>> & CustomProps<DecodersOf<O>>;

type Other<O> = UntypedValue | HiddenDecoded<DecodersOf<O>>;

type Listed<P> = P extends readonly string[] ? (string extends P[number] ? never : NormaliseKey<P[number]>) : never;

/**
 * The type of `props` that options `O` give: the default {@link Props}; custom `decoders`' return
 * types on their keys; every value `string | XmlElement` with `typed: false`; only the listed
 * keys with a literal `properties` list. Pass the options inline or declare them with
 * `satisfies ParseOptions` (a `: ParseOptions` annotation widens them, and the types with them).
 *
 * @example
 * const options = { properties: ['getetag', 'getcontentlength'] } as const satisfies ParseOptions;
 * type P = PropsOf<typeof options>; // { getetag: string; getcontentlength: number }
 */
export type PropsOf<O> = [Listed<PropertiesOf<O>>] extends [never]
  ? IsDefault<O> extends true
    ? Props
    : Known<O> & { [key: string]: Other<O> }
  : { [K in Listed<PropertiesOf<O>>]: K extends keyof Known<O> ? Known<O>[K] : Other<O> };

type IsDefault<O> = [TypedFlag<O>] extends [true] ? ([DecodersOf<O>] extends [never] ? true : false) : false;

/** The response type options `O` give: `DavResponse<PropsOf<O>>`. */
export type ResponseOf<O> = DavResponse<PropsOf<O>>;

/**
 * The options parameter of a face as the types see it: `O` itself, with each custom decoder's
 * parameter typed (so `(v) => Number(v)` needs no annotation) and `onResponse` (push parser)
 * getting the responses `O` gives. A wrapper taking parse options declares
 * `<const O extends ParseOptions = {}>(options?: OptionsFor<O>)` and returns `ResponseOf<O>`s.
 *
 * @example
 * declare function list<const O extends ParseOptions = {}>(url: string, options?: OptionsFor<O>): AsyncIterable<ResponseOf<O>>;
 */
export type OptionsFor<O> = {
  [K in keyof O]: K extends 'decoders'
    ? { [D in keyof O[K]]: PropertyDecoder<ReturnType<O[K][D] & PropertyDecoder>> }
    : K extends 'onResponse'
      ? (response: ResponseOf<O>) => void
      : O[K];
};
