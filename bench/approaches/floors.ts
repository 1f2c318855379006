import { createRequire } from 'node:module';
import type { SaxesParser as SharedSaxesParser } from 'saxes';
import type { Approach, RunResult } from './approach.js';

/**
 * A private copy of the saxes module, loaded apart from any instance the rest of the process
 * shares: a module shared with other code (and its call sites) runs at 0.71-0.75 of a private
 * copy, which would flatter every ratio measured against this floor. The module cache entry is
 * removed before and restored after, so that neither copy sees the other's objects.
 */
function privateSaxes(): typeof SharedSaxesParser {
  const require = createRequire(import.meta.url);
  const path = require.resolve('saxes');
  const shared = require.cache[path];
  delete require.cache[path];
  try {
    return (require(path) as { SaxesParser: typeof SharedSaxesParser }).SaxesParser;
  } finally {
    if (shared === undefined) delete require.cache[path];
    else require.cache[path] = shared;
  }
}

const SaxesParser = privateSaxes();

/** Streaming UTF-8 decoding alone: the cost every approach pays before any XML work. */
export const textDecoderApproach: Approach = {
  id: 'textdecoder',
  label: 'TextDecoder alone',
  group: 'floor',
  wholeDocument: false,
  async: false,
  run(chunks: Iterable<Uint8Array>): RunResult {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let chars = 0;
    for (const chunk of chunks) chars += decoder.decode(chunk, { stream: true }).length;
    chars += decoder.decode().length;
    return { checksum: chars };
  },
};

function rawSaxes(xmlns: boolean): (chunks: Iterable<Uint8Array>) => RunResult {
  return (chunks) => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const parser = new SaxesParser({ xmlns });
    for (const chunk of chunks) parser.write(decoder.decode(chunk, { stream: true }));
    parser.write(decoder.decode());
    const line = parser.line;
    parser.close();
    return { checksum: line };
  };
}

/** saxes with no handlers and no namespace processing: the floor of this library's design. */
export const saxesApproach: Approach = {
  id: 'saxes',
  label: 'saxes, no xmlns, no handlers',
  group: 'floor',
  wholeDocument: false,
  async: false,
  run: rawSaxes(false),
};

/** saxes with its own namespace processing, no handlers. */
export const saxesXmlnsApproach: Approach = {
  id: 'saxes-xmlns',
  label: 'saxes, xmlns, no handlers',
  group: 'floor',
  wholeDocument: false,
  async: false,
  run: rawSaxes(true),
};

/**
 * saxes with the four handlers this library uses (open tag, close tag, text, attribute), each only
 * reading what it is handed (the name, the text, the value): the floor of any design that takes
 * saxes' events, before any work is done on them.
 */
export const saxesHandlersApproach: Approach = {
  id: 'saxes-handlers',
  label: 'saxes, handlers that only read',
  group: 'floor',
  wholeDocument: false,
  async: false,
  run(chunks: Iterable<Uint8Array>): RunResult {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const parser = new SaxesParser({ xmlns: false });
    let sum = 0;
    parser.on('opentag', (tag) => {
      sum += tag.name.length;
    });
    parser.on('closetag', (tag) => {
      sum += tag.name.length;
    });
    parser.on('text', (text) => {
      sum += text.length;
    });
    parser.on('attribute', (attr) => {
      sum += attr.value.length;
    });
    for (const chunk of chunks) parser.write(decoder.decode(chunk, { stream: true }));
    parser.write(decoder.decode());
    parser.close();
    return { checksum: sum };
  },
};
