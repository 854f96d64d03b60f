import type { ModelField, ModelObject, WorkspaceModel } from '../contract/data-model';
import { IMPORTABLE_PARTS, LIST_PARTS } from './composite-readers';
import { normalizeHeader, similarity, synonymTargets, type SynonymTarget } from './header-names';
import {
  MAPPING_VERSION,
  mappingDocumentSchema,
  type FieldSource,
  type MappingDocument,
  type Part,
  type Transform,
} from './mapping';
import { importableFields, lookupBy, targetType } from './model-targets';
import { fieldOptions, optionMatcher } from './select-options';
import { detectSourceProfiles, profileSuggestions, type SourceProfile } from './source-profiles';
import { sniffColumn, type ColumnSniff, type ValueKind } from './sniff-values';

export { inferFieldTypes, type InferredField } from './infer-field-types';

/**
 * Automatic suggestions: which column goes to which field, from the header (exact names,
 * synonyms of CRM exports, similarity) checked against a sample of the values (e-mails, phones,
 * dates, numbers…), each with a score (0–1) and the reason, plus the transforms the values need
 * (date format, number locale, checkbox marks, list separator). The best non-conflicting ones
 * form a ready mapping document; the others stay as alternatives for the wizard.
 */
export interface SuggestTarget {
  field: string;
  /** A composite's sub-field. */
  part?: string;
  /** A relation found by a value of another object. */
  lookup?: { object: string; by: string };
}

export interface ColumnSuggestion {
  column: string;
  target: SuggestTarget;
  score: number;
  reason: string;
  transforms: Transform[];
}

export type SampleRow = Readonly<Record<string, string | undefined>>;

export interface SuggestInput {
  headers: readonly string[];
  /** A sample of rows (a few hundred is plenty). */
  rows: readonly SampleRow[];
  object: ModelObject;
  model: WorkspaceModel;
  /** Suggestions scoring less are not used in the mapping (default 0.5). */
  minScore?: number;
  /** A known export to follow; 'detect' picks the best matching profile for the object. */
  profile?: SourceProfile | 'detect';
}

export interface MappingSuggestion {
  mapping: MappingDocument;
  /** The source profile used, if any. */
  profile: SourceProfile | null;
  chosen: ColumnSuggestion[];
  /** Per column, every candidate, best first. */
  candidates: Record<string, ColumnSuggestion[]>;
  unmapped: string[];
  sniffs: Record<string, ColumnSniff>;
}

const words = (name: string): string => normalizeHeader(name);

const FITS: Partial<Record<ValueKind, readonly string[]>> = {
  email: ['EMAILS', 'TEXT'],
  phone: ['PHONES', 'TEXT'],
  url: ['LINKS', 'TEXT'],
  uuid: ['UUID', 'TEXT', 'RELATION'],
  boolean: ['BOOLEAN', 'TEXT', 'SELECT'],
  integer: ['NUMBER', 'NUMERIC', 'AMOUNT', 'RATING', 'TEXT', 'SELECT', 'PHONES'],
  decimal: ['NUMBER', 'NUMERIC', 'AMOUNT'],
  currency: ['CURRENCY', 'AMOUNT'],
  date: ['DATE', 'DATE_TIME'],
  datetime: ['DATE_TIME', 'DATE'],
  rating: ['RATING'],
  json: ['RAW_JSON', 'ARRAY', 'TEXT'],
};

const KIND_WORDS: Partial<Record<ValueKind, string>> = {
  email: 'e-mail addresses',
  phone: 'phone numbers',
  url: 'web addresses',
  uuid: 'ids',
  boolean: 'yes/no values',
  integer: 'whole numbers',
  decimal: 'numbers',
  currency: 'amounts with a currency',
  date: 'dates',
  datetime: 'dates with a time',
  rating: 'ratings',
  json: 'JSON',
};

/** Whether the sampled values fit the target; undefined when the sample says nothing. */
const fits = (sniff: ColumnSniff, type: string): boolean | undefined => {
  const types = FITS[sniff.kind];
  if (!types) return undefined;
  return types.includes(type) || type === 'TEXT' || type === 'RELATION';
};

