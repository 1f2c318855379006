import { DAV_NS, normaliseKey } from '../names.js';
import { decoderTable } from '../properties/registry.js';
import type { Decoder } from '../properties/registry.js';
import type { AnyParseOptions as ParseOptions } from '../types.js';
import type { ResolvedName } from './namespaces.js';

// DAV: element names the state machine dispatches on.
export const E_MULTISTATUS = 1;
export const E_RESPONSE = 2;
export const E_HREF = 3;
export const E_STATUS = 4;
export const E_PROPSTAT = 5;
export const E_PROP = 6;
export const E_ERROR = 7;
export const E_DESCRIPTION = 8;
export const E_LOCATION = 9;
export const E_SYNC_TOKEN = 10;
const DAV_CODES = new Map<string, number>([
  ['multistatus', E_MULTISTATUS],
  ['response', E_RESPONSE],
  ['href', E_HREF],
  ['status', E_STATUS],
  ['propstat', E_PROPSTAT],
  ['prop', E_PROP],
  ['error', E_ERROR],
  ['responsedescription', E_DESCRIPTION],
  ['location', E_LOCATION],
  ['sync-token', E_SYNC_TOKEN],
]);

/** What the parser derives once per (element name, namespace binding). */
export interface NameInfo {
  /** One of the E_ codes for a structural DAV: name, else 0. */
  code: number;
  /** Decoder of the property of that key, if any. */
  decoder: Decoder | undefined;
  /** False when `options.properties` leaves this property out. */
  keep: boolean;
}

/** A resolved element name with what the parser derived from it. */
export type Name = ResolvedName<NameInfo>;

/** The function that classifies a name (its dispatch code, decoder, filter membership) under the given options. */
export function classifier(options: ParseOptions): (uri: string, local: string, key: string) => NameInfo {
  const filter = options.properties ? new Set(options.properties.map(normaliseKey)) : undefined;
  const decoders = decoderTable(options.typed !== false, options.decoders, normaliseKey);
  return (uri, local, key) => ({
    code: uri === DAV_NS ? (DAV_CODES.get(local) ?? 0) : 0,
    decoder: decoders?.get(key),
    keep: filter === undefined || filter.has(key),
  });
}
