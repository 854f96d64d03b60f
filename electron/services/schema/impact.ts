import type { ModelField, ModelObject } from '../../../shared/contract/data-model';
import { isAppError } from '../../../shared/errors/app-error';
import { readModel } from '../data-model/read-model';
import type { TwentyClient } from '../twenty-client';
import { introspectMetadata, readViews, type ViewUse } from './impact-views';
import { operationsOn, readWebhooks, type WebhookUse } from './impact-webhooks';

/**
 * What uses an object, a field or some of a select field's options, before the data-model editor
 * renames or removes it: views (and their columns, filters, sorts, groups, kanban and calendar
 * settings), webhooks, relations and the object's label/image identifier. Works against Twenty
 * 1.x and 2.x; what cannot be read on a server is said in `notes`, never guessed.
 */
export type UsageKind =
  | 'view'
  | 'viewField'
  | 'viewFilter'
  | 'viewSort'
  | 'viewGroup'
  | 'kanbanAggregate'
  | 'calendarField'
  | 'webhook'
  | 'relation'
  | 'labelIdentifier'
  | 'imageIdentifier'
  /** A query saved in the playground (playground/saved-query-usages.ts). */
  | 'savedQuery'
  /** An import mapping saved for the wizard and the CLI (imports/saved-mapping-usages.ts). */
  | 'savedMapping';

export interface Usage {
  kind: UsageKind;
  /** Where, in words: 'View "All companies" shows it', 'Webhook "CRM sync" listens to company.created'. */
  description: string;
  /** Id of the referencing thing where there is one. */
  id?: string;
}

export interface ImpactSubject {
  objectName: string;
  fieldName?: string;
  /** For option renames/removals: the option values concerned. */
  optionValues?: string[];
}

export interface ImpactReport {
  usages: Usage[];
  /** What could not be read (views, webhooks, identifiers), so the list may be incomplete. */
  notes: string[];
}

interface Identifiers {
  labelIdentifierFieldMetadataId: string | null;
  imageIdentifierFieldMetadataId: string | null;
}

const IDENTIFIERS = `query AtelierIdentifiers($after: ConnectionCursor) {
  objects(paging: { first: 100, after: $after }) {
    pageInfo { hasNextPage endCursor }
    edges { node { id labelIdentifierFieldMetadataId imageIdentifierFieldMetadataId } }
  }
}`;

const readIdentifiers = async (
  client: TwentyClient,
  signal?: AbortSignal,
): Promise<Map<string, Identifiers>> => {
  const byObject = new Map<string, Identifiers>();
  let after: string | null = null;
  for (;;) {
    const page: {
      objects: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: Array<{ node: Identifiers & { id: string } }>;
      };
    } = await client.metadataGraphql({
      query: IDENTIFIERS,
      variables: { after },
      ...(signal ? { signal } : {}),
    });
    for (const { node } of page.objects.edges) byObject.set(node.id, node);
    if (!page.objects.pageInfo.hasNextPage || !page.objects.pageInfo.endCursor) return byObject;
    after = page.objects.pageInfo.endCursor;
  }
};

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Reads one source; a failure becomes a note and an empty list. */
const attempt = async <T>(
  what: string,
  notes: string[],
  read: () => Promise<T>,
  empty: T,
): Promise<T> => {
  try {
    return await read();
  } catch (error) {
    if (isAppError(error) && error.code === 'CANCELLED') throw error;
    notes.push(`${what} could not be read: ${reason(error)}`);
    return empty;
  }
};

const viewLabel = (view: ViewUse) => `View "${view.name}"`;

/** Option values a view filter holds: an array, its JSON text, or one plain value. */
const filterValues = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  if (value.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // Not JSON: a plain value.
    }
  }
  return [value];
};

const objectUsages = (
  object: ModelObject,
  model: ModelObject[],
  views: ViewUse[],
  webhooks: WebhookUse[],
): Usage[] => [
  ...views
    .filter((view) => view.objectMetadataId === object.id)
    .map((view): Usage => ({
      kind: 'view',
      description: `${viewLabel(view)} shows it`,
      id: view.id,
    })),
  // Fields of other objects; relations Twenty manages itself (system fields such as attachment
  // targets) go with the object, so they are not listed.
  ...model.flatMap((other) =>
    other.fields
      .filter(
        (field) =>
          other.id !== object.id &&
          !field.isSystem &&
          field.relation?.targetObject === object.nameSingular,
      )
      .map((field): Usage => ({
        kind: 'relation',
        description: `Field "${field.label}" (${other.nameSingular}.${field.name}) points to it`,
        id: field.id,
      })),
  ),
  ...webhookUsages(object, webhooks, 'listens to'),
];

const webhookUsages = (object: ModelObject, webhooks: WebhookUse[], verb: string): Usage[] =>
  webhooks.flatMap((webhook) => {
    const operations = operationsOn(webhook, object.nameSingular);
    return operations.length === 0
      ? []
      : [
          {
            kind: 'webhook' as const,
            description: `Webhook "${webhook.label}" ${verb} ${operations.join(', ')}`,
            id: webhook.id,
          },
        ];
  });

