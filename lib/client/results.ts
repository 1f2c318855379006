/**
 * What the multi-request iterators (walk, syncCollection) share: an async generator turned into a
 * {@link MultistatusIterator}, and one summary built from the summaries of many bodies.
 */
import { MultistatusError } from '../errors.js';
import type { MultistatusIterator } from '../iterate.js';
import { DEFAULT_LIMITS } from '../limits.js';
import type { DavResponse, Props } from '../parser/model.js';
import type { Diagnostic, MultistatusSummary } from '../types.js';

/** A generator of responses whose return value is the summary, as a {@link MultistatusIterator}. */
export class GeneratorIterator<S extends MultistatusSummary> implements MultistatusIterator<Props> {
  private finished = false;
  private result: S | undefined;
  private failure: unknown;

  constructor(
    private readonly gen: AsyncGenerator<DavResponse, S, undefined>,
    private readonly what: string,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<DavResponse>> {
    if (this.finished) return { done: true, value: undefined };
    let r: IteratorResult<DavResponse, S>;
    try {
      r = await this.gen.next();
    } catch (e) {
      this.finished = true;
      this.failure = e;
      throw e;
    }
    if (r.done) {
      this.finished = true;
      this.result = r.value;
      return { done: true, value: undefined };
    }
    return r;
  }

  async return(): Promise<IteratorResult<DavResponse>> {
    if (!this.finished) {
      this.finished = true;
      this.failure = new MultistatusError('ABORTED', `the ${this.what} was stopped before its end`);
      await this.gen.return(undefined as unknown as S);
    }
    return { done: true, value: undefined };
  }

  /** Reads on to the end (dropping responses nobody took); resolves with the summary or rejects with the error. */
  async summary(): Promise<S> {
    while (!this.finished) {
      const r = await this.next().catch(() => ({ done: true as const, value: undefined }));
      if (r.done) break;
    }
    if (this.result) return this.result;
    throw this.failure;
  }
}

/** Adds up the summaries of several bodies. */
export class SummaryTotal {
  bytes = 0;
  truncated = false;
  diagnosticCount = 0;
  readonly diagnostics: Diagnostic[] = [];
  encoding: string | undefined;
  private readonly maxDiagnostics: number;

  constructor(maxDiagnostics = DEFAULT_LIMITS.maxDiagnostics) {
    this.maxDiagnostics = maxDiagnostics;
  }

  add(s: MultistatusSummary): void {
    this.bytes += s.bytes;
    if (s.truncated) this.truncated = true;
    for (const d of s.diagnostics) this.diagnose(d);
    this.diagnosticCount += s.diagnosticCount - s.diagnostics.length;
    if (s.encoding !== undefined) this.encoding = s.encoding;
  }

  /** A diagnostic of the client layer itself (line and column 0: not from the XML). */
  diagnose(d: Diagnostic): void {
    this.diagnosticCount++;
    if (this.diagnostics.length < this.maxDiagnostics) this.diagnostics.push(d);
  }

  /** The summary fields common to every body. */
  base(responses: number): MultistatusSummary {
    const s: MultistatusSummary = {
      responses,
      bytes: this.bytes,
      truncated: this.truncated,
      diagnostics: this.diagnostics,
      diagnosticCount: this.diagnosticCount,
    };
    if (this.encoding !== undefined) s.encoding = this.encoding;
    return s;
  }
}
