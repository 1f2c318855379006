/**
 * The three shapes of a `*.expected.json` file:
 *
 *   full     {"responses": [DavResponse...], "summary": {...}}         (the reference model, typed)
 *   digest   {"responses": N, "firstHref", "lastHref", "sha256", "summary"}   (gzip-stored bodies;
 *            sha256 of the canonical JSON of the array of all responses)
 *   failure  {"error": "XML_SYNTAX" | "NOT_MULTISTATUS" | "TRUNCATED" | ..., "responsesBefore": N,
 *             "options"?: {"strict": true}, "note": "how N was determined"}   (written by hand)
 */
import type { ReferenceModel } from './dom-model.js';
import { canonicalOfJson, sha256Hex, toJson } from './serialise.js';
import type { Json } from './serialise.js';

export interface DigestExpectation {
  responses: number;
  firstHref: string | null;
  lastHref: string | null;
  sha256: string;
  summary: Json;
}

export interface FailureExpectation {
  error: string;
  responsesBefore: number;
  /** Parse options for this expectation (e.g. `{"strict": true}`); default options when absent. */
  options?: { strict?: boolean };
  note?: string;
}

/** `responses` already in JSON form (see serialise.ts). */
export function digestOfJson(responses: readonly Json[], summary: Json): DigestExpectation {
  const hrefOf = (r: Json | undefined): string | null =>
    r !== null && typeof r === 'object' && !Array.isArray(r) && typeof r.href === 'string' ? r.href : null;
  return {
    responses: responses.length,
    firstHref: hrefOf(responses[0]),
    lastHref: hrefOf(responses[responses.length - 1]),
    sha256: sha256Hex(canonicalOfJson(responses as Json[])),
    summary,
  };
}

export function digestOf(model: ReferenceModel): DigestExpectation {
  return digestOfJson(toJson(model.responses) as Json[], toJson(model.summary));
}

/** What the update script writes for a well-formed multistatus fixture. */
export function expectationOf(model: ReferenceModel, gzip: boolean): Json {
  return gzip ? (digestOf(model) as unknown as Json) : toJson(model);
}

export function isFailureExpectation(json: Json | undefined): json is Json & FailureExpectation {
  return json !== null && typeof json === 'object' && !Array.isArray(json) && typeof json.error === 'string';
}

export function isDigestExpectation(json: Json | undefined): json is Json & DigestExpectation {
  return json !== null && typeof json === 'object' && !Array.isArray(json) && typeof json.responses === 'number';
}
