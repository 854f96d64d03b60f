import type { OptionChange, PropertyChange, SchemaChange } from './diff-schema';
import type { SchemaField } from './schema-document';

/** How the CLI and the compare view show a change. One line per change, `+` added, `-` removed, `~` changed; values as JSON, shortened. */
const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? 'null';
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

const properties = (changes: PropertyChange[]): string[] =>
  changes.map((change) => `${change.property} ${show(change.from)} → ${show(change.to)}`);

const options = (changes: OptionChange[]): string[] =>
  changes.map((change) => {
    switch (change.kind) {
      case 'updated':
        return `option ${change.value}: ${properties(change.changes).join(', ')}`;
      case 'renamed':
        return `option ${change.from} renamed ${change.to}${change.changes.length > 0 ? ` (${properties(change.changes).join(', ')})` : ''}`;
      case 'merged':
        return `option(s) ${change.from.join(', ')} merged into ${change.into}`;
      default:
        return `option ${change.option.value} ${change.kind}`;
    }
  });

const fieldSummary = (field: SchemaField): string =>
  field.relation
    ? `${field.name} (RELATION ${field.relation.type} → ${field.relation.targetObject})`
    : `${field.name} (${field.type})`;

const relation = (objectName: string, field: SchemaField): string => {
  const r = field.relation;
  if (!r) return `relation ${objectName}.${field.name}`;
  return `relation ${objectName}.${field.name} → ${r.targetObject} (${r.type}, inverse ${r.targetObject}.${r.inverseName})`;
};

export const formatChange = (change: SchemaChange): string => {
  switch (change.kind) {
    case 'objectAdded':
      // Its fields follow as changes of their own.
      return `+ object ${change.object.nameSingular} (${change.object.labelSingular} / ${change.object.labelPlural})`;
    case 'objectRemoved':
      return `- object ${change.object.nameSingular} and its ${change.object.fields.length} custom field(s)`;
    case 'objectUpdated': {
      const rename = change.changes.find((c) => c.property === 'nameSingular');
      return `~ object ${change.objectName}${rename ? ` renamed ${String(rename.to)}` : ''}: ${properties(change.changes).join(', ')}`;
    }
    case 'fieldAdded':
      return `+ field ${change.objectName}.${fieldSummary(change.field)}`;
    case 'fieldRemoved':
      return `- field ${change.objectName}.${fieldSummary(change.field)}`;
    case 'fieldUpdated':
      return `~ field ${change.objectName}.${change.fieldName}: ${[
        ...properties(change.changes),
        ...options(change.optionChanges),
      ].join(', ')}`;
    case 'fieldTypeChanged':
      return `~ field ${change.objectName}.${change.from.name}: type ${change.from.type} → ${change.to.type}${change.to.name !== change.from.name ? `, renamed ${change.to.name}` : ''}`;
    case 'relationAdded':
      return `+ ${relation(change.objectName, change.field)}`;
    case 'relationRemoved':
      return `- ${relation(change.objectName, change.field)}`;
  }
};

export const formatChanges = (changes: readonly SchemaChange[]): string =>
  changes.map((change) => `  ${formatChange(change)}`).join('\n');
