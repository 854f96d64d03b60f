import type { ModelField } from '../../../../shared/contract/data-model';
import { isAppError } from '../../../../shared/errors/app-error';
import { readModel } from '../../data-model/read-model';
import type { TwentyClient } from '../../twenty-client';

/**
 * What gap detection and test events need of each object: its REST name, its fields and the
 * field Twenty shows as the record's name (`labelIdentifierFieldMetadataId`; Twenty falls back
 * to the field called `name` when it is not set).
 */
export interface ObjectInfo {
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  fields: ModelField[];
  labelField: ModelField | null;
}

interface LabelPage {
  objects: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { id: string; labelIdentifierFieldMetadataId?: string | null } }>;
  };
}

const LABELS = `query AtelierLabelFields($after: ConnectionCursor) {
  objects(paging: { first: 100, after: $after }) {
    pageInfo { hasNextPage endCursor }
    edges { node { id labelIdentifierFieldMetadataId } }
  }
}`;

const readLabelFieldIds = async (client: TwentyClient, signal?: AbortSignal) => {
  const ids = new Map<string, string>();
  let after: string | null = null;
  try {
    for (;;) {
      const page: LabelPage = await client.metadataGraphql<LabelPage>({
        query: LABELS,
        variables: { after },
        ...(signal ? { signal } : {}),
      });
      for (const { node } of page.objects.edges)
        if (node.labelIdentifierFieldMetadataId)
          ids.set(node.id, node.labelIdentifierFieldMetadataId);
      if (!page.objects.pageInfo.hasNextPage || !page.objects.pageInfo.endCursor) break;
      after = page.objects.pageInfo.endCursor;
    }
  } catch (error) {
    // A server without the field: every object falls back to `name`.
    if (!isAppError(error) || error.code !== 'VALIDATION') throw error;
  }
  return ids;
};

export const readObjects = async (
  client: TwentyClient,
  signal?: AbortSignal,
): Promise<Map<string, ObjectInfo>> => {
  const [model, labelIds] = await Promise.all([
    readModel(client, signal),
    readLabelFieldIds(client, signal),
  ]);
  const objects = new Map<string, ObjectInfo>();
  for (const object of model.objects) {
    const labelId = labelIds.get(object.id);
    const labelField =
      object.fields.find((field) => field.id === labelId) ??
      object.fields.find((field) => field.name === 'name') ??
      null;
    objects.set(object.nameSingular, {
      nameSingular: object.nameSingular,
      namePlural: object.namePlural,
      labelSingular: object.labelSingular,
      fields: object.fields,
      labelField,
    });
  }
  return objects;
};

/** A record's name as Twenty shows it: text as is, a FULL_NAME as "first last". */
export const recordLabel = (
  record: Record<string, unknown>,
  field: ModelField | null,
): string | null => {
  if (!field) return null;
  const value = record[field.name];
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (field.type === 'FULL_NAME' && value && typeof value === 'object') {
    const { firstName, lastName } = value as { firstName?: unknown; lastName?: unknown };
    const full = [firstName, lastName].filter((part) => typeof part === 'string' && part).join(' ');
    return full.trim() || null;
  }
  return null;
};
