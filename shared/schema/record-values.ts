import type { FieldMetadataType } from '../domain/field-metadata-type';
import type { SchemaField } from './schema-document';
import { UUID_TEXT } from '../domain/uuid';

/**
 * Core-API record values as text and back (the hub of most type changes), and what counts as an
 * empty value. Shapes: ../shared/twenty-api/core-api.md §4.2 (EMAILS `{primaryEmail,
 * additionalEmails}`, LINKS `{primaryLinkUrl, primaryLinkLabel, secondaryLinks[{url, label}]}`,
 * PHONES `{primaryPhoneNumber, primaryPhoneCountryCode, primaryPhoneCallingCode,
 * additionalPhones[{number, countryCode, callingCode}]}`, CURRENCY `{amountMicros, currencyCode}`,
 * FULL_NAME, ADDRESS, RICH_TEXT `{blocknote, markdown}`).
 */
export type Conversion = { ok: true; value: unknown } | { ok: false; reason: string };

export const ok = (value: unknown): Conversion => ({ ok: true, value });
export const fail = (reason: string): Conversion => ({ ok: false, reason });

type Json = Record<string, unknown>;

/** Sub-fields that decide whether a composite holds anything (a lone currency code does not). */
const SIGNIFICANT: Partial<Record<FieldMetadataType, string[]>> = {
  CURRENCY: ['amountMicros'],
  EMAILS: ['primaryEmail', 'additionalEmails'],
  LINKS: ['primaryLinkUrl', 'secondaryLinks'],
  PHONES: ['primaryPhoneNumber', 'additionalPhones'],
  RICH_TEXT: ['markdown', 'blocknote'],
};

export const isEmptyValue = (value: unknown, type?: FieldMetadataType): boolean => {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every((item) => isEmptyValue(item));
  if (typeof value !== 'object') return false;
  const keys = (type && SIGNIFICANT[type]) ?? Object.keys(value);
  return keys.every((key) => isEmptyValue((value as Json)[key]));
};

const str = (value: unknown): string =>
  typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const joined = (parts: string[]): string => parts.filter((part) => part !== '').join(', ');

/** Splits a text on commas (trimmed, no empty parts). */
export const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

const phoneText = (callingCode: unknown, number: unknown): string =>
  str(callingCode) ? `${str(callingCode)} ${str(number)}` : str(number);

export const amountOf = (micros: unknown): number => Number(micros) / 1e6;

/** The value as text, per source type; multi-valued types are comma-joined. */
export const asText = (value: unknown, type: FieldMetadataType): string => {
  const v = (value ?? {}) as Json;
  switch (type) {
    case 'MULTI_SELECT':
    case 'ARRAY':
      return joined(list(value).map(str));
    case 'EMAILS':
      return joined([str(v.primaryEmail), ...list(v.additionalEmails).map(str)]);
    case 'LINKS':
      // Labels are not kept: the text is the URLs.
      return joined([
        str(v.primaryLinkUrl),
        ...list(v.secondaryLinks).map((link) => str((link as Json)?.url)),
      ]);
    case 'PHONES':
      return joined([
        phoneText(v.primaryPhoneCallingCode, v.primaryPhoneNumber),
        ...list(v.additionalPhones).map((phone) =>
          phoneText((phone as Json)?.callingCode, (phone as Json)?.number),
        ),
      ]);
    case 'FULL_NAME':
      return `${str(v.firstName)} ${str(v.lastName)}`.trim();
    case 'ADDRESS':
      return joined(
        [
          'addressStreet1',
          'addressStreet2',
          'addressPostcode',
          'addressCity',
          'addressState',
          'addressCountry',
        ].map((key) => str(v[key])),
      );
    case 'CURRENCY':
      return `${amountOf(v.amountMicros)}${str(v.currencyCode) ? ` ${str(v.currencyCode)}` : ''}`;
    case 'RICH_TEXT':
      return str(v.markdown);
    case 'RAW_JSON':
      return JSON.stringify(value);
    default:
      return str(value);
  }
};

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const EMAIL_TEXT = /^[^\s@,]+@[^\s@,]+$/;
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;
const PHONE_TEXT = /^(\+\d{1,4})\s+(.+)$/;
const TRUE_TEXT = new Set(['true', 'yes', '1']);
const FALSE_TEXT = new Set(['false', 'no', '0']);

