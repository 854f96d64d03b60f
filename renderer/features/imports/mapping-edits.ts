import type { ModelField, ModelObject, WorkspaceModel } from '../../../shared/contract';
import { isCompositeFieldType } from '../../../shared/domain/composite-types';
import {
  isRequiredField,
  resolveKeyPath,
  type ColumnSuggestion,
  type DuplicateRule,
  type FieldSource,
  type MappingDocument,
  type MappingOptions,
  type Part,
  type Transform,
} from '../../../shared/imports';
import { IMPORTABLE_PARTS, LIST_PARTS } from '../../../shared/imports/composite-readers';
import { junctionFields } from '../../../shared/imports/junction-targets';
import { importableFields, isManyToOne } from '../../../shared/imports/model-targets';

/**
 * Edits of a mapping document as the wizard makes them: pure functions from one document to the
 * next (the draft keeps the result), so each is tested without a page. docs/import-mapping.md
 * describes the document.
 */
export type SourceKind = 'none' | FieldSource['kind'];
export type ColumnsSource = Extract<FieldSource, { kind: 'columns' }>;

export const KIND_LABELS: Record<SourceKind, string> = {
  none: 'Not imported',
  column: 'Column',
  columns: 'Several columns',
  constant: 'Same value on every row',
  lookup: 'Lookup',
};

export interface TargetField {
  field: ModelField;
  /** Parts a `columns` source may give (composites only). */
  parts: readonly string[];
  relation: boolean;
  /** The other object of a many-to-one relation. */
  targetObject: string | null;
  /**
   * A one-to-many through a junction (a note's noteTargets): the objects its records can be
   * attached to. The engine creates the junction records after the row's record.
   */
  linkable: readonly string[] | null;
  required: boolean;
}

/** What the wizard calls a field: "Attach to (Relations)" for a junction. */
export const targetLabel = (target: TargetField): string => {
  const label = target.field.label || target.field.name;
  return target.linkable ? `Attach to (${label})` : label;
};

/**
 * The fields a file can fill, required ones first, then in the object's order; with the model,
 * the junction fields (attach a note to companies) too.
 */
export const targetFields = (object: ModelObject, model?: WorkspaceModel): TargetField[] => {
  const junctions = new Map(
    model ? junctionFields(object, model).map((junction) => [junction.field, junction]) : [],
  );
  return importableFields(object, model)
    .map((field) => ({
      field,
      parts: isCompositeFieldType(field.type)
        ? (IMPORTABLE_PARTS[field.type as keyof typeof IMPORTABLE_PARTS] ?? [])
        : [],
      relation: field.type === 'RELATION',
      targetObject: junctions.has(field) ? null : (field.relation?.targetObject ?? null),
      linkable: junctions.get(field)?.objects ?? null,
      required: isRequiredField(field),
    }))
    .sort((a, b) => Number(b.required) - Number(a.required));
};

export const kindsFor = (target: TargetField): SourceKind[] => {
  if (target.linkable) return ['none', 'lookup'];
  if (target.relation) return isManyToOne(target.field) ? ['none', 'lookup', 'column'] : ['none'];
  if (target.parts.length) return ['none', 'column', 'columns', 'constant'];
  return ['none', 'column', 'constant'];
};

export const isListPart = (part: string): boolean => LIST_PARTS.has(part);

/** Words for a sub-field: "primaryEmail" → "primary email". */
export const partLabel = (part: string): string =>
  part
    .replace(/^address/, '')
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .toLowerCase()
    .replace('amount micros', 'amount')
    .trim();

export const sourceKind = (source: FieldSource | undefined): SourceKind => source?.kind ?? 'none';

const partsOf = (source: ColumnsSource): Part[] => Object.values(source.parts).flat();

/** The first column a source reads, if any. */
export const firstColumnOf = (source: FieldSource | undefined): string | null => {
  if (!source) return null;
  if (source.kind === 'column' || source.kind === 'lookup') return source.column;
  if (source.kind === 'columns') {
    const part = partsOf(source).find((candidate) => 'column' in candidate);
    return part && 'column' in part ? part.column : null;
  }
  return null;
};

