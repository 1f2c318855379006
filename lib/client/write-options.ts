/** Options of the write helpers (write.ts). */
import type { RequestOptions } from './options.js';
import type { OutcomeOptions } from './outcome-types.js';
import type { LockInfo } from './write-body.js';

/** Options of every write helper: how the request is sent, how the answer is read. */
export interface WriteOptions extends RequestOptions, OutcomeOptions {}

/** Options of {@link copy} and {@link move}. */
export interface TransferOptions extends WriteOptions {
  /** `Overwrite: T` (default on the server) or `F`: with `false` an existing destination is a 412. */
  overwrite?: boolean;
  /** COPY of a collection: `0` (the collection alone) or `'infinity'` (default on the server). MOVE takes only infinity. */
  depth?: 0 | 'infinity';
}

/** Options of {@link lock}. */
export interface LockOptions extends WriteOptions, LockInfo {
  /** `0` (the resource alone) or `'infinity'` (default: a collection with every member). */
  depth?: 0 | 'infinity';
  /** Seconds asked for (`Timeout: Second-N`), or `'infinite'`. Default: the server's choice. */
  timeout?: number;
  /** Ask for an infinite lock (`Timeout: Infinite`). */
  infinite?: boolean;
  /** Refresh the lock with this token instead of creating one (no body; `If: (<token>)`). */
  refresh?: string;
}
