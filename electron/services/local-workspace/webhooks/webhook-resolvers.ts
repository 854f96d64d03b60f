import type { RequestContext } from '../workspace-runtime';
import { hasSettingsPermission } from '../permissions/settings-permission';
import { settingsPermissionDenied } from './webhook-errors';
import type { CreateWebhookValues, UpdateWebhookValues, WebhookRow } from './webhook-service';

/**
 * /metadata root fields for webhooks, on the twenty-client-sdk 2.43 schema:
 * `webhooks: [Webhook!]!`, `webhook(id: UUID!): Webhook`, `createWebhook(input: CreateWebhookInput!)`,
 * `updateWebhook(input: UpdateWebhookInput! {id, update})`, `deleteWebhook(id: UUID!): Webhook!`.
 * Every field needs the API_KEYS_AND_WEBHOOKS settings permission (`canUpdateAllSettings` or the flag).
 */
type Args = Record<string, unknown>;
type Resolver = (args: Args, context: RequestContext) => unknown;

export const requireWebhookPermission = async (context: RequestContext): Promise<void> => {
  if (!(await hasSettingsPermission(context, 'API_KEYS_AND_WEBHOOKS')))
    throw settingsPermissionDenied();
};

/** The GraphQL `Webhook` type (workspaceId is hidden from GraphQL in Twenty). */
export const toWebhookGraphql = (row: WebhookRow) => ({
  id: row.id,
  targetUrl: row.targetUrl,
  operations: row.operations,
  description: row.description,
  secret: row.secret,
  applicationId: row.applicationId,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  deletedAt: row.deletedAt,
});

const guarded =
  (resolve: Resolver): Resolver =>
  async (args, context) => {
    await requireWebhookPermission(context);
    return resolve(args, context);
  };

export const webhookResolvers: Record<string, Resolver> = {
  webhooks: guarded((_args, context) => context.runtime.webhooks.list().map(toWebhookGraphql)),
  webhook: guarded((args, context) => {
    const row = context.runtime.webhooks.get(String(args.id));
    return row ? toWebhookGraphql(row) : null;
  }),
  createWebhook: guarded(async (args, context) =>
    toWebhookGraphql(await context.runtime.webhooks.create(args.input as CreateWebhookValues)),
  ),
  updateWebhook: guarded(async (args, context) => {
    const { id, update } = args.input as { id: string; update: UpdateWebhookValues };
    return toWebhookGraphql(await context.runtime.webhooks.update(id, update ?? {}));
  }),
  deleteWebhook: guarded(async (args, context) =>
    toWebhookGraphql(await context.runtime.webhooks.delete(String(args.id))),
  ),
};