/** Keys of the other object a lookup can go by: unique ones first, then names, e-mails, links. */
export const lookupKeys = (
  model: WorkspaceModel,
  objectName: string,
): Array<{ value: string; label: string; unique: boolean }> => {
  const other = model.objects.find((object) => object.nameSingular === objectName);
  if (!other) return [];
  const keyTypes = new Set(['TEXT', 'EMAILS', 'LINKS', 'PHONES', 'UUID', 'NUMBER', 'FULL_NAME']);
  return other.fields
    .filter(
      (field) =>
        field.isActive &&
        keyTypes.has(field.type) &&
        (!field.isSystem || field.name === 'id') &&
        !['createdAt', 'updatedAt'].includes(field.name),
    )
    .map((field) => ({
      value: field.name,
      label: `${field.label || field.name}${field.isUnique || field.name === 'id' ? ' (unique)' : ''}`,
      unique: field.isUnique || field.name === 'id',
    }))
    .sort((a, b) => Number(b.unique) - Number(a.unique));
};

export const defaultLookupKey = (model: WorkspaceModel, objectName: string): string =>
  lookupKeys(model, objectName).find((key) => key.unique && key.value !== 'id')?.value ??
  lookupKeys(model, objectName).find((key) => key.value === 'name')?.value ??
  'id';

/** Companies first (what notes and tasks are most often about), else the first object. */
const preferredLinkable = (linkable: readonly string[] | null): string | undefined =>
  linkable?.includes('company') ? 'company' : linkable?.[0];

/** A junction lookup's list separator (several targets in one cell), if any. */
export const listSeparatorOf = (transforms: readonly Transform[]): string | null => {
  const list = transforms.findLast((transform) => transform.type === 'list');
  return list?.type === 'list' ? list.separator : null;
};

/** The transforms with the list separator set (null or empty: one target a cell). */
export const withListSeparator = (
  transforms: readonly Transform[],
  separator: string | null,
): Transform[] => {
  const others = transforms.filter((transform) => transform.type !== 'list');
  return separator ? [...others, { type: 'list', separator }] : others;
};

/** The source a field gets when the admin picks another kind, keeping what carries over. */
export const switchKind = (
  target: TargetField,
  kind: SourceKind,
  current: FieldSource | undefined,
  headers: readonly string[],
  model: WorkspaceModel,
): FieldSource | null => {
  const column = firstColumnOf(current) ?? headers[0] ?? '';
  const transforms: Transform[] =
    current && (current.kind === 'column' || current.kind === 'lookup') ? current.transforms : [];
  switch (kind) {
    case 'none':
      return null;
    case 'column':
      return { kind: 'column', column, transforms };
    case 'columns': {
      const part = target.parts[0] ?? 'primary';
      const first: Part = { column, transforms };
      return { kind: 'columns', parts: { [part]: isListPart(part) ? [first] : first } };
    }
    case 'constant':
      return { kind: 'constant', value: '' };
    case 'lookup': {
      const object = target.targetObject ?? preferredLinkable(target.linkable) ?? '';
      return {
        kind: 'lookup',
        column,
        // Several targets in one cell are common ("acme.com; globex.com").
        transforms:
          target.linkable && !transforms.some((transform) => transform.type === 'list')
            ? [...transforms, { type: 'list', separator: ';' }]
            : transforms,
        object,
        by: defaultLookupKey(model, object),
        createMissing: false,
      };
    }
  }
};

const withoutKey = <T>(record: Record<string, T>, key: string): Record<string, T> => {
  const copy = { ...record };
  delete copy[key];
  return copy;
};

/** The document with one field's source replaced (null: the field is no longer imported). */
export const setFieldSource = (
  mapping: MappingDocument,
  field: string,
  source: FieldSource | null,
): MappingDocument => ({
  ...mapping,
  fields: source ? { ...mapping.fields, [field]: source } : withoutKey(mapping.fields, field),
});

/** A `columns` source with one part set (a list part takes an array; null removes the part). */
export const setPart = (
  source: ColumnsSource,
  part: string,
  value: Part | Part[] | null,
): ColumnsSource => ({
  ...source,
  parts:
    value === null || (Array.isArray(value) && value.length === 0)
      ? withoutKey(source.parts, part)
      : { ...source.parts, [part]: value },
});

