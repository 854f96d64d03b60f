import {
  COMPOSITE_TYPES,
  computeCompositeColumnName,
  isCompositeFieldType,
  type CompositeFieldType,
} from '../../../../shared/domain/composite-types';
import type { FieldMetadataType } from '../../../../shared/domain/field-metadata-type';
import { quoteIdentifier } from '../storage/sql-engine';
import {
  fieldsOfObject,
  type FieldRow,
  type MetadataState,
  type ObjectRow,
} from './metadata-types';

/**
 * The `searchVector` generated column, as Twenty builds it (get-ts-vector-column-expression.util.ts,
 * the release that indexes additional e-mails/phones and secondary links; docs/twenty-fidelity.md
 * "Search"): one `to_tsvector('simple', …)` over the unaccented text of the object's search fields,
 * so the global `search` query ranks and matches exactly as Twenty's does.
 */
export interface SearchFieldRef {
  name: string;
  type: FieldMetadataType;
}

/** Twenty's immutable wrapper (generated columns need an IMMUTABLE function). */
export const UNACCENT_FUNCTION_SQL = [
  `CREATE EXTENSION IF NOT EXISTS unaccent`,
  `CREATE OR REPLACE FUNCTION public.unaccent_immutable(input text) RETURNS text
     LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
     AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, input) $$`,
];

const unaccented = (sql: string) => `COALESCE(public.unaccent_immutable(${sql}), '')`;

/** Sub-fields Twenty indexes: TEXT ones only; phones their number and calling code; rich text its markdown. */
const isSearchableSubfield = (type: CompositeFieldType, subType: string, subName: string) => {
  if (subType !== 'TEXT') return false;
  if (type === 'RICH_TEXT') return subName === 'markdown';
  if (type === 'PHONES')
    return subName === 'primaryPhoneNumber' || subName === 'primaryPhoneCallingCode';
  return true;
};

const columnExpression = (column: string, type: FieldMetadataType): string => {
  const quoted = quoteIdentifier(column);
  switch (type) {
    case 'EMAILS':
      return `${unaccented(quoted)} || ' ' || ${unaccented(`SPLIT_PART(${quoted}, '@', 2)`)}`;
    case 'PHONES':
      return `COALESCE(${quoted}, '')`;
    case 'UUID':
    case 'NUMBER':
    case 'NUMERIC':
    case 'BOOLEAN':
      return `COALESCE(${quoted}::text, '')`;
    default:
      return unaccented(quoted);
  }
};

const compositeExpressions = (field: SearchFieldRef, type: CompositeFieldType): string[] => {
  const column = (sub: string) => quoteIdentifier(computeCompositeColumnName(field.name, sub));
  const base = COMPOSITE_TYPES[type]
    .filter((sub) => isSearchableSubfield(type, sub.type, sub.name))
    .map((sub) => columnExpression(computeCompositeColumnName(field.name, sub.name), type));
  if (type === 'PHONES') {
    const number = column('primaryPhoneNumber');
    const callingCode = column('primaryPhoneCallingCode');
    return [
      ...base,
      // +44 2071234567, 442071234567 and the trunk-prefixed 02071234567 all find the number.
      `COALESCE(${callingCode} || ${number}, '')`,
      `COALESCE(REPLACE(${callingCode}, '+', '') || ${number}, '')`,
      `COALESCE('0' || ${number}, '')`,
      `COALESCE(TRANSLATE(regexp_replace(${column('additionalPhones')}::text, '"(number|countryCode|callingCode)"\\s*:\\s*', '', 'g'), '[]{}",:', '        '), '')`,
    ];
  }
  if (type === 'LINKS')
    return [
      ...base,
      unaccented(
        `TRANSLATE(regexp_replace(${column('secondaryLinks')}::text, '"(label|url)"\\s*:\\s*', '', 'g'), '[]{}",:', '        ')`,
      ),
    ];
  if (type === 'EMAILS') {
    const additional = `${column('additionalEmails')}::text`;
    return [
      ...base,
      `${unaccented(`TRANSLATE(${additional}, '[]",', '    ')`)} || ' ' || ${unaccented(`TRANSLATE(REPLACE(${additional}, '@', ' '), '[]",', '    ')`)}`,
    ];
  }
  return base;
};

export const searchVectorExpression = (fields: readonly SearchFieldRef[]): string => {
  const parts = fields.flatMap((field) =>
    isCompositeFieldType(field.type)
      ? compositeExpressions(field, field.type)
      : [columnExpression(field.name, field.type)],
  );
  return `to_tsvector('simple', ${parts.length > 0 ? parts.join(" || ' ' || ") : 'NULL'})`;
};

/**
 * The fields an object's vector covers: a standard object's declared search fields, otherwise its
 * label identifier (Twenty: a custom object is searched by its label identifier field).
 */
export const searchFieldsOf = (
  fields: readonly FieldRow[],
  labelIdentifier: FieldRow | undefined,
  declared?: readonly string[],
): SearchFieldRef[] => {
  const names = declared ?? (labelIdentifier ? [labelIdentifier.name] : []);
  return names.flatMap((name) => {
    const field = fields.find((candidate) => candidate.name === name);
    return field ? [{ name: field.name, type: field.type }] : [];
  });
};

/**
 * Brings every object's vector to the expression above (workspaces made by older Atelier builds
 * indexed fewer columns); planDdl rebuilds each changed generated column. Returns how many changed.
 */
export const upgradeSearchVectors = (
  state: MetadataState,
  now: string,
  declaredFor: (object: ObjectRow) => readonly string[] | undefined,
): number => {
  let changed = 0;
  for (const object of state.objects.values()) {
    const fields = fieldsOfObject(state, object.id);
    const vector = fields.find((field) => field.type === 'TS_VECTOR');
    if (!vector) continue;
    const label = fields.find((field) => field.id === object.labelIdentifierFieldMetadataId);
    const asExpression = searchVectorExpression(
      searchFieldsOf(
        fields,
        label && label.type !== 'UUID' ? label : undefined,
        declaredFor(object),
      ),
    );
    if (vector.settings?.asExpression === asExpression) continue;
    state.fields.set(vector.id, {
      ...vector,
      settings: { ...vector.settings, asExpression },
      updatedAt: now,
    });
    changed += 1;
  }
  return changed;
};
