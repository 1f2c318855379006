import { ByteDecoder } from '../decode/decoder.js';
import type { InvalidBytes } from '../decode/decoder.js';
import { MultistatusError } from '../errors.js';
import { resolveLimits } from '../limits.js';
import { plural } from '../plural.js';
import type { DavResponse as TypedResponse, MultistatusSummary, ParseOptions } from '../types.js';
import type { OptionsFor, Props as TypedProps } from '../props.js';
import type { DavResponse } from './model.js';
import { Capture } from './capture.js';
import { classifier } from './elements.js';
import { TokenInput } from './input.js';
import { Prolog } from './prolog.js';
import { Report } from './report.js';
import { ResponseBuilder } from './response-builder.js';
import { ElementScope } from './scope.js';
import { StateMachine } from './state-machine.js';

/**
 * Options of the low-level parser: the parse options plus the callback that gets each response.
 *
 * @example
 * const options: MultistatusParserOptions = { onResponse: (r) => console.log(r.href) };
 */
export interface MultistatusParserOptions<P extends object = TypedProps> extends ParseOptions {
  /** Called synchronously with each top-level response as soon as its end tag has been read. */
  onResponse: (response: TypedResponse<P>) => void;
}

/**
 * The synchronous push parser: `write()` chunks of bytes or text, `end()` once. Each top-level
 * `response` is handed to `onResponse` as soon as its end tag has been read, then forgotten.
 * Knows nothing of I/O; the iterator, stream and CLI faces are thin adapters over it. The type of
 * the responses' `props` follows the options (see {@link PropsOf}). How the parts fit together:
 * lib/parser/README.md.
 *
 * @example
 * const parser = new MultistatusParser({ onResponse: (r) => console.log(r.href, r.props.getetag) });
 * parser.write('<multistatus xmlns="DAV:"><response><href>/a</href>');
 * parser.write('<status>HTTP/1.1 200 OK</status></response></multistatus>');
 * const summary = parser.end();
 */
export class MultistatusParser<const O extends ParseOptions & { onResponse: unknown } = { onResponse: unknown }> {
  private readonly input: TokenInput;
  private readonly report: Report;
  private readonly prolog: Prolog;
  private readonly builder: ResponseBuilder;
  private readonly machine: StateMachine;
  private readonly signal: AbortSignal | undefined;
  private readonly encodingHint: string | undefined;
  private decoder: ByteDecoder | undefined = undefined;
  private stringBytes = 0;
  private ended = false;

  constructor(options: OptionsFor<O>) {
    const limits = resolveLimits(options.limits);
    const base = options.baseUrl === undefined ? undefined : new URL(String(options.baseUrl));
    const input = new TokenInput(limits.maxTextLength);
    const report = new Report(input, limits, options.strict === true);
    const prolog = new Prolog(input, report);
    const scope = new ElementScope(report, classifier(options));
    const capture = new Capture(report);
    // The parser builds untyped-at-compile-time maps; the options decide what they hold.
    const onResponse = options.onResponse as unknown as (response: DavResponse) => void;
    const builder = new ResponseBuilder(input, report, onResponse, base);
    const machine = new StateMachine(report, prolog, scope, capture, builder);
    input.attach(machine);
    this.input = input;
    this.report = report;
    this.prolog = prolog;
    this.builder = builder;
    this.machine = machine;
    this.signal = options.signal;
    this.encodingHint = options.encoding;
  }

  /** Feeds a chunk: bytes (decoded per BOM / charset / XML declaration) or already decoded text. */
  write(chunk: Uint8Array | string): void {
    const report = this.report;
    if (report.failure) throw report.failure;
    if (this.ended) throw report.fail('USAGE', 'write() after end()', false);
    if (this.signal?.aborted) throw report.fail('ABORTED', 'the parse was aborted', false);
    let text: string;
    if (typeof chunk === 'string') {
      if (this.decoder) throw report.fail('USAGE', 'a string chunk after byte chunks', false);
      text = chunk;
      this.stringBytes += chunk.length;
    } else {
      if (this.stringBytes > 0) throw report.fail('USAGE', 'a byte chunk after string chunks', false);
      if (!this.decoder) this.decoder = this.input.decoder = new ByteDecoder(this.encodingHint, report.note);
      try {
        text = this.decoder.write(chunk);
      } catch (e) {
        throw this.prolog.decoderError(e);
      }
    }
    this.feed(text);
  }

  /** Ends the body: checks it was complete and returns the summary. */
  end(): MultistatusSummary {
    const report = this.report;
    const prolog = this.prolog;
    if (report.failure) throw report.failure;
    if (this.ended) throw report.fail('USAGE', 'end() called twice', false);
    if (this.signal?.aborted) throw report.fail('ABORTED', 'the parse was aborted', false);
    if (this.decoder) {
      let rest: string;
      try {
        rest = this.decoder.end();
      } catch (e) {
        throw prolog.decoderError(e);
      }
      // A short body still being sniffed is decoded only now: its invalid bytes show here.
      this.feed(rest);
    }
    prolog.flush();
    this.ended = true;
    if (prolog.rootProblem !== undefined) throw prolog.rootFailure();
    if (!prolog.sawRoot) throw prolog.noRoot();
    const builder = this.builder;
    if (!this.machine.closedRoot) {
      throw report.fail('TRUNCATED', `the body ended inside the document, after ${plural(builder.responses, 'complete response')}`, true);
    }
    try {
      this.input.close();
    } catch (e) {
      throw prolog.adopt(e);
    }
    const summary: MultistatusSummary = {
      responses: builder.responses,
      bytes: this.decoder ? this.decoder.bytes : this.stringBytes,
      truncated: builder.truncated,
      diagnostics: report.diagnostics,
      diagnosticCount: report.diagnosticCount,
    };
    if (this.decoder?.encoding !== undefined) summary.encoding = this.decoder.encoding;
    if (builder.syncToken !== undefined) summary.syncToken = builder.syncToken;
    if (builder.rootDescription !== undefined) summary.responseDescription = builder.rootDescription;
    if (builder.rootExtensions) summary.extensions = builder.rootExtensions;
    return summary;
  }

  /** Parses decoded text, then fails with ENCODING if the decoder stopped at an invalid byte. */
  private feed(text: string): void {
    this.prolog.feed(text);
    const bad = this.decoder?.invalid;
    if (bad !== undefined) throw this.encodingFailure(bad);
  }

  /** ENCODING at the first invalid byte, once the text before it has been parsed. */
  private encodingFailure(bad: InvalidBytes): MultistatusError {
    if (this.prolog.rootProblem !== undefined) return this.prolog.rootFailure();
    const error = new MultistatusError('ENCODING', bad.message, { line: this.input.line(), column: this.input.column(), offset: bad.offset });
    this.report.failure = error;
    return error;
  }
}
