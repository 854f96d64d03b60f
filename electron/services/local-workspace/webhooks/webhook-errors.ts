import {
  MetadataException,
  MetadataValidationError,
  type EntityValidationError,
  type EntityValidationReport,
} from '../metadata/metadata-errors';

/**
 * Twenty's webhook errors (main-2026 `webhook.exception.ts`, `flat-webhook-validator.service.ts`,
 * `settings-permission.guard.ts`). Validation failures are workspace-migration errors
 * (METADATA_VALIDATION_FAILED on GraphQL); a missing webhook is a WebhookException (NOT_FOUND).
 */
export const WEBHOOK_NOT_FOUND = 'WEBHOOK_NOT_FOUND';

export const webhookNotFound = (): MetadataException =>
  new MetadataException('Webhook not found', 'NOT_FOUND', WEBHOOK_NOT_FOUND, 'Webhook not found.');

export const invalidWebhookInput = (message: string): MetadataException =>
  new MetadataException(
    message,
    'BAD_USER_INPUT',
    'INVALID_WEBHOOK_INPUT',
    'Invalid webhook input.',
  );

export const settingsPermissionDenied = (): MetadataException =>
  new MetadataException(
    'Entity performing the request does not have permission',
    'FORBIDDEN',
    'PERMISSION_DENIED',
    'You do not have permission to access this feature. Please contact your workspace administrator for access.',
  );

export const TARGET_URL_REQUIRED: EntityValidationError = {
  code: 'INVALID_WEBHOOK_INPUT',
  message: 'Target URL is required',
  userFriendlyMessage: 'Target URL is required',
};

export const INVALID_TARGET_URL: EntityValidationError = {
  code: 'INVALID_TARGET_URL',
  message: 'Invalid target URL provided',
  userFriendlyMessage: 'Please provide a valid HTTP or HTTPS URL',
};

export const WEBHOOK_ALREADY_EXISTS: EntityValidationError = {
  code: 'WEBHOOK_ALREADY_EXISTS',
  message: 'A webhook with this id already exists',
  userFriendlyMessage: 'A webhook with this configuration already exists.',
};

type WebhookOperation = 'create' | 'update';

/** Twenty's WorkspaceMigrationBuilderException for one webhook, rendered like other metadata. */
export class WebhookValidationError extends MetadataValidationError {
  constructor(
    operation: WebhookOperation,
    entity: Record<string, unknown>,
    errors: EntityValidationError[],
  ) {
    // metadata-errors.ts types the metadata names it knows; "webhook" is Twenty's name here.
    const report = {
      metadataName: 'webhook',
      type: operation,
      flatEntityMinimalInformation: entity,
      errors,
    } as unknown as EntityValidationReport;
    super(
      `Multiple validation errors occurred while ${operation === 'create' ? 'creating' : 'updating'} webhook`,
      [report],
    );
  }
}
