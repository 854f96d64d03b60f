import type { ModelField } from '../contract/data-model';
import { booleanReader, DEFAULT_BOOLEAN_WORDS } from './booleans';
import { INVALID, quote, type Invalid, type Issues } from './cell-problems';
import { formatDay, isDateError, readIsoDate, wallMs } from './dates';
import type { MappingOptions } from './mapping';
import { decimalPlaces, parseDecimal } from './numbers';
import { fieldOptions, optionMatcher, RATING_VALUES, type OptionMatcher } from './select-options';
import { isoString, zoneToUtc } from './time-zones';
import { ownString } from './own-string';
import { remembered } from './remembered';
import { splitList, type ReadHints } from './transforms';
import { UUID_TEXT as UUID } from '../domain/uuid';

/**
 * Readers of one cell for the scalar field types, built once per field: each takes the cell
 * text (already transformed, never empty) and returns the value in the REST create/update body
 * shape, or INVALID after reporting why. Shapes: shared/twenty-api/core-api.md §4.2.
 */
export interface ReaderContext {
  field: ModelField;
  hints: ReadHints;
  options: MappingOptions;
  /** Records an option the import will have to create before writing. */
  newOption(value: string, label: string): void;
}

export type CellReader = (text: string, issues: Issues) => unknown;

const LIST_SPLIT = /\s*[;,|\n]\s*/;
const INT32 = 2_147_483_647;

const settingOf = (field: ModelField, key: string): unknown => field.settings?.[key];

const label = (field: ModelField): string => field.label || field.name;

const readNumber = (ctx: ReaderContext): CellReader => {
  const { field, hints } = ctx;
  const dataType = settingOf(field, 'dataType');
  const decimals = settingOf(field, 'decimals');
  const percentage = settingOf(field, 'type') === 'percentage';
  return (text, issues) => {
    let value = text.trim();
    let scale = 1;
    if (percentage && value.endsWith('%')) {
      // Percent fields store the ratio (display multiplies by 100).
      value = value.slice(0, -1);
      scale = 100;
    }
    const decimal = parseDecimal(value, hints.number);
    if (decimal === null) {
      issues.error(`${quote(text)} is not a number`);
      return INVALID;
    }
    const number = Number(decimal) / scale;
    if (dataType === 'int' || dataType === 'bigint') {
      if (!Number.isInteger(number)) {
        issues.error(`${quote(text)} is not a whole number (${label(field)} holds integers)`);
        return INVALID;
      }
      if (dataType === 'int' && Math.abs(number) > INT32) {
        issues.error(`${quote(text)} is too large for ${label(field)} (32-bit integer)`);
        return INVALID;
      }
    }
    if (!Number.isSafeInteger(Math.trunc(number)))
      issues.warn(`${quote(text)} is beyond 15 significant digits and will lose precision`);
    else if (typeof decimals === 'number' && scale === 1 && decimalPlaces(decimal) > decimals)
      issues.warn(`${quote(text)} has more than ${decimals} decimals; Twenty shows it rounded`);
    return number;
  };
};

const readNumeric =
  (ctx: ReaderContext): CellReader =>
  (text, issues) => {
    const decimal = parseDecimal(text, ctx.hints.number);
    if (decimal === null) {
      issues.error(`${quote(text)} is not a number`);
      return INVALID;
    }
    return decimal;
  };

const readBoolean = (ctx: ReaderContext): CellReader => {
  const read = booleanReader(ctx.hints.boolean ?? DEFAULT_BOOLEAN_WORDS);
  return (text, issues) => {
    const value = read(text);
    if (value === null) {
      issues.error(`${quote(text)} is not a yes/no value`);
      return INVALID;
    }
    return value;
  };
};

/**
 * Dates repeat across rows (close dates, birthdays…): each text's value, or its error (prefixed
 * with NUL), is remembered, so a repeated cell costs one map lookup.
 */
const rememberedDates = (read: (text: string) => string): CellReader => {
  // A value is a fresh string; an error quotes the cell (a slice of its chunk): copied.
  const readOwn = remembered((text: string) => {
    const value = read(text);
    return value.charCodeAt(0) === 0 ? ownString(value) : value;
  });
  return (text, issues) => {
    const value = readOwn(text);
    if (value.charCodeAt(0) !== 0) return value;
    issues.error(value.slice(1));
    return INVALID;
  };
};

const readDate = (ctx: ReaderContext): CellReader => {
  const parse = ctx.hints.date?.read ?? readIsoDate;
  return rememberedDates((text) => {
    const read = parse(text);
    return isDateError(read) ? `\u0000${read.error}` : formatDay(read);
  });
};

const readDateTime = (ctx: ReaderContext): CellReader => {
  const toUtc = zoneToUtc(ctx.hints.date?.timeZone ?? ctx.options.timeZone);
  const parse = ctx.hints.date?.read ?? readIsoDate;
  return rememberedDates((text) => {
    const read = parse(text);
    if (isDateError(read)) return `\u0000${read.error}`;
    const wall = wallMs(read);
    return isoString(read.offset === null ? toUtc(wall) : wall - read.offset * 60_000);
  });
};

