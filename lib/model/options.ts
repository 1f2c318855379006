/** The options every face of the parser takes (the model's floor: imports nothing of the parser). */
import type { XmlElement, PropKey } from './xml.js';

/**
 * A decoder for a custom property: gets the untyped value, returns the typed one, throws (or
 * returns `undefined`) if it cannot; then the value is kept in `Propstat.raw` with `BAD_VALUE`.
 * Its return type becomes the key's type in `props`.
 *
 * @example
 * const decoders = { '{http://example.com/ns}count': (v: string | XmlElement) => Number(v) };
 */
export type PropertyDecoder<T = unknown> = (value: string | XmlElement) => T;

/**
 * Resource limits. Each is checked while parsing; past one the parse stops with `LIMIT_EXCEEDED`.
 *
 * @example
 * parseMultistatus(res, { limits: { maxDepth: 1024, maxTextLength: 256 * 1024 * 1024 } });
 */
export interface Limits {
  /** Element nesting depth. Default 256. */
  maxDepth: number;
  /** Characters in one text value (one href, one property value's text). Default 64 Mi. */
  maxTextLength: number;
  /** Characters of XML in one response. Default 64 Mi. */
  maxResponseSize: number;
  /** Attributes on one element. Default 1,024. */
  maxAttributes: number;
  /** Properties in one response, over all its propstats. Default 100,000. */
  maxProperties: number;
  /** Namespace declarations on one element. Default 256. */
  maxNamespaceDeclarations: number;
  /** Diagnostics kept in the summary (the rest are only counted). Default 1,000. */
  maxDiagnostics: number;
}

/**
 * Options of every face (iterator, stream, low-level parser). The type of `props` follows them
 * (see {@link PropsOf}): passed inline, declared with `satisfies ParseOptions` (a literal
 * `properties` list narrows `props`), or declared `: ParseOptions` (the default, typed `props`).
 *
 * @example
 * const options = { baseUrl: 'https://dav.example/', properties: ['getetag'] } satisfies ParseOptions;
 */
export interface ParseOptions {
  /**
   * Resolve each href against this URL and add `url` to the response.
   * @example
   * parseMultistatus(body, { baseUrl: 'https://dav.example/files/' });
   */
  baseUrl?: string | URL;
  /**
   * Keep only these properties (keys as in {@link PropKey}); the others are skipped without
   * building values. The fast path for "I only need size and mtime". A literal list narrows the
   * type of `props` to these keys.
   * @example
   * parseMultistatus(body, { properties: ['getcontentlength', 'getlastmodified'] });
   */
  properties?: readonly PropKey[];
  /**
   * Typed decoders for custom properties, keyed like property keys. They override built-in ones,
   * and their return types become the types of their keys.
   * @example
   * parseMultistatus(body, { decoders: { '{http://example.com/ns}count': (v) => Number(v) } });
   */
  decoders?: Record<PropKey, PropertyDecoder>;
  /**
   * `true` (the default): known properties have their typed values. For `typed: false` (every
   * value the string or `XmlElement` as sent, and typed so) the options are
   * {@link UntypedParseOptions}: an options object declared `: ParseOptions` is typed, so the
   * types of `props` stay exact.
   * @example
   * parseMultistatus(body, { typed: false }); // r.props.getcontentlength: string | XmlElement | undefined
   */
  typed?: true;
  /**
   * Resource limits; the defaults are in {@link DEFAULT_LIMITS}.
   * @example
   * parseMultistatus(body, { limits: { maxDepth: 64 } });
   */
  limits?: Partial<Limits>;
  /**
   * Character encoding from the `Content-Type` charset; a BOM still wins over it.
   * @example
   * parseMultistatus(bytes, { encoding: 'iso-8859-1' });
   */
  encoding?: string;
  /**
   * Stops the parse with `ABORTED` and cancels the source.
   * @example
   * parseMultistatus(body, { signal: AbortSignal.timeout(10_000) });
   */
  signal?: AbortSignal;
  /**
   * `true`: every tolerated quirk is an error (`STRICT`). Default `false`.
   * @example
   * parseMultistatus(body, { strict: true });
   */
  strict?: boolean;
}

/** Options `O` with `typed: false`: every value as sent (see {@link ParseOptions.typed}). */
export type Untyped<O extends { typed?: true }> = Omit<O, 'typed'> & {
  /** No typed decoding: every value is the string or `XmlElement` as sent. */
  typed: false;
};

/** {@link ParseOptions} with `typed: false`. */
export type UntypedParseOptions = Untyped<ParseOptions>;

/** The options a face accepts at run time (typed or not); what the implementation reads. */
export type AnyParseOptions = ParseOptions | UntypedParseOptions;
