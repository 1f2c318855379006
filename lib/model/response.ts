/**
 * The data model of a parsed `207 Multi-Status` body. Every type here is JSON-friendly apart from
 * `Date` (printed as an ISO string by the CLI). The model's floor: it imports nothing of the parser
 * or the decoders.
 */
import type { Props, PropstatProps, UntypedValue } from './props.js';
import type { PropKey, XmlElement } from './xml.js';

/** A status line such as `HTTP/1.1 404 Not Found`. */
export interface DavStatus {
  /** The three-digit code, or `null` when the line carries none (`HTTP/1.1 OK`) or is missing. */
  code: number | null;
  /** The reason phrase as sent (never relied upon), `""` when there is none. */
  text: string;
  /** The whole line, trimmed. `""` when the element was missing. */
  line: string;
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
 * if (r.props.resourcetype?.includes('collection')) console.log(r.path, 'is a folder');
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