const fieldUsages = (
  object: ModelObject,
  field: ModelField,
  identifiers: Identifiers | undefined,
  views: ViewUse[],
  webhooks: WebhookUse[],
): Usage[] => {
  const usages: Usage[] = [];
  for (const view of views) {
    const label = viewLabel(view);
    for (const row of view.viewFields.filter((row) => row.fieldMetadataId === field.id))
      usages.push({
        kind: 'viewField',
        description: row.isVisible ? `${label} shows it` : `${label} has it as a hidden column`,
        id: row.id,
      });
    for (const row of view.viewFilters) {
      if (row.fieldMetadataId === field.id)
        usages.push({ kind: 'viewFilter', description: `${label} filters on it`, id: row.id });
      else if (row.relationTargetFieldMetadataId === field.id)
        usages.push({
          kind: 'viewFilter',
          description: `${label} filters on it through a relation`,
          id: row.id,
        });
    }
    for (const row of view.viewSorts.filter((row) => row.fieldMetadataId === field.id))
      usages.push({ kind: 'viewSort', description: `${label} sorts by it`, id: row.id });
    if (
      view.mainGroupByFieldMetadataId === field.id ||
      view.viewGroups.some((group) => group.fieldMetadataId === field.id)
    )
      usages.push({ kind: 'viewGroup', description: `${label} is grouped by it`, id: view.id });
    if (view.kanbanAggregateOperationFieldMetadataId === field.id)
      usages.push({
        kind: 'kanbanAggregate',
        description: `${label} totals it on its kanban columns`,
        id: view.id,
      });
    if (view.calendarStartFieldMetadataId === field.id)
      usages.push({
        kind: 'calendarField',
        description: `${label} places records on its calendar by it`,
        id: view.id,
      });
    if (view.calendarEndFieldMetadataId === field.id)
      usages.push({
        kind: 'calendarField',
        description: `${label} ends calendar events with it`,
        id: view.id,
      });
  }
  if (field.relation?.targetObject) {
    const target = `${field.relation.targetObject}${field.relation.targetField ? `.${field.relation.targetField}` : ''}`;
    usages.push({
      kind: 'relation',
      description: `It is one side of a relation with ${target}`,
      ...(field.relation.targetFieldId ? { id: field.relation.targetFieldId } : {}),
    });
  }
  if (identifiers?.labelIdentifierFieldMetadataId === field.id)
    usages.push({
      kind: 'labelIdentifier',
      description: `It is the record label of ${object.labelSingular}`,
      id: object.id,
    });
  if (identifiers?.imageIdentifierFieldMetadataId === field.id)
    usages.push({
      kind: 'imageIdentifier',
      description: `It is the record image of ${object.labelSingular}`,
      id: object.id,
    });
  usages.push(...webhookUsages(object, webhooks, 'receives it with'));
  return usages;
};

const optionUsages = (field: ModelField, values: string[], views: ViewUse[]): Usage[] => {
  const wanted = new Set(values);
  const usages: Usage[] = [];
  for (const view of views) {
    for (const filter of view.viewFilters.filter((row) => row.fieldMetadataId === field.id)) {
      const hits = filterValues(filter.value).filter((value) => wanted.has(value));
      if (hits.length > 0)
        usages.push({
          kind: 'viewFilter',
          description: `${viewLabel(view)} filters on ${hits.map((value) => `"${value}"`).join(', ')}`,
          id: filter.id,
        });
    }
    const groupedByField = view.mainGroupByFieldMetadataId === field.id;
    for (const group of view.viewGroups) {
      if (!(groupedByField || group.fieldMetadataId === field.id) || !wanted.has(group.fieldValue))
        continue;
      usages.push({
        kind: 'viewGroup',
        description: `${viewLabel(view)} has a group for "${group.fieldValue}"`,
        id: group.id,
      });
    }
  }
  return usages;
};

export const findUsages = async (
  client: TwentyClient,
  subject: ImpactSubject,
  signal?: AbortSignal,
): Promise<ImpactReport> => {
  const notes: string[] = [];
  const model = await readModel(client, signal);
  const object = model.objects.find((candidate) => candidate.nameSingular === subject.objectName);
  if (!object) return { usages: [], notes: [`There is no object "${subject.objectName}"`] };
  const field = subject.fieldName
    ? object.fields.find((candidate) => candidate.name === subject.fieldName)
    : undefined;
  if (subject.fieldName && !field)
    return {
      usages: [],
      notes: [`There is no field "${subject.fieldName}" on ${subject.objectName}`],
    };

  const schema = await attempt(
    'The metadata schema',
    notes,
    () => introspectMetadata(client, signal),
    {},
  );
  const roots = new Set(schema.query?.fields.map((entry) => entry.name) ?? []);
  const [views, webhooks, identifiers] = await Promise.all([
    attempt('Views', notes, () => readViews(client, schema, signal), [] as ViewUse[]),
    subject.optionValues
      ? Promise.resolve([] as WebhookUse[])
      : attempt('Webhooks', notes, () => readWebhooks(client, roots, signal), [] as WebhookUse[]),
    field && !subject.optionValues
      ? attempt(
          'Label and image identifiers',
          notes,
          () => readIdentifiers(client, signal),
          new Map<string, Identifiers>(),
        )
      : Promise.resolve(new Map<string, Identifiers>()),
  ]);
  const usages = !field
    ? objectUsages(object, model.objects, views, webhooks)
    : subject.optionValues
      ? optionUsages(field, subject.optionValues, views)
      : fieldUsages(object, field, identifiers.get(object.id), views, webhooks);
  return { usages, notes };
};
