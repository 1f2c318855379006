import type { XmlEvent } from './events.js';

/** Adjacent text events merged, empty ones dropped: comments and PIs may split text or not. */
export function normalise(events: readonly XmlEvent[]): XmlEvent[] {
  const out: XmlEvent[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e.t !== 'text') out.push(e);
    else if (e.text === '') continue;
    else if (last?.t === 'text') out[out.length - 1] = { t: 'text', text: last.text + e.text };
    else out.push(e);
  }
  return out;
}
