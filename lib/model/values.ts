/** Typed values of the structured well-known properties (the model's floor: imports nothing of the parser). */
import type { XmlElement } from './xml.js';

/** One `activelock` of `lockdiscovery` (RFC 4918 §14.1). */
export interface ActiveLock {
  /** `exclusive`, `shared`, or the key of another scope. */
  scope: string;
  /** `write`, or the key of another lock type. */
  type: string;
  /** `0`, `1` or `infinity`, as sent. */
  depth: string;
  /** The lock owner: text, or the `owner` element when it has element content. */
  owner?: string | XmlElement;
  /** Seconds left; `Infinity` for `Infinite`. */
  timeout?: number;
  /** The lock token URI (`urn:uuid:…`, `opaquelocktoken:…`). */
  token?: string;
  /** The lock root href (absent in RFC 2518 data). */
  root?: string;
}

/** One `lockentry` of `supportedlock`. */
export interface LockEntry {
  scope: string;
  type: string;
}

/** Who an ACE applies to (RFC 3744 §5.5.1). */
export interface AcePrincipal {
  kind: 'href' | 'all' | 'authenticated' | 'unauthenticated' | 'self' | 'property' | 'other';
  /** The href (kind `href`), the property key (kind `property`) or the element key (kind `other`). */
  value?: string;
}

/** One access control entry of `acl`. */
export interface Ace {
  principal: AcePrincipal;
  /** `true` for `<invert>`: the ACE applies to everyone but the principal. */
  invert: boolean;
  /** Granted privilege keys. */
  grant: string[];
  /** Denied privilege keys. */
  deny: string[];
  protected: boolean;
  /** Href of the resource the ACE is inherited from. */
  inherited?: string;
}

/** A node of `supported-privilege-set`. */
export interface SupportedPrivilege {
  privilege: string;
  abstract: boolean;
  description?: string;
  children: SupportedPrivilege[];
}

/** A `{content-type, version}` pair of `supported-calendar-data` / `supported-address-data`. */
export interface DataType {
  contentType?: string;
  version?: string;
}

/** A `parent` of `parent-set` (RFC 5842). */
export interface ParentBinding {
  href: string;
  segment: string;
}

/** A JSON value (Nextcloud's and OCM's JSON-in-XML properties). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
