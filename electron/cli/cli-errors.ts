/**
 * Errors a command throws to end the run with a message and an exit code. Exit codes follow
 * diff(1): 0 success (or "same"), 1 failure (or "different"), 2 trouble with the command line.
 */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** The command line is wrong: unknown command or option, missing argument. Shows the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
  }
}

/** A source argument cannot be used: bad syntax, missing file, unknown connection, no key. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
}

/** The command ran and failed (or refused): the message says what and why. */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
}
