import {
  COMPOSITE_TYPES,
  isCompositeFieldType,
} from '../../../../../shared/domain/composite-types';
import type { FieldMetadataType } from '../../../../../shared/domain/field-metadata-type';
import type { EntityValidationError } from '../metadata-errors';
import type { SelectOption } from '../metadata-types';
import { UUID_TEXT as UUID } from '../../../../../shared/domain/uuid';

/**
 * Twenty stores string defaults as SQL literals ("'Paris'"), functions as bare words ("uuid",
 * "now"), select defaults as quoted option values. Source: default-value.input.ts,
 * is-quoted-string.validator.ts, validate-default-value-for-type. Exact message wording for
 * type mismatches is UNSURE (docs/twenty-fidelity.md); the rules are Twenty's.
 */
const CODE = 'INVALID_FIELD_INPUT';
const QUOTED = /^'.*'$/s;
const isQuoted = (value: unknown): value is string =>
  typeof value === 'string' && value.length >= 2 && QUOTED.test(value);
const unquote = (value: string): string => value.slice(1, -1);

const subFieldOk = (subType: FieldMetadataType, value: unknown): boolean => {
  if (value === null || value === undefined) return true;
  switch (subType) {
    case 'TEXT':
    case 'SELECT':
      return isQuoted(value);
    case 'NUMERIC':
      return (
        (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.replace(/^'|'$/g, ''))) ||
        typeof value === 'number'
      );
    case 'UUID':
      return (
        typeof value === 'string' &&
        (UUID.test(value) || (isQuoted(value) && UUID.test(unquote(value))))
      );
    case 'RAW_JSON':
      return typeof value === 'object';
    default:
      return true;
  }
};

/** validateSelectDefaultValue: a string, quoted, naming an option value. */
const selectDefaultErrors = (
  defaultValue: unknown,
  optionValues: ReadonlySet<unknown>,
): EntityValidationError[] => {
  if (typeof defaultValue !== 'string') {
    return [
      {
        code: CODE,
        message: `Default value for select must be a string got ${String(defaultValue)}`,
        userFriendlyMessage: 'Default value must be a string',
        value: defaultValue,
      },
    ];
  }
  const errors: EntityValidationError[] = [];
  if (!isQuoted(defaultValue))
    errors.push({
      code: CODE,
      message: 'Default value should be as quoted string',
      value: defaultValue,
    });
  const raw = isQuoted(defaultValue) ? unquote(defaultValue) : defaultValue;
  if (!optionValues.has(raw))
    errors.push({
      code: CODE,
      message: `Default value "${defaultValue}" must be one of the option values`,
      value: defaultValue,
    });
  return errors;
};

export const validateDefaultValue = (
  type: FieldMetadataType,
  defaultValue: unknown,
  options: SelectOption[] | null,
): EntityValidationError[] => {
  if (defaultValue === null || defaultValue === undefined) return [];
  const invalid = (
    message = `Invalid default value for ${type} field`,
  ): EntityValidationError[] => [{ code: CODE, message, value: defaultValue }];
  const optionValues = new Set((options ?? []).map((option) => option.value));
  switch (type) {
    case 'TEXT':
      return isQuoted(defaultValue) ? [] : invalid('Default value should be as quoted string');
    case 'UUID':
      return defaultValue === 'uuid' || (isQuoted(defaultValue) && UUID.test(unquote(defaultValue)))
        ? []
        : invalid();
    case 'NUMBER':
    case 'POSITION':
      return typeof defaultValue === 'number' && Number.isFinite(defaultValue) ? [] : invalid();
    case 'NUMERIC':
      return isQuoted(defaultValue) || typeof defaultValue === 'number' ? [] : invalid();
    case 'BOOLEAN':
      return typeof defaultValue === 'boolean' ? [] : invalid();
    case 'DATE_TIME':
    case 'DATE':
      return defaultValue === 'now' ? [] : invalid();
    case 'SELECT':
    case 'RATING':
      return selectDefaultErrors(defaultValue, optionValues);
    case 'MULTI_SELECT': {
      // validateMultiSelectDefaultValue (validate-enum-flat-field-metadata.util.ts @ a2a84554):
      // each entry goes through the select checks, so a bad entry gets both messages.
      if (!Array.isArray(defaultValue)) {
        return [
          {
            code: CODE,
            message: `Default value for multi-select must be an array got ${String(defaultValue)}`,
            userFriendlyMessage: 'Multi-select field default value must be an array',
            value: defaultValue,
          },
        ];
      }
      const errors: EntityValidationError[] = [];
      if (defaultValue.length === 0)
        errors.push({
          code: CODE,
          message: 'If defined default value must contain at least one value',
          value: defaultValue,
        });
      if (new Set(defaultValue).size !== defaultValue.length)
        errors.push({ code: CODE, message: 'Default values must be unique', value: defaultValue });
      for (const item of defaultValue) errors.push(...selectDefaultErrors(item, optionValues));
      return errors;
    }
    case 'RAW_JSON':
      return typeof defaultValue === 'object' ? [] : invalid();
    case 'ARRAY':
      return Array.isArray(defaultValue) && defaultValue.every((item) => typeof item === 'string')
        ? []
        : invalid();
    case 'RELATION':
    case 'MORPH_RELATION':
    case 'TS_VECTOR':
    case 'FILES':
      return invalid();
    default:
      if (isCompositeFieldType(type)) {
        if (typeof defaultValue !== 'object' || Array.isArray(defaultValue)) return invalid();
        const subFields = COMPOSITE_TYPES[type];
        for (const [key, value] of Object.entries(defaultValue as Record<string, unknown>)) {
          const sub = subFields.find((candidate) => candidate.name === key);
          if (!sub || !subFieldOk(sub.type, value)) return invalid();
        }
        return [];
      }
      return invalid();
  }
};
