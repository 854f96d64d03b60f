import { randomBytes } from 'node:crypto';
import { AppError, isAppError } from '../../../../shared/errors/app-error';
import type { TwentyClient } from '../../twenty-client';
import {
  completeShape,
  readRootShape,
  ROOT_INTROSPECTION,
  typeIntrospection,
  type RootIntrospection,
  type TypeIntrospection,
  type WebhookApiShape,
} from './webhook-api-shape';

/**
 * Twenty's webhooks through its own `/metadata` GraphQL, on whichever API shape the server has
 * (webhook-api-shape.ts). The shape is read once per client and kept.
 */
export interface TwentyWebhook {
  id: string;
  targetUrl: string;
  operations: string[];
  description: string | null;
  secret: string;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface CreateWebhookValues {
  targetUrl: string;
  operations: string[];
  description: string | null;
  /** null: a new 64-hex secret (main-2026 does this itself; v1.x stores what it is given). */
  secret: string | null;
}

export type UpdateWebhookValues = Partial<{
  targetUrl: string;
  operations: string[];
  description: string | null;
  secret: string;
}>;

export interface WebhookAdmin {
  list(): Promise<TwentyWebhook[]>;
  get(id: string): Promise<TwentyWebhook | null>;
  create(values: CreateWebhookValues): Promise<TwentyWebhook>;
  update(id: string, values: UpdateWebhookValues): Promise<TwentyWebhook>;
  /** false when there was no such webhook. */
  remove(id: string): Promise<boolean>;
}

type MetadataClient = Pick<TwentyClient, 'metadataGraphql'>;

/** 32 random bytes as 64 lowercase hex characters, as Twenty's generate-webhook-secret.util.ts. */
export const generateWebhookSecret = (): string => randomBytes(32).toString('hex');

const shapes = new WeakMap<MetadataClient, Promise<WebhookApiShape>>();

export const webhookApiShape = (client: MetadataClient): Promise<WebhookApiShape> => {
  let shape = shapes.get(client);
  if (!shape) {
    shape = (async () => {
      const root = readRootShape(
        await client.metadataGraphql<RootIntrospection>({ query: ROOT_INTROSPECTION }),
      );
      return completeShape(
        root,
        await client.metadataGraphql<TypeIntrospection>({ query: typeIntrospection(root) }),
      );
    })();
    // A failed read (network, key) is not remembered.
    shape.catch(() => shapes.delete(client));
    shapes.set(client, shape);
  }
  return shape;
};

const toWebhook = (raw: Record<string, unknown>): TwentyWebhook => ({
  id: String(raw.id),
  targetUrl: String(raw.targetUrl),
  operations: Array.isArray(raw.operations) ? raw.operations.map(String) : ['*.*'],
  description: typeof raw.description === 'string' ? raw.description : null,
  secret: typeof raw.secret === 'string' ? raw.secret : '',
  createdAt: typeof raw.createdAt === 'string' ? raw.createdAt : null,
  updatedAt: typeof raw.updatedAt === 'string' ? raw.updatedAt : null,
});

/**
 * Twenty's validation failures carry a useless headline ("Multiple validation errors occurred
 * while creating webhook", METADATA_VALIDATION_FAILED) and the real reason in
 * `userFriendlyMessage` ("Please provide a valid HTTP or HTTPS URL"); v1.x's UserInputError
 * carries one too. Show that, keep Twenty's own message in the details.
 */
const explain = (error: unknown): unknown => {
  if (!isAppError(error)) return error;
  const friendly = error.details?.userFriendlyMessage;
  if (error.code !== 'VALIDATION' || typeof friendly !== 'string' || friendly === error.message)
    return error;
  return new AppError(error.code, friendly, { ...error.details, twentyMessage: error.message });
};

const notFound = (id: string) =>
  new AppError('NOT_FOUND', `Webhook not found: ${id}`, { twentyCode: 'WEBHOOK_NOT_FOUND' });

export const createWebhookAdmin = (client: MetadataClient): WebhookAdmin => {
  // Queries are retried by the client, mutations not (a repeated create would duplicate).
  const call = async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    try {
      return await client.metadataGraphql<T>({ query, ...(variables ? { variables } : {}) });
    } catch (error) {
      throw explain(error);
    }
  };

  return {
    async list() {
      const shape = await webhookApiShape(client);
      const body = await call<{ webhooks: Array<Record<string, unknown>> }>(
        `query AtelierWebhooks { webhooks { ${shape.selection} } }`,
      );
      return body.webhooks.map(toWebhook);
    },

    async get(id) {
      const shape = await webhookApiShape(client);
      const { arg, type } = shape.get;
      const body = await call<{ webhook: Record<string, unknown> | null }>(
        `query AtelierWebhook($v: ${type}) { webhook(${arg}: $v) { ${shape.selection} } }`,
        { v: arg === 'id' ? id : { id } },
      );
      return body.webhook ? toWebhook(body.webhook) : null;
    },

    async create(values) {
      const shape = await webhookApiShape(client);
      const body = await call<{ createWebhook: Record<string, unknown> }>(
        `mutation AtelierCreateWebhook($input: ${shape.create.type}) { createWebhook(input: $input) { ${shape.selection} } }`,
        {
          input: {
            targetUrl: values.targetUrl,
            operations: values.operations,
            description: values.description,
            // Ours in every era, so a v1.x server (which generates none) signs as well.
            secret: values.secret ?? generateWebhookSecret(),
          },
        },
      );
      return toWebhook(body.createWebhook);
    },

    async update(id, values) {
      const shape = await webhookApiShape(client);
      const changes = Object.fromEntries(
        Object.entries(values).filter(([, value]) => value !== undefined),
      );
      const input = shape.era === 'nested' ? { id, update: changes } : { id, ...changes };
      const body = await call<{ updateWebhook: Record<string, unknown> | null }>(
        `mutation AtelierUpdateWebhook($input: ${shape.update.type}) { updateWebhook(input: $input) { ${shape.selection} } }`,
        { input },
      );
      // v1.x answers null for an id it does not have.
      if (!body.updateWebhook) throw notFound(id);
      return toWebhook(body.updateWebhook);
    },

    async remove(id) {
      const shape = await webhookApiShape(client);
      const { arg, type, returnsObject } = shape.remove;
      try {
        const body = await call<{ deleteWebhook: unknown }>(
          `mutation AtelierDeleteWebhook($v: ${type}) { deleteWebhook(${arg}: $v)${returnsObject ? ' { id }' : ''} }`,
          { v: arg === 'id' ? id : { id } },
        );
        return returnsObject ? body.deleteWebhook !== null : body.deleteWebhook === true;
      } catch (error) {
        // main-2026 refuses an unknown id (WEBHOOK_NOT_FOUND), v1.x answers false: one answer.
        if (isAppError(error) && error.code === 'NOT_FOUND') return false;
        throw error;
      }
    },
  };
};
