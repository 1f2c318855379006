import { parseXML } from 'webdav';
import type { Approach, RunResult } from './approach.js';
import { wholeText } from './whole-text.js';

/**
 * The `webdav` npm client: `response.text()`, then its own exported `parseXML` (fast-xml-parser
 * configured as the client configures it), then a walk over the responses as
 * `getDirectoryContents` does, reading each size.
 */
export const webdavApproach: Approach = {
  id: 'webdav-fxp',
  label: 'webdav client (fast-xml-parser)',
  group: 'client',
  wholeDocument: true,
  async: true,
  async run(chunks: Iterable<Uint8Array>): Promise<RunResult> {
    const result = await parseXML(wholeText(chunks));
    const responses = result.multistatus.response;
    let sum = 0;
    for (const response of responses) {
      const prop = 'propstat' in response ? (response.propstat?.prop as Record<string, unknown> | undefined) : undefined;
      const length = prop?.getcontentlength;
      if (typeof length === 'number') sum += length;
    }
    return { responses: responses.length, checksum: sum };
  },
};
