/**
 * Where a command writes: results to stdout, progress and messages to stderr. Every line passes
 * through a redactor that knows the API keys read so far, so no key can reach either stream.
 */
export interface CliIo {
  /** A result line (or block) on stdout. */
  out(text: string): void;
  /** A progress, info or error line on stderr. */
  err(text: string): void;
  /** Never print this value again, whatever message carries it. */
  addSecret(secret: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Where relative paths given by the user are resolved. */
  cwd: string;
}

export interface CliStreams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const REDACTED = '[redacted]';

export const createCliIo = (
  streams: CliStreams,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): CliIo => {
  const secrets = new Set<string>();
  const redact = (text: string): string => {
    let result = text;
    for (const secret of secrets) result = result.split(secret).join(REDACTED);
    return result;
  };
  const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  return {
    out: (text) => streams.stdout(redact(line(text))),
    err: (text) => streams.stderr(redact(line(text))),
    addSecret: (secret) => {
      // Very short values would redact ordinary words; real keys are long.
      if (secret.length >= 8) secrets.add(secret);
    },
    env,
    cwd,
  };
};
