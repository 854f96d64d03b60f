/**
 * Errors raised by metadata operations, in Twenty's two shapes:
 * - MetadataException: one domain exception → GraphQL `extensions.code` + `subCode`.
 * - MetadataValidationError: Twenty's aggregated `METADATA_VALIDATION_FAILED` with per-entity errors.
 * Both API surfaces (GraphQL /metadata and REST /rest/metadata) render them; see metadata-api/.
 */
export type GraphqlErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'INTERNAL_SERVER_ERROR'
  | 'GRAPHQL_VALIDATION_FAILED';

export class MetadataException extends Error {
  constructor(
    message: string,
    readonly code: GraphqlErrorCode,
    readonly subCode: string,
    readonly userFriendlyMessage: string = message,
  ) {
    super(message);
  }
}

export type MetadataName = 'objectMetadata' | 'fieldMetadata' | 'index';
export type ValidationOperation =
  | 'create_object'
  | 'update_object'
  | 'delete_object'
  | 'create_field'
  | 'update_field'
  | 'delete_field'
  | 'create_index'
  | 'delete_index';

export interface EntityValidationError {
  code: string;
  message: string;
  /**
   * Omitted: the message stands in for it. `null`: Twenty sets none on this error (e.g. TS_VECTOR's
   * transpilation refusal), so the item has no `userFriendlyMessage` and the payload's falls back.
   */
  userFriendlyMessage?: string | null;
  value?: unknown;
}

export interface EntityValidationReport {
  metadataName: MetadataName;
  type: ValidationOperation;
  flatEntityMinimalInformation: Record<string, unknown>;
  errors: EntityValidationError[];
}

export class MetadataValidationError extends Error {
  constructor(
    /** Twenty's top-level message, e.g. "Multiple validation errors occurred while creating object". */
    message: string,
    readonly reports: EntityValidationReport[],
    /** Errors found while transpiling the input, before entity validation (no `status`, id only). */
    readonly transpilation = false,
  ) {
    super(message);
  }

  /** `extensions` as Twenty's build-metadata-validation-error-payload.util.ts builds them. */
  toExtensions(): Record<string, unknown> {
    const errors: Record<string, unknown[]> = {};
    const summary: Record<string, number> = { totalErrors: this.reports.length };
    for (const report of this.reports) {
      const info = report.flatEntityMinimalInformation;
      (errors[report.metadataName] ??= []).push({
        errors: report.errors.map(({ userFriendlyMessage, ...error }) =>
          userFriendlyMessage === null
            ? error
            : { ...error, userFriendlyMessage: userFriendlyMessage ?? error.message },
        ),
        flatEntityMinimalInformation: this.transpilation
          ? { id: info.id }
          : { universalIdentifier: info.id, ...info },
        metadataName: report.metadataName,
        ...(this.transpilation ? {} : { status: 'fail' }),
        type: report.type.split('_')[0],
      });
      summary[report.metadataName] = (summary[report.metadataName] ?? 0) + 1;
    }
    const failing = Object.entries(errors).map(
      ([name, list]) => `${list.length} ${name}${list.length > 1 ? 's' : ''}`,
    );
    // get-metadata-validation-user-friendly-message.util.ts: the first error that has one.
    const first = this.reports[0]?.errors.find((error) => error.userFriendlyMessage !== null);
    return {
      code: 'METADATA_VALIDATION_FAILED',
      errors,
      summary,
      message: `Validation failed for ${failing.join(', ')}`,
      userFriendlyMessage:
        this.reports.length > 1
          ? 'Many validation errors'
          : first
            ? (first.userFriendlyMessage ?? first.message)
            : 'Metadata validation failed',
    };
  }
}

/** Collects entity errors during one operation and throws them together, as Twenty does. */
export class ValidationCollector {
  private readonly reports: EntityValidationReport[] = [];

  add(
    metadataName: MetadataName,
    type: ValidationOperation,
    entity: Record<string, unknown>,
    error: EntityValidationError,
  ): void {
    const existing = this.reports.find(
      (report) =>
        report.metadataName === metadataName &&
        report.type === type &&
        report.flatEntityMinimalInformation.id === entity.id,
    );
    if (existing) existing.errors.push(error);
    else
      this.reports.push({
        metadataName,
        type,
        flatEntityMinimalInformation: entity,
        errors: [error],
      });
  }

  get hasErrors(): boolean {
    return this.reports.length > 0;
  }

  throwIfAny(message: string, options: { transpilation?: boolean } = {}): void {
    if (this.hasErrors)
      throw new MetadataValidationError(message, this.reports, options.transpilation ?? false);
  }
}

/** The database refused a planned schema change (e.g. NOT NULL column on a table with rows). */
export class SchemaMigrationError extends MetadataException {
  constructor(databaseMessage: string) {
    super(
      `Schema change failed in the database: ${databaseMessage}`,
      'INTERNAL_SERVER_ERROR',
      'WORKSPACE_MIGRATION_FAILED',
      `The database refused this change: ${databaseMessage}`,
    );
  }
}