const transformsFor = (sniff: ColumnSniff, type: string): Transform[] => {
  const transforms: Transform[] = [];
  const format = sniff.dateFormats?.[0];
  if ((type === 'DATE' || type === 'DATE_TIME') && format && format !== 'YYYY-MM-DD')
    transforms.push({ type: 'date', format });
  if (
    ['NUMBER', 'NUMERIC', 'AMOUNT', 'CURRENCY'].includes(type) &&
    sniff.numberLocale &&
    sniff.numberLocale !== 'en'
  )
    transforms.push({ type: 'number', locale: sniff.numberLocale });
  if (type === 'BOOLEAN' && sniff.checkmark)
    transforms.push({ type: 'boolean', true: [sniff.checkmark], false: [], empty: false });
  if ((type === 'MULTI_SELECT' || type === 'ARRAY') && sniff.listSeparator)
    transforms.push({ type: 'list', separator: sniff.listSeparator });
  return transforms;
};

interface Context {
  object: ModelObject;
  model: WorkspaceModel;
  fields: ModelField[];
}

const fieldNamed = (context: Context, names: readonly string[]): ModelField | undefined => {
  for (const name of names) {
    const field = context.fields.find((candidate) => candidate.name === name);
    if (field) return field;
  }
  return undefined;
};

const synonymSuggestion = (
  context: Context,
  column: string,
  target: SynonymTarget,
  sniff: ColumnSniff,
): Omit<ColumnSuggestion, 'transforms'> | null => {
  const field = fieldNamed(context, target.fields);
  if (!field) return null;
  if (target.lookup) {
    if (field.type !== 'RELATION') return null;
    const by = lookupBy(context.model, target.lookup.object, target.lookup.by, sniff);
    if (!by) return null;
    return {
      column,
      target: { field: field.name, lookup: { object: target.lookup.object, by } },
      score: 0.9,
      reason: `"${column}" names the ${target.lookup.object}; found by its ${by}`,
    };
  }
  if (
    target.part &&
    !IMPORTABLE_PARTS[field.type as keyof typeof IMPORTABLE_PARTS]?.includes(target.part)
  )
    return null;
  return {
    column,
    target: target.part ? { field: field.name, part: target.part } : { field: field.name },
    score: 0.95,
    reason: `"${column}" is a usual header for ${field.label || field.name}${target.part ? ` (${words(target.part)})` : ''}`,
  };
};

const relationSuggestion = (
  context: Context,
  column: string,
  field: ModelField,
  sniff: ColumnSniff,
  score: number,
): Omit<ColumnSuggestion, 'transforms'> | null => {
  const objectName = field.relation?.targetObject;
  if (!objectName) return null;
  if (sniff.kind === 'uuid')
    return { column, target: { field: field.name }, score, reason: 'ids of the related records' };
  const by = lookupBy(context.model, objectName, ['name', 'userEmail', 'emails'], sniff);
  if (!by) return null;
  return {
    column,
    target: { field: field.name, lookup: { object: objectName, by } },
    score,
    reason: `"${column}" names the ${objectName}; found by its ${by}`,
  };
};

const nameSuggestions = (
  context: Context,
  column: string,
  normalized: string,
  sniff: ColumnSniff,
): Array<Omit<ColumnSuggestion, 'transforms'>> => {
  const found: Array<Omit<ColumnSuggestion, 'transforms'>> = [];
  for (const field of context.fields) {
    const names = [words(field.name), words(field.label)];
    const best = Math.max(...names.map((name) => similarity(normalized, name)));
    if (best >= 0.75) {
      const score = best === 1 ? 0.99 : best * 0.9;
      const reason =
        best === 1
          ? `same name as ${field.label || field.name}`
          : `name close to ${field.label || field.name}`;
      if (field.type === 'RELATION') {
        const relation = relationSuggestion(context, column, field, sniff, score * 0.95);
        if (relation) found.push(relation);
      } else found.push({ column, target: { field: field.name }, score, reason });
    }
    const parts = IMPORTABLE_PARTS[field.type as keyof typeof IMPORTABLE_PARTS];
    if (!parts) continue;
    for (const part of parts) {
      const partWords = words(part);
      const partNames = [
        partWords,
        `${words(field.label)} ${partWords}`,
        `${words(field.name)} ${partWords}`,
      ];
      const partBest = Math.max(...partNames.map((name) => similarity(normalized, name)));
      if (partBest >= 0.8)
        found.push({
          column,
          target: { field: field.name, part },
          score: partBest * 0.88,
          reason: `name close to ${field.label || field.name} (${partWords})`,
        });
    }
  }
  return found;
};

