import { expect } from 'chai';
import { MultistatusError, MultistatusParser } from '../../lib/index.js';
import type { MultistatusSummary, AnyParseOptions, ParseOptions } from '../../lib/index.js';
import type { DavResponse } from '../../lib/parser/model.js';

/** Feeds chunks to a fresh MultistatusParser and returns what it produced. */
export function parseChunks(chunks: (Uint8Array | string)[], options: AnyParseOptions = {}): { responses: DavResponse[]; summary: MultistatusSummary } {
  const responses: DavResponse[] = [];
  const parser = new MultistatusParser({ ...(options as ParseOptions), onResponse: (r) => responses.push(r) });
  for (const c of chunks) parser.write(c);
  return { responses, summary: parser.end() };
}

/** Parses one whole text body with a fresh MultistatusParser. */
export function parseText(body: string, options: AnyParseOptions = {}): { responses: DavResponse[]; summary: MultistatusSummary } {
  return parseChunks([body], options);
}

/** Runs `fn` and returns the error it throws (fails if it does not throw). */
export function thrown(fn: () => unknown): Error & { code?: string; offset?: number; line?: number; column?: number } {
  try {
    fn();
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error('expected an error');
}

/** Runs `fn` and returns the MultistatusError it throws (fails if it throws nothing or something else). */
export function failure(fn: () => unknown): MultistatusError {
  const e = thrown(fn);
  expect(e).to.be.instanceOf(MultistatusError);
  return e as MultistatusError;
}

/** A minimal multistatus body around the given response XML. */
export function body(inner: string, rootAttrs = 'xmlns:D="DAV:"'): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus ${rootAttrs}>${inner}</D:multistatus>`;
}

/** One propstat response with the given prop XML and status. */
export function propResponse(href: string, props: string, status = 'HTTP/1.1 200 OK'): string {
  return `<D:response><D:href>${href}</D:href><D:propstat><D:prop>${props}</D:prop><D:status>${status}</D:status></D:propstat></D:response>`;
}