const quoted = (text: string) => `\`${text.length > 40 ? `${text.slice(0, 37)}…` : text}\``;

/** The option of a select field a text names: by value, then by label (case-insensitive). */
export const matchOption = (field: SchemaField, text: string): string | null => {
  const options = field.options ?? [];
  const wanted = text.trim();
  const byValue = options.find((option) => option.value === wanted);
  if (byValue) return byValue.value;
  const lower = wanted.toLowerCase();
  return options.find((option) => option.label.toLowerCase() === lower)?.value ?? null;
};

const options = (field: SchemaField, texts: string[]): Conversion => {
  const values: string[] = [];
  for (const text of texts) {
    const value = matchOption(field, text);
    if (value === null) return fail(`no option ${quoted(text)} on \`${field.name}\``);
    if (!values.includes(value)) values.push(value);
  }
  return ok(values);
};

const phone = (text: string) => {
  const match = PHONE_TEXT.exec(text);
  return match ? { callingCode: match[1]!, number: match[2]! } : { callingCode: '', number: text };
};

const isoDate = (text: string): string | null => {
  const time = Date.parse(DATE_TEXT.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
};

/** Parses a (non-empty) text into a value of the target type. */
export const fromText = (raw: string, to: SchemaField): Conversion => {
  const text = raw.trim();
  switch (to.type) {
    case 'TEXT':
      return ok(raw);
    case 'NUMBER':
      return NUMBER_TEXT.test(text) ? ok(Number(text)) : fail(`${quoted(text)} is not a number`);
    case 'BOOLEAN': {
      const lower = text.toLowerCase();
      if (TRUE_TEXT.has(lower)) return ok(true);
      if (FALSE_TEXT.has(lower)) return ok(false);
      return fail(`${quoted(text)} is not true/false, yes/no or 1/0`);
    }
    case 'DATE': {
      const iso = isoDate(text);
      return iso ? ok(iso.slice(0, 10)) : fail(`${quoted(text)} is not a date`);
    }
    case 'DATE_TIME': {
      const iso = isoDate(text);
      return iso ? ok(iso) : fail(`${quoted(text)} is not a date and time`);
    }
    case 'SELECT': {
      const value = matchOption(to, text);
      return value ? ok(value) : fail(`no option ${quoted(text)} on \`${to.name}\``);
    }
    case 'MULTI_SELECT':
      return options(to, splitList(text));
    case 'RATING': {
      const n = /^(RATING_)?([1-5])$/i.exec(text);
      return n ? ok(`RATING_${n[2]}`) : fail(`${quoted(text)} is not a rating from 1 to 5`);
    }
    case 'EMAILS': {
      const emails = splitList(text);
      const bad = emails.find((email) => !EMAIL_TEXT.test(email));
      if (bad !== undefined) return fail(`${quoted(bad)} is not an email address`);
      return ok({ primaryEmail: emails[0]!, additionalEmails: emails.slice(1) });
    }
    case 'LINKS': {
      const [primary, ...rest] = splitList(text);
      return ok({
        primaryLinkUrl: primary!,
        primaryLinkLabel: '',
        secondaryLinks: rest.map((url) => ({ url, label: '' })),
      });
    }
    case 'PHONES': {
      const [primary, ...rest] = splitList(text).map(phone);
      return ok({
        primaryPhoneNumber: primary!.number,
        primaryPhoneCountryCode: '',
        primaryPhoneCallingCode: primary!.callingCode,
        additionalPhones: rest.map((p) => ({ ...p, countryCode: '' })),
      });
    }
    case 'FULL_NAME': {
      const [first, ...last] = text.split(/\s+/);
      return ok({ firstName: first!, lastName: last.join(' ') });
    }
    case 'RICH_TEXT':
      // Twenty fills blocknote from markdown (core-api.md §4.2: "send either").
      return ok({ blocknote: null, markdown: raw });
    case 'RAW_JSON':
      try {
        return ok(JSON.parse(text));
      } catch {
        return fail(`${quoted(text)} is not JSON`);
      }
    case 'UUID':
      return UUID_TEXT.test(text) ? ok(text.toLowerCase()) : fail(`${quoted(text)} is not a UUID`);
    case 'ARRAY':
      return ok(splitList(text));
    default:
      return fail(`no conversion from text to ${to.type}`);
  }
};
