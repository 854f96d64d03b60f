import type { ModelField, ModelObject, WorkspaceModel } from '../../../shared/contract/data-model';
import type { TwentyClient } from '../twenty-client';

/**
 * Objects with their fields through `/metadata`, shaped by what this server's schema has:
 * Twenty dropped `isCustom` (2.23; custom = owned by the workspace's custom application) and added
 * `fieldsList` beside the `fields` connection, so the query is built from an introspection of
 * `Object` and `Field` rather than hard-coded for one version.
 */
const INTROSPECT = `{ object: __type(name: "Object") { fields { name } } field: __type(name: "Field") { fields { name } } workspace: __type(name: "Workspace") { fields { name } } }`;

const FIELD_PROPS = [
  'isLabelSyncedWithName',
  'defaultValue',
  'options',
  'settings',
  'description',
  'icon',
  'isCustom',
  'isSystem',
  'isActive',
  'isNullable',
  'isUnique',
  'applicationId',
];
const OBJECT_PROPS = [
  'isLabelSyncedWithName',
  'description',
  'icon',
  'isCustom',
  'isSystem',
  'isActive',
  'applicationId',
];

interface Introspection {
  object: { fields: Array<{ name: string }> } | null;
  field: { fields: Array<{ name: string }> } | null;
  workspace: { fields: Array<{ name: string }> } | null;
}

const buildQuery = (schema: Introspection) => {
  const has = (type: 'object' | 'field', name: string) =>
    schema[type]?.fields.some((field) => field.name === name) ?? false;
  const fieldSelection = [
    'id name label type',
    ...FIELD_PROPS.filter((prop) => has('field', prop)),
    'relation { type targetObjectMetadata { nameSingular } targetFieldMetadata { id name } }',
  ].join(' ');
  const fields = has('object', 'fieldsList')
    ? `fieldsList { ${fieldSelection} }`
    : `fields(paging: { first: 1000 }) { edges { node { ${fieldSelection} } } }`;
  const objectSelection = [
    'id nameSingular namePlural labelSingular labelPlural',
    ...OBJECT_PROPS.filter((prop) => has('object', prop)),
  ].join(' ');
  const customApp = schema.workspace?.fields.some((f) => f.name === 'workspaceCustomApplication')
    ? 'currentWorkspace { workspaceCustomApplication { id } }'
    : '';
  return `query AtelierModel($after: ConnectionCursor) {
    ${customApp}
    objects(paging: { first: 100, after: $after }) {
      pageInfo { hasNextPage endCursor }
      edges { node { ${objectSelection} ${fields} } }
    }
  }`;
};

interface RawField {
  id: string;
  name: string;
  label: string;
  type: string;
  description?: string | null;
  icon?: string | null;
  isCustom?: boolean | null;
  applicationId?: string | null;
  isSystem?: boolean | null;
  isActive?: boolean | null;
  isNullable?: boolean | null;
  isUnique?: boolean | null;
  isLabelSyncedWithName?: boolean | null;
  defaultValue?: unknown;
  options?: unknown;
  settings?: Record<string, unknown> | null;
  relation?: {
    type: string;
    targetObjectMetadata?: { nameSingular: string } | null;
    targetFieldMetadata?: { id: string; name: string } | null;
  } | null;
}

interface RawObject extends Omit<
  ModelObject,
  'fields' | 'description' | 'icon' | 'isCustom' | 'isSystem' | 'isActive' | 'isLabelSyncedWithName'
> {
  isLabelSyncedWithName?: boolean | null;
  description?: string | null;
  icon?: string | null;
  isCustom?: boolean | null;
  isSystem?: boolean | null;
  isActive?: boolean | null;
  applicationId?: string | null;
  fieldsList?: RawField[];
  fields?: { edges: Array<{ node: RawField }> };
}

interface ModelPage {
  currentWorkspace?: { workspaceCustomApplication?: { id: string } | null } | null;
  objects: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: RawObject }>;
  };
}

/** `isCustom` where the server still has it, else ownership by the workspace's custom app. */
const customness = (
  raw: { isCustom?: boolean | null; applicationId?: string | null },
  customApp: string | null,
) => raw.isCustom ?? (customApp !== null && raw.applicationId === customApp);

const toField = (raw: RawField, customApp: string | null): ModelField => ({
  id: raw.id,
  name: raw.name,
  label: raw.label,
  type: raw.type,
  description: raw.description ?? null,
  icon: raw.icon ?? null,
  isCustom: customness(raw, customApp),
  isSystem: raw.isSystem ?? false,
  isActive: raw.isActive ?? true,
  isNullable: raw.isNullable ?? true,
  isUnique: raw.isUnique ?? false,
  isLabelSyncedWithName: raw.isLabelSyncedWithName ?? false,
  defaultValue: raw.defaultValue ?? null,
  options: raw.options ?? null,
  settings: raw.settings ?? null,
  relation: raw.relation?.targetObjectMetadata
    ? {
        type: raw.relation.type,
        targetObject: raw.relation.targetObjectMetadata.nameSingular,
        targetField: raw.relation.targetFieldMetadata?.name ?? null,
        targetFieldId: raw.relation.targetFieldMetadata?.id ?? null,
      }
    : null,
});

// A server's schema does not change under a client: introspect once per client (plan apply
// re-reads the model after every step).
const queries = new WeakMap<TwentyClient, string>();
const modelQueryFor = async (client: TwentyClient, signal?: AbortSignal): Promise<string> => {
  const known = queries.get(client);
  if (known) return known;
  const schema = await client.metadataGraphql<Introspection>({
    query: INTROSPECT,
    ...(signal ? { signal } : {}),
  });
  const query = buildQuery(schema);
  queries.set(client, query);
  return query;
};

export const readModel = async (
  client: TwentyClient,
  signal?: AbortSignal,
): Promise<WorkspaceModel> => {
  const query = await modelQueryFor(client, signal);
  const objects: ModelObject[] = [];
  let after: string | null = null;
  for (;;) {
    const page: ModelPage = await client.metadataGraphql<ModelPage>({
      query,
      variables: { after },
      ...(signal ? { signal } : {}),
    });
    const customApp = page.currentWorkspace?.workspaceCustomApplication?.id ?? null;
    for (const { node } of page.objects.edges) {
      const rawFields = node.fieldsList ?? node.fields?.edges.map((edge) => edge.node) ?? [];
      objects.push({
        id: node.id,
        nameSingular: node.nameSingular,
        namePlural: node.namePlural,
        labelSingular: node.labelSingular,
        labelPlural: node.labelPlural,
        description: node.description ?? null,
        icon: node.icon ?? null,
        isCustom: customness(node, customApp),
        isSystem: node.isSystem ?? false,
        isActive: node.isActive ?? true,
        isLabelSyncedWithName: node.isLabelSyncedWithName ?? false,
        fields: rawFields.map((field) => toField(field, customApp)),
      });
    }
    if (!page.objects.pageInfo.hasNextPage || !page.objects.pageInfo.endCursor) break;
    after = page.objects.pageInfo.endCursor;
  }
  objects.sort((a, b) => a.nameSingular.localeCompare(b.nameSingular));
  return { objects };
};
