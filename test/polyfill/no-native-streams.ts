/**
 * Child process of test/unit/polyfill-streams.test.ts: removes every web-stream class from the
 * global object, as in a runtime that has none, then imports the library fresh, tries the stream
 * face before and after `MultistatusStream.ready()` (which loads web-streams-polyfill), and runs both
 * faces (run-faces.ts) on web-streams-polyfill's ReadableStream. Prints one JSON document on stdout:
 * what the early construction did, which classes the stream face ended up with, and every run's output.
 *
 * Run with: node --import tsx test/polyfill/no-native-streams.ts
 */
import { ReadableStream as PolyfillReadableStream, TransformStream as PolyfillTransformStream } from 'web-streams-polyfill';

export const STREAM_GLOBALS = [
  'ReadableStream',
  'ReadableStreamDefaultReader',
  'ReadableStreamBYOBReader',
  'ReadableStreamBYOBRequest',
  'ReadableByteStreamController',
  'ReadableStreamDefaultController',
  'TransformStream',
  'TransformStreamDefaultController',
  'WritableStream',
  'WritableStreamDefaultWriter',
  'WritableStreamDefaultController',
  'ByteLengthQueuingStrategy',
  'CountQueuingStrategy',
  'TextEncoderStream',
  'TextDecoderStream',
  'CompressionStream',
  'DecompressionStream',
] as const;

const removed: string[] = [];
for (const name of STREAM_GLOBALS) {
  if (name in globalThis) {
    delete (globalThis as Record<string, unknown>)[name];
    removed.push(name);
  }
}
const left = STREAM_GLOBALS.filter((name) => name in globalThis);

const lib = await import('../../lib/index.js');
const { runFaces } = await import('./run-faces.js');

let beforeReady: string;
try {
  new lib.MultistatusStream();
  beforeReady = 'constructed';
} catch (error) {
  beforeReady = error instanceof lib.MultistatusError ? `${error.code}: ${error.message}` : String(error);
}
await lib.MultistatusStream.ready();

const probe = new lib.MultistatusStream();
const report = {
  removed,
  left,
  beforeReady,
  streamIsPolyfillTransform: probe instanceof PolyfillTransformStream,
  readableIsPolyfill: probe.readable instanceof PolyfillReadableStream,
  readableClass: probe.readable.constructor.name,
  runs: await runFaces(lib, PolyfillReadableStream as unknown as Parameters<typeof runFaces>[1]),
};
process.stdout.write(JSON.stringify(report));
