import { toast } from 'sonner';
import type { ErrorCode } from '../../shared/errors/app-error';
import { isAppError } from '../../shared/errors/app-error';

const TITLES: Record<ErrorCode, string> = {
  AUTH: 'Authentication failed',
  PERMISSION: 'Not permitted',
  RATE_LIMIT: 'Rate limited by Twenty',
  TIMEOUT: 'Timed out',
  NETWORK: 'Network problem',
  NOT_FOUND: 'Not found',
  VALIDATION: 'Twenty rejected the input',
  CONFLICT: 'Conflict',
  SERVER: 'Server error',
  CANCELLED: 'Cancelled',
  INVALID_INPUT: 'Invalid input',
  INTERNAL: 'Something went wrong',
};

/** Every failure the user sees: a title from the error's type, Twenty's own words below it. */
export const toastError = (error: unknown): void => {
  if (isAppError(error)) {
    toast.error(TITLES[error.code], { description: error.message });
  } else {
    toast.error(TITLES.INTERNAL, { description: (error as Error)?.message ?? String(error) });
  }
};
