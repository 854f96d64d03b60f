import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The app log. Every line passes through the redactor first: known secrets (registered when a key
 * is read from the keychain) and anything shaped like a bearer token or JWT are replaced.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A value that must never be written, e.g. an API key that was just read. */
  registerSecret(secret: string): void;
}

const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const BEARER = /(bearer\s+)[^\s"',]+/gi;

export const createRedactor = () => {
  const secrets = new Set<string>();
  return {
    register(secret: string) {
      if (secret.length >= 8) secrets.add(secret);
    },
    redact(text: string): string {
      let out = text;
      for (const secret of secrets) out = out.split(secret).join('[redacted]');
      return out.replace(BEARER, '$1[redacted]').replace(JWT, '[redacted-jwt]');
    },
  };
};

const errorFields = (value: unknown): unknown =>
  value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;

export interface LoggerOptions {
  /** Append JSON lines here; omitted = console only. */
  file?: string;
  console?: boolean;
  minLevel?: LogLevel;
}

const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error'];

export const createLogger = (options: LoggerOptions = {}): Logger => {
  const redactor = createRedactor();
  const min = LEVELS.indexOf(options.minLevel ?? 'info');
  if (options.file) mkdirSync(dirname(options.file), { recursive: true });
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (LEVELS.indexOf(level) < min) return;
    const entries = fields
      ? Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, errorFields(value)]))
      : undefined;
    const line = redactor.redact(
      JSON.stringify({ time: new Date().toISOString(), level, message, ...entries }),
    );
    if (options.file) appendFileSync(options.file, `${line}\n`, { mode: 0o600 });
    if (options.console !== false) (level === 'error' ? console.error : console.log)(line);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    registerSecret: (secret) => redactor.register(secret),
  };
};