/** SELECT and MULTI_SELECT and RATING share the option matching and its messages. */
const matchOne = (
  ctx: ReaderContext,
  matcher: OptionMatcher,
  text: string,
  issues: Issues,
): string | Invalid => {
  const match = matcher.match(text);
  if (match.kind === 'option') return match.value;
  if (match.kind === 'new') {
    const problem = matcher.newOptionProblem(match.label);
    if (problem) {
      issues.error(`${quote(text)} is not an option of ${label(ctx.field)}, and ${problem}`);
      return INVALID;
    }
    ctx.newOption(match.value, match.label);
    issues.warn(
      `${quote(text)} is not an option of ${label(ctx.field)}; it will be created (${match.value})`,
    );
    return match.value;
  }
  const known = matcher.options
    .slice(0, 8)
    .map((option) => option.value)
    .join(', ');
  issues.error(
    `${quote(text)} is not an option of ${label(ctx.field)} (${known}${matcher.options.length > 8 ? ', …' : ''})`,
  );
  return INVALID;
};

const selectMatcher = (ctx: ReaderContext): OptionMatcher =>
  optionMatcher(
    fieldOptions(ctx.field),
    ctx.hints.valueMap?.map,
    ctx.hints.valueMap?.createMissingOptions ?? false,
  );

const readSelect = (ctx: ReaderContext): CellReader => {
  const matcher = selectMatcher(ctx);
  return (text, issues) => matchOne(ctx, matcher, text, issues);
};

const readMultiSelect = (ctx: ReaderContext): CellReader => {
  const matcher = selectMatcher(ctx);
  return (text, issues) => {
    const values: string[] = [];
    let failed = false;
    for (const item of splitList(text, ctx.hints.listSeparator, LIST_SPLIT)) {
      const value = matchOne(ctx, matcher, item, issues);
      if (value === INVALID) failed = true;
      else if (!values.includes(value)) values.push(value);
    }
    return failed ? INVALID : values;
  };
};

const STARS = /^[★⭐*]+☆*$/u;
const RATING_TEXT = /^(\d(?:[.,]0+)?)\s*(?:\/\s*5|stars?|étoiles?|sterne?)?$/i;

const readRating = (ctx: ReaderContext): CellReader => {
  const matcher = optionMatcher(
    RATING_VALUES.map((value, index) => ({ value, label: String(index + 1) })),
    ctx.hints.valueMap?.map,
  );
  return (text, issues) => {
    const value = text.trim();
    let rating: number | null = null;
    if (STARS.test(value)) rating = [...value].filter((c) => c !== '☆').length;
    else {
      const match = RATING_TEXT.exec(value);
      if (match) rating = Number(match[1]!.replace(',', '.'));
    }
    if (rating === null) {
      const option = matcher.match(value);
      if (option.kind === 'option') return option.value;
    }
    if (rating === null || rating < 1 || rating > 5) {
      issues.error(`${quote(text)} is not a rating from 1 to 5`);
      return INVALID;
    }
    return RATING_VALUES[rating - 1];
  };
};

export const readUuid: CellReader = (text, issues) => {
  const value = text.trim();
  if (!UUID.test(value)) {
    issues.error(`${quote(text)} is not a UUID`);
    return INVALID;
  }
  return value.toLowerCase();
};

const readJson: CellReader = (text, issues) => {
  try {
    return JSON.parse(text);
  } catch {
    issues.error(`${quote(text)} is not valid JSON`);
    return INVALID;
  }
};

const readArray =
  (ctx: ReaderContext): CellReader =>
  (text, issues) => {
    const value = text.trim();
    if (value.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(value);
        if (Array.isArray(parsed) && parsed.every((item) => typeof item !== 'object'))
          return parsed.map(String);
      } catch {
        // Not JSON: read as a list below.
      }
      issues.error(`${quote(text)} is not a list (a JSON array of texts, or items separated by ,)`);
      return INVALID;
    }
    return splitList(value, ctx.hints.listSeparator, LIST_SPLIT);
  };

/** Markdown Twenty's batch writes refuse (RICH_TEXT_CONTENT_NOT_SUPPORTED_IN_BATCH, 2026). */
const BATCH_REFUSED = /<[a-z][^>]*>|!\[[^\]]*\]\(|^\s*\|.*\|\s*$|^```\s*$/im;

const readRichText: CellReader = (text, issues) => {
  if (BATCH_REFUSED.test(text))
    issues.warn(
      'Rich text with HTML, tables, images or code blocks without a language is refused in batches by recent Twenty; such rows are written one by one',
    );
  return { markdown: text };
};

const readText: CellReader = (text) => text;

/** The reader of a scalar field type, or why the type cannot be imported. */
export const scalarReader = (ctx: ReaderContext): CellReader | { unsupported: string } => {
  switch (ctx.field.type) {
    case 'TEXT':
      return readText;
    case 'NUMBER':
      return readNumber(ctx);
    case 'NUMERIC':
      return readNumeric(ctx);
    case 'BOOLEAN':
      return readBoolean(ctx);
    case 'DATE':
      return readDate(ctx);
    case 'DATE_TIME':
      return readDateTime(ctx);
    case 'SELECT':
      return readSelect(ctx);
    case 'MULTI_SELECT':
      return readMultiSelect(ctx);
    case 'RATING':
      return readRating(ctx);
    case 'UUID':
      return readUuid;
    case 'RAW_JSON':
      return readJson;
    case 'ARRAY':
      return readArray(ctx);
    case 'RICH_TEXT':
      return readRichText;
    default:
      return { unsupported: `${ctx.field.type} fields cannot be imported from a file` };
  }
};
