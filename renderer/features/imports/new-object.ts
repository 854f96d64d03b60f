import type { WorkspaceModel } from '../../../shared/contract';
import { BASE_FIELD_NAMES } from '../../../shared/domain/base-fields';
import type { FieldMetadataType } from '../../../shared/domain/field-metadata-type';
import {
  CREATABLE_FIELD_TYPES,
  fieldTypeInfo,
  optionValueFromLabel,
  TAG_COLORS,
} from '../../../shared/domain/field-type-catalog';
import { IDENTIFIER_MAX_LENGTH, sanitiseText } from '../../../shared/domain/metadata-names';
import { inferFieldTypes, type Transform } from '../../../shared/imports';
import {
  newFieldOfType,
  safeName,
  syncedObjectNames,
  type ObjectHead,
} from '../../../shared/schema/draft-edits';
import type { SchemaField, SchemaOption } from '../../../shared/schema/schema-document';
import {
  validateField,
  validateObjectHead,
  type DraftIssue,
} from '../../../shared/schema/validate-draft';

/**
 * "New object from this file": a custom object proposed from a file's name and columns (labels
 * and names by Twenty's rules, one field per column typed from its values), edited by the admin,
 * checked with the data-model editor's rules before the plan is reviewed. Pure: the dialog keeps
 * the proposal and calls these.
 */
export interface NewColumn {
  column: string;
  included: boolean;
  label: string;
  name: string;
  /** The name follows the label until the admin types one. */
  nameFollowsLabel: boolean;
  type: FieldMetadataType;
  /** What the values looked like. */
  inferredType: FieldMetadataType;
  /** The column fills the object's own `name` field instead of a new one. */
  baseField: 'name' | null;
  /** Options made from the values, proposed when the inference chose a select. */
  inferredOptions: SchemaOption[];
  inferredSettings: Record<string, unknown> | null;
  /** Transforms the values need (date format, number locale, checkmarks, list separator). */
  transforms: Transform[];
  /** Distinct non-empty values of the sample, for options when the admin picks a select. */
  values: string[];
}

export interface NewObjectProposal {
  labelSingular: string;
  labelPlural: string;
  nameSingular: string;
  namePlural: string;
  /** The names follow the labels until the admin types one. */
  namesFollowLabels: boolean;
  description: string | null;
  columns: NewColumn[];
}

const MAX = IDENTIFIER_MAX_LENGTH;
const FALLBACK = { singular: 'Imported record', plural: 'Imported records' };

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** English plural of a word ("Company" → "Companies", "Box" → "Boxes"). */
export const pluralise = (word: string): string => {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
};

/** English singular of a plural word, or null when it does not read as a plural. */
export const singularise = (word: string): string | null => {
  if (/ies$/i.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|x|z|ch|sh)es$/i.test(word)) return word.slice(0, -2);
  if (/(ss|us|is)$/i.test(word) || !/s$/i.test(word) || word.length < 3) return null;
  return word.slice(0, -1);
};

/**
 * Labels from a file's name: "vendors.csv" → Vendor / Vendors, "purchase_orders-2024.xlsx" →
 * Purchase Order / Purchase Orders (separators as spaces, numbers at the end dropped, each word
 * capitalised, the last word made singular or plural).
 */
export const labelsFromFileName = (fileName: string): { singular: string; plural: string } => {
  const stem = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.[a-z0-9]{1,5}$/i, '');
  const words = sanitiseText(
    stem
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/[_\-.+]+/g, ' ')
      .replace(/[^\p{L}\p{N} ]+/gu, ' '),
  ).split(' ');
  while (words.length > 1 && /^\d+$/.test(words[words.length - 1]!)) words.pop();
  const named = words.filter(Boolean).map(capitalise);
  const last = named.pop();
  if (!last || !/\p{L}/u.test(last) || !safeName(last)) return FALLBACK;
  const head = named.length ? `${named.join(' ')} ` : '';
  const singularLast = singularise(last);
  const singular = `${head}${singularLast ?? last}`.slice(0, MAX).trim();
  const plural = `${head}${singularLast ? last : pluralise(last)}`.slice(0, MAX).trim();
  return singular.toLowerCase() === plural.toLowerCase() ? FALLBACK : { singular, plural };
};

