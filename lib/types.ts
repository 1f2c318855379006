/**
 * The data model of a parsed `207 Multi-Status` body. Every type here is JSON-friendly apart from
 * `Date` (printed as an ISO string by the CLI).
 */
import type { Props, PropstatProps, UntypedValue } from './props.js';

/**
 * A property key: a `DAV:` property is keyed by its local name (`getetag`), any other by Clark
 * notation (`{http://owncloud.org/ns}fileid`), a property in no namespace as `{}name`.
 * The same rule names `resourcetype` members, `error` conditions, privileges and `XmlElement` names.
 */
export type PropKey = string;


/** A status line such as `HTTP/1.1 404 Not Found`. */
export interface DavStatus {
  /** The three-digit code, or `null` when the line carries none (`HTTP/1.1 OK`) or is missing. */
  code: number | null;
  /** The reason phrase as sent (never relied upon), `""` when there is none. */
  text: string;
  /** The whole line, trimmed. `""` when the element was missing. */
  line: string;
}

/** An element kept verbatim: unknown property values with element content, `error` conditions. */
export interface XmlElement {
  /** The element's key (see {@link PropKey}). */
  name: string;
  /** Attributes by key (prefixed attributes in Clark notation); namespace declarations are not kept. */
  attributes: Record<string, string>;
  /** Child elements and text, in document order. Indentation between child elements is dropped. */
  children: (XmlElement | string)[];
}

/**
 * One `propstat`: a status and the properties it applies to.
 *
 * @example
 * for (const ps of r.propstats) if (ps.status.code === 404) console.log(Object.keys(ps.props)); // the missing ones
 */
export interface Propstat<P extends object = Props> {
  status: DavStatus;
  /** Properties in document order; `null` for a property only named in a non-2xx propstat. */
  props: PropstatProps<P>;
  /**
   * Values of known properties as sent (what `typed: false` gives) where the typed slot in
   * `props` cannot hold them: text that does not parse (with a `BAD_VALUE` diagnostic; the key is
   * then absent from `props`), a form that is not the typed one (an expand-property answer, an
   * empty `(href?)`, an empty value in a propname answer; absent from `props`), and integers past
   * 2^53 (`props` holds the nearest number; the exact digits are here, with `IMPRECISE_NUMBER`).
   */
  raw?: Record<PropKey, UntypedValue>;
  /** Conditions from `propstat/error`. */
  error?: XmlElement[];
  responseDescription?: string;
  /** `xml:lang` in scope for a property value, by key, where one is in scope. */
  lang?: Record<PropKey, string>;
}

/**
 * One `response` element, yielded as soon as its end tag has been read. `P` is the type of its
 * property map (see {@link PropsOf}).
 *
 * @example
 * const r: DavResponse = first;
 * if (r.props.resourcetype.includes('collection')) console.log(r.path, 'is a folder');
 */
export interface DavResponse<P extends object = Props> {
  /** First `<href>`, trimmed, XML-decoded, still percent-encoded as sent. */
  href: string;
  /** Every `<href>` of the response; more than one only in the status form. */
  hrefs: string[];
  /** Percent-decoded path of `href` (bad escapes kept verbatim). */
  path: string;
  /** Absolute URL of `href`, when `baseUrl` is given or `href` is absolute. */
  url?: string;
  /** The status form: one status for all hrefs. */
  status?: DavStatus;
  /** The propstat form, in document order (`[]` in the status form). */
  propstats: Propstat<P>[];
  /** Merged view of the properties of every 2xx propstat (never `null`; see `Propstat.raw` for values that did not parse). */
  props: P;
  /** Conditions from `response/error` (and from an `error` inside `responsedescription`). */
  error?: XmlElement[];
  responseDescription?: string;
  /** `<location><href>`: where a 3xx status points. */
  location?: string;
  /** Unknown children of `response` (e.g. `score`, `query-schema`), kept verbatim. */
  extensions?: XmlElement[];
}

/** A tolerated deviation from the RFCs, with where it was seen. */
export interface Diagnostic {
  /** Stable identifier, e.g. `UNBOUND_PREFIX`, `BAD_VALUE`, `DUPLICATE_PROPERTY`. */
  code: string;
  message: string;
  /** 1-based line of the document where the quirk was noticed. */
  line: number;
  /** 1-based column. */
  column: number;
  /** 0-based byte offset into the body, when it comes from the XML. */
  offset?: number;
  /** The `href` of the response it belongs to, when known. */
  href?: string;
}

/** What the body said besides its responses; available once the body has been read to its end. */
export interface MultistatusSummary {
  /** Number of top-level responses delivered. */
  responses: number;
  /** Bytes read from the source (after any transfer decoding, before character decoding). */
  bytes: number;
  /** `multistatus/sync-token` (RFC 6578). */
  syncToken?: string;
  /** `multistatus/responsedescription`. */
  responseDescription?: string;
  /** `true` when a response for the request URI carried 507 (RFC 5323/6578/6352 result truncation). */
  truncated: boolean;
  /** Tolerated quirks (the first `limits.maxDiagnostics`). */
  diagnostics: Diagnostic[];
  /** How many diagnostics there were in all (may exceed `diagnostics.length`). */
  diagnosticCount: number;
  /** Unknown children of `multistatus` (e.g. SharePoint's `Repl:repl`), kept verbatim. */
  extensions?: XmlElement[];
  /** The character encoding the bytes were decoded with (absent when the input was text). */
  encoding?: string;
}

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
 * (see {@link PropsOf}) when they are passed inline or declared with `satisfies ParseOptions`.
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
   * `false`: no typed decoding at all; every value is the string or `XmlElement` as sent (and
   * typed so). Default `true`.
   * @example
   * parseMultistatus(body, { typed: false }); // r.props.getcontentlength: string | XmlElement
   */
  typed?: boolean;
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
