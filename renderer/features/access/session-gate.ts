import { isAppError } from '../../../shared/errors/app-error';

/** Twenty refused a key operation that recent servers only take from a signed-in user. */
export const needsSession = (error: unknown): boolean =>
  isAppError(error) && error.code === 'AUTH' && error.details?.needsSession === true;
