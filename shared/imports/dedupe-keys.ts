import type { ModelField, ModelObject } from '../contract/data-model';
import { isCompositeFieldType } from '../domain/composite-types';
import type { FieldMetadataType } from '../domain/field-metadata-type';
import { isEmptyValue } from '../schema/record-values';
import { canonicalEmail, isCanonicalAsciiEmail, readEmail } from './emails';
import { domainOf, readLink } from './links';
import { parsePhone, type PhoneContext } from './phone-numbers';
import type { DuplicateRule } from './mapping';
import { parseDecimal } from './numbers';
import { KeyIndex } from './key-index';
import { ownString } from './own-string';

/**
 * Keys that say two rows (or a row and a workspace record) are the same record, and the rules
 * for duplicates inside one file.
 *
 * A key is a field (`externalId`, a unique TEXT, `name`) or a composite sub-field
 * (`emails.primaryEmail`, `domainName.primaryLinkUrl`, `phones.primaryPhoneNumber`); a composite
 * named alone uses the sub-field Twenty's unique index uses. Keys are normalised so spellings of
 * one value meet: e-mails canonical and lower-cased; website domains without scheme, `www.`,
 * path or trailing slash (other links keep their path); phones as +<calling code><national
 * number>; `name` texts case- and space-insensitive; other texts trimmed (IDs such as
 * Salesforce's are case-sensitive); numbers canonical. The same functions serve relation
 * lookups, so the engine normalises workspace values with `keyOfValue` and file values arrive
 * normalised by convertRow.
 *
 * Duplicates in the file (rows with the same key), by rule:
 * - first: the first row is kept; later ones are skipped and reported.
 * - last: the last row replaces the earlier ones entirely.
 * - merge: rows combine in file order; a later row's non-empty value fills a field (or a
 *   composite's sub-field) still empty, and never overwrites one already set.
 * Rows without a key (empty key cell) are never duplicates.
 */
export interface KeyTarget {
  field: ModelField;
  /** Composite sub-field, or undefined for the whole field. */
  subField?: string;
  /** `field` or `field.subField`, as the mapping's `dedupe.key` and lookups' `by` write it. */
  path: string;
}

const UNIQUE_SUB_FIELD: Partial<Record<string, string>> = {
  EMAILS: 'primaryEmail',
  LINKS: 'primaryLinkUrl',
  PHONES: 'primaryPhoneNumber',
};

/** Resolves a key path against an object, or says why it cannot be a key. */
export const resolveKeyPath = (
  object: ModelObject,
  path: string,
): KeyTarget | { error: string } => {
  const [name = '', sub] = path.split('.', 2);
  const field = object.fields.find((candidate) => candidate.name === name && candidate.isActive);
  if (!field) return { error: `${object.nameSingular} has no field ${name}` };
  if (field.type === 'RELATION' || field.type === 'MORPH_RELATION')
    return { error: `${name} is a relation and cannot be a key` };
  if (isCompositeFieldType(field.type)) {
    const subField = sub ?? UNIQUE_SUB_FIELD[field.type];
    if (field.type === 'FULL_NAME' && !sub) return { field, path: name };
    if (!subField) return { error: `Choose a part of ${name} as the key (e.g. ${name}.…)` };
    return { field, subField, path: `${name}.${subField}` };
  }
  if (sub) return { error: `${name} has no part ${sub}` };
  return { field, path: name };
};

const fold = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

