/**
 * The reference tokenizer: saxes, namespace-aware (`xmlns: true`), fed the same chunks, its events
 * mapped to the shared `XmlEvent` form. The first error saxes reports ends the run (saxes would
 * go on after it). saxes has no strict/lenient switch: `options` is ignored.
 *
 * Known, rule-decided differences from our tokenizer are listed in known-differences.ts (saxes
 * accepts a DOCTYPE, for one: our parser refuses any DOCTYPE by design).
 */
import { SaxesParser } from 'saxes';
import type { SaxesAttributeNS, SaxesTagNS } from 'saxes';
import type { Outcome, Tokenize, XmlEvent } from './events.js';

/** `{uri}local`, `{}local` for no namespace. */
const clark = (uri: string | undefined, local: string | undefined): string => `{${uri ?? ''}}${local ?? ''}`;

function openEvent(tag: SaxesTagNS): XmlEvent {
  const attrs: [string, string][] = [];
  for (const a of Object.values(tag.attributes) as SaxesAttributeNS[]) {
    if (a.prefix === 'xmlns' || (a.prefix === '' && a.local === 'xmlns')) continue;
    attrs.push([clark(a.uri, a.local), a.value]);
  }
  return { t: 'open', name: clark(tag.uri, tag.local), attrs };
}

class Stop extends Error {}

export const tokenizeSaxes: Tokenize = (chunks) => {
  const events: XmlEvent[] = [];
  const parser = new SaxesParser({ xmlns: true });
  let depth = 0;
  let text = '';
  let failure: Outcome | undefined;
  const flush = (): void => {
    if (text !== '') events.push({ t: 'text', text });
    text = '';
  };
  parser.on('opentag', (tag) => {
    flush();
    depth++;
    events.push(openEvent(tag));
  });
  parser.on('closetag', (tag) => {
    flush();
    depth--;
    events.push({ t: 'close', name: clark(tag.uri, tag.local) });
  });
  const onText = (s: string): void => {
    if (depth > 0) text += s; // outside the root only whitespace can come (anything else is an error)
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('error', (err) => {
    // saxes prefixes its message with "line:column: "; its column is 0-based, ours 1-based.
    failure = { ok: false, line: parser.line, column: parser.column + 1, message: err.message };
    throw new Stop();
  });
  try {
    for (const c of chunks) parser.write(c);
    parser.close();
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  if (failure) return failure;
  flush();
  return { ok: true, events };
};
