import { optionValueFromLabel } from '../domain/field-type-catalog';
import type { ModelField } from '../contract/data-model';
import { ownString } from './own-string';

/**
 * Cell text → option value of a SELECT / MULTI_SELECT / RATING field. Values and labels both
 * match, ignoring case, accents, spaces and punctuation ("Closed won", "closed-won" and
 * CLOSED_WON are one option). A value map, applied first, sends other spellings to an option; with
 * `createMissingOptions`, unmatched texts become new options (value from the label, as Twenty's
 * settings form derives it) instead of errors.
 */
export interface FieldOption {
  value: string;
  label: string;
}

export const fieldOptions = (field: ModelField): FieldOption[] =>
  Array.isArray(field.options)
    ? field.options.flatMap((option) => {
        const { value, label } = (option ?? {}) as { value?: unknown; label?: unknown };
        return typeof value === 'string'
          ? [{ value, label: typeof label === 'string' ? label : value }]
          : [];
      })
    : [];

export const foldOptionKey = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

export type OptionMatch =
  | { kind: 'option'; value: string }
  | { kind: 'new'; value: string; label: string }
  | { kind: 'unknown' };

/** Twenty's limits on option labels and values (metadata-api.md §3.5). */
const optionLabelProblem = (label: string): string | null =>
  label.includes(',')
    ? 'an option label cannot contain a comma'
    : label.length > 63
      ? 'an option label is at most 63 characters'
      : null;

export interface OptionMatcher {
  match(text: string): OptionMatch;
  /** Why a new option could not be made from this text, if so. */
  newOptionProblem(label: string): string | null;
  readonly options: readonly FieldOption[];
}

export const optionMatcher = (
  options: readonly FieldOption[],
  valueMap: Record<string, string> = {},
  createMissingOptions = false,
): OptionMatcher => {
  const byKey = new Map<string, string>();
  for (const option of options) byKey.set(foldOptionKey(option.label), option.value);
  // Values win over labels on a clash: they are what the API writes.
  for (const option of options) byKey.set(foldOptionKey(option.value), option.value);
  const created = new Map<string, OptionMatch>();
  const resolve = (text: string): OptionMatch => {
    const value = byKey.get(foldOptionKey(text));
    if (value !== undefined) return { kind: 'option', value };
    if (!createMissingOptions || text.trim() === '') return { kind: 'unknown' };
    let match = created.get(text);
    if (!match) {
      const label = text.trim().replace(/\s+/g, ' ');
      let value: string;
      try {
        value = optionValueFromLabel(label).slice(0, 63);
      } catch {
        value = '';
      }
      match = value ? { kind: 'new', value, label } : { kind: 'unknown' };
      created.set(ownString(text), match);
    }
    return match;
  };
  const mapped = new Map<string, string>();
  for (const [from, to] of Object.entries(valueMap)) mapped.set(foldOptionKey(from), to);
  // Select cells repeat a handful of texts: remember answers instead of folding each cell.
  const seen = new Map<string, OptionMatch>();
  return {
    options,
    match: (text) => {
      let match = seen.get(text);
      if (match) return match;
      const target = mapped.size ? mapped.get(foldOptionKey(text)) : undefined;
      match = resolve(target ?? text);
      if (seen.size >= 10_000) seen.clear();
      seen.set(ownString(text), match);
      return match;
    },
    newOptionProblem: optionLabelProblem,
  };
};

/** RATING options are always RATING_1 … RATING_5 (Twenty generates them). */
export const RATING_VALUES = ['RATING_1', 'RATING_2', 'RATING_3', 'RATING_4', 'RATING_5'];
