import type { ModelField, ModelObject } from '../../contract/data-model';
import { COMPOSITE_TYPES, isCompositeFieldType } from '../../domain/composite-types';
import { isManyToOne, joinColumnOf, queryableFields } from './filter-fields';
import type { CompletionItem, CompletionKind, TextRange } from './types';

/** Helpers shared by filter and order_by completion: word ranges and the field list. */
export const wordEnd = (text: string, offset: number, stop = /[\w]/): number => {
  let end = offset;
  while (end < text.length && stop.test(text[end]!)) end += 1;
  return end;
};

export const matching = (items: CompletionItem[], typed: string): CompletionItem[] =>
  items.filter((item) => item.label.toLowerCase().startsWith(typed.toLowerCase()));

const detailOf = (type: string, field: ModelField) => `${type} · ${field.label}`;

export interface FieldItemOptions {
  replace: TextRange;
  /** Appended to a complete path: `[` before a filter comparator, nothing in order_by. */
  suffix: string;
}

/** Field names, `composite.subField` paths and join columns a query can start with. */
export const fieldItems = (object: ModelObject, options: FieldItemOptions): CompletionItem[] => {
  const item = (label: string, insertText: string, kind: CompletionKind, detail: string) => ({
    label,
    insertText,
    kind,
    detail,
    replace: options.replace,
  });
  return queryableFields(object).flatMap((field): CompletionItem[] => {
    if (isManyToOne(field)) {
      const column = joinColumnOf(field);
      const target = field.relation?.targetObject ?? field.label;
      return [item(column, `${column}${options.suffix}`, 'field', `UUID · → ${target}`)];
    }
    if (isCompositeFieldType(field.type))
      return [
        item(field.name, `${field.name}.`, 'field', detailOf(field.type, field)),
        ...COMPOSITE_TYPES[field.type].map((sub) =>
          item(
            `${field.name}.${sub.name}`,
            `${field.name}.${sub.name}${options.suffix}`,
            'subField',
            detailOf(sub.type, field),
          ),
        ),
      ];
    return [
      item(field.name, `${field.name}${options.suffix}`, 'field', detailOf(field.type, field)),
    ];
  });
};

/** Sub-fields after `composite.`. */
export const subFieldItems = (
  object: ModelObject,
  fieldName: string,
  options: FieldItemOptions,
): CompletionItem[] => {
  const field = object.fields.find((candidate) => candidate.name === fieldName);
  if (!field || !isCompositeFieldType(field.type)) return [];
  return COMPOSITE_TYPES[field.type].map((sub) => ({
    label: sub.name,
    insertText: `${sub.name}${options.suffix}`,
    kind: 'subField',
    detail: detailOf(sub.type, field),
    replace: options.replace,
  }));
};
