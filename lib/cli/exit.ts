/** Exit codes of the `multistatus` command, and the errors that map to them. */

/** Success. */
export const EXIT_OK = 0;
/** The body could not be read or parsed (a `MultistatusError`, an unreadable file). */
export const EXIT_PARSE = 1;
/** A bad command line. */
export const EXIT_USAGE = 2;
/** The HTTP request failed: no connection, a timeout, a status other than 207, a body that broke off. */
export const EXIT_HTTP = 3;
/**
 * The walk (`--depth infinity`) went on past listings that failed for good: everything else was
 * listed, the failures are on stderr and in the summary (5; 4 is a write method's failed entry).
 */
export const EXIT_INCOMPLETE = 5;
/** Interrupted by Ctrl-C (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

/** A bad command line: the message is printed with the help text, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An HTTP failure: the message (possibly several lines) is printed as is, exit 3. */
export class HttpError extends Error {
  override name = 'HttpError';
}

/** A local input that cannot be read (missing file, a directory…): exit 1. */
export class InputError extends Error {
  override name = 'InputError';
}
