import type { ModelField } from '../../../shared/contract';

/** The options of a SELECT / MULTI_SELECT / RATING field as the model holds them. */
export const optionsOf = (field: ModelField): Array<{ value: string; label: string }> =>
  Array.isArray(field.options)
    ? (field.options as Array<{ value?: unknown; label?: unknown }>)
        .filter((option) => typeof option.value === 'string')
        .map((option) => ({
          value: option.value as string,
          label: typeof option.label === 'string' ? option.label : (option.value as string),
        }))
    : [];

export const hasOptions = (field: ModelField): boolean =>
  ['SELECT', 'MULTI_SELECT', 'RATING'].includes(field.type);

/** Distinct non-empty values of a column in the sample, most frequent first (at most `limit`). */
export const distinctValues = (
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  column: string,
  limit = 40,
): string[] => {
  const index = headers.indexOf(column);
  if (index < 0) return [];
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = (row[index] ?? '').trim();
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([value]) => value);
};
