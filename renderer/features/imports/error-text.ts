import { isAppError } from '../../../shared/errors/app-error';

/** An error shown in place (not as a toast): main's message, a refusal named as one. */
export const errorText = (error: unknown): string =>
  isAppError(error) && error.code === 'PERMISSION'
    ? `Not permitted: ${error.message}`
    : ((error as Error)?.message ?? String(error));
