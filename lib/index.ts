/**
 * multistatus: a streaming parser for WebDAV `207 Multi-Status` bodies.
 * @packageDocumentation
 */
export { parseMultistatus } from './iterate.js';
export type { MultistatusIterator } from './iterate.js';
export { MultistatusStream } from './stream.js';
export { MultistatusParser } from './parser/parser.js';
export type { MultistatusParserOptions } from './parser/parser.js';
export { MultistatusError } from './errors.js';
export type { ErrorPosition, HttpDetails, MultistatusErrorCode } from './errors.js';
export { propfind, report } from './client/propfind.js';
export { walk } from './client/walk.js';
export type { WalkIterator } from './client/walk.js';
export { syncCollection } from './client/sync.js';
export type { SyncIterator } from './client/sync.js';
export { propfindBody } from './client/propfind-body.js';
export type {
  Depth, HeadersInput, PropfindOptions, PropRequest, ReportOptions, RequestOptions, SyncOptions, SyncSummary, WalkFailure, WalkOptions, WalkSummary,
} from './client/options.js';
export { readOutcomes } from './client/outcome.js';
export { PartialFailureError, requireSuccess } from './client/partial-failure.js';
export { proppatch, deleteResource, copy, move, lock, unlock } from './client/write.js';
export type { LockOptions, TransferOptions, WriteOptions } from './client/write-options.js';
export type { LockInfo, PropertyUpdate, PropValue } from './client/write-body.js';
export type {
  LockGrant, Outcome, OutcomeEntry, OutcomeIterator, OutcomeOptions, OutcomeSummary, PropertyOutcome, PropstatEntry, StatusEntry,
} from './client/outcome-types.js';
export { DEFAULT_LIMITS } from './limits.js';
export { keyOf, normaliseKey, DAV_NS, CALDAV_NS, CARDDAV_NS } from './names.js';
export { parseStatus } from './status.js';
export { BUILTIN_DECODERS } from './properties/registry.js';
export type { Decoder } from './properties/registry.js';
export type { Source } from './source.js';
export type {
  DavResponse, DavStatus, Diagnostic, Limits, MultistatusSummary, ParseOptions, PropKey, Propstat,
  PropertyDecoder, XmlElement,
} from './types.js';
export type { Empty, NormaliseKey, OptionsFor, Props, PropsOf, PropstatProps, ResponseOf, UntypedProps, UntypedValue } from './props.js';
export type { BuiltinProps, JsonValue } from './properties/builtin.js';
export type { Ace, AcePrincipal, ActiveLock, DataType, LockEntry, ParentBinding, SupportedPrivilege } from './properties/types.js';
