import type { ModelObject, WorkspaceModel } from '../../contract/data-model';
import { fieldItems, matching, subFieldItems, wordEnd } from './completion-context';
import { resolvePath } from './filter-fields';
import { findObject } from './find-object';
import { OPERATOR_DETAILS, restOperatorsFor } from './operators-by-type';
import type { CompletionItem, TextRange } from './types';

/**
 * Completion of a REST `filter` at a cursor: what may be written there, given what comes before
 * it in the current predicate — a field or conjunction, a sub-field, a comparator, or a value.
 */
const CONJUNCTION_ITEMS = [
  ['and(', 'all of the conditions'],
  ['or(', 'any of the conditions'],
  ['not(', 'negates one condition'],
] as const;

/** Start of the predicate the cursor is in; null inside a quoted value or after `)`. */
const predicateStart = (text: string, offset: number): number | null => {
  const opens: number[] = [];
  let start: number | null = 0;
  let quote: string | null = null;
  let square = 0;
  for (let i = 0; i < offset; i += 1) {
    const char = text[i]!;
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(') {
      opens.push(i);
      start = i + 1;
    } else if (char === ')') {
      opens.pop();
      start = null;
    } else if (char === '[') square += 1;
    else if (char === ']') square -= 1;
    else if (char === ',' && square <= 0) start = i + 1;
  }
  if (quote || start === null) return null;
  while (start < offset && /\s/.test(text[start]!)) start += 1;
  return start;
};

const valueCandidates = (
  object: ModelObject,
  path: string,
  operator: string,
): Array<{ label: string; detail: string }> => {
  if (operator === 'is')
    return [
      { label: 'NULL', detail: 'is empty' },
      { label: 'NOT_NULL', detail: 'is not empty' },
    ];
  const resolved = resolvePath(object, path.split('.'));
  if (!resolved.ok) return [];
  if (resolved.type === 'BOOLEAN')
    return [
      { label: 'true', detail: 'BOOLEAN' },
      { label: 'false', detail: 'BOOLEAN' },
    ];
  const labels = new Map(
    Array.isArray(resolved.field.options)
      ? (resolved.field.options as Array<{ value?: unknown; label?: unknown }>).map((option) => [
          String(option.value),
          String(option.label),
        ])
      : [],
  );
  return (resolved.options ?? []).map((value) => ({
    label: value,
    detail: labels.get(value) ?? resolved.type,
  }));
};

const completeValue = (
  text: string,
  offset: number,
  object: ModelObject,
  match: { path: string; operator: string; valueStart: number; typed: string },
): CompletionItem[] => {
  const candidates = valueCandidates(object, match.path, match.operator);
  const isList = match.operator === 'in' || match.operator === 'containsAny';
  const item = (label: string, detail: string, insertText: string, replace: TextRange) => ({
    label,
    insertText,
    kind: 'value' as const,
    detail,
    replace,
  });
  if (isList && match.typed.startsWith('[')) {
    const itemStart = match.valueStart + Math.max(match.typed.lastIndexOf(','), 0) + 1;
    const replace = { start: itemStart, end: wordEnd(text, offset, /[^,\])]/) };
    return matching(
      candidates.map((candidate) =>
        item(candidate.label, candidate.detail, candidate.label, replace),
      ),
      text.slice(itemStart, offset).trim(),
    );
  }
  const replace = { start: match.valueStart, end: wordEnd(text, offset, /[^,)]/) };
  return matching(
    candidates.map((candidate) =>
      item(
        candidate.label,
        candidate.detail,
        isList ? `[${candidate.label}]` : candidate.label,
        replace,
      ),
    ),
    match.typed,
  );
};

export const completeFilter = (
  text: string,
  offset: number,
  object: ModelObject | string,
  model?: WorkspaceModel,
): CompletionItem[] => {
  const target = findObject(object, model);
  const start = predicateStart(text, offset);
  if (!target || start === null) return [];
  const fragment = text.slice(start, offset);

  const value = /^([\w.]+)\[(\w+)\]:(.*)$/s.exec(fragment);
  if (value) {
    const [, path, operator, typed] = value as unknown as [string, string, string, string];
    const valueStart = start + path.length + operator.length + 3;
    return completeValue(text, offset, target, { path, operator, valueStart, typed });
  }

  const comparator = /^([\w.]+)\[(\w*)$/.exec(fragment);
  if (comparator) {
    const [, path, typed] = comparator as unknown as [string, string, string];
    const resolved = resolvePath(target, path.split('.'));
    if (!resolved.ok || resolved.compositeRoot) return [];
    const replace = { start: offset - typed.length, end: wordEnd(text, offset) };
    const closed = text[replace.end] === ']';
    return matching(
      restOperatorsFor(resolved.type).map((operator) => ({
        label: operator,
        insertText: closed ? operator : `${operator}]:`,
        kind: 'operator' as const,
        detail: OPERATOR_DETAILS[operator],
        replace,
      })),
      typed,
    );
  }

  const subField = /^(\w+)\.(\w*)$/.exec(fragment);
  if (subField) {
    const [, fieldName, typed] = subField as unknown as [string, string, string];
    const replace = { start: offset - typed.length, end: wordEnd(text, offset) };
    return matching(subFieldItems(target, fieldName, { replace, suffix: '[' }), typed);
  }

  if (!/^\w*$/.test(fragment)) return [];
  const replace = { start, end: wordEnd(text, offset) };
  const conjunctions: CompletionItem[] = CONJUNCTION_ITEMS.map(([label, detail]) => ({
    label,
    insertText: label,
    kind: 'conjunction',
    detail,
    replace,
  }));
  return matching([...fieldItems(target, { replace, suffix: '[' }), ...conjunctions], fragment);
};
