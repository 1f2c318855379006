import { apacheShape } from './apache.js';
import { generateBody, type BodyOptions, type BodyShape, type BodyStats } from './body.js';
import { caldavShape } from './caldav.js';
import { compactShape } from './compact.js';
import { nextcloudShape } from './nextcloud.js';
import { syncShape } from './sync.js';

export { DEFAULT_CHUNK_SIZE, type BodyOptions, type BodyStats } from './body.js';

/** The body shapes, by name. Each call makes a fresh shape (shapes keep walking state). */
export const BODIES = {
  compact: { label: 'compact PROPFIND (named properties, ~600 B a response)', shape: compactShape },
  apache: { label: 'Apache PROPFIND Depth: infinity', shape: apacheShape },
  nextcloud: { label: 'Nextcloud PROPFIND (oc:/nc: properties)', shape: nextcloudShape },
  caldav: { label: 'CalDAV calendar-query (multi-KB calendar-data)', shape: caldavShape },
  sync: { label: 'sync-collection with removed members', shape: syncShape },
} as const satisfies Record<string, { label: string; shape: () => BodyShape }>;

export type BodyName = keyof typeof BODIES;

export function isBodyName(name: string): name is BodyName {
  return Object.hasOwn(BODIES, name);
}

/** Streams the named body chunk by chunk; `stats` is complete once the generator is done. */
export function body(name: BodyName, options: BodyOptions, stats?: BodyStats): Generator<Uint8Array, BodyStats, undefined> {
  return generateBody(BODIES[name].shape(), options, stats);
}

/** The whole body as an array of chunks (for the in-memory throughput suite only). */
export function bodyChunks(name: BodyName, options: BodyOptions): { chunks: Uint8Array[]; stats: BodyStats } {
  const stats: BodyStats = { bytes: 0, responses: 0 };
  const chunks = Array.from(body(name, options, stats));
  return { chunks, stats };
}
