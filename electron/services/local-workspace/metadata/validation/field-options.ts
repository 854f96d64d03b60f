import { randomUUID } from 'node:crypto';
import type { EntityValidationError } from '../metadata-errors';
import type { SelectOption } from '../metadata-types';
import { TAG_COLORS } from '../../../../../shared/domain/field-type-catalog';
import { UUID_TEXT as UUID } from '../../../../../shared/domain/uuid';

/**
 * SELECT / MULTI_SELECT / RATING options as Twenty normalises and validates them.
 * Source: validate-enum-flat-field-metadata.util.ts, validate-metadata-option-color.util.ts,
 * generate-rating-optionts.util.ts; the 25 tag colours are shared with the editor.
 */
export { TAG_COLORS };

const UPPER_SNAKE = /^[A-Z0-9]+(_[A-Z0-9]+)*$/;
const CODE = 'INVALID_FIELD_INPUT';
const collapse = (value: unknown): unknown =>
  typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value;

export const generateRatingOptions = (): SelectOption[] =>
  [1, 2, 3, 4, 5].map((n, position) => ({
    id: randomUUID(),
    label: String(n),
    value: `RATING_${n}`,
    position,
  }));

/** Trims, assigns ids to options that lack one (a provided id wins). */
export const normaliseOptions = (options: unknown): unknown =>
  Array.isArray(options)
    ? options.map((option) =>
        option && typeof option === 'object'
          ? {
              ...Object.fromEntries(
                Object.entries(option).map(([key, value]) => [key, collapse(value)]),
              ),
              // Only a missing id is generated; an explicit null is an error (Twenty's validator).
              id:
                (option as { id?: unknown }).id === undefined
                  ? randomUUID()
                  : (option as { id?: unknown }).id,
            }
          : option,
      )
    : options;

/**
 * Per option: id, value, label (Twenty's order), then our position and colour checks; then one
 * "Duplicated option <key>" per key (position, id, value) carrying the whole options array.
 * Source: validate-enum-flat-field-metadata.util.ts @ a2a84554.
 */
export const validateEnumOptions = (
  options: unknown,
  withColor: boolean,
): EntityValidationError[] => {
  if (!Array.isArray(options) || options.length === 0)
    return [
      {
        code: CODE,
        message: 'Options are required for enum fields',
        value: Array.isArray(options) || options === null || options === undefined ? [] : options,
      },
    ];
  const errors: EntityValidationError[] = [];
  for (const raw of options) {
    const option = (raw ?? {}) as Record<string, unknown>;
    const { id, label, value, position, color } = option;
    if (id === undefined || id === null)
      errors.push({ code: CODE, message: 'Option id is required' });
    if (typeof id !== 'string' || !UUID.test(id))
      errors.push({ code: CODE, message: 'Option id is invalid', value: id });
    if (value === undefined || value === null)
      errors.push({ code: CODE, message: 'Option value is required' });
    else if (typeof value !== 'string' || value.length === 0) {
      errors.push({
        code: CODE,
        message: 'Option value must be a string of at least one character',
        userFriendlyMessage: 'Option value format not supported',
        value,
      });
    } else {
      if (value.length > 63)
        errors.push({ code: CODE, message: 'Option value exceeds 63 characters', value });
      if (!UPPER_SNAKE.test(value))
        errors.push({
          code: CODE,
          message: `Value must be in UPPER_CASE and follow snake_case "${value}"`,
          value,
        });
    }
    if (label === undefined || label === null)
      errors.push({ code: CODE, message: 'Option label is required' });
    else if (typeof label !== 'string' || label.length === 0) {
      errors.push({
        code: CODE,
        message: 'Option label must be a string of at least one character',
        userFriendlyMessage: 'Option label format not supported',
        value: label,
      });
    } else {
      if (label.length > 63)
        errors.push({ code: CODE, message: 'Option label exceeds 63 characters', value: label });
      if (label.includes(','))
        errors.push({ code: CODE, message: 'Label must not contain a comma', value: label });
    }
    if (typeof position !== 'number' || !Number.isFinite(position))
      errors.push({ code: CODE, message: 'Option position is required', value: position });
    if (withColor) {
      if (color === undefined || color === null || color === '')
        errors.push({ code: CODE, message: 'Option color is required', value: color });
      else if (!(TAG_COLORS as readonly unknown[]).includes(color))
        errors.push({
          code: CODE,
          message: 'Option color must be a supported color',
          value: color,
        });
    }
  }
  for (const key of ['position', 'id', 'value'] as const) {
    const values = options.map((raw) => ((raw ?? {}) as Record<string, unknown>)[key]);
    if (new Set(values).size !== values.length)
      errors.push({ code: CODE, message: `Duplicated option ${key}`, value: options });
  }
  return errors;
};
