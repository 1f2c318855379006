/** Names and verbatim elements: the bottom of the data model (imports nothing). */

/**
 * A property key: a `DAV:` property is keyed by its local name (`getetag`), any other by Clark
 * notation (`{http://owncloud.org/ns}fileid`), a property in no namespace as `{}name`.
 * The same rule names `resourcetype` members, `error` conditions, privileges and `XmlElement` names.
 */
export type PropKey = string;

/** An element kept verbatim: unknown property values with element content, `error` conditions. */
export interface XmlElement {
  /** The element's key (see {@link PropKey}). */
  name: string;
  /** Attributes by key (prefixed attributes in Clark notation); namespace declarations are not kept. */
  attributes: Record<string, string>;
  /** Child elements and text, in document order. Indentation between child elements is dropped. */
  children: (XmlElement | string)[];
}

