/**
 * The data model and the parse options, as re-exported from their floor (lib/model/). Kept so
 * that existing imports of `./types.js` keep working; new code imports from lib/model/.
 */
export type { PropKey, XmlElement } from './model/xml.js';
export type { DavResponse, DavStatus, Diagnostic, MultistatusSummary, Propstat } from './model/response.js';
export type { AnyParseOptions, Limits, ParseOptions, PropertyDecoder, Untyped, UntypedParseOptions } from './model/options.js';
