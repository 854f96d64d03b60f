import type { FieldMetadataType } from '../domain/field-metadata-type';
import {
  amountOf,
  asText,
  fail,
  fromText,
  isEmptyValue,
  matchOption,
  ok,
  type Conversion,
} from './record-values';
import type { SchemaField } from './schema-document';

export { isEmptyValue, type Conversion } from './record-values';

/**
 * A record's value converted for a field of another type, as a type change migrates it (plan
 * step `copyFieldValues`). Values are core-API record values; an empty value converts to empty
 * (`null`); a value that does not convert says why (it is lost by the migration). Text is the hub:
 * every type listed converts to TEXT and TEXT parses into most types. Choices: a select becomes
 * text by its value (not its label); text matches an option by value, then by label; multi-valued
 * types join with ", " and split on commas; LINKS keep their URLs (labels are dropped); NUMBER →
 * CURRENCY takes the target's default currency (USD without one); CURRENCY → NUMBER drops the
 * currency; DATE_TIME → DATE keeps the UTC date.
 */
type Converter = (value: unknown, from: SchemaField, to: SchemaField) => Conversion;

const toText: Converter = (value, from) => ok(asText(value, from.type));
const viaText: Converter = (value, from, to) => fromText(asText(value, from.type), to);

const asNumber = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
};

const numberTo =
  (convert: (n: number, to: SchemaField) => Conversion): Converter =>
  (value, _from, to) => {
    const n = asNumber(value);
    return n === null ? fail(`\`${String(value)}\` is not a number`) : convert(n, to);
  };

/** The currency of a CURRENCY field's default (`"'EUR'"`), else Twenty's USD. */
const currencyOf = (field: SchemaField): string => {
  const code = (field.defaultValue as { currencyCode?: unknown } | null)?.currencyCode;
  return typeof code === 'string' && code.replace(/'/g, '') !== '' ? code.replace(/'/g, '') : 'USD';
};

/** A select value for another select field: the same value, else the same label. */
const sameOption = (value: string, from: SchemaField, to: SchemaField): string | null =>
  matchOption(to, value) ??
  matchOption(to, from.options?.find((option) => option.value === value)?.label ?? '');

const optionsFor = (values: string[], from: SchemaField, to: SchemaField): Conversion => {
  const result: string[] = [];
  for (const value of values) {
    const match = sameOption(value, from, to);
    if (match === null) return fail(`no option \`${value}\` on \`${to.name}\``);
    if (!result.includes(match)) result.push(match);
  }
  return ok(result);
};

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

const TO_TEXT_ONLY = { TEXT: toText };

const CONVERSIONS: Partial<
  Record<FieldMetadataType, Partial<Record<FieldMetadataType, Converter>>>
> = {
  TEXT: Object.fromEntries(
    (
      [
        'NUMBER',
        'BOOLEAN',
        'DATE',
        'DATE_TIME',
        'SELECT',
        'MULTI_SELECT',
        'RATING',
        'EMAILS',
        'LINKS',
        'PHONES',
        'FULL_NAME',
        'RICH_TEXT',
        'RAW_JSON',
        'UUID',
        'ARRAY',
      ] as const
    ).map((type) => [type, viaText]),
  ),
  NUMBER: {
    TEXT: toText,
    BOOLEAN: numberTo((n) =>
      n === 0 || n === 1 ? ok(n === 1) : fail(`only 0 and 1 become false and true, not ${n}`),
    ),
    CURRENCY: numberTo((n, to) =>
      ok({ amountMicros: Math.round(n * 1e6), currencyCode: currencyOf(to) }),
    ),
    RATING: numberTo((n) =>
      Number.isInteger(n) && n >= 1 && n <= 5
        ? ok(`RATING_${n}`)
        : fail(`${n} is not a rating from 1 to 5`),
    ),
  },
  BOOLEAN: { TEXT: toText, NUMBER: (value) => ok(value === true ? 1 : 0) },
  DATE: { TEXT: toText, DATE_TIME: viaText },
  DATE_TIME: { TEXT: toText, DATE: viaText },
  SELECT: {
    TEXT: toText,
    MULTI_SELECT: (value, from, to) => optionsFor([String(value)], from, to),
  },
  MULTI_SELECT: {
    TEXT: toText,
    ARRAY: (value) => ok(list(value)),
    SELECT: (value, from, to) => {
      const values = list(value);
      if (values.length > 1)
        return fail(`holds ${values.length} values (${values.join(', ')}); a select holds one`);
      const converted = optionsFor(values, from, to);
      return converted.ok ? ok((converted.value as string[])[0]) : converted;
    },
  },
  RATING: {
    TEXT: toText,
    NUMBER: (value) => {
      const n = /^RATING_(\d+)$/.exec(String(value));
      return n ? ok(Number(n[1])) : fail(`\`${String(value)}\` is not a rating`);
    },
  },
  CURRENCY: {
    TEXT: toText,
    NUMBER: (value) => {
      const micros = (value as { amountMicros?: unknown }).amountMicros;
      return asNumber(micros) === null
        ? fail(`\`${String(micros)}\` is not an amount`)
        : ok(amountOf(micros));
    },
  },
  ARRAY: { TEXT: toText, MULTI_SELECT: (value, from, to) => optionsFor(list(value), from, to) },
  EMAILS: TO_TEXT_ONLY,
  LINKS: TO_TEXT_ONLY,
  PHONES: TO_TEXT_ONLY,
  FULL_NAME: TO_TEXT_ONLY,
  ADDRESS: TO_TEXT_ONLY,
  RICH_TEXT: TO_TEXT_ONLY,
  RAW_JSON: TO_TEXT_ONLY,
  UUID: TO_TEXT_ONLY,
};

/** The types a field of this type can be migrated to with a sensible conversion. */
export const conversionTargets = (type: FieldMetadataType): FieldMetadataType[] =>
  Object.keys(CONVERSIONS[type] ?? {}) as FieldMetadataType[];

export const convertValue = (value: unknown, from: SchemaField, to: SchemaField): Conversion => {
  if (isEmptyValue(value, from.type)) return ok(null);
  if (from.type === to.type) return ok(value);
  const converter = CONVERSIONS[from.type]?.[to.type];
  if (!converter) return fail(`no conversion from ${from.type} to ${to.type}`);
  return converter(value, from, to);
};
