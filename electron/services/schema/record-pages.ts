import { COMPOSITE_TYPES, isCompositeFieldType } from '../../../shared/domain/composite-types';
import type { FieldMetadataType } from '../../../shared/domain/field-metadata-type';
import { isEmptyValue } from '../../../shared/schema/convert-value';
import { readModel } from '../data-model/read-model';
import type { TwentyClient, TwentyRecord } from '../twenty-client';

/**
 * Every record of an object through the core REST API, and field values written back, for the
 * data steps of a plan (copyFieldValues, moveOptionValues) and the type-change preview.
 *
 * Reading: 200 a page (Twenty's cap), `starting_after` cursors in id order (keyset, so records
 * rewritten behind the cursor cannot shift the pages ahead), live and soft-deleted records: Twenty
 * lists the trash when the filter names `deletedAt` (GraphqlQueryParser.applyDeletedAtToBuilder).
 *
 * Writing: one `PATCH /rest/{plural}?filter=id[in]:[…]` per value shared by records (chunked at
 * `mutationMaximumAffectedRecords`), so a low-cardinality change costs a few requests. GraphQL
 * aliases cannot batch different values: Twenty rejects a root field twice in one document, even
 * aliased ("Duplicate root resolver", graphql-config.service.ts, checkDuplicateRootResolvers).
 * Twenty's update runs an UPDATE whose WHERE has no deletedAt condition (TypeORM adds it to SELECTs
 * only), so trashed records are updated too; the answer lists the records updated, and a record
 * missing from it fails the write, naming it.
 */
export const PAGE_SIZE = 200;
export const ANY_DELETION_STATE = 'or(deletedAt[is]:NULL,deletedAt[is]:NOT_NULL)';

export interface RecordPageRead {
  records: TwentyRecord[];
  /** Records read so far, this page included. */
  done: number;
  total: number;
}

export async function* readRecordPages(
  client: TwentyClient,
  plural: string,
  options: { filter?: string; signal?: AbortSignal } = {},
): AsyncGenerator<RecordPageRead> {
  const filter = options.filter
    ? `and(${options.filter},${ANY_DELETION_STATE})`
    : ANY_DELETION_STATE;
  let cursor: string | undefined;
  let done = 0;
  for (;;) {
    const page = await client.rest.list(plural, {
      filter,
      limit: PAGE_SIZE,
      ...(cursor ? { startingAfter: cursor } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    done += page.records.length;
    yield { records: page.records, done, total: Math.max(page.totalCount ?? done, done) };
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor || page.records.length === 0) return;
    cursor = page.pageInfo.endCursor;
  }
}

/** The records API leaves out inactive fields: reading one would look like all-empty values. */
export const assertReadable = (records: TwentyRecord[], fieldName: string, objectName: string) => {
  if (records.length > 0 && !records.some((record) => fieldName in record))
    throw new Error(
      `Field \`${fieldName}\` is not in the records of \`${objectName}\` the API returns (is it inactive?)`,
    );
};

export const pluralOf = async (
  client: TwentyClient,
  objectName: string,
  signal?: AbortSignal,
): Promise<string> => {
  const object = (await readModel(client, signal)).objects.find(
    (candidate) => candidate.nameSingular === objectName,
  );
  if (!object) throw new Error(`Object \`${objectName}\` does not exist in the workspace`);
  return object.namePlural;
};

/** What a field holds when empty; composites as their sub-fields (Twenty ignores a bare null). */
export const emptyValueOf = (type: FieldMetadataType): unknown =>
  isCompositeFieldType(type)
    ? Object.fromEntries(COMPOSITE_TYPES[type].map((sub) => [sub.name, null]))
    : null;

export const sameFieldValue = (a: unknown, b: unknown, type: FieldMetadataType): boolean =>
  (isEmptyValue(a, type) && isEmptyValue(b, type)) || JSON.stringify(a) === JSON.stringify(b);

export interface ValueWrite {
  id: string;
  value: unknown;
  /** Soft-deleted when read: named apart when the server leaves it unchanged. */
  trashed: boolean;
}

export const writeFieldValues = async (
  client: TwentyClient,
  plural: string,
  fieldName: string,
  writes: ValueWrite[],
  signal?: AbortSignal,
): Promise<void> => {
  const groups = new Map<string, ValueWrite[]>();
  for (const write of writes) {
    const key = JSON.stringify(write.value);
    groups.set(key, [...(groups.get(key) ?? []), write]);
  }
  const missed: ValueWrite[] = [];
  for (const group of groups.values()) {
    const updated = await client.rest.updateMany(
      plural,
      { ids: group.map((write) => write.id) },
      { [fieldName]: group[0]!.value },
      signal ? { signal } : {},
    );
    const ids = new Set(updated.map((record) => record.id));
    missed.push(...group.filter((write) => !ids.has(write.id)));
  }
  if (missed.length === 0) return;
  const trashed = missed.filter((write) => write.trashed).length;
  const sample = missed
    .slice(0, 3)
    .map((write) => write.id)
    .join(', ');
  throw new Error(
    trashed === missed.length
      ? `${trashed} soft-deleted record(s) were not updated (${sample}${missed.length > 3 ? ', …' : ''}): this server does not update records in the trash. Restore them or empty the trash, then apply again`
      : `${missed.length} record(s) were not updated (${sample}${missed.length > 3 ? ', …' : ''})`,
  );
};
