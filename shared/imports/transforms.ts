import type { BooleanWords } from './booleans';
import { compileDateFormat, type DateReader } from './dates';
import type { Transform } from './mapping';
import type { NumberReading } from './numbers';

/**
 * A column's transforms, compiled once: the text ones (trim, case, split, replace, empty) become
 * one function applied in order; the reading ones (date, number, boolean, valueMap, list) become
 * hints for the field's reader — the last of each kind wins.
 */
export interface ReadHints {
  date?: { read: DateReader; format: string; timeZone?: string };
  number: NumberReading;
  boolean?: BooleanWords;
  valueMap?: { map: Record<string, string>; createMissingOptions: boolean };
  listSeparator?: string;
}

export type TextTransform = (text: string) => string;

const titleCase = (text: string): string =>
  text.toLowerCase().replace(/(^|[\s\-'’(])(\p{L})/gu, (_, before: string, letter: string) => {
    return before + letter.toUpperCase();
  });

const textStep = (transform: Transform): TextTransform | null => {
  switch (transform.type) {
    case 'trim':
      return (text) => text.trim();
    case 'case':
      return transform.to === 'lower'
        ? (text) => text.toLowerCase()
        : transform.to === 'upper'
          ? (text) => text.toUpperCase()
          : titleCase;
    case 'split': {
      const { separator, index } = transform;
      return (text) => {
        const pieces = text.split(separator);
        return (index < 0 ? pieces[pieces.length + index] : pieces[index])?.trim() ?? '';
      };
    }
    case 'replace': {
      const { find } = transform;
      const replacement = transform.with;
      return (text) => text.split(find).join(replacement);
    }
    case 'empty': {
      const empty = new Set(transform.values.map((value) => value.trim().toLowerCase()));
      return (text) => (empty.has(text.trim().toLowerCase()) ? '' : text);
    }
    default:
      return null;
  }
};

export const compileTransforms = (
  transforms: readonly Transform[],
): { text: TextTransform | null; hints: ReadHints } => {
  const steps: TextTransform[] = [];
  const hints: ReadHints = { number: 'auto' };
  for (const transform of transforms) {
    const step = textStep(transform);
    if (step) {
      steps.push(step);
      continue;
    }
    switch (transform.type) {
      case 'date':
        hints.date = {
          read: compileDateFormat(transform.format),
          format: transform.format,
          timeZone: transform.timeZone,
        };
        break;
      case 'number':
        hints.number = transform.locale;
        break;
      case 'boolean':
        hints.boolean = { true: transform.true, false: transform.false, empty: transform.empty };
        break;
      case 'valueMap':
        hints.valueMap = {
          map: transform.map,
          createMissingOptions: transform.createMissingOptions,
        };
        break;
      case 'list':
        hints.listSeparator = transform.separator;
        break;
    }
  }
  const text: TextTransform | null =
    steps.length === 0
      ? null
      : steps.length === 1
        ? steps[0]!
        : (value) => {
            let result = value;
            for (const step of steps) result = step(result);
            return result;
          };
  return { text, hints };
};

/** Splits a list cell on the hinted separator, else on `fallback`; trims and drops empties. */
export const splitList = (
  text: string,
  separator: string | undefined,
  fallback: RegExp,
): string[] => {
  const pieces = separator === undefined ? text.split(fallback) : text.split(separator);
  const items: string[] = [];
  for (const piece of pieces) {
    const item = piece.trim();
    if (item !== '') items.push(item);
  }
  return items;
};
