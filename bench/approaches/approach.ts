/** What every approach returns: enough derived from the output that the optimiser cannot drop the work. */
export interface RunResult {
  /** Responses seen, for approaches that find them; compared with the generator's count. */
  responses?: number;
  /** A number computed from the output (characters decoded, sizes summed...). */
  checksum: number;
}

/** One way of reading a multistatus body: this library, a floor, or what clients use today. */
export interface Approach {
  /** Stable id, used on the command line and in results (`saxes`, `webdav-fxp`...). */
  id: string;
  /** What the tables and the chart call it. */
  label: string;
  group: 'library' | 'floor' | 'client';
  /** Needs the whole body in memory (as one string) before it can give anything. */
  wholeDocument: boolean;
  /** `run` returns a promise. */
  async: boolean;
  /** Reads the body from `chunks` (each chunk once, in order). */
  run(chunks: Iterable<Uint8Array>): RunResult | Promise<RunResult>;
}
