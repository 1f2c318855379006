import { Chunker } from './chunker.js';
import { Random } from './random.js';

/** What a body looks like: the text before, of and after each response. */
export interface BodyShape {
  /** XML declaration and the `multistatus` start tag. */
  header(): string;
  /** The `index`-th response (0-based). */
  response(index: number, random: Random): string;
  /** Whatever follows the last response, down to the `multistatus` end tag. */
  footer(): string;
}

export interface BodyOptions {
  /** Stop before the body would pass this many bytes. Default: no byte limit. */
  targetBytes?: number;
  /** Stop after this many responses. Default: no count limit. */
  maxResponses?: number;
  /** Bytes per chunk. Default 64 KiB. */
  chunkSize?: number;
  /** PRNG seed. Default 1. */
  seed?: number;
}

/** Filled in as the body is generated; final once the generator is done. */
export interface BodyStats {
  bytes: number;
  responses: number;
  /** Byte offset just past the first response's end tag (0 while there is none). */
  firstResponseEnd?: number;
}

export const DEFAULT_CHUNK_SIZE = 64 * 1024;

/**
 * Streams a body of the given shape, chunk by chunk. The body is never held whole: only the
 * chunk being filled and the response being written exist at any time. The body ends with the
 * last response that keeps it within `targetBytes`, so it is at most `targetBytes` long and
 * short of it by less than one response.
 */
export function* generateBody(shape: BodyShape, options: BodyOptions, stats: BodyStats = { bytes: 0, responses: 0 }): Generator<Uint8Array, BodyStats, undefined> {
  const targetBytes = options.targetBytes ?? Infinity;
  const maxResponses = options.maxResponses ?? Infinity;
  if (targetBytes === Infinity && maxResponses === Infinity) throw new RangeError('give targetBytes or maxResponses');
  const random = new Random(options.seed ?? 1);
  const chunker = new Chunker(options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const footer = shape.footer();
  const footerBytes = utf8Length(footer);
  const header = shape.header();
  chunker.push(header, utf8Length(header));
  let responses = 0;
  while (responses < maxResponses) {
    const text = shape.response(responses, random);
    const bytes = utf8Length(text);
    if (chunker.total + bytes + footerBytes > targetBytes) break;
    chunker.push(text, bytes);
    if (responses === 0) stats.firstResponseEnd = chunker.total;
    responses++;
    stats.responses = responses;
    stats.bytes = chunker.total;
    for (let chunk = chunker.take(); chunk; chunk = chunker.take()) yield chunk;
  }
  chunker.push(footer, footerBytes);
  chunker.flush();
  stats.bytes = chunker.total;
  for (let chunk = chunker.take(); chunk; chunk = chunker.take()) yield chunk;
  return stats;
}

/** UTF-8 byte length of a string. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
