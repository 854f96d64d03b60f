import { randomUUID } from 'node:crypto';
import { buildSchema, graphql, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { mapGraphqlErrors } from '../../twenty-client/error-mapping';
import type { GraphqlRequest } from '../../twenty-client';
import { createWebhookAdmin, webhookApiShape } from './webhook-admin';

/**
 * The v1.x-2025 webhook API (core-modules `webhook.resolver.ts`, `dtos/*.dto.ts`) as a schema
 * executed in memory by graphql-js: the admin must read its shape and speak it. (The recent shape
 * is covered over HTTP against the local workspace in webhook-admin.int.test.ts.)
 */
const V1_SCHEMA = buildSchema(`
  scalar DateTime
  type Webhook {
    id: ID! targetUrl: String! operations: [String!]! description: String secret: String!
    createdAt: DateTime! updatedAt: DateTime! deletedAt: DateTime
  }
  input CreateWebhookInput { targetUrl: String! operations: [String!]! description: String secret: String }
  input UpdateWebhookDTO { id: String! targetUrl: String operations: [String!] description: String secret: String }
  input DeleteWebhookDTO { id: String! }
  input GetWebhookDTO { id: String! }
  type Query { webhooks: [Webhook!]! webhook(input: GetWebhookDTO!): Webhook }
  type Mutation {
    createWebhook(input: CreateWebhookInput!): Webhook!
    updateWebhook(input: UpdateWebhookDTO!): Webhook
    deleteWebhook(input: DeleteWebhookDTO!): Boolean!
  }
`);

type Row = Record<string, unknown> & { id: string };

/** A v1.x server's behaviour: stores what it is given, soft-deletes, null for unknown ids. */
const v1Server = () => {
  const rows = new Map<string, Row>();
  const seen: string[] = [];
  const rootValue = {
    webhooks: () => [...rows.values()],
    webhook: ({ input }: { input: { id: string } }) => rows.get(input.id) ?? null,
    createWebhook: ({ input }: { input: Record<string, unknown> }) => {
      const now = new Date().toISOString();
      const row = { id: randomUUID(), ...input, createdAt: now, updatedAt: now } as Row;
      rows.set(row.id, row);
      return row;
    },
    updateWebhook: ({ input }: { input: Row }) => {
      const row = rows.get(input.id);
      if (!row) return null;
      Object.assign(row, input);
      return row;
    },
    deleteWebhook: ({ input }: { input: { id: string } }) => rows.delete(input.id),
  };
  const client = {
    async metadataGraphql<T>(request: GraphqlRequest): Promise<T> {
      seen.push(request.query);
      const result = await graphql({
        schema: V1_SCHEMA,
        source: request.query,
        rootValue,
        ...(request.variables ? { variableValues: request.variables } : {}),
      });
      if (result.errors?.length)
        throw mapGraphqlErrors(
          result.errors.map((error: GraphQLError) => error.toJSON()),
          { method: 'POST', path: '/metadata', endpoint: 'metadata' },
        );
      return result.data as T;
    },
  };
  return { client, rows, seen };
};

describe('webhook admin on a v1.x-2025 schema', () => {
  it('reads the flat shape once and speaks it', async () => {
    const { client, seen } = v1Server();
    const shape = await webhookApiShape(client);
    expect(shape).toEqual({
      era: 'flat',
      selection: 'id targetUrl operations description secret createdAt updatedAt',
      get: { arg: 'input', type: 'GetWebhookDTO!' },
      create: { type: 'CreateWebhookInput!' },
      update: { type: 'UpdateWebhookDTO!' },
      remove: { arg: 'input', type: 'DeleteWebhookDTO!', returnsObject: false },
    });
    await webhookApiShape(client);
    expect(seen).toHaveLength(2);
  });

  it('creates with a generated secret, updates flat, deletes to a boolean', async () => {
    const { client, rows } = v1Server();
    const admin = createWebhookAdmin(client);
    const created = await admin.create({
      targetUrl: 'https://hooks.example.com/in',
      operations: ['*.*'],
      description: 'sync',
      secret: null,
    });
    // v1.x generates no secret: the admin supplies one, so deliveries are signed.
    expect(created.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.get(created.id)?.secret).toBe(created.secret);

    const updated = await admin.update(created.id, { operations: ['person.*'], description: null });
    expect(updated).toMatchObject({ operations: ['person.*'], description: null });
    expect(updated.secret).toBe(created.secret);
    expect(await admin.get(created.id)).toEqual(updated);
    expect(await admin.list()).toEqual([updated]);

    await expect(admin.update(randomUUID(), { description: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await admin.remove(created.id)).toBe(true);
    expect(await admin.remove(created.id)).toBe(false);
    expect(await admin.get(created.id)).toBeNull();
  });

  it('says plainly when a server has no webhook API on /metadata', async () => {
    const schema = buildSchema('type Query { currentWorkspace: String }');
    const client = {
      async metadataGraphql<T>(request: GraphqlRequest): Promise<T> {
        return (await graphql({ schema, source: request.query })).data as T;
      },
    };
    await expect(createWebhookAdmin(client).list()).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('no webhook API'),
    });
  });
});
