import type { ModelObject, WorkspaceModel } from '../../contract/data-model';
import {
  compositeOrderByMessage,
  DIRECTIONS,
  parseOrderBySyntax,
} from '../../domain/rest-grammar/order-by-syntax';
import { fieldItems, matching, subFieldItems, wordEnd } from './completion-context';
import { resolvePath } from './filter-fields';
import { findObject } from './find-object';
import type { CompletionItem, QueryProblem } from './types';

/** `order_by` for one object: Twenty's direction errors, unknown fields, composites without sub-field. */
export const checkOrderBy = (
  text: string,
  object: ModelObject | string,
  model?: WorkspaceModel,
): QueryProblem[] => {
  const { items, errors } = parseOrderBySyntax(text);
  const problems: QueryProblem[] = errors.map((error) => ({ ...error, severity: 'error' }));
  const target = findObject(object, model);
  if (!target) return problems;
  for (const item of items) {
    const names = item.path.map((segment) => segment.name);
    const resolved = resolvePath(target, names);
    if (!resolved.ok) {
      const segment = item.path[resolved.segment]!;
      problems.push({
        start: segment.start,
        end: segment.end,
        message: resolved.message,
        severity: 'error',
        ...(resolved.hint ? { hint: resolved.hint } : {}),
      });
    } else if (resolved.compositeRoot) {
      const last = item.path[item.path.length - 1]!;
      problems.push({
        start: item.path[0]!.start,
        end: last.end,
        message: compositeOrderByMessage(names.join('.')),
        severity: 'error',
      });
    }
  }
  return problems.sort((a, b) => a.start - b.start);
};

const DIRECTION_DETAILS: Record<(typeof DIRECTIONS)[number], string> = {
  AscNullsFirst: 'ascending, empty first (the default)',
  AscNullsLast: 'ascending, empty last',
  DescNullsFirst: 'descending, empty first',
  DescNullsLast: 'descending, empty last',
};

export const completeOrderBy = (
  text: string,
  offset: number,
  object: ModelObject | string,
  model?: WorkspaceModel,
): CompletionItem[] => {
  const target = findObject(object, model);
  if (!target) return [];
  let start = text.lastIndexOf(',', offset - 1) + 1;
  while (start < offset && /\s/.test(text[start]!)) start += 1;
  const fragment = text.slice(start, offset);

  const direction = /^([\w.]+)\[(\w*)$/.exec(fragment);
  if (direction) {
    const typed = direction[2]!;
    const replace = { start: offset - typed.length, end: wordEnd(text, offset) };
    const closed = text[replace.end] === ']';
    return matching(
      DIRECTIONS.map((name) => ({
        label: name,
        insertText: closed ? name : `${name}]`,
        kind: 'value' as const,
        detail: DIRECTION_DETAILS[name],
        replace,
      })),
      typed,
    );
  }
  const subField = /^(\w+)\.(\w*)$/.exec(fragment);
  if (subField) {
    const typed = subField[2]!;
    const replace = { start: offset - typed.length, end: wordEnd(text, offset) };
    return matching(subFieldItems(target, subField[1]!, { replace, suffix: '' }), typed);
  }
  if (!/^\w*$/.test(fragment)) return [];
  const replace = { start, end: wordEnd(text, offset) };
  // A composite alone cannot be sorted on: offer `name.` (to go on) and its full sub-field paths.
  return matching(fieldItems(target, { replace, suffix: '' }), fragment);
};