/** A field's name from its label as the wizard proposes it: Twenty's rule, base names suffixed. */
export const fieldNameFromLabel = (label: string): string => {
  const name = safeName(label).slice(0, MAX - 8);
  return (BASE_FIELD_NAMES as readonly string[]).includes(name) ? `${name}Custom` : name;
};

const distinctValues = (rows: ReadonlyArray<Readonly<Record<string, string | undefined>>>) => {
  return (column: string): string[] => {
    const seen = new Set<string>();
    for (const row of rows) {
      const value = sanitiseText(row[column] ?? '');
      if (value) seen.add(value);
    }
    return [...seen];
  };
};

const asFieldType = (type: string): FieldMetadataType => type as FieldMetadataType;

/** The object a file proposes: labels from its name, one field per column typed from its values. */
export const proposeNewObject = (
  fileName: string,
  headers: readonly string[],
  rows: ReadonlyArray<Readonly<Record<string, string | undefined>>>,
): NewObjectProposal => {
  const { singular, plural } = labelsFromFileName(fileName);
  const valuesOf = distinctValues(rows);
  const columns = inferFieldTypes(headers, rows).map((inferred): NewColumn => ({
    column: inferred.column,
    included: true,
    label: inferred.baseField ? 'Name' : inferred.label,
    name: inferred.name,
    nameFollowsLabel: true,
    type: asFieldType(inferred.type),
    inferredType: asFieldType(inferred.type),
    baseField: inferred.baseField ?? null,
    inferredOptions: (inferred.options ?? []).map((option) => ({ ...option })),
    inferredSettings: inferred.settings ?? null,
    transforms: inferred.transforms,
    values: valuesOf(inferred.column),
  }));
  return {
    labelSingular: singular,
    labelPlural: plural,
    ...syncedObjectNames({ labelSingular: singular, labelPlural: plural }),
    namesFollowLabels: true,
    description: `Made from ${fileName.split(/[\\/]/).pop()} by the import wizard`,
    columns,
  };
};

/** Types a column can become: what the admin can create and the import can fill (no relations, files). */
export const columnTypes = (
  column: NewColumn,
): Array<{ type: FieldMetadataType; label: string }> => {
  const types = CREATABLE_FIELD_TYPES.filter(
    (info) => info.type !== 'RELATION' && info.type !== 'FILES',
  ).map((info) => ({ type: info.type, label: info.label }));
  if (!types.some((entry) => entry.type === column.inferredType))
    types.push({ type: column.inferredType, label: column.inferredType });
  return types;
};

// Edits of the proposal, each returning the next one.

export const setObjectLabels = (
  proposal: NewObjectProposal,
  labels: { labelSingular?: string; labelPlural?: string },
): NewObjectProposal => {
  const next = { ...proposal, ...labels };
  return next.namesFollowLabels ? { ...next, ...syncedObjectNames(next) } : next;
};

export const setObjectNames = (
  proposal: NewObjectProposal,
  names: { nameSingular?: string; namePlural?: string },
): NewObjectProposal => ({ ...proposal, ...names, namesFollowLabels: false });

export const updateColumn = (
  proposal: NewObjectProposal,
  column: string,
  patch: Partial<Pick<NewColumn, 'included' | 'label' | 'name' | 'type'>>,
): NewObjectProposal => ({
  ...proposal,
  columns: proposal.columns.map((entry) => {
    if (entry.column !== column) return entry;
    const next = { ...entry, ...patch };
    if (patch.name !== undefined) next.nameFollowsLabel = false;
    else if (patch.label !== undefined && next.nameFollowsLabel)
      next.name = fieldNameFromLabel(patch.label);
    return next;
  }),
});

