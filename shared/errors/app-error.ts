import { z } from 'zod';

/**
 * The closed set of error codes that cross the main ↔ renderer boundary. The first nine are the
 * Twenty client's typed errors (issue 5); CANCELLED, INVALID_INPUT and INTERNAL are ours.
 */
export const ERROR_CODES = [
  'AUTH',
  'PERMISSION',
  'RATE_LIMIT',
  'TIMEOUT',
  'NETWORK',
  'NOT_FOUND',
  'VALIDATION',
  'CONFLICT',
  'SERVER',
  'CANCELLED',
  'INVALID_INPUT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorCodeSchema = z.enum(ERROR_CODES);

/** What an error looks like on the wire: never a stack, a header or a secret. */
export const serializedErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export type SerializedError = z.infer<typeof serializedErrorSchema>;

export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  toJSON(): SerializedError {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }

  static from(serialized: SerializedError): AppError {
    return new AppError(serialized.code, serialized.message, serialized.details);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
