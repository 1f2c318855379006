import { DOMParser } from '@xmldom/xmldom';
import type { Approach, RunResult } from './approach.js';
import { wholeText } from './whole-text.js';

const DAV = 'DAV:';

/** DOM-based clients: `response.text()`, `DOMParser` (@xmldom/xmldom), then a walk over the `response` elements. */
export const xmldomApproach: Approach = {
  id: 'xmldom',
  label: '@xmldom/xmldom DOMParser + walk',
  group: 'client',
  wholeDocument: true,
  async: false,
  run(chunks: Iterable<Uint8Array>): RunResult {
    const doc = new DOMParser().parseFromString(wholeText(chunks), 'application/xml');
    const responses = doc.getElementsByTagNameNS(DAV, 'response');
    let sum = 0;
    for (let i = 0; i < responses.length; i++) {
      const response = responses.item(i);
      if (!response) continue;
      sum += response.getElementsByTagNameNS(DAV, 'href').item(0)?.textContent?.length ?? 0;
      const length = response.getElementsByTagNameNS(DAV, 'getcontentlength').item(0)?.textContent;
      if (length) sum += Number(length);
    }
    return { responses: responses.length, checksum: sum };
  },
};