/** Options from values ("Hardware" → HARDWARE), as Twenty's option rules want them. */
export const optionsFromValues = (values: readonly string[], multi: boolean): SchemaOption[] => {
  const labels = multi ? values.flatMap((value) => value.split(/[;,|]/)) : values;
  const options: SchemaOption[] = [];
  const used = new Set<string>();
  for (const raw of labels) {
    const label = sanitiseText(raw).replace(/,/g, ' ').slice(0, MAX).trim();
    if (!label || options.some((option) => option.label === label)) continue;
    const base = optionValueFromLabel(label).slice(0, 60) || `OPTION_${options.length + 1}`;
    let value = base;
    for (let n = 2; used.has(value); n++) value = `${base}_${n}`;
    used.add(value);
    const color = TAG_COLORS[options.length % TAG_COLORS.length]!;
    options.push({ label, value, color, position: options.length });
  }
  return options;
};

/** The options a select column gets: the inferred ones, else made from its values. */
export const columnOptions = (column: NewColumn): SchemaOption[] => {
  if (column.type !== 'SELECT' && column.type !== 'MULTI_SELECT') return [];
  if (column.inferredOptions.length && column.inferredType === column.type)
    return column.inferredOptions;
  return optionsFromValues(column.values, column.type === 'MULTI_SELECT');
};

/** The columns that become new fields (a Name column fills the object's own field). */
export const newFieldColumns = (proposal: NewObjectProposal): NewColumn[] =>
  proposal.columns.filter((column) => column.included && !column.baseField);

/** The field a column becomes, as the data-model editor's draft holds fields. */
export const schemaFieldOf = (column: NewColumn): SchemaField => {
  const label = sanitiseText(column.label);
  const field = newFieldOfType(column.type, label, fieldTypeInfo(column.type)?.icon ?? 'IconBox');
  field.name = column.name;
  field.isLabelSyncedWithName = column.name === safeName(label);
  const options = columnOptions(column);
  if (options.length) field.options = options;
  if (column.type === 'NUMBER' && column.inferredType === 'NUMBER' && column.inferredSettings)
    field.settings = column.inferredSettings;
  return field;
};

export const objectHeadOf = (proposal: NewObjectProposal): ObjectHead => {
  const labelSingular = sanitiseText(proposal.labelSingular);
  const labelPlural = sanitiseText(proposal.labelPlural);
  const synced = syncedObjectNames({ labelSingular, labelPlural });
  return {
    nameSingular: proposal.nameSingular,
    namePlural: proposal.namePlural,
    labelSingular,
    labelPlural,
    description: proposal.description,
    icon: 'IconTable',
    isActive: true,
    isLabelSyncedWithName:
      synced.nameSingular === proposal.nameSingular && synced.namePlural === proposal.namePlural,
  };
};

export interface ProposalIssues {
  /** Issues of the object's labels and names, by input (labelSingular, nameSingular…). */
  object: DraftIssue[];
  /** Issues of each included column, by column. */
  columns: Record<string, DraftIssue[]>;
  /** What keeps the plan from being reviewed, in words (empty when it can be). */
  blocking: string[];
}

/**
 * Twenty's rules as the data-model editor checks them: the object's names against every object of
 * the workspace, each new field against the fields every custom object is born with and the
 * other new fields.
 */
export const proposalIssues = (
  proposal: NewObjectProposal,
  model: WorkspaceModel | null,
): ProposalIssues => {
  const taken = new Set(
    (model?.objects ?? []).flatMap((object) => [object.nameSingular, object.namePlural]),
  );
  const object = validateObjectHead(objectHeadOf(proposal), taken);
  const fields = newFieldColumns(proposal);
  const columns: Record<string, DraftIssue[]> = {};
  const blocking = object.map(
    (issue) =>
      `${issue.path.startsWith('label') ? 'Object label' : 'Object name'}: ${issue.message}`,
  );
  for (const column of fields) {
    const others = new Set<string>([
      ...BASE_FIELD_NAMES,
      ...fields.filter((other) => other !== column).map((other) => other.name),
    ]);
    const issues = validateField(schemaFieldOf(column), others);
    if (issues.length) {
      columns[column.column] = issues;
      blocking.push(`${column.column}: ${issues[0]!.message}`);
    }
  }
  if (!proposal.columns.some((column) => column.included))
    blocking.push('Include at least one column');
  return { object, columns, blocking };
};
