import { GraphQLError } from 'graphql';
import { AuthError } from '../auth/auth-errors';
import { MetadataException, MetadataValidationError } from '../metadata/metadata-errors';
import { RateLimitExceeded } from '../limits/rate-limiter';
import { RecordError } from '../records/record-errors';
import { RestQueryError } from '../../../../shared/domain/rest-grammar/rest-query-error';

/** Renders any thrown error in Twenty's GraphQL error format (`extensions.code` etc.). */
export interface FormattedGraphqlError {
  message: string;
  locations?: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  extensions: Record<string, unknown>;
}

export const graphqlErrorFromDomain = (
  error: unknown,
): { message: string; extensions: Record<string, unknown> } => {
  if (error instanceof MetadataValidationError)
    return { message: error.message, extensions: error.toExtensions() };
  if (error instanceof MetadataException) {
    return {
      message: error.message,
      extensions: {
        code: error.code,
        subCode: error.subCode,
        userFriendlyMessage: error.userFriendlyMessage,
      },
    };
  }
  if (error instanceof RateLimitExceeded) {
    return {
      message: error.message,
      extensions: {
        code: 'RATE_LIMITED',
        ...error.details,
        retryAfterMs: Math.ceil(error.retryAfterMs),
        userFriendlyMessage: 'Rate limit reached. Please try again later.',
      },
    };
  }
  if (error instanceof RecordError) {
    return {
      message: error.message,
      extensions: {
        code: error.kind === 'NOT_FOUND' ? 'NOT_FOUND' : 'BAD_USER_INPUT',
        subCode: error.subCode,
        userFriendlyMessage: error.userFriendlyMessage,
      },
    };
  }
  if (error instanceof RestQueryError) {
    return {
      message: error.message,
      extensions: {
        code: 'BAD_USER_INPUT',
        subCode: error.code,
        userFriendlyMessage: 'An error occurred.',
      },
    };
  }
  if (error instanceof AuthError) {
    return {
      message: error.message,
      extensions: {
        code: error.graphqlCode,
        ...(error.userFriendlyMessage ? { userFriendlyMessage: error.userFriendlyMessage } : {}),
      },
    };
  }
  return {
    message: 'Internal server error',
    extensions: { code: 'INTERNAL_SERVER_ERROR', userFriendlyMessage: 'An error occurred.' },
  };
};

export const formatGraphqlError = (
  error: GraphQLError,
  fallbackCode = 'INTERNAL_SERVER_ERROR',
): FormattedGraphqlError => {
  const original = error.originalError;
  const base = {
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
  };
  if (original && !(original instanceof GraphQLError)) {
    const domain = graphqlErrorFromDomain(original);
    return { message: domain.message, ...base, extensions: domain.extensions };
  }
  return {
    message: error.message,
    ...base,
    extensions: { code: fallbackCode, ...(error.extensions ?? {}) },
  };
};
