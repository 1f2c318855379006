import type { Approach } from './approach.js';

export type { Approach, RunResult } from './approach.js';

/**
 * Every approach by id, in the order of the tables: this library, the floors, what clients use
 * today. Each is loaded on demand, so that a memory child loads only the modules it measures.
 */
const LOADERS = {
  multistatus: async () => (await import('./multistatus.js')).multistatusApproach,
  'multistatus-properties': async () => (await import('./multistatus.js')).multistatusPropertiesApproach,
  'multistatus-iterator': async () => (await import('./multistatus.js')).multistatusIteratorApproach,
  textdecoder: async () => (await import('./floors.js')).textDecoderApproach,
  saxes: async () => (await import('./floors.js')).saxesApproach,
  'saxes-handlers': async () => (await import('./floors.js')).saxesHandlersApproach,
  'saxes-xmlns': async () => (await import('./floors.js')).saxesXmlnsApproach,
  'webdav-fxp': async () => (await import('./webdav.js')).webdavApproach,
  xmldom: async () => (await import('./xmldom.js')).xmldomApproach,
  sax: async () => (await import('./sax.js')).saxApproach,
} satisfies Record<string, () => Promise<Approach>>;

export type ApproachId = keyof typeof LOADERS;

export const APPROACH_IDS = Object.keys(LOADERS) as ApproachId[];

export function isApproachId(id: string): id is ApproachId {
  return Object.hasOwn(LOADERS, id);
}

export async function loadApproach(id: string): Promise<Approach> {
  if (!isApproachId(id)) throw new Error(`unknown approach ${JSON.stringify(id)}; known: ${APPROACH_IDS.join(', ')}`);
  return LOADERS[id]();
}

export async function loadApproaches(ids: readonly string[]): Promise<Approach[]> {
  return Promise.all(ids.map(loadApproach));
}