/** When the header says nothing: values that can only go to one kind of field. */
const valueSuggestions = (
  context: Context,
  column: string,
  sniff: ColumnSniff,
): Array<Omit<ColumnSuggestion, 'transforms'>> => {
  const types: Partial<Record<ValueKind, [string, string]>> = {
    email: ['EMAILS', 'primaryEmail'],
    phone: ['PHONES', 'primaryPhoneNumber'],
    url: ['LINKS', 'primaryLinkUrl'],
  };
  const wanted = types[sniff.kind];
  if (!wanted) return [];
  const matching = context.fields.filter((field) => field.type === wanted[0]);
  const field = matching.find((candidate) => candidate.isUnique) ?? matching[0];
  if (!field) return [];
  return [
    {
      column,
      target: { field: field.name, part: wanted[1] },
      score: matching.length === 1 ? 0.6 : 0.5,
      reason: `values look like ${KIND_WORDS[sniff.kind]}`,
    },
  ];
};

/** Score adjustments and transforms from the values; notes on select options. */
const checkValues = (
  context: Context,
  suggestion: Omit<ColumnSuggestion, 'transforms'>,
  sniff: ColumnSniff,
  sample: readonly string[],
): ColumnSuggestion => {
  const field = context.fields.find((candidate) => candidate.name === suggestion.target.field)!;
  if (suggestion.target.lookup) return { ...suggestion, transforms: [] };
  const type = targetType(field, suggestion.target.part);
  let { score, reason } = suggestion;
  const fit = fits(sniff, type);
  if (fit === false) {
    score *= 0.5;
    reason += `; but the values look like ${KIND_WORDS[sniff.kind]}`;
  } else if (fit === true && type !== 'TEXT') score = Math.min(0.99, score + 0.03);
  if (
    sniff.dateFormats &&
    sniff.dateFormats.length > 1 &&
    (type === 'DATE' || type === 'DATE_TIME')
  )
    reason += `; dates also fit ${sniff.dateFormats.slice(1, 3).join(', ')} — check the format`;
  if (type === 'SELECT' || type === 'MULTI_SELECT') {
    const matcher = optionMatcher(fieldOptions(field));
    const unknown = new Set(
      sample
        .flatMap((value) => (type === 'MULTI_SELECT' ? value.split(/[;,|]/) : [value]))
        .map((value) => value.trim())
        .filter((value) => value && matcher.match(value).kind !== 'option'),
    );
    if (unknown.size)
      reason += `; ${unknown.size} value${unknown.size > 1 ? 's are' : ' is'} not an option (${[...unknown].slice(0, 3).join(', ')}${unknown.size > 3 ? ', …' : ''}): map them or create them`;
  }
  return {
    ...suggestion,
    score: Math.round(score * 100) / 100,
    reason,
    transforms: transformsFor(sniff, type),
  };
};

/** Which targets a suggestion takes: a whole composite excludes its parts and the reverse. */
const claims = (target: SuggestTarget): { key: string; shared: boolean; whole: string } => ({
  key: target.part ? `${target.field}.${target.part}` : target.field,
  shared: target.part !== undefined && LIST_PARTS.has(target.part),
  whole: target.field,
});

const buildMapping = (object: ModelObject, chosen: ColumnSuggestion[]): MappingDocument => {
  const fields: Record<string, FieldSource> = {};
  const parts: Record<string, Record<string, Part | Part[]>> = {};
  for (const { column, target, transforms } of chosen) {
    if (target.lookup)
      fields[target.field] = {
        kind: 'lookup',
        column,
        transforms,
        object: target.lookup.object,
        by: target.lookup.by,
        createMissing: false,
      };
    else if (target.part) {
      const group = (parts[target.field] ??= {});
      const part: Part = { column, transforms };
      if (LIST_PARTS.has(target.part)) {
        const existing = group[target.part];
        group[target.part] = [
          ...(Array.isArray(existing) ? existing : existing ? [existing] : []),
          part,
        ];
      } else group[target.part] = part;
    } else fields[target.field] = { kind: 'column', column, transforms };
  }
  for (const [field, group] of Object.entries(parts))
    fields[field] = { kind: 'columns', parts: group };
  return mappingDocumentSchema.parse({
    version: MAPPING_VERSION,
    object: object.nameSingular,
    fields,
  });
};