/** The parts of a list sub-field as an array (a single part is read as a list of one). */
export const listParts = (source: ColumnsSource, part: string): Part[] => {
  const value = source.parts[part];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

export const setOptions = (
  mapping: MappingDocument,
  patch: Partial<MappingOptions>,
): MappingDocument => ({ ...mapping, options: { ...mapping.options, ...patch } });

export const setDedupe = (
  mapping: MappingDocument,
  key: string | null,
  duplicates: DuplicateRule = mapping.dedupe?.duplicates ?? 'first',
): MappingDocument => {
  if (!key) {
    const copy = { ...mapping };
    delete copy.dedupe;
    return copy;
  }
  return { ...mapping, dedupe: { key, duplicates } };
};

/** Keys a dedupe can use: unique fields (composites by their unique part), then other values. */
export const dedupeChoices = (
  object: ModelObject,
): Array<{ value: string; label: string; unique: boolean }> => {
  const choices: Array<{ value: string; label: string; unique: boolean }> = [];
  for (const field of importableFields(object)) {
    if (field.type === 'RELATION' || field.name === 'id') continue;
    if (!['TEXT', 'EMAILS', 'LINKS', 'PHONES', 'UUID', 'NUMBER', 'FULL_NAME'].includes(field.type))
      continue;
    const resolved = resolveKeyPath(object, field.name);
    if ('error' in resolved) continue;
    const label = field.label || field.name;
    choices.push({
      value: resolved.path,
      label: resolved.subField ? `${label} (${partLabel(resolved.subField)})` : label,
      unique: field.isUnique,
    });
  }
  return choices.sort((a, b) => Number(b.unique) - Number(a.unique));
};

/** A unique field the mapping fills is the natural key: proposed when there is none yet. */
export const proposeDedupe = (mapping: MappingDocument, object: ModelObject): MappingDocument => {
  if (mapping.dedupe) return mapping;
  const unique = dedupeChoices(object).find(
    (choice) => choice.unique && mapping.fields[choice.value.split('.')[0]!] !== undefined,
  );
  return unique ? setDedupe(mapping, unique.value, 'first') : mapping;
};

/** The document with one suggestion applied, as suggestMapping would have built it. */
export const applySuggestion = (
  mapping: MappingDocument,
  suggestion: ColumnSuggestion,
): MappingDocument => {
  const { column, target, transforms } = suggestion;
  if (target.lookup)
    return setFieldSource(mapping, target.field, {
      kind: 'lookup',
      column,
      transforms,
      object: target.lookup.object,
      by: target.lookup.by,
      createMissing: false,
    });
  if (!target.part)
    return setFieldSource(mapping, target.field, { kind: 'column', column, transforms });
  const current = mapping.fields[target.field];
  const base: ColumnsSource =
    current?.kind === 'columns' ? current : { kind: 'columns', parts: {} };
  const part: Part = { column, transforms };
  const next = isListPart(target.part)
    ? setPart(base, target.part, [...listParts(base, target.part), part])
    : setPart(base, target.part, part);
  return setFieldSource(mapping, target.field, next);
};

/** Whether a suggestion is what the mapping does now (to show its reason beside the field). */
export const suggestionIsApplied = (
  mapping: MappingDocument,
  suggestion: ColumnSuggestion,
): boolean => {
  const source = mapping.fields[suggestion.target.field];
  if (!source) return false;
  if (suggestion.target.lookup)
    return source.kind === 'lookup' && source.column === suggestion.column;
  if (suggestion.target.part) {
    if (source.kind !== 'columns') return false;
    const value = source.parts[suggestion.target.part];
    const parts = value === undefined ? [] : Array.isArray(value) ? value : [value];
    return parts.some((part) => 'column' in part && part.column === suggestion.column);
  }
  return source.kind === 'column' && source.column === suggestion.column;
};

/** One line saying where a field's value comes from. */
export const describeSource = (source: FieldSource | undefined): string => {
  if (!source) return 'Not imported';
  switch (source.kind) {
    case 'column':
      return `Column “${source.column}”`;
    case 'columns': {
      const columns = partsOf(source).map((part) =>
        'column' in part ? `“${part.column}”` : `“${part.constant}”`,
      );
      return `${columns.length} part${columns.length === 1 ? '' : 's'}: ${columns.join(', ')}`;
    }
    case 'constant':
      return `Always ${typeof source.value === 'string' ? `“${source.value}”` : JSON.stringify(source.value)}`;
    case 'lookup':
      return `“${source.column}” → ${source.object} by ${source.by}${source.createMissing ? ', created if missing' : ''}`;
  }
};

/** Columns of the file no field reads. */
export const unusedColumns = (mapping: MappingDocument, headers: readonly string[]): string[] => {
  const used = new Set<string>();
  for (const source of Object.values(mapping.fields)) {
    if (source.kind === 'column' || source.kind === 'lookup') used.add(source.column);
    if (source.kind === 'columns')
      for (const part of partsOf(source)) if ('column' in part) used.add(part.column);
  }
  return headers.filter((header) => !used.has(header));
};
