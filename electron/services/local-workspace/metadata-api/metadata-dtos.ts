import {
  fieldsOfObject,
  type FieldRow,
  type IndexRow,
  type MetadataState,
  type ObjectRow,
} from '../metadata/metadata-types';
import { paginate, type Connection, type CursorPaging } from './cursor-connection';
import { matchesFilter, type MetadataFilter } from './metadata-filter';

/**
 * Metadata rows → the `Object`, `Field`, `Index` and `Relation` types of Twenty's metadata
 * schema (2.43). Nested fields are functions so graphql-js resolves them only when selected.
 */
export type ObjectDto = ReturnType<typeof toObjectDto>;
export type FieldDto = ReturnType<typeof toFieldDto>;

const sortFields = (fields: FieldRow[]) => fields;

export const toObjectDto = (state: MetadataState, row: ObjectRow) => ({
  ...row,
  isUIEditable: !row.isUIReadOnly,
  isUICreatable: !row.isUIReadOnly,
  readability: 'OPEN',
  readabilityParentFieldUniversalIdentifiers: null,
  writability: row.isSystem ? 'SYSTEM' : 'OPEN',
  fieldsList: () =>
    sortFields(fieldsOfObject(state, row.id)).map((field) => toFieldDto(state, field)),
  fields: ({
    paging,
    filter,
  }: {
    paging?: CursorPaging;
    filter?: MetadataFilter;
  }): Connection<unknown> =>
    paginate(
      fieldsOfObject(state, row.id)
        .map((field) => toFieldDto(state, field))
        .filter((dto) => matchesFilter(dto as unknown as Record<string, unknown>, filter)),
      paging,
    ),
  indexMetadataList: () => indexesOf(state, row.id).map(toIndexDto),
  indexMetadatas: ({ paging, filter }: { paging?: CursorPaging; filter?: MetadataFilter }) =>
    paginate(
      indexesOf(state, row.id)
        .map(toIndexDto)
        .filter((dto) => matchesFilter(dto as unknown as Record<string, unknown>, filter)),
      paging,
    ),
  searchFieldMetadataList: () => [],
});

const indexesOf = (state: MetadataState, objectId: string): IndexRow[] =>
  [...state.indexes.values()].filter((index) => index.objectMetadataId === objectId);

export const toIndexDto = (index: IndexRow) => ({
  ...index,
  indexFieldMetadataList: index.fields.map((entry) => ({
    ...entry,
    createdAt: index.createdAt,
    updatedAt: index.updatedAt,
  })),
});

const relationOf = (state: MetadataState, field: FieldRow) => {
  const target = field.relationTargetFieldMetadataId
    ? state.fields.get(field.relationTargetFieldMetadataId)
    : undefined;
  const sourceObject = state.objects.get(field.objectMetadataId);
  const targetObject = field.relationTargetObjectMetadataId
    ? state.objects.get(field.relationTargetObjectMetadataId)
    : undefined;
  if (!target || !sourceObject || !targetObject) return null;
  return {
    type: field.settings?.relationType ?? 'ONE_TO_MANY',
    sourceObjectMetadata: () => toObjectDto(state, sourceObject),
    targetObjectMetadata: () => toObjectDto(state, targetObject),
    sourceFieldMetadata: () => toFieldDto(state, field),
    targetFieldMetadata: () => toFieldDto(state, target),
  };
};

export const toFieldDto = (state: MetadataState, row: FieldRow) => ({
  ...row,
  isUIEditable: !row.isUIReadOnly,
  writability: row.isSystem ? 'SYSTEM' : 'OPEN',
  isSearchable: false,
  isAuditLogged: true,
  object: (): unknown => {
    const object = state.objects.get(row.objectMetadataId);
    return object ? toObjectDto(state, object) : null;
  },
  relation: (): unknown => (row.type === 'RELATION' ? relationOf(state, row) : null),
  morphRelations: (): unknown[] | null =>
    row.type === 'MORPH_RELATION' && row.morphId
      ? [...state.fields.values()]
          .filter(
            (sibling) =>
              sibling.morphId === row.morphId && sibling.objectMetadataId === row.objectMetadataId,
          )
          .map((sibling) => relationOf(state, sibling))
          .filter((relation) => relation !== null)
      : null,
});
