import { MultistatusError } from '../errors.js';
import type { MultistatusErrorCode } from '../errors.js';
import type { Diagnostic, Limits } from '../types.js';
import type { TokenInput } from './input.js';

/**
 * Diagnostics and failures: records tolerated quirks (in strict mode they are errors), makes
 * every `MultistatusError` the parser throws with its position, and keeps the first failure, after
 * which every call throws it again.
 */
export class Report {
  /** The error the parse failed with; every later write() or end() throws it again. */
  failure: MultistatusError | undefined = undefined;
  readonly diagnostics: Diagnostic[] = [];
  diagnosticCount = 0;
  /** The first href of the response being read, once known: named in its diagnostics. */
  href: string | undefined = undefined;
  /** What onResponse threw, so that it is rethrown as itself and not as XML_SYNTAX. */
  callbackError: { error: unknown } | undefined = undefined;

  constructor(
    private readonly input: TokenInput,
    readonly limits: Limits,
    private readonly strict: boolean,
  ) {}

  /** Records a tolerated quirk; in strict mode it is an error. `withOffset`: the diagnostic carries the byte offset too. */
  diag(code: string, message: string, withOffset = false): void {
    if (this.strict) throw this.fail('STRICT', `${code}: ${message}`, true);
    this.diagnosticCount++;
    if (this.diagnostics.length >= this.limits.maxDiagnostics) return;
    const d: Diagnostic = { code, message, line: this.input.line(), column: this.input.column() };
    if (withOffset) d.offset = this.input.errorPosition().offset;
    if (this.href !== undefined) d.href = this.href;
    this.diagnostics.push(d);
  }

  /** `diag` as a plain function, for the byte decoder's encoding notes. */
  readonly note = (code: string, message: string): void => {
    this.diag(code, message);
  };

  /** LIMIT_EXCEEDED for one text value (or name, comment, attribute value) that is too long. */
  tooLong(): MultistatusError {
    return this.limit('maxTextLength', 'characters in one text value');
  }

  /** LIMIT_EXCEEDED for `limits[option]`. */
  limit(option: keyof Limits, what: string): MultistatusError {
    return this.fail('LIMIT_EXCEEDED', `more than ${this.limits[option]} ${what} (raise limits.${option})`, true);
  }

  /** A new error (USAGE errors excepted, it is the parse's failure from now on). */
  fail(code: MultistatusErrorCode, message: string, withPosition: boolean): MultistatusError {
    const error = new MultistatusError(code, message, withPosition ? this.input.errorPosition() : {});
    if (code !== 'USAGE') this.failure = error;
    return error;
  }
}

/** A piece of the body for a message: whitespace runs as one space, at most 80 characters, quoted. */
export function quote(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return JSON.stringify(one.length > 80 ? one.slice(0, 80) + '…' : one);
}
