/** Record-level failures in Twenty's terms; REST and GraphQL each render them their way. */
export type RecordErrorKind = 'NOT_FOUND' | 'BAD_REQUEST';

export class RecordError extends Error {
  constructor(
    message: string,
    readonly kind: RecordErrorKind,
    readonly subCode: string,
    readonly userFriendlyMessage = 'An error occurred.',
  ) {
    super(message);
  }
}

export const recordNotFound = () =>
  new RecordError(
    'Record not found',
    'NOT_FOUND',
    'RECORD_NOT_FOUND',
    'This record does not exist or has been deleted.',
  );

/** Postgres errors that are the caller's fault pass through as 400 with the database's text (as Twenty does). */
export const fromDatabaseError = (error: unknown): RecordError | null => {
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === '23505') {
    return new RecordError(
      'A duplicate entry was detected',
      'BAD_REQUEST',
      'DUPLICATE_ENTRY',
      'This record already exists. Please check your data and try again.',
    );
  }
  if (code && /^(22|23)/.test(code))
    return new RecordError(message, 'BAD_REQUEST', 'INVALID_QUERY_INPUT');
  return null;
};
