import {
  MetadataException,
  MetadataValidationError,
  type EntityValidationError,
  type EntityValidationReport,
} from '../metadata/metadata-errors';

/**
 * Twenty's view errors. Not-found and bad-input cases are View*Exceptions (GraphQL NOT_FOUND /
 * BAD_USER_INPUT via view-graphql-api-exception-handler.util.ts; REST 404 / 400); rule failures
 * are workspace-migration validation errors (METADATA_VALIDATION_FAILED), one per entity, with the
 * messages of the flat-view*-validator services.
 */
export type ViewMetadataName =
  'view' | 'viewField' | 'viewFilter' | 'viewFilterGroup' | 'viewSort' | 'viewGroup';

const LABELS: Record<ViewMetadataName, string> = {
  view: 'view',
  viewField: 'view field',
  viewFilter: 'view filter',
  viewFilterGroup: 'view filter group',
  viewSort: 'view sort',
  viewGroup: 'view group',
};

/** Exception codes per entity (view.exception.ts, view-field.exception.ts, …). */
const CODES: Record<ViewMetadataName, { notFound: string; invalid: string }> = {
  view: { notFound: 'VIEW_NOT_FOUND', invalid: 'INVALID_VIEW_DATA' },
  viewField: { notFound: 'VIEW_FIELD_NOT_FOUND', invalid: 'INVALID_VIEW_FIELD_DATA' },
  viewFilter: { notFound: 'VIEW_FILTER_NOT_FOUND', invalid: 'INVALID_VIEW_FILTER_DATA' },
  viewFilterGroup: {
    notFound: 'VIEW_FILTER_GROUP_NOT_FOUND',
    invalid: 'INVALID_VIEW_FILTER_GROUP_DATA',
  },
  viewSort: { notFound: 'VIEW_SORT_NOT_FOUND', invalid: 'INVALID_VIEW_SORT_DATA' },
  viewGroup: { notFound: 'VIEW_GROUP_NOT_FOUND', invalid: 'INVALID_VIEW_GROUP_DATA' },
};

const capitalised = (name: ViewMetadataName) =>
  LABELS[name].charAt(0).toUpperCase() + LABELS[name].slice(1);

/** `View to update not found` (from-*-input-to-flat-*-or-throw utils). */
export const viewEntityNotFound = (
  name: ViewMetadataName,
  action: 'update' | 'delete' | 'destroy',
): MetadataException =>
  new MetadataException(
    `${capitalised(name)} to ${action} not found`,
    'NOT_FOUND',
    CODES[name].notFound,
    'An error occurred.',
  );

/** `View (id: …) not found`, the REST controllers' GET /:id answer. */
export const viewEntityIdNotFound = (name: ViewMetadataName, id: string): MetadataException =>
  new MetadataException(
    `${capitalised(name)} (id: ${id}) not found`,
    'NOT_FOUND',
    CODES[name].notFound,
    'An error occurred.',
  );

export const invalidViewInput = (
  name: ViewMetadataName,
  message: string,
  userFriendlyMessage = message,
): MetadataException =>
  new MetadataException(message, 'BAD_USER_INPUT', CODES[name].invalid, userFriendlyMessage);

export const viewPermissionDenied = (): MetadataException =>
  new MetadataException(
    'You do not have permission to create workspace-level views',
    'FORBIDDEN',
    'VIEW_CREATE_PERMISSION_DENIED',
    "You don't have permission to create workspace-level views.",
  );

export const invalidCode = (name: ViewMetadataName): string => CODES[name].invalid;

/** Collects one entity's rule failures and throws them as Twenty's migration builder does. */
export class ViewValidation {
  readonly errors: EntityValidationError[] = [];

  constructor(
    private readonly name: ViewMetadataName,
    private readonly operation: 'create' | 'update' | 'delete',
    private readonly entity: Record<string, unknown>,
  ) {}

  fail(message: string, userFriendlyMessage = message, code = CODES[this.name].invalid): this {
    this.errors.push({ code, message, userFriendlyMessage });
    return this;
  }

  throwIfAny(): void {
    if (this.errors.length === 0) return;
    const verb = { create: 'creating', update: 'updating', delete: 'deleting' }[this.operation];
    const report = {
      metadataName: this.name,
      type: `${this.operation}_${this.name}`,
      flatEntityMinimalInformation: this.entity,
      errors: this.errors,
    } as unknown as EntityValidationReport;
    throw new MetadataValidationError(
      `Multiple validation errors occurred while ${verb} ${LABELS[this.name]}`,
      [report],
    );
  }
}
