import { inspect } from 'node:util';
import { ACTOR_SOURCES } from '../../../../shared/domain/composite-types';
import type { FieldRow } from '../metadata/metadata-types';
import { RecordError } from './record-errors';
import { parseNonIsoDate } from './query/date-formats';
import { UUID_TEXT as UUID_PATTERN } from '../../../../shared/domain/uuid';

/**
 * Twenty's data-arg validators (common-args-processors/data-arg-processor/validator-utils), one
 * field value at a time, with Twenty's messages (`inspect` is Node's, as Twenty's is). Null is
 * accepted everywhere, as Twenty's validators accept it. The returned value is what is written:
 * the input itself, except a DATE_TIME (normalised to an ISO instant, as Twenty does) and a
 * single string given to an ARRAY / MULTI_SELECT (wrapped into a list, as Twenty's
 * transformArrayField does). Types Twenty does not check here (POSITION, FILES, relations, …)
 * pass through unchanged.
 */

const invalid = (message: string) => new RecordError(message, 'BAD_REQUEST', 'INVALID_ARGS_DATA');

/** twenty-shared `isValidUuid` (any version, case-insensitive). */

/** zod 4 `z.regexes.unicodeEmail`, the pattern Twenty's primary e-mail check uses. */
const UNICODE_EMAIL = /^[^\s@"]{1,64}@[^\s@]{1,255}$/u;

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

const validateText = (value: unknown, fieldName: string): string | null => {
  if (typeof value !== 'string' && value !== null)
    throw invalid(`Invalid string value ${inspect(value)} for text field "${fieldName}"`);
  return value;
};

const validateNumber = (value: unknown, fieldName: string): number | null => {
  if (
    (typeof value !== 'number' && value !== null) ||
    (typeof value === 'number' && !Number.isFinite(value))
  )
    throw invalid(`Invalid number value ${inspect(value)} for field "${fieldName}"`);
  return value;
};

/** NUMERIC takes stringified numbers too (BigFloat); '' counts as null. */
const validateNumeric = (value: unknown, fieldName: string): unknown => {
  if (value === '' || value === null) return null;
  validateNumber(Number(value), fieldName);
  return value;
};

const validateBoolean = (value: unknown, fieldName: string): boolean | null => {
  if (typeof value !== 'boolean' && value !== null)
    throw invalid(`Invalid boolean value ${inspect(value)} for field "${fieldName}"`);
  return value;
};

const validateUuid = (value: unknown, fieldName: string): string | null => {
  const nonEmpty = typeof value === 'string' && value.length > 0;
  if ((!nonEmpty && value !== null) || (nonEmpty && !UUID_PATTERN.test(value as string)))
    throw invalid(`Invalid UUID value ${inspect(value)} for field "${fieldName}"`);
  return value as string | null;
};

const validateRawJson = (value: unknown, fieldName: string): object | string | null => {
  if (value === null) return null;
  if (typeof value === 'string') {
    try {
      JSON.parse(value);
    } catch {
      throw invalid(`Invalid object value ${inspect(value)} for field "${fieldName}"`);
    }
    return value;
  }
  if (!isObject(value))
    throw invalid(`Invalid object value ${inspect(value)} for field "${fieldName}"`);
  return value;
};

const validateArray = (value: unknown, fieldName: string): string | string[] | null => {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
    throw invalid(
      `Invalid value ${inspect(value)} for field "${fieldName} - Array values need to be string"`,
    );
  return value as string[];
};

const validateSelect = (value: unknown, fieldName: string, options?: string[]): string | null => {
  const text = validateText(value, fieldName);
  if (!options) throw invalid(`Invalid options for field "${fieldName}"`);
  if (text !== null && !options.includes(text))
    throw invalid(`Invalid value ${inspect(value)} for field "${fieldName}"`);
  return text;
};

const validateMultiSelect = (value: unknown, fieldName: string, options?: string[]): unknown => {
  const items = validateArray(value, fieldName);
  if (items === null) return null;
  if (!options) throw invalid(`Invalid options for field "${fieldName}"`);
  if ((Array.isArray(items) ? items : [items]).some((item) => !options.includes(item)))
    throw invalid(`Invalid value ${inspect(value)} for multi select field "${fieldName}"`);
  return value;
};

// ---- dates: Temporal's ISO forms plus twenty-shared's NON_ISO_DATE_FORMATS (date-fns) ----

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC; null when the text carries no offset. */
  offset: number | null;
}