/** Suggests a mapping of a file's columns onto an object. */
export const suggestMapping = (input: SuggestInput): MappingSuggestion => {
  const { headers, rows, object, model } = input;
  const minScore = input.minScore ?? 0.5;
  const context: Context = { object, model, fields: importableFields(object) };
  const candidates: Record<string, ColumnSuggestion[]> = {};
  const sniffs: Record<string, ColumnSniff> = {};
  for (const column of headers)
    sniffs[column] = sniffColumn(
      column,
      rows.map((row) => row[column] ?? ''),
    );
  const profile =
    input.profile === 'detect'
      ? (detectSourceProfiles(headers).find((match) => match.profile.object === object.nameSingular)
          ?.profile ?? null)
      : (input.profile ?? null);
  const fromProfile = profile
    ? profileSuggestions(profile, headers, object, model, sniffs, rows)
    : [];
  for (const column of headers) {
    const sniff = sniffs[column]!;
    const normalized = normalizeHeader(column, object.nameSingular);
    const raw = [
      ...synonymTargets(normalized, object.nameSingular).map((target) =>
        synonymSuggestion(context, column, target, sniff),
      ),
      ...nameSuggestions(context, column, normalized, sniff),
      ...valueSuggestions(context, column, sniff),
    ].filter((suggestion) => suggestion !== null);
    const nonEmpty = rows
      .map((row) => row[column] ?? '')
      .filter((value) => value.trim() !== '')
      .slice(0, 200);
    const checked: ColumnSuggestion[] = [];
    // A profile knows the export: its choice leads (first among equals, the sort is stable),
    // completed with what the values need.
    for (const suggestion of fromProfile.filter((known) => known.column === column)) {
      const sniffed = checkValues(context, suggestion, sniff, nonEmpty);
      const given = new Set(suggestion.transforms.map((transform) => transform.type));
      checked.push({
        ...sniffed,
        score: suggestion.score,
        transforms: [
          ...suggestion.transforms,
          ...sniffed.transforms.filter((transform) => !given.has(transform.type)),
        ],
      });
    }
    for (const suggestion of raw) checked.push(checkValues(context, suggestion, sniff, nonEmpty));
    const unique = new Map<string, ColumnSuggestion>();
    for (const suggestion of checked.sort((a, b) => b.score - a.score)) {
      const key = JSON.stringify(suggestion.target);
      if (!unique.has(key)) unique.set(key, suggestion);
    }
    candidates[column] = [...unique.values()];
  }
  const all = Object.values(candidates)
    .flat()
    .filter((suggestion) => suggestion.score >= minScore)
    .sort((a, b) => b.score - a.score || headers.indexOf(a.column) - headers.indexOf(b.column));
  const usedColumns = new Set<string>();
  const taken = new Set<string>();
  const wholes = new Set<string>();
  const partsOf = new Set<string>();
  const chosen: ColumnSuggestion[] = [];
  for (const suggestion of all) {
    if (usedColumns.has(suggestion.column)) continue;
    const claim = claims(suggestion.target);
    const isWhole = !suggestion.target.part;
    if (!claim.shared && taken.has(claim.key)) continue;
    if (isWhole ? partsOf.has(claim.whole) : wholes.has(claim.whole)) continue;
    usedColumns.add(suggestion.column);
    taken.add(claim.key);
    (isWhole ? wholes : partsOf).add(claim.whole);
    chosen.push(suggestion);
  }
  chosen.sort((a, b) => headers.indexOf(a.column) - headers.indexOf(b.column));
  const mapping = buildMapping(object, chosen);
  if (profile) mapping.profile = profile.id;
  return {
    mapping,
    profile,
    chosen,
    candidates,
    unmapped: headers.filter((column) => !usedColumns.has(column)),
    sniffs,
  };
};