const linkKey = (url: string, domainOnly: boolean): string => {
  if (domainOnly) return domainOf(url);
  const value = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const slash = value.search(/[/?#]/);
  const host = (slash < 0 ? value : value.slice(0, slash)).toLowerCase().replace(/^www\./, '');
  const rest = slash < 0 ? '' : value.slice(slash).replace(/\/+$/, '');
  return host + rest;
};

const isDomainField = (field: ModelField): boolean =>
  field.name === 'domainName' || field.settings?.type === 'domain';

const textKey = (field: ModelField, text: string): string =>
  field.name === 'name' ? fold(text) : text.trim();

/** The key of a value in Twenty's REST shape (a converted row's value or a workspace record's). */
export const keyOfValue = (target: KeyTarget, value: unknown): string | null => {
  const { field, subField } = target;
  if (subField) {
    // A sub-field key needs a non-empty part, which makes the value non-empty too.
    if (value === null || typeof value !== 'object') return null;
    const part = (value as Record<string, unknown>)[subField];
    if (typeof part !== 'string' && typeof part !== 'number') return null;
    const text = typeof part === 'string' ? part : String(part);
    if (field.type === 'EMAILS') {
      // Converted rows hold canonical addresses already (the bulk of a file's keys).
      if (isCanonicalAsciiEmail(text)) return text;
      if (text.trim() === '') return null;
      return canonicalEmail(text);
    }
    if (text.trim() === '') return null;
    if (field.type === 'LINKS') return linkKey(text, isDomainField(field));
    if (field.type === 'PHONES') {
      const calling = (value as Record<string, unknown>).primaryPhoneCallingCode;
      const digits = text.replace(/\D/g, '');
      return `${typeof calling === 'string' ? calling.replace(/\D/g, '') : ''}+${digits}`;
    }
    return field.name === 'name' || subField === 'firstName' || subField === 'lastName'
      ? fold(text)
      : text.trim();
  }
  if (isEmptyValue(value)) return null;
  switch (field.type) {
    case 'FULL_NAME': {
      const name = value as { firstName?: unknown; lastName?: unknown };
      const key = fold(`${String(name.firstName ?? '')} ${String(name.lastName ?? '')}`);
      return key || null;
    }
    case 'TEXT':
      return typeof value === 'string' ? textKey(field, value) || null : null;
    case 'NUMBER':
    case 'NUMERIC':
      return parseDecimal(String(value));
    case 'UUID':
      return String(value).toLowerCase();
    case 'MULTI_SELECT':
    case 'ARRAY':
      return Array.isArray(value) ? [...value].map(String).sort().join('\u0000') : null;
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
};

/**
 * The key a cell's text stands for (relation lookups: the company of a person by its domain…),
 * normalised like `keyOfValue`; an error when the text cannot be such a value.
 */
export const keyOfText = (
  target: KeyTarget,
  text: string,
  phones: PhoneContext = {},
): { key: string } | { error: string } => {
  const { field, subField } = target;
  switch (field.type) {
    case 'EMAILS': {
      const email = readEmail(text);
      return email.ok ? { key: email.email } : { error: email.message };
    }
    case 'LINKS': {
      // The domain reading of a link is its domain key (domainOf), and is valid exactly when
      // the URL reading is.
      if (isDomainField(field)) {
        const link = readLink(text, 'domain');
        return link.ok ? { key: link.url } : { error: link.message };
      }
      const link = readLink(text);
      return link.ok ? { key: linkKey(text, false) } : { error: link.message };
    }
    case 'PHONES': {
      const parsed = parsePhone(text, phones);
      return parsed.ok
        ? { key: `${parsed.phone.callingCode}+${parsed.phone.nationalNumber}` }
        : { error: `'${text.trim()}' is not a phone number` };
    }
    case 'FULL_NAME':
      return { key: fold(text) };
    case 'NUMBER':
    case 'NUMERIC': {
      const decimal = parseDecimal(text);
      return decimal === null ? { error: `'${text.trim()}' is not a number` } : { key: decimal };
    }
    case 'UUID':
      return { key: text.trim().toLowerCase() };
    case 'TEXT':
      return { key: textKey(field, text) };
    default:
      return { key: subField ? fold(text) : text.trim() };
  }
};

/** The key of a converted row (values in the REST body shape). */
export const rowKey = (target: KeyTarget, values: Record<string, unknown>): string | null =>
  keyOfValue(target, values[target.field.name]);

export interface MergeableRow {
  values: Record<string, unknown>;
  lookups?: ReadonlyArray<{ field: string }>;
}

const isEmptyFor = (value: unknown, type: string | undefined): boolean =>
  isEmptyValue(value, type as FieldMetadataType | undefined);

/**
 * `merge`: a copy of `earlier` where every field (and composite sub-field) still empty takes
 * `later`'s value. Lookups merge the same way, by field.
 */
export const mergeRows = <T extends MergeableRow>(
  earlier: T,
  later: MergeableRow,
  fieldTypes: ReadonlyMap<string, string> = new Map(),
): T => {
  const values: Record<string, unknown> = { ...earlier.values };
  for (const [name, value] of Object.entries(later.values)) {
    const type = fieldTypes.get(name);
    const current = values[name];
    if (isEmptyFor(value, type)) continue;
    if (isEmptyFor(current, type)) {
      values[name] = value;
      continue;
    }
    if (
      current &&
      typeof current === 'object' &&
      !Array.isArray(current) &&
      value &&
      typeof value === 'object' &&
      !Array.isArray(value)
    ) {
      const merged: Record<string, unknown> = { ...(current as Record<string, unknown>) };
      for (const [sub, part] of Object.entries(value as Record<string, unknown>))
        if (isEmptyValue(merged[sub]) && !isEmptyValue(part)) merged[sub] = part;
      values[name] = merged;
    }
  }
  const lookups = [...(earlier.lookups ?? [])];
  for (const lookup of later.lookups ?? [])
    if (!lookups.some((known) => known.field === lookup.field)) lookups.push(lookup);
  return { ...earlier, values, ...(earlier.lookups || later.lookups ? { lookups } : {}) };
};

export interface DuplicateOutcome {
  /** 'kept': first row of its key (or no key); 'duplicate': same key as row `of`. */
  status: 'kept' | 'duplicate';
  /** Row index of the first row with this key. */
  of: number;
  key: string | null;
}

/**
 * In-file duplicates, one row at a time (a million rows stream through). Keeps per key the
 * index of its first row (in a KeyIndex: no object per key) and, for `last` / `merge`, the
 * combined row: memory grows with distinct keys, not with rows, for `first`.
 */
export class DuplicateResolver<T extends MergeableRow> {
  private readonly firstIndex = new KeyIndex();
  private readonly combined = new Map<string, T>();

  constructor(
    readonly target: KeyTarget,
    readonly rule: DuplicateRule,
    private readonly fieldTypes: ReadonlyMap<string, string> = new Map(),
  ) {}

  add(index: number, row: T): DuplicateOutcome {
    const key = rowKey(this.target, row.values);
    if (key === null) return { status: 'kept', of: index, key };
    const first = this.firstIndex.getOrRecord(key, index);
    if (first === undefined) {
      // Kept for the whole file: a copy, not a slice of the chunk the cell was read from.
      if (this.rule !== 'first') this.combined.set(ownString(key), row);
      return { status: 'kept', of: index, key };
    }
    if (this.rule === 'last') this.combined.set(key, row);
    if (this.rule === 'merge')
      this.combined.set(key, mergeRows(this.combined.get(key)!, row, this.fieldTypes));
    return { status: 'duplicate', of: first, key };
  }

  /** For `last` and `merge`: the row to write for a key (undefined under `first`). */
  resolved(key: string): T | undefined {
    return this.combined.get(key);
  }

  get distinctKeys(): number {
    return this.firstIndex.size;
  }
}

/** Field name → type, for merge's emptiness rules. */
export const fieldTypesOf = (object: ModelObject): Map<string, string> =>
  new Map(object.fields.map((field) => [field.name, field.type]));
