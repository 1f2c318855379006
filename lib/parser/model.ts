/**
 * The model as the parser builds it: property maps of any values. The options decide what the
 * maps hold; the public faces give them their precise types (see lib/props.ts).
 */
import type { DavResponse as TypedResponse, Propstat as TypedPropstat } from '../types.js';

export type Props = Record<string, unknown>;
export type DavResponse = TypedResponse<Props>;
export type Propstat = TypedPropstat<Props>;
