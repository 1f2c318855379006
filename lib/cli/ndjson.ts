/**
 * `--format ndjson`: each response as one line of JSON, schema version {@link NDJSON_SCHEMA}
 * (documented in docs/command-line.md, "NDJSON schema"): the library's DavResponse model without its
 * `propstats`, which repeat every property already in `props` (and the names of those the server
 * lacks); `--propstats` adds them back. Dates are ISO strings, Infinity
 * the string "Infinity".
 */
import type { DavResponse } from '../parser/model.js';
import type { Format } from './format.js';
import { toJson } from './json.js';
import type { Output } from './output.js';

/** Bumped whenever a field of an NDJSON line changes meaning or goes away (adding one does not). */
export const NDJSON_SCHEMA = 1;

/** The line's object: the response with or without its propstats. */
export function ndjsonObject(r: DavResponse, propstats: boolean): object {
  if (propstats) return r;
  const { propstats: _dropped, ...rest } = r;
  return rest;
}

export function ndjsonFormat(out: Output, options: { propstats?: boolean } = {}): Format {
  const propstats = options.propstats === true;
  return {
    response(r) {
      out.push(toJson(ndjsonObject(r, propstats)) + '\n');
    },
    end() {},
  };
}
