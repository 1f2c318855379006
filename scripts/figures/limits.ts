/**
 * `npm run -s figures:limits`: the table of resource limits, their defaults read from
 * DEFAULT_LIMITS (lib/limits.ts). Fails when a limit has no description here.
 */
import { DEFAULT_LIMITS } from '../../lib/limits.js';
import type { Limits } from '../../lib/types.js';

const WHAT: Record<keyof Limits, string> = {
  maxDepth: 'element nesting (`multistatus` is 1, `response` 2, a property 5), skipped subtrees included',
  maxTextLength: "characters (UTF-16 code units) in one text value: an href, a property's text (text, CDATA and character references merged), a description; also any single comment, processing instruction, DOCTYPE or attribute value, even where the parser keeps nothing",
  maxResponseSize: 'characters of XML from the end of `<response …>` to the end of `</response>`',
  maxAttributes: 'attributes on one element (`xmlns` declarations not counted)',
  maxProperties: 'properties in one response, over all its propstats (those left out by `properties` not counted)',
  maxNamespaceDeclarations: '`xmlns` declarations on one element',
  maxDiagnostics: 'diagnostics kept in the summary; the rest are only counted (`diagnosticCount`); never an error',
};

const show = (n: number): string => (n >= 1048576 && n % 1048576 === 0 ? `${n / 1048576} Mi` : n.toLocaleString('en-US'));

console.log('| option | default | what it bounds |');
console.log('|---|--:|---|');
for (const [key, value] of Object.entries(DEFAULT_LIMITS) as [keyof Limits, number][]) {
  const what = WHAT[key];
  if (!what) throw new Error(`figures:limits: no description of limits.${key}`);
  console.log(`| \`${key}\` | ${show(value)} | ${what} |`);
}
