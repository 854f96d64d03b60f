import type { TextRange } from './filter-syntax';
import { RestQueryError } from './rest-query-error';

/**
 * Twenty's REST `order_by` grammar with positions: `field[AscNullsFirst],composite.sub[DescNullsLast],
 * field3` — items split on every comma, a missing direction means AscNullsFirst.
 * Source: parse-order-by-rest-request-common.util.ts (and its spec), add-default-order-by-id.util.ts.
 */
export const DIRECTIONS = [
  'AscNullsFirst',
  'AscNullsLast',
  'DescNullsFirst',
  'DescNullsLast',
] as const;
export type OrderDirection = (typeof DIRECTIONS)[number];
export const DEFAULT_DIRECTION: OrderDirection = 'AscNullsFirst';

export interface OrderByItemSyntax {
  range: TextRange;
  path: Array<{ name: string } & TextRange>;
  direction: OrderDirection;
  /** Where the direction is written (inside the brackets); null when left to the default. */
  directionRange: TextRange | null;
}

export interface OrderBySyntaxError extends TextRange {
  message: string;
}

export const invalidDirectionMessage = (direction: string) =>
  `'order_by' direction '${direction}' invalid. Allowed values are '${DIRECTIONS.join("', '")}'. eg: ?order_by=field_1[AscNullsFirst],field_2[DescNullsLast],field_3`;

/** Ours (Twenty fails deeper down): ordering needs a column, and a composite field has several. */
export const compositeOrderByMessage = (path: string) =>
  `'order_by' field '${path}' invalid. Composite fields must be ordered by a sub-field, eg: ?order_by=name.firstName`;

const ITEM = /^([^[\]]+)(?:\[([^\]]*)\])?$/;

export const parseOrderBySyntax = (
  text: string,
): { items: OrderByItemSyntax[]; errors: OrderBySyntaxError[] } => {
  const items: OrderByItemSyntax[] = [];
  const errors: OrderBySyntaxError[] = [];
  if (text.trim() === '') return { items, errors };
  let offset = 0;
  for (const rawItem of text.split(',')) {
    const lead = rawItem.length - rawItem.trimStart().length;
    const item = rawItem.trim();
    const start = offset + lead;
    const range = { start, end: start + item.length };
    offset += rawItem.length + 1;
    const match = ITEM.exec(item);
    const written = match?.[2];
    if (!match || (written !== undefined && !(DIRECTIONS as readonly string[]).includes(written))) {
      const directionStart = match ? start + match[1]!.length + 1 : start;
      errors.push({
        start: directionStart,
        end: match ? directionStart + written!.length : range.end,
        message: invalidDirectionMessage(written ?? item),
      });
      continue;
    }
    const path: OrderByItemSyntax['path'] = [];
    let segmentStart = start;
    for (const segment of match[1]!.split('.')) {
      const lead = segment.length - segment.trimStart().length;
      const name = segment.trim();
      path.push({ name, start: segmentStart + lead, end: segmentStart + lead + name.length });
      segmentStart += segment.length + 1;
    }
    const directionStart = start + match[1]!.length + 1;
    items.push({
      range,
      path,
      direction: (written ?? DEFAULT_DIRECTION) as OrderDirection,
      directionRange:
        written === undefined
          ? null
          : { start: directionStart, end: directionStart + written.length },
    });
  }
  return { items, errors };
};

/** The sort items of an `order_by`, or Twenty's 400 for the first bad direction. */
export const parseRestOrderByItems = (
  text: string,
): Array<{ path: string[]; direction: OrderDirection }> => {
  const { items, errors } = parseOrderBySyntax(text);
  if (errors[0]) throw new RestQueryError(errors[0].message, 'INVALID_ORDER_BY_QUERY_PARAM');
  return items.map((item) => ({
    path: item.path.map((segment) => segment.name),
    direction: item.direction,
  }));
};
