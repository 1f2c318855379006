import { MultistatusParser, parseMultistatus } from '../../lib/index.js';
import type { ParseOptions } from '../../lib/index.js';
import type { DavResponse } from '../../lib/parser/model.js';
import type { Approach, RunResult } from './approach.js';

/** The properties of the fast path: what a file listing needs. */
export const LISTING_PROPERTIES = ['getcontentlength', 'getlastmodified', 'resourcetype'] as const;

/** Something cheap the optimiser cannot drop: count the responses, add up sizes and href lengths. */
function consumer(): { onResponse(r: DavResponse): void; result(): RunResult } {
  let responses = 0;
  let sum = 0;
  return {
    onResponse(r: DavResponse): void {
      responses++;
      sum += r.href.length;
      const length = r.props.getcontentlength;
      if (typeof length === 'number') sum += length;
    },
    result: () => ({ responses, checksum: sum }),
  };
}

function pushParse(options: ParseOptions): (chunks: Iterable<Uint8Array>) => RunResult {
  return (chunks) => {
    const sink = consumer();
    const parser = new MultistatusParser({ ...options, onResponse: sink.onResponse });
    for (const chunk of chunks) parser.write(chunk);
    parser.end();
    return sink.result();
  };
}

/** This library's push parser, full typed output. */
export const multistatusApproach: Approach = {
  id: 'multistatus',
  label: 'multistatus (typed)',
  group: 'library',
  wholeDocument: false,
  async: false,
  run: pushParse({}),
};

/** This library's push parser keeping three properties (the `properties` fast path). */
export const multistatusPropertiesApproach: Approach = {
  id: 'multistatus-properties',
  label: 'multistatus, properties: 3',
  group: 'library',
  wholeDocument: false,
  async: false,
  run: pushParse({ properties: LISTING_PROPERTIES }),
};

/** This library's async iterator over the same chunks: the push parser plus the iterator face. */
export const multistatusIteratorApproach: Approach = {
  id: 'multistatus-iterator',
  label: 'multistatus, async iterator',
  group: 'library',
  wholeDocument: false,
  async: true,
  async run(chunks: Iterable<Uint8Array>): Promise<RunResult> {
    const sink = consumer();
    for await (const response of parseMultistatus(chunks)) sink.onResponse(response);
    return sink.result();
  },
};
