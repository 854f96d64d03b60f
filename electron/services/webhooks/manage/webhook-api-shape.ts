import { AppError } from '../../../../shared/errors/app-error';

/**
 * Which webhook API a Twenty's `/metadata` serves, read from its schema (never guessed):
 * - main-2026 (and the local workspace): `webhook(id: UUID!)`,
 *   `updateWebhook(input: UpdateWebhookInput! { id, update: {…} })`, `deleteWebhook(id: UUID!): Webhook!`;
 * - v1.x-2025 (core-modules `webhook.resolver.ts`): `webhook(input: { id })`,
 *   `updateWebhook(input: { id, targetUrl?, operations?, description?, secret? })` (nullable result),
 *   `deleteWebhook(input: { id }): Boolean!` (soft delete).
 * Variable types are printed from the introspection, so `UUID!` vs `String!` and
 * `UpdateWebhookInput` vs `UpdateWebhookDTO` follow the server.
 */
export interface TypeRef {
  kind: string;
  name: string | null;
  ofType?: TypeRef | null;
}

interface RootField {
  name: string;
  args: Array<{ name: string; type: TypeRef }>;
  type: TypeRef;
}

export interface RootIntrospection {
  __schema: {
    queryType: { fields: RootField[] | null } | null;
    mutationType: { fields: RootField[] | null } | null;
  };
}

export interface TypeIntrospection {
  update: { inputFields: Array<{ name: string }> | null } | null;
  webhook: { fields: Array<{ name: string }> | null } | null;
}

export interface WebhookApiShape {
  /** `nested`: main-2026 `{id, update}`; `flat`: v1.x `{id, …fields}`. */
  era: 'nested' | 'flat';
  /** The fields of the webhook type to select (what this server has of ours). */
  selection: string;
  get: { arg: 'id' | 'input'; type: string };
  create: { type: string };
  update: { type: string };
  remove: { arg: 'id' | 'input'; type: string; returnsObject: boolean };
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
const ROOT_FIELDS = `fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } }`;

export const ROOT_INTROSPECTION = `query AtelierWebhookApi { __schema {
  queryType { ${ROOT_FIELDS} }
  mutationType { ${ROOT_FIELDS} }
} }`;

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** `UpdateWebhookInput!`, `[String!]`… as a variable declaration wants it. */
export const printType = (ref: TypeRef): string => {
  if (ref.kind === 'NON_NULL' && ref.ofType) return `${printType(ref.ofType)}!`;
  if (ref.kind === 'LIST' && ref.ofType) return `[${printType(ref.ofType)}]`;
  if (!ref.name || !NAME.test(ref.name)) throw new AppError('INTERNAL', 'Unreadable GraphQL type');
  return ref.name;
};

export const namedType = (ref: TypeRef): TypeRef =>
  (ref.kind === 'NON_NULL' || ref.kind === 'LIST') && ref.ofType ? namedType(ref.ofType) : ref;

const noWebhookApi = () =>
  new AppError(
    'NOT_FOUND',
    'This Twenty server has no webhook API on /metadata (it predates Twenty 1.x); manage its webhooks in Twenty’s settings.',
  );

export interface RootShape {
  webhookType: string;
  get: WebhookApiShape['get'];
  create: WebhookApiShape['create'];
  update: WebhookApiShape['update'];
  remove: WebhookApiShape['remove'];
}

/** The root fields' arguments; the follow-up type query says which era the update input is. */
export const readRootShape = (root: RootIntrospection): RootShape => {
  const find = (fields: RootField[] | null | undefined, name: string) =>
    fields?.find((field) => field.name === name) ?? null;
  const queries = root.__schema.queryType?.fields;
  const mutations = root.__schema.mutationType?.fields;
  const list = find(queries, 'webhooks');
  const one = find(queries, 'webhook');
  const create = find(mutations, 'createWebhook');
  const update = find(mutations, 'updateWebhook');
  const remove = find(mutations, 'deleteWebhook');
  if (!list || !one || !create || !update || !remove) throw noWebhookApi();
  const arg = (field: RootField, names: Array<'id' | 'input'>) => {
    for (const name of names) {
      const found = field.args.find((candidate) => candidate.name === name);
      if (found) return { arg: name, type: printType(found.type) };
    }
    throw noWebhookApi();
  };
  const webhookType = namedType(list.type).name;
  if (!webhookType || !NAME.test(webhookType)) throw noWebhookApi();
  return {
    webhookType,
    get: arg(one, ['id', 'input']),
    create: { type: arg(create, ['input']).type },
    update: { type: arg(update, ['input']).type },
    remove: {
      ...arg(remove, ['id', 'input']),
      returnsObject: namedType(remove.type).kind === 'OBJECT',
    },
  };
};

export const typeIntrospection = (root: RootShape): string =>
  `query AtelierWebhookTypes { update: __type(name: "${root.update.type.replace(/[![\]]/g, '')}") { inputFields { name } } webhook: __type(name: "${root.webhookType}") { fields { name } } }`;

const WANTED = ['id', 'targetUrl', 'operations', 'description', 'secret', 'createdAt', 'updatedAt'];

export const completeShape = (root: RootShape, types: TypeIntrospection): WebhookApiShape => {
  const inputs = new Set(types.update?.inputFields?.map((field) => field.name) ?? []);
  const fields = new Set(types.webhook?.fields?.map((field) => field.name) ?? []);
  if (!fields.has('id') || !fields.has('targetUrl')) throw noWebhookApi();
  return {
    era: inputs.has('update') ? 'nested' : 'flat',
    selection: WANTED.filter((name) => fields.has(name)).join(' '),
    get: root.get,
    create: root.create,
    update: root.update,
    remove: root.remove,
  };
};
