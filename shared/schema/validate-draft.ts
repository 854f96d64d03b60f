import { fieldTypeInfo } from '../domain/field-type-catalog';
import { computeMetadataNameFromLabel, validateMetadataName } from '../domain/metadata-names';
import type { ObjectHead } from './draft-edits';
import type { SchemaField, SchemaOption } from './schema-document';

/**
 * Twenty's validation rules, checked as the admin types, with Twenty's own messages (sources in
 * docs/twenty-data-model-rules.md §1–4). An issue names the input it belongs to.
 */
export interface DraftIssue {
  path: string;
  message: string;
}

const MAX = 63;
const UPPER_SNAKE = /^[A-Z0-9]+(_[A-Z0-9]+)*$/;

const nameIssues = (path: string, name: string): DraftIssue[] =>
  validateMetadataName(name, 'INVALID').map(({ message }) => ({ path, message }));

const syncedName = (label: string): string | null => {
  try {
    return computeMetadataNameFromLabel(label);
  } catch {
    return null;
  }
};

/**
 * `takenNames`: every nameSingular and namePlural of the workspace's other objects (standard and
 * system ones included): Twenty refuses a name equal to any of them, crossed both ways.
 */
export const validateObjectHead = (head: ObjectHead, takenNames: Set<string>): DraftIssue[] => {
  const issues: DraftIssue[] = [];
  for (const key of ['labelSingular', 'labelPlural'] as const) {
    const label = head[key].trim();
    if (label.length < 1) issues.push({ path: key, message: 'Object label is too short' });
    if (label.length > MAX) issues.push({ path: key, message: 'Object label is too long' });
  }
  issues.push(...nameIssues('nameSingular', head.nameSingular));
  issues.push(...nameIssues('namePlural', head.namePlural));
  if (head.nameSingular.trim().toLowerCase() === head.namePlural.trim().toLowerCase())
    issues.push({
      path: 'namePlural',
      message: 'The singular and plural names cannot be the same for an object',
    });
  if (
    head.isLabelSyncedWithName &&
    (syncedName(head.labelSingular) !== head.nameSingular ||
      syncedName(head.labelPlural) !== head.namePlural)
  )
    issues.push({ path: 'nameSingular', message: 'Names are not synced with labels' });
  for (const key of ['nameSingular', 'namePlural'] as const)
    if (takenNames.has(head[key])) issues.push({ path: key, message: 'Object already exists' });
  return issues;
};

const optionIssues = (options: SchemaOption[] | null): DraftIssue[] => {
  if (!options || options.length === 0)
    return [{ path: 'options', message: 'Options are required for enum fields' }];
  const issues: DraftIssue[] = [];
  const values = new Set<string>();
  options.forEach((option, index) => {
    const path = `options.${index}`;
    const label = option.label.trim();
    if (label.length === 0 || label === ' ')
      issues.push({ path: `${path}.label`, message: 'Label must not be empty' });
    if (label.length > MAX)
      issues.push({ path: `${path}.label`, message: 'Option label exceeds 63 characters' });
    if (label.includes(','))
      issues.push({ path: `${path}.label`, message: 'Label must not contain a comma' });
    if (option.value.length === 0)
      issues.push({ path: `${path}.value`, message: 'Option value is required' });
    else if (option.value.length > MAX)
      issues.push({ path: `${path}.value`, message: 'Option value exceeds 63 characters' });
    else if (!UPPER_SNAKE.test(option.value))
      issues.push({
        path: `${path}.value`,
        message: `Value must be in UPPER_CASE and follow snake_case "${option.value}"`,
      });
    if (values.has(option.value))
      issues.push({ path: `${path}.value`, message: 'Duplicated option value' });
    values.add(option.value);
  });
  return issues;
};

