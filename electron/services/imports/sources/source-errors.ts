import { basename } from 'node:path';
import { AppError, isAppError } from '../../../../shared/errors/app-error';

/** Why a file cannot be read as a source; carried in `AppError.details.reason`. */
export type SourceFailure =
  | 'missing'
  | 'not-a-file'
  | 'unreadable'
  | 'empty'
  | 'binary'
  | 'not-xlsx'
  | 'encrypted'
  | 'legacy-xls'
  | 'unsupported-spreadsheet'
  | 'corrupt'
  | 'no-such-sheet';

export function sourceError(path: string, reason: SourceFailure, message: string): AppError {
  const code = reason === 'missing' || reason === 'no-such-sheet' ? 'NOT_FOUND' : 'INVALID_INPUT';
  return new AppError(code, message, {
    reason,
    file: basename(path),
  });
}

/** Turns a file-system error from opening or reading `path` into the matching source error. */
export function fileSystemError(path: string, error: unknown): AppError {
  if (isAppError(error)) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const name = basename(path);
  if (code === 'ENOENT') return sourceError(path, 'missing', `${name} does not exist`);
  if (code === 'EISDIR') return sourceError(path, 'not-a-file', `${name} is a folder, not a file`);
  const why = error instanceof Error ? error.message : String(error);
  return sourceError(path, 'unreadable', `${name} cannot be read: ${why}`);
}

/** The error to throw once `signal` has fired: its reason when that is an AppError. */
export function cancelledError(signal: AbortSignal): AppError {
  return isAppError(signal.reason)
    ? signal.reason
    : new AppError('CANCELLED', 'Reading the file was cancelled');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError(signal);
}
