import type { Issues, Invalid } from './cell-problems';
import type { ReaderContext } from './scalar-readers';
import { splitList } from './transforms';

/** The texts of a composite's parts, keyed by sub-field, and helpers its readers share. */
export type PartTexts = Partial<Record<string, string[]>>;
export type CompositeReader = ((
  parts: PartTexts,
  issues: Issues,
) => Record<string, unknown> | Invalid) & {
  /**
   * The common case without gathering parts: one cell of the primary sub-field, one value in
   * it. Null when the text needs the general reader (a list, a wrapped address…).
   */
  one?: (text: string, issues: Issues) => Record<string, unknown> | Invalid | null;
};

export const first = (parts: PartTexts, key: string): string => parts[key]?.[0]?.trim() ?? '';

/**
 * Appends the items of the cells of `keys` (list cells split) to `items`, and the sub-field of
 * each to `itemParts`. Loops rather than closures: this runs for every row.
 */
export const collectItems = (
  parts: PartTexts,
  keys: readonly string[],
  mightSplit: RegExp,
  split: RegExp,
  separator: string | undefined,
  items: string[],
  itemParts: string[],
  prepare?: (text: string) => string,
) => {
  for (const key of keys) {
    const texts = parts[key];
    if (!texts) continue;
    for (let i = 0; i < texts.length; i++) {
      const text = prepare ? prepare(texts[i]!) : texts[i]!;
      if (separator === undefined ? !mightSplit.test(text) : !text.includes(separator)) {
        items.push(text);
        itemParts.push(key);
        continue;
      }
      for (const item of splitList(text, separator, split)) {
        items.push(item);
        itemParts.push(key);
      }
    }
  }
};

export const maxValuesWarning = (
  ctx: ReaderContext,
  count: number,
  issues: Issues,
  part: string,
) => {
  const max = ctx.field.settings?.maxNumberOfValues;
  if (typeof max === 'number' && count > max)
    issues.warn(
      `${ctx.field.label || ctx.field.name} shows at most ${max} value${max === 1 ? '' : 's'} in Twenty; ${count} given`,
      part,
    );
};