const unquote = (value: unknown): unknown =>
  typeof value === 'string' ? value.replace(/^['"](.*)['"]$/, '$1') : value;

const defaultIssues = (field: SchemaField): DraftIssue[] => {
  const value = field.defaultValue;
  if (value === null || value === undefined) return [];
  const values = new Set((field.options ?? []).map((option) => option.value));
  if (field.type === 'SELECT' && !values.has(unquote(value) as string))
    return [
      {
        path: 'defaultValue',
        message: `Default value "${String(value)}" must be one of the option values`,
      },
    ];
  if (field.type === 'MULTI_SELECT') {
    if (!Array.isArray(value) || value.length === 0)
      return [
        {
          path: 'defaultValue',
          message: 'If defined default value must contain at least one value',
        },
      ];
    if (new Set(value).size !== value.length)
      return [{ path: 'defaultValue', message: 'Default values must be unique' }];
    const unknown = value.find((item) => !values.has(unquote(item) as string));
    if (unknown !== undefined)
      return [
        {
          path: 'defaultValue',
          message: `Default value "${String(unknown)}" must be one of the option values`,
        },
      ];
  }
  return [];
};

const settingIssues = (field: SchemaField): DraftIssue[] => {
  const settings = field.settings ?? {};
  const decimals = settings.decimals;
  const limit = field.type === 'CURRENCY' ? 5 : 100;
  if (
    (field.type === 'NUMBER' || field.type === 'CURRENCY') &&
    decimals !== undefined &&
    (!Number.isInteger(decimals) || (decimals as number) < 0 || (decimals as number) > limit)
  )
    return [{ path: 'settings.decimals', message: `Decimals must be between 0 and ${limit}` }];
  const max = settings.maxNumberOfValues;
  if (
    field.type === 'FILES' &&
    (!Number.isInteger(max) || (max as number) < 1 || (max as number) > 10)
  )
    return [
      {
        path: 'settings.maxNumberOfValues',
        message: 'Files field settings maxNumberOfValues must be an integer between 1 and 10',
      },
    ];
  if (
    ['DATE', 'DATE_TIME'].includes(field.type) &&
    settings.displayFormat === 'CUSTOM' &&
    !String(settings.customUnicodeDateFormat ?? '').trim()
  )
    return [{ path: 'settings.customUnicodeDateFormat', message: 'Enter a date format' }];
  return [];
};

/**
 * A relation whose one-to-many side shows as a many-to-many: the field it names must be a
 * many-to-one relation of the junction (the object of the MANY_TO_ONE side). Twenty's
 * userFriendlyMessages (validate-junction-target-settings.util.ts).
 */
export const junctionIssues = (field: SchemaField, junctionFields: SchemaField[]): DraftIssue[] => {
  const name = field.relation?.junctionTarget;
  if (!name) return [];
  const path = 'relation.junctionTarget';
  const target = junctionFields.find((candidate) => candidate.name === name);
  if (!target) return [{ path, message: 'Junction target field not found' }];
  if (target.type !== 'RELATION' || !target.relation)
    return [{ path, message: 'Junction target field must be a relation field' }];
  if (target.relation.type !== 'MANY_TO_ONE')
    return [{ path, message: 'Junction target field must be a MANY_TO_ONE relation' }];
  return [];
};

/** `otherFieldNames`: the names of the object's other fields (standard and system ones too). */
export const validateField = (field: SchemaField, otherFieldNames: Set<string>): DraftIssue[] => {
  const issues: DraftIssue[] = [];
  const label = field.label.trim();
  if (label.length < 1) issues.push({ path: 'label', message: 'Label is required' });
  if (label.length > MAX) issues.push({ path: 'label', message: 'Label is too long' });
  issues.push(...nameIssues('name', field.name));
  if (field.isLabelSyncedWithName && syncedName(field.label) !== field.name)
    issues.push({ path: 'name', message: 'Name is not synced with label' });
  if (otherFieldNames.has(field.name))
    issues.push({
      path: 'name',
      message: `Name "${field.name}" is not available as it is already used by another field`,
    });
  if (field.isUnique && !fieldTypeInfo(field.type)?.canBeUnique)
    issues.push({ path: 'isUnique', message: `${field.type} fields cannot be unique.` });
  if (field.type === 'SELECT' || field.type === 'MULTI_SELECT')
    issues.push(...optionIssues(field.options));
  if (!field.isNullable && field.defaultValue === null && field.type !== 'RELATION')
    issues.push({
      path: 'defaultValue',
      message: 'Default value cannot be null for non-nullable fields',
    });
  if (field.relation) {
    if (field.relation.inverseLabel.trim().length < 1)
      issues.push({ path: 'relation.inverseLabel', message: 'Label is required' });
    issues.push(...nameIssues('relation.inverseName', field.relation.inverseName));
  }
  issues.push(...defaultIssues(field), ...settingIssues(field));
  return issues;
};
