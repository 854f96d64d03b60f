import type { ServerResponse } from 'node:http';
import { AuthError } from '../auth/auth-errors';
import { HttpError, sendJson } from '../http/http-io';
import { MetadataException, MetadataValidationError } from '../metadata/metadata-errors';

/**
 * REST errors of the webhook controller (Twenty's RestApiExceptionFilter →
 * `send-http-exception-response.util.ts`): `{statusCode, error, messages: [message], code?}`, the
 * status from a CustomException's category, `error` = Nest's exception name for that status.
 */
const ERROR_NAMES: Record<number, string> = {
  400: 'BadRequestException',
  401: 'UnauthorizedException',
  403: 'ForbiddenException',
  404: 'NotFoundException',
  409: 'ConflictException',
  500: 'InternalServerErrorException',
};

const STATUS_BY_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

export const badRequest = (message: string, code?: string): HttpError =>
  new HttpError(400, {
    statusCode: 400,
    error: 'BadRequestException',
    messages: [message],
    ...(code ? { code } : {}),
  });

/**
 * The answer of a REST metadata controller for errors other than validation failures: auth
 * errors, CustomExceptions by category, HttpErrors as built; anything else is a logged 500.
 */
export const sendRestException = (res: ServerResponse, error: unknown, route: string): void => {
  if (error instanceof AuthError) {
    return sendJson(res, error.status, {
      statusCode: error.status,
      messages: [error.message],
      error: error.restError,
    });
  }
  if (error instanceof MetadataException) {
    const status = STATUS_BY_CODE[error.code] ?? 500;
    return sendJson(res, status, {
      statusCode: status,
      error: ERROR_NAMES[status] ?? 'InternalServerErrorException',
      messages: [error.message],
      code: error.subCode,
    });
  }
  if (error instanceof HttpError) return sendJson(res, error.status, error.body);
  console.error(`[local-workspace] ${route} REST call failed:`, error);
  sendJson(res, 500, {
    statusCode: 500,
    error: 'InternalServerErrorException',
    messages: ['Internal server error'],
  });
};

export const sendWebhookRestError = (res: ServerResponse, error: unknown): void => {
  if (error instanceof MetadataValidationError) {
    // A WorkspaceMigrationBuilderException is no CustomException: the filter's 400 fallback and
    // the exception's own name, without the per-entity details GraphQL gets.
    return sendJson(res, 400, {
      statusCode: 400,
      error: 'WorkspaceMigrationBuilderException',
      messages: [error.message],
    });
  }
  sendRestException(res, error, 'webhook');
};
