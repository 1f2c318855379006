/** The record of what each live server answered to each write case (test/live/results/writes.json). */
import type { ServerName } from './servers.js';

export const WRITE_CASES = ['delete-locked-member', 'copy-overwrite-f', 'move-locked-target', 'proppatch-protected', 'lock-infinity-locked-member'] as const;
export type CaseName = (typeof WRITE_CASES)[number];

/** One entry of a 207, as the library reported it. */
export interface EntryRecord {
  href: string;
  outcome: 'ok' | 'failed' | 'dependent';
  /** The status form: the status line. */
  status?: string;
  /** The propstat form: each property's status line. */
  properties?: Record<string, string>;
  error?: string[];
  responseDescription?: string;
}

export interface CaseRecord {
  server: ServerName;
  case: CaseName;
  method: string;
  /** The HTTP status of the answer (null: no answer). */
  status: number | null;
  /** `success` (2xx, or a 207 of 2xx entries), `partial` (a 207 with a failed entry), `http-error`, `error`. */
  result: 'success' | 'partial' | 'http-error' | 'error';
  entries: EntryRecord[];
  /** Non-2xx statuses of the 207 by code. */
  byStatus?: Record<string, number>;
  /** What the server's state was afterwards (exists, content kept, property set, lock held). */
  after: Record<string, boolean | null>;
  /** What the setup could not do (a server without LOCK). */
  setup?: string[];
}
