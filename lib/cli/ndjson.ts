/** `--format ndjson`: each response as one line of JSON, exactly the library's DavResponse model. */
import type { Format } from './format.js';
import { toJson } from './json.js';
import type { Output } from './output.js';

export function ndjsonFormat(out: Output): Format {
  return {
    response(r) {
      out.push(toJson(r) + '\n');
    },
    end() {},
  };
}
