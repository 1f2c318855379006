import sax from 'sax';
import type { Approach, RunResult } from './approach.js';

const DAV = 'DAV:';

/** The `sax` package, streaming, strict, namespace-aware, counting `DAV:response` elements. */
export const saxApproach: Approach = {
  id: 'sax',
  label: 'sax (streaming, xmlns)',
  group: 'client',
  wholeDocument: false,
  async: false,
  run(chunks: Iterable<Uint8Array>): RunResult {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const parser = sax.parser(true, { xmlns: true });
    let responses = 0;
    let texts = 0;
    parser.onopentag = (tag) => {
      if ((tag as sax.QualifiedTag).local === 'response' && (tag as sax.QualifiedTag).uri === DAV) responses++;
    };
    parser.ontext = (text) => {
      texts += text.length;
    };
    parser.onerror = (error) => {
      throw error;
    };
    for (const chunk of chunks) parser.write(decoder.decode(chunk, { stream: true }));
    parser.write(decoder.decode());
    parser.close();
    return { responses, checksum: texts };
  },
};
