import { BASE_FIELD_NAMES } from '../domain/base-fields';
import { optionValueFromLabel, TAG_COLORS } from '../domain/field-type-catalog';
import {
  computeMetadataNameFromLabel,
  IDENTIFIER_MAX_LENGTH,
  sanitiseText,
  validateMetadataName,
} from '../domain/metadata-names';
import type { Transform } from './mapping';
import { sniffColumn, type ColumnSniff, type ValueKind } from './sniff-values';

/**
 * Fields for a new custom object made from a file's columns: a type from the values, a name
 * Twenty accepts (its name-from-label rule, then its name checks; reserved and base-field names
 * get a suffix), select options with Twenty's value rule, and the transforms the values need.
 * A "Name" text column becomes the object's own `name` field instead of a new one.
 */
export interface InferredOption {
  label: string;
  value: string;
  position: number;
  color: string;
}

export interface InferredField {
  column: string;
  name: string;
  label: string;
  type: string;
  /** The new object's base field this column fills instead of creating one (only `name`). */
  baseField?: 'name';
  options?: InferredOption[];
  settings?: Record<string, unknown>;
  transforms: Transform[];
  sniff: ColumnSniff;
}

const TYPE_OF_KIND: Record<ValueKind, string> = {
  empty: 'TEXT',
  email: 'EMAILS',
  phone: 'PHONES',
  url: 'LINKS',
  uuid: 'UUID',
  boolean: 'BOOLEAN',
  integer: 'NUMBER',
  decimal: 'NUMBER',
  currency: 'CURRENCY',
  date: 'DATE',
  datetime: 'DATE_TIME',
  rating: 'RATING',
  json: 'RAW_JSON',
  select: 'SELECT',
  multiSelect: 'MULTI_SELECT',
  text: 'TEXT',
};

const labelOf = (header: string, index: number): string => {
  const label = sanitiseText(header).replace(/,/g, ' ').slice(0, IDENTIFIER_MAX_LENGTH).trim();
  return label || `Column ${index + 1}`;
};

const nameOf = (label: string, index: number, taken: Set<string>): string => {
  let name: string;
  try {
    name = computeMetadataNameFromLabel(label);
  } catch {
    name = `column${index + 1}`;
  }
  name = name.slice(0, IDENTIFIER_MAX_LENGTH - 8);
  if (validateMetadataName(name, 'NAME').length > 0) name = `column${index + 1}`;
  // Base fields (id, createdAt…) exist on every object: Twenty's reserved-name style suffix.
  if ((BASE_FIELD_NAMES as readonly string[]).includes(name)) name = `${name}Custom`;
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`;
  taken.add(candidate);
  return candidate;
};

const optionsOf = (values: readonly string[]): InferredOption[] => {
  const used = new Set<string>();
  const options: InferredOption[] = [];
  for (const raw of values) {
    const label = sanitiseText(raw).replace(/,/g, ' ').slice(0, 63).trim();
    if (!label) continue;
    let base: string;
    try {
      base = optionValueFromLabel(label).slice(0, 60) || `OPTION_${options.length + 1}`;
    } catch {
      base = `OPTION_${options.length + 1}`;
    }
    let value = base;
    for (let n = 2; used.has(value); n++) value = `${base}_${n}`;
    used.add(value);
    options.push({
      label,
      value,
      position: options.length,
      color: TAG_COLORS[options.length % TAG_COLORS.length]!,
    });
  }
  return options;
};

/**
 * Whole numbers from 1 to 5 under a header that says so ("Rating", "Stars", "Score") are a
 * rating: the converter reads 1–5 as RATING_1…RATING_5.
 */
const RATING_HEADER = /\b(rating|ratings|stars?|score)\b/i;
const isRatingColumn = (header: string, kind: ValueKind, values: readonly string[]): boolean =>
  kind === 'integer' &&
  RATING_HEADER.test(header) &&
  values.length > 0 &&
  values.every((value) => /^[1-5]$/.test(value));

/** Types, names and options for the columns of a file, from a sample of its rows. */
export const inferFieldTypes = (
  headers: readonly string[],
  sample: ReadonlyArray<Readonly<Record<string, string | undefined>>>,
): InferredField[] => {
  const taken = new Set<string>();
  let nameUsed = false;
  return headers.map((column, index) => {
    const sniff = sniffColumn(
      column,
      sample.map((row) => row[column] ?? ''),
    );
    const values = sample.map((row) => (row[column] ?? '').trim()).filter(Boolean);
    const type = isRatingColumn(column, sniff.kind, values) ? 'RATING' : TYPE_OF_KIND[sniff.kind];
    const label = labelOf(column, index);
    const transforms: Transform[] = [];
    const format = sniff.dateFormats?.[0];
    if (format && format !== 'YYYY-MM-DD') transforms.push({ type: 'date', format });
    if (sniff.numberLocale && sniff.numberLocale !== 'en')
      transforms.push({ type: 'number', locale: sniff.numberLocale });
    if (sniff.checkmark)
      transforms.push({ type: 'boolean', true: [sniff.checkmark], false: [], empty: false });
    if (sniff.listSeparator) transforms.push({ type: 'list', separator: sniff.listSeparator });
    const field: InferredField = { column, name: '', label, type, transforms, sniff };
    let computed: string | null;
    try {
      computed = computeMetadataNameFromLabel(label);
    } catch {
      computed = null;
    }
    if (computed === 'name' && type === 'TEXT' && !nameUsed) {
      nameUsed = true;
      taken.add('name');
      return { ...field, name: 'name', baseField: 'name' };
    }
    field.name = nameOf(label, index, taken);
    if (type === 'SELECT' || type === 'MULTI_SELECT')
      field.options = optionsOf(sniff.distinct ?? []);
    if (type === 'NUMBER')
      field.settings = {
        dataType: 'float',
        decimals: Math.min(sniff.maxDecimals ?? 0, 8),
        type: 'number',
      };
    return field;
  });
};