const isCalendarDate = (year: number, month: number, day: number): boolean => {
  if (month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(Date.UTC(2000, month - 1, day));
  probe.setUTCFullYear(year);
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
};

const dateOnly = (year: number, month: number | null, day: number): DateParts | null =>
  month !== null && isCalendarDate(year, month, day)
    ? { year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0, offset: null }
    : null;

/** ISO 8601 as Temporal reads it (Instant with an offset, else PlainDateTime in UTC). */
const ISO_DATE_TIME =
  /^([+-]\d{6}|\d{4})(?:-(\d{2})-(\d{2})|(\d{2})(\d{2}))(?:[Tt ](\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?(?:\[[^\]]*\])?$/;

const parseIsoDateTime = (text: string): DateParts | null => {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2] ?? match[4]);
  const day = Number(match[3] ?? match[5]);
  const hasTime = match[6] !== undefined;
  const hasOffset = match[10] !== undefined || match[11] !== undefined;
  if (hasOffset && !hasTime) return null;
  if (match[1] === '-000000' || !isCalendarDate(year, month, day)) return null;
  const hour = Number(match[6] ?? 0);
  const minute = Number(match[7] ?? 0);
  const second = Math.min(Number(match[8] ?? 0), 59); // Temporal reads a leap second as :59
  if (hour > 23 || minute > 59 || Number(match[8] ?? 0) > 60) return null;
  const millisecond = Number((match[9] ?? '0').padEnd(3, '0').slice(0, 3));
  let offset: number | null = null;
  if (match[10]) offset = 0;
  else if (match[11]) {
    const hours = Number(match[12]);
    const minutes = Number(match[13] ?? 0);
    if (hours > 23 || minutes > 59) return null;
    offset = (match[11] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  return { year, month, day, hour, minute, second, millisecond, offset };
};

/** twenty-shared NON_ISO_DATE_FORMATS, read as date-fns `parse` reads them (shared with filters). */
const parseNonIsoDateParts = (text: string): DateParts | null => {
  const read = parseNonIsoDate(text);
  return read && dateOnly(read.year, read.month, read.day);
};

/** date-fns `yyyy-MM-dd` takes one- or two-digit month and day (e.g. 2024-1-5). */
const parseLooseIsoDate = (text: string): DateParts | null => {
  const match = /^(\d{1,4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  return match ? dateOnly(Number(match[1]), Number(match[2]), Number(match[3])) : null;
};

const toInstant = (parts: DateParts): string => {
  const date = new Date(
    Date.UTC(2000, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second),
  );
  date.setUTCFullYear(parts.year);
  date.setUTCMilliseconds(parts.millisecond);
  return new Date(date.getTime() - (parts.offset ?? 0) * 60_000).toISOString();
};

const validateDateTime = (value: unknown, fieldName: string): string | null => {
  if (value === null) return null;
  const parts =
    typeof value === 'string' ? (parseIsoDateTime(value) ?? parseNonIsoDateParts(value)) : null;
  if (!parts)
    throw invalid(
      `Invalid value ${inspect(value)} for date-time field "${fieldName}". Expected format: 'YYYY-MM-DDTHH:mm:ssZ'`,
    );
  return toInstant(parts);
};

const validateDate = (value: unknown, fieldName: string): unknown => {
  if (value === null) return null;
  const ok =
    typeof value === 'string' &&
    (parseLooseIsoDate(value) ?? parseIsoDateTime(value) ?? parseNonIsoDateParts(value)) !== null;
  if (!ok)
    throw invalid(
      `Invalid value ${inspect(value)} for date field "${fieldName}". Expected format: 'YYYY-MM-DD'`,
    );
  return value;
};

// ---- composites ----

type SubFieldCheck = (value: unknown, fieldName: string) => unknown;

const validatePrimaryEmail = (value: unknown, fieldName: string): string | null => {
  if (value === null) return null;
  if (typeof value !== 'string' || (value.length > 0 && !UNICODE_EMAIL.test(value)))
    throw invalid(`Invalid string value ${inspect(value)} for email field "${fieldName}"`);
  return value;
};

const validateAdditionalEmails = (value: unknown, fieldName: string): unknown => {
  if (value === null) return null;
  if (typeof value === 'string') return validatePrimaryEmail(value, fieldName);
  if (!Array.isArray(value) || value.some((item) => validatePrimaryEmail(item, fieldName) === null))
    throw invalid(
      `Invalid value ${inspect(value)} for field "${fieldName} - Array values need to be string"`,
    );
  return value;
};

const validateBlocknote = (value: unknown, fieldName: string): unknown => {
  const text = validateText(value, fieldName);
  if (!text) return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid(`Invalid blocknote value for field "${fieldName}" - must contain valid JSON`);
  }
  if (!Array.isArray(parsed))
    throw invalid(
      `Invalid blocknote value for field "${fieldName}" - must be a JSON array of blocks`,
    );
  return text;
};

const COMPOSITES: Record<
  string,
  { label: string; subFields: Record<string, SubFieldCheck>; inspectSubField?: boolean }
> = {
  FULL_NAME: { label: 'full name', subFields: { firstName: validateText, lastName: validateText } },
  EMAILS: {
    label: 'emails',
    subFields: { primaryEmail: validatePrimaryEmail, additionalEmails: validateAdditionalEmails },
  },
  PHONES: {
    label: 'phones',
    subFields: {
      primaryPhoneNumber: validateText,
      primaryPhoneCountryCode: validateText,
      primaryPhoneCallingCode: validateText,
      additionalPhones: validateRawJson,
    },
  },
  LINKS: {
    label: 'links',
    subFields: {
      primaryLinkUrl: validateText,
      primaryLinkLabel: validateText,
      secondaryLinks: validateRawJson,
    },
  },
  CURRENCY: {
    label: 'currency',
    subFields: { amountMicros: validateNumeric, currencyCode: validateText },
  },
  ADDRESS: {
    label: 'address',
    subFields: {
      addressStreet1: validateText,
      addressStreet2: validateText,
      addressStreet3: validateText,
      addressCity: validateText,
      addressState: validateText,
      addressPostcode: validateText,
      addressCountry: validateText,
      addressLat: validateNumeric,
      addressLng: validateNumeric,
    },
  },
  RICH_TEXT: {
    label: 'rich text',
    subFields: { blocknote: validateBlocknote, markdown: validateText },
    inspectSubField: true,
  },
  ACTOR: {
    label: 'actor',
    subFields: {
      source: (value, fieldName) => validateSelect(value, fieldName, [...ACTOR_SOURCES]),
      context: validateRawJson,
      name: validateText,
      workspaceMemberId: validateUuid,
    },
  },
};

const validateComposite = (type: string, value: unknown, fieldName: string): unknown => {
  const composite = COMPOSITES[type]!;
  const object = validateRawJson(value, fieldName);
  if (object === null) return null;
  for (const [subField, subValue] of Object.entries(object)) {
    const check = Object.prototype.hasOwnProperty.call(composite.subFields, subField)
      ? composite.subFields[subField]
      : undefined;
    if (!check)
      throw invalid(
        `Invalid subfield ${composite.inspectSubField ? inspect(subField) : subField} for ${composite.label} field "${fieldName}"`,
      );
    check(subValue, `${fieldName}.${subField}`);
  }
  return value;
};

/**
 * Validates one `data` value for a field of the given type (key = the name used in the input, a
 * join column such as `companyId` being checked as a UUID); throws RecordError INVALID_ARGS_DATA
 * with Twenty's message, returns the value to write.
 */
export const validateFieldValue = (
  field: Pick<FieldRow, 'type' | 'options'>,
  key: string,
  value: unknown,
): unknown => {
  if (value === undefined) return value;
  const options = field.options?.map((option) => option.value);
  switch (field.type) {
    case 'TEXT':
      return validateText(value, key);
    case 'NUMBER':
      return validateNumber(value, key);
    case 'NUMERIC':
      return validateNumeric(value, key);
    case 'BOOLEAN':
      return validateBoolean(value, key);
    case 'UUID':
      return validateUuid(value, key);
    case 'DATE':
      return validateDate(value, key);
    case 'DATE_TIME':
      return validateDateTime(value, key);
    case 'SELECT':
    case 'RATING':
      return validateSelect(value, key, options);
    case 'MULTI_SELECT': {
      const checked = validateMultiSelect(value, key, options);
      return typeof checked === 'string' ? [checked] : checked;
    }
    case 'ARRAY': {
      const checked = validateArray(value, key);
      return typeof checked === 'string' ? [checked] : checked;
    }
    case 'RAW_JSON':
      return validateRawJson(value, key);
    case 'FULL_NAME':
    case 'EMAILS':
    case 'PHONES':
    case 'LINKS':
    case 'CURRENCY':
    case 'ADDRESS':
    case 'RICH_TEXT':
    case 'ACTOR':
      return validateComposite(field.type, value, key);
    default:
      return value;
  }
};

/**
 * Twenty's create runners check a given id before the data processor (assertIsValidUuid, a
 * WorkspaceQueryRunnerException INVALID_QUERY_INPUT): any truthy id that is not a UUID.
 */
export const assertValidCreateId = (input: Record<string, unknown>): void => {
  const id = input.id;
  if (id && !UUID_PATTERN.test(String(id)))
    throw new RecordError(
      `Value "${String(id)}" is not a valid UUID`,
      'BAD_REQUEST',
      'INVALID_QUERY_INPUT',
    );
};
