import type { ModelField, ModelObject } from '../../../shared/contract/data-model';
import { AppError } from '../../../shared/errors/app-error';
import { readModel } from '../data-model/read-model';
import type { TwentyClient } from '../twenty-client';

/**
 * How many records an object has, and how many hold a value in one field: the core GraphQL
 * `totalCount` of the object's connection, unfiltered and with `{ field: { is: NOT_NULL } }`
 * (Twenty's filter grammar: composite fields filter on a sub-field, a many-to-one relation on its
 * join column). Without a model object, the object's names and fields are read first.
 */
export interface RecordCounts {
  total: number;
  /** Records whose field holds a value; absent without a field or when Twenty cannot filter it. */
  withValue?: number;
}

export type CountTarget = Pick<ModelObject, 'nameSingular' | 'namePlural' | 'fields'>;

/** The sub-field that says whether a composite value is there (FilterIs applies to sub-fields). */
const PRIMARY_SUB_FIELD: Record<string, string> = {
  CURRENCY: 'amountMicros',
  EMAILS: 'primaryEmail',
  PHONES: 'primaryPhoneNumber',
  LINKS: 'primaryLinkUrl',
  FULL_NAME: 'firstName',
  ADDRESS: 'addressStreet1',
  ACTOR: 'name',
  RICH_TEXT: 'markdown',
};

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Names go into the query text: only GraphQL names are let through. */
const graphqlName = (name: string): string => {
  if (!NAME.test(name)) throw new AppError('INVALID_INPUT', `Not a Twenty name: "${name}"`);
  return name;
};

/** The filter literal for "has a value", or null when Twenty's filter grammar has none. */
const notNullFilter = (field: ModelField): string | null => {
  if (field.type === 'RELATION') {
    if (field.relation?.type !== 'MANY_TO_ONE') return null;
    const column = field.settings?.joinColumnName;
    return `${graphqlName(typeof column === 'string' ? column : `${field.name}Id`)}: { is: NOT_NULL }`;
  }
  if (field.type === 'MORPH_RELATION' || field.type === 'TS_VECTOR') return null;
  const sub = PRIMARY_SUB_FIELD[field.type];
  const name = graphqlName(field.name);
  return sub ? `${name}: { ${sub}: { is: NOT_NULL } }` : `${name}: { is: NOT_NULL }`;
};

const resolveTarget = async (
  client: TwentyClient,
  object: string | CountTarget,
  signal?: AbortSignal,
): Promise<CountTarget> => {
  if (typeof object !== 'string') return object;
  const { objects } = await readModel(client, signal);
  const found = objects.find(
    (candidate) => candidate.nameSingular === object || candidate.namePlural === object,
  );
  if (!found) throw new AppError('NOT_FOUND', `There is no object "${object}"`);
  return found;
};

export const countRecords = async (
  client: TwentyClient,
  object: string | CountTarget,
  fieldName?: string,
  signal?: AbortSignal,
): Promise<RecordCounts> => {
  const target = await resolveTarget(client, object, signal);
  const field = fieldName ? target.fields.find((candidate) => candidate.name === fieldName) : null;
  if (fieldName && !field)
    throw new AppError('NOT_FOUND', `There is no field "${fieldName}" on ${target.nameSingular}`);
  const filter = field ? notNullFilter(field) : null;
  const plural = graphqlName(target.namePlural);
  // Twenty refuses a root field twice in one document (even aliased): one request per count.
  // `first: 1`: only the count is wanted, not a page of records.
  const count = async (where: string | null): Promise<number> => {
    const query = `query AtelierCount { ${plural}(first: 1${where ? `, filter: { ${where} }` : ''}) { totalCount } }`;
    const body = await client.graphql<Record<string, { totalCount: number }>>({
      query,
      ...(signal ? { signal } : {}),
    });
    return body[plural]!.totalCount;
  };
  const [total, withValue] = await Promise.all([count(null), filter ? count(filter) : undefined]);
  return { total, ...(withValue === undefined ? {} : { withValue }) };
};
