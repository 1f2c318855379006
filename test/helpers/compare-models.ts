/**
 * Comparing a parser's result with the reference model, both in their JSON form (see
 * test/reference/serialise.ts): which summary fields count, the `$unchecked` values (the only
 * place the typed comparison accepts any value), and an assertion that points at the first
 * response that differs.
 */
import { expect } from 'chai';
import type { MultistatusSummary } from '../../lib/types.js';
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

/**
 * `expected` with every `$unchecked` value (a case the reference rules leave open, see
 * test/reference/unchecked.ts) replaced by what the parser gave there; nothing else is touched.
 */
export function acceptUnchecked(expected: Json, actual: Json | undefined): Json {
  if (isObject(expected) && '$unchecked' in expected) return actual ?? null;
  if (Array.isArray(expected)) return expected.map((e, i) => acceptUnchecked(e, Array.isArray(actual) ? actual[i] : undefined));
  if (!isObject(expected)) return expected;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(expected)) out[key] = acceptUnchecked(value, isObject(actual) ? actual[key] : undefined);
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
