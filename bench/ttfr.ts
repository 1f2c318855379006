import { setTimeout as sleep } from 'node:timers/promises';
import { MultistatusParser, MultistatusStream, parseMultistatus } from '../lib/index.js';
import { loadApproach } from './approaches/index.js';
import { body, type BodyName, type BodyStats } from './generators/index.js';

export interface TtfrOptions {
  body: BodyName;
  bytes: number;
  chunkSize: number;
  intervalMs: number;
}

/** When one face got its first response, measured from the moment the first chunk was delivered. */
export interface TtfrFace {
  face: string;
  /** Milliseconds from the first chunk to the first response. */
  firstResponseMs: number;
  /** Chunks delivered when the first response arrived. */
  chunksAtFirst: number;
  /** Milliseconds from the first chunk to the last one. */
  lastChunkMs: number;
  /** Milliseconds from the first chunk to the end of the parse. */
  endMs: number;
  responses: number;
  /** A streaming face (the library's); the others need the whole body first. */
  streaming: boolean;
  /** Streaming faces: the first response came right after the chunk that completes it. */
  pass: boolean;
}

export interface TtfrResult extends TtfrOptions {
  bodyBytes: number;
  chunks: number;
  /** The chunk (1-based) whose bytes complete the first response. */
  firstCompletingChunk: number;
  faces: TtfrFace[];
}

/** A body delivered slowly: each chunk `intervalMs` after the previous one, as from a slow server. */
class SlowBody {
  delivered = 0;
  startedAt = 0;
  lastAt = 0;
  constructor(private readonly chunks: readonly Uint8Array[], private readonly intervalMs: number) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for (const chunk of this.chunks) {
      if (this.delivered > 0) await sleep(this.intervalMs);
      this.lastAt = performance.now();
      if (this.delivered === 0) this.startedAt = this.lastAt;
      this.delivered++;
      yield chunk;
    }
  }

  stream(): ReadableStream<Uint8Array> {
    const iterator = this[Symbol.asyncIterator]();
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
    });
  }
}

type Face = (slow: SlowBody, onResponse: () => void) => Promise<void>;

const WHOLE_DOCUMENT = 'webdav client (whole body, then parse)';

const FACES: Record<string, Face> = {
  'MultistatusParser (push)': async (slow, onResponse) => {
    const parser = new MultistatusParser({ onResponse });
    for await (const chunk of slow) parser.write(chunk);
    parser.end();
  },
  'parseMultistatus (async iterator)': async (slow, onResponse) => {
    for await (const _ of parseMultistatus(slow)) onResponse();
  },
  'MultistatusStream (pipeThrough)': async (slow, onResponse) => {
    const reader = slow.stream().pipeThrough(new MultistatusStream()).getReader();
    while (!(await reader.read()).done) onResponse();
  },
  [WHOLE_DOCUMENT]: async (slow, onResponse) => {
    const webdav = await loadApproach('webdav-fxp'); // loaded (and cached) before the clock starts: see runTtfr
    const chunks: Uint8Array[] = [];
    for await (const chunk of slow) chunks.push(chunk);
    const found = (await webdav.run(chunks)).responses ?? 0;
    for (let i = 0; i < found; i++) onResponse();
  },
};

/** Feeds a slow body to each face of the library (and to a whole-document client) and notes when the first response arrives. */
export async function runTtfr(options: TtfrOptions): Promise<TtfrResult> {
  const stats: BodyStats = { bytes: 0, responses: 0 };
  const chunks = Array.from(body(options.body, { targetBytes: options.bytes, chunkSize: options.chunkSize }, stats));
  const firstCompletingChunk = Math.ceil((stats.firstResponseEnd ?? stats.bytes) / options.chunkSize);
  await loadApproach('webdav-fxp');
  const faces: TtfrFace[] = [];
  for (const [face, run] of Object.entries(FACES)) {
    const slow = new SlowBody(chunks, options.intervalMs);
    let first: { at: number; chunks: number } | undefined;
    let responses = 0;
    await run(slow, () => {
      responses++;
      first ??= { at: performance.now(), chunks: slow.delivered };
    });
    const end = performance.now();
    const firstAt = first?.at ?? end;
    const chunksAtFirst = first?.chunks ?? slow.delivered;
    const streaming = face !== WHOLE_DOCUMENT;
    faces.push({
      face,
      firstResponseMs: firstAt - slow.startedAt,
      chunksAtFirst,
      lastChunkMs: slow.lastAt - slow.startedAt,
      endMs: end - slow.startedAt,
      responses,
      streaming,
      pass: responses === stats.responses && (streaming ? chunksAtFirst === firstCompletingChunk : chunksAtFirst === chunks.length),
    });
  }
  return { ...options, bodyBytes: stats.bytes, chunks: chunks.length, firstCompletingChunk, faces };
}
