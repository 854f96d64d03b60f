import { GraphQLError } from 'graphql';

/**
 * Twenty's PermissionsException(PERMISSION_DENIED) and its two renderings
 * (docs/twenty-permissions.md §4.5–§4.6): GraphQL FORBIDDEN with subCode, REST 400 envelope.
 */
export const PERMISSION_DENIED_MESSAGE = 'Entity performing the request does not have permission';

export class PermissionDenied extends Error {
  readonly code = 'PERMISSION_DENIED';

  constructor(message = PERMISSION_DENIED_MESSAGE) {
    super(message);
  }

  toGraphqlError(): GraphQLError {
    return new GraphQLError(this.message, {
      extensions: {
        code: 'FORBIDDEN',
        subCode: this.code,
        userFriendlyMessage: 'User does not have permission.',
      },
    });
  }

  /** Core REST answers 400, as Twenty's integration tests pin (§4.6). */
  restBody() {
    return {
      statusCode: 400,
      error: 'BadRequestException',
      messages: [this.message],
      code: this.code,
    };
  }
}

export const cannotReadField = (field: string, object: string) =>
  new PermissionDenied(
    `${PERMISSION_DENIED_MESSAGE}: no permission to read field "${field}" on "${object}"`,
  );

export const cannotWriteField = (field: string, object: string) =>
  new PermissionDenied(
    `${PERMISSION_DENIED_MESSAGE}: no permission to write field "${field}" on "${object}"`,
  );
