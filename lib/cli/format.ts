/** What every output format implements. */
import type { DavResponse } from '../parser/model.js';
import type { MultistatusSummary } from '../types.js';

/** Figures of one run, measured by the command around the parser. */
export interface RunStats {
  /** Seconds from the first read of the body to its end. */
  seconds: number;
}

export interface Format {
  /** Each response, as soon as the parser has it. Pushes text to the output; must not block. */
  response(r: DavResponse): void;
  /** The body was read to its end and parsed. */
  end(summary: MultistatusSummary, stats: RunStats): void;
}
