/**
 * Comparing a parser's result with the reference model, both in their JSON form (see
 * test/reference/serialise.ts): which summary fields count, where the typed comparison accepts
 * any value, and an assertion that points at the first response that differs.
 */
import { expect } from 'chai';
import type { MultistatusSummary } from '../../lib/types.js';
import { REFERENCE_TYPED_KEYS } from '../reference/dom-model.js';
import type { ReferenceModel } from '../reference/dom-model.js';
import { canonicalOfJson, toJson } from '../reference/serialise.js';
import type { Json } from '../reference/serialise.js';
import type { Outcome } from './run-parser.js';

type JsonObject = { [key: string]: Json };

/** The summary fields the reference model knows. */
export function comparableSummary(summary: MultistatusSummary | ReferenceModel['summary']): Json {
  const { syncToken, responseDescription, truncated, extensions } = summary;
  return toJson({ syncToken, responseDescription, truncated, extensions });
}

/** A parser outcome in the shape of a reference model (`{responses, summary}`), as JSON. */
export function outcomeJson(outcome: Outcome): { responses: Json[]; summary: Json } {
  if (outcome.error !== undefined) throw outcome.error;
  if (!outcome.summary) throw new Error('no summary');
  return { responses: toJson(outcome.responses) as Json[], summary: comparableSummary(outcome.summary) };
}

function isObject(v: Json | undefined): v is JsonObject {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
}

const typedKeys = new Set(REFERENCE_TYPED_KEYS);

/**
 * The parser's props with the values the typed comparison does not judge replaced by the
 * expected ones: `$unchecked` values, and (non-null) values of keys the walker does not type.
 */
function maskProps(actual: Json | undefined, expected: Json | undefined): Json | undefined {
  if (!isObject(actual) || !isObject(expected)) return actual;
  const out: JsonObject = { ...actual };
  for (const [key, want] of Object.entries(expected)) {
    if (!(key in out)) continue;
    const unchecked = isObject(want) && '$unchecked' in want;
    if (unchecked || (want !== null && out[key] !== null && !typedKeys.has(key))) out[key] = want;
  }
  return out;
}

/**
 * A propstat's `raw` entries the typed comparison does not judge: those of keys the walker does
 * not type, or leaves `$unchecked`. Each goes back to `props` where the walker has the key there
 * (so that maskProps then masks it) and leaves `raw`.
 */
function unjudgedRaw(propstat: JsonObject, expected: Json | undefined): JsonObject {
  const raw = propstat.raw;
  const wantProps = isObject(expected) && isObject(expected.props) ? expected.props : {};
  if (!isObject(raw)) return propstat;
  const keep: JsonObject = {};
  const props: JsonObject = isObject(propstat.props) ? { ...propstat.props } : {};
  for (const [key, value] of Object.entries(raw)) {
    const want = wantProps[key];
    const unchecked = isObject(want) && '$unchecked' in want;
    if (typedKeys.has(key) && !unchecked) keep[key] = value;
    else if (!(key in props) && want !== undefined) props[key] = value;
  }
  const out: JsonObject = { ...propstat, props };
  if (Object.keys(keep).length) out.raw = keep;
  else delete out.raw;
  return out;
}

/** Apply {@link maskProps} to `props` and to each propstat's `props` (and `raw`) of one response. */
export function maskTypedResponse(actual: Json, expected: Json): Json {
  if (!isObject(actual) || !isObject(expected)) return actual;
  const out: JsonObject = { ...actual };
  const got = actual.propstats;
  const want = expected.propstats;
  let merged: JsonObject | undefined;
  if (Array.isArray(got) && Array.isArray(want)) {
    out.propstats = got.map((p, i) => {
      if (!isObject(p)) return p;
      const unjudged = unjudgedRaw(p, want[i]);
      if (unjudged !== p && isObject(unjudged.props)) merged = { ...(merged ?? {}), ...unjudged.props };
      const masked = maskProps(unjudged.props, isObject(want[i]) ? want[i].props : undefined);
      return masked === undefined ? unjudged : { ...unjudged, props: masked };
    });
  }
  // Keys put back into a propstat's props are put back into the merged view too.
  let props = actual.props;
  if (merged && isObject(props) && isObject(expected.props)) {
    const back: JsonObject = { ...props };
    for (const [key, value] of Object.entries(merged)) if (!(key in back) && key in expected.props) back[key] = value;
    props = back;
  }
  const maskedProps = maskProps(props, expected.props);
  if (maskedProps !== undefined) out.props = maskedProps;
  return out;
}

/** Responses in JSON form with their canonical strings, computed once and compared many times. */
export interface ResponseList {
  json: Json[];
  canonical: string[];
}

export function responseList(json: Json[]): ResponseList {
  return { json, canonical: json.map(canonicalOfJson) };
}

/**
 * Deep-equal, but reported at the first differing response so that a diff stays readable. Equal
 * canonical JSON is equal; chai only runs on a difference (it is slow on 20,000 responses).
 */
export function expectSameResponses(actual: ResponseList, expected: ResponseList, what: string): void {
  const n = Math.min(actual.json.length, expected.json.length);
  for (let i = 0; i < n; i++) {
    if (actual.canonical[i] === expected.canonical[i]) continue;
    const want = expected.json[i];
    const href = isObject(want) ? want.href : undefined;
    expect(actual.json[i], `${what}: response #${i} (${String(href)})`).to.deep.equal(want);
  }
  expect(actual.json.length, `${what}: number of responses`).to.equal(expected.json.length);
}
