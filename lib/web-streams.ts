/**
 * The ReadableStream and WritableStream classes the stream face builds on: the runtime's own, or
 * web-streams-polyfill's where it has none. The polyfill is reached only through a dynamic
 * `import()`, so a runtime with web streams never loads it and bundlers put it in a chunk of its
 * own that such a runtime never fetches.
 */

/** The two classes `MultistatusStream` needs. */
export interface StreamClasses {
  ReadableStream: typeof ReadableStream;
  WritableStream: typeof WritableStream;
}

let polyfill: StreamClasses | undefined;
let loading: Promise<StreamClasses> | undefined;

/** The runtime's own classes when it has both, looked up now (a test may remove them). */
function native(): StreamClasses | undefined {
  const g = globalThis as { ReadableStream?: unknown; WritableStream?: unknown };
  if (typeof g.ReadableStream !== 'function' || typeof g.WritableStream !== 'function') return undefined;
  return { ReadableStream: g.ReadableStream as typeof ReadableStream, WritableStream: g.WritableStream as typeof WritableStream };
}

/** The classes to build on now, or `undefined` while the runtime has none and the polyfill is not loaded. */
export function streamClasses(): StreamClasses | undefined {
  return native() ?? polyfill;
}

/** Resolves with the classes to build on, loading web-streams-polyfill first where the runtime has none. */
export function loadStreamClasses(): Promise<StreamClasses> {
  const now = streamClasses();
  if (now) return Promise.resolve(now);
  loading ??= import('web-streams-polyfill').then(
    (m) => (polyfill = { ReadableStream: m.ReadableStream as typeof ReadableStream, WritableStream: m.WritableStream as typeof WritableStream }),
    (error: unknown) => {
      loading = undefined; // let a later call try again
      throw error;
    },
  );
  return loading;
}
