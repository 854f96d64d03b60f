import type { OptionChange, PropertyChange, SchemaChange } from './diff-schema';
import { at, code, describeValue, fieldActivationStep, PHASE, type AddStep } from './plan-phases';
import type { CreateFieldInput, PlannedOption, UpdateFieldInput } from './plan-step';
import type { SchemaField, SchemaOption } from './schema-document';

/** Field inputs and the steps of a field update: rename, option merges, update, inverse update. */

/** Properties Twenty lets an update change on a RELATION field (metadata-api.md §4.3). */
const RELATION_UPDATABLE = new Set(['label', 'description', 'icon', 'isActive', 'settings']);

/** `previous`: new value → the value the option has before the plan (a rename). */
export const plannedOptions = (
  options: SchemaOption[] | null,
  previous: Map<string, string> = new Map(),
): PlannedOption[] | null =>
  options
    ? options.map((option) => ({
        label: option.label,
        value: option.value,
        ...(option.color !== null ? { color: option.color } : {}),
        position: option.position,
        ...(previous.has(option.value) ? { previousValue: previous.get(option.value)! } : {}),
      }))
    : null;

/**
 * Sets or clears what the relation's ONE_TO_MANY side lists through its junction (`objectName` is
 * the junction, the MANY_TO_ONE side, named as when the step runs).
 */
export const planJunctionTarget = (
  add: AddStep,
  objectName: string,
  field: SchemaField,
  junctionTarget: string | null,
): void => {
  const relation = field.relation!;
  const inverse = at(relation.targetObject, relation.inverseName);
  add(PHASE.junctionTargets, {
    id: `junction-target:${relation.targetObject}.${relation.inverseName}`,
    operation: 'updateOneField',
    objectName: relation.targetObject,
    fieldName: relation.inverseName,
    input: {
      update: { junctionTarget: junctionTarget ? { objectName, fieldName: junctionTarget } : null },
    },
    destructive: false,
    description: junctionTarget
      ? `Show ${inverse} as many-to-many through ${at(objectName, junctionTarget)}`
      : `Show ${inverse} as the plain list of ${code(objectName)} records again`,
  });
};

export const createFieldInput = (field: SchemaField): CreateFieldInput => {
  const input: CreateFieldInput = {
    type: field.type,
    name: field.name,
    label: field.label,
    description: field.description,
    icon: field.icon,
    isLabelSyncedWithName: field.isLabelSyncedWithName,
  };
  if (!field.isActive) input.isActive = false;
  if (field.relation) {
    const relation = field.relation;
    if (relation.onDelete) input.settings = { onDelete: relation.onDelete };
    input.relationCreationPayload = {
      type: relation.type,
      targetObjectName: relation.targetObject,
      targetFieldLabel: relation.inverseLabel,
      // Twenty requires an icon for the inverse field.
      targetFieldIcon: relation.inverseIcon ?? 'IconRelationOneToMany',
    };
    return input;
  }
  input.isNullable = field.isNullable;
  input.isUnique = field.isUnique;
  if (field.defaultValue !== null) input.defaultValue = field.defaultValue;
  if (field.settings) input.settings = field.settings;
  // RATING options are Twenty's own; other types have none.
  if (field.options && (field.type === 'SELECT' || field.type === 'MULTI_SELECT'))
    input.options = plannedOptions(field.options);
  return input;
};

const describeOptionChanges = (changes: OptionChange[]): string[] =>
  changes.map((change) => {
    switch (change.kind) {
      case 'added':
        return `add option ${code(change.option.value)}`;
      case 'removed':
        return `remove option ${code(change.option.value)}`;
      case 'updated':
        return `change option ${code(change.value)} (${change.changes.map((c) => c.property).join(', ')})`;
      case 'renamed':
        return `rename option ${code(change.from)} to ${code(change.to)}`;
      case 'merged':
        return `merge ${change.from.map(code).join(', ')} into ${code(change.into)}`;
    }
  });

type FieldUpdated = Extract<SchemaChange, { kind: 'fieldUpdated' }>;

/** The rename step: name and label together (Twenty checks them against each other). */
const planRename = (change: FieldUpdated, add: AddStep, update: UpdateFieldInput): void => {
  const { objectName, fieldName, to } = change;
  add(PHASE.renameFields, {
    id: `rename-field:${objectName}.${fieldName}`,
    operation: 'updateOneField',
    objectName,
    fieldName,
    input: { update },
    destructive: false,
    description: `Rename field ${at(objectName, fieldName)} to ${code(to.name)}${
      update.label ? ` (label → ${update.label})` : ''
    } — its values stay`,
  });
};

/** Records holding a merged option move to the survivor's value before the options update. */
const planMerges = (change: FieldUpdated, add: AddStep): void => {
  const merges = change.optionChanges.filter((c) => c.kind === 'merged');
  if (merges.length === 0) return;
  const { objectName, from, to } = change;
  const moves = merges.flatMap((merge) =>
    merge.from.map((value) => ({ from: value, to: merge.survivor })),
  );
  // The records API leaves out an inactive field: it is moved while active.
  if (!from.isActive) {
    const field = at(objectName, to.name);
    add(
      PHASE.activateForData,
      fieldActivationStep(objectName, to.name, true, `Activate field ${field} to move its values`),
    );
    if (!to.isActive)
      add(
        PHASE.deactivateObjects,
        fieldActivationStep(objectName, to.name, false, `Deactivate field ${field} again`),
      );
  }
  add(PHASE.moveOptionValues, {
    id: `move-option-values:${objectName}.${to.name}`,
    operation: 'moveOptionValues',
    objectName,
    fieldName: to.name,
    input: { moves, multi: to.type === 'MULTI_SELECT' },
    destructive: true,
    description: `Move the records of ${at(objectName, to.name)} holding ${merges
      .map((merge) => `${merge.from.map(code).join(', ')} to ${code(merge.survivor)}`)
      .join('; ')} (merge) — they can no longer be told apart`,
  });
};

/** Plans the update; true when it has a data step (option merges). */
export const planFieldUpdate = (change: FieldUpdated, add: AddStep): boolean => {
  const { objectName, fieldName, from, to } = change;
  const isRelation = from.relation !== null;
  const renamed = from.name !== to.name;
  const rename: UpdateFieldInput = {};
  const update: UpdateFieldInput = {};
  const inverseUpdate: UpdateFieldInput = {};
  const refused: PropertyChange[] = [];
  for (const { property, to: value } of change.changes) {
    if (property === 'name') rename.name = value as string;
    else if (renamed && property === 'label') rename.label = value as string;
    else if (renamed && property === 'isLabelSyncedWithName' && !isRelation)
      rename.isLabelSyncedWithName = value as boolean;
    else if (property === 'relation.onDelete') update.settings = { onDelete: value };
    else if (property === 'relation.inverseName') inverseUpdate.name = value as string;
    else if (property === 'relation.inverseLabel') inverseUpdate.label = value as string;
    else if (property === 'relation.inverseIcon') inverseUpdate.icon = value as string | null;
    else if (property === 'relation.junctionTarget')
      planJunctionTarget(add, objectName, to, value as string | null);
    // Not in Twenty's editable list for custom fields (metadata-api.md §5.4).
    else if (property === 'isNullable') refused.push({ property, from: null, to: value });
    else if (isRelation && !RELATION_UPDATABLE.has(property))
      refused.push({ property, from: null, to: value });
    else (update as Record<string, unknown>)[property] = value;
  }
  if (change.optionChanges.length > 0) {
    const previous = new Map(
      change.optionChanges.flatMap((c) => (c.kind === 'renamed' ? [[c.to, c.from] as const] : [])),
    );
    update.options = plannedOptions(to.options, previous);
  }
  for (const { property } of refused)
    add(PHASE.unsupported, {
      id: `unsupported:${objectName}.${fieldName}.${property}`,
      operation: 'unsupported',
      objectName,
      fieldName,
      destructive: false,
      reason:
        property === 'isNullable'
          ? 'Twenty does not change isNullable after a field is created (not an editable property).'
          : `Twenty refuses to update ${property} on a relation field (only label, description, icon, isActive, name and settings).`,
      description: `Change ${property} of ${at(objectName, fieldName)} — not supported`,
    });
  if (renamed) planRename(change, add, rename);
  planMerges(change, add);
  const removed = change.optionChanges.filter((c) => c.kind === 'removed');
  if (Object.keys(update).length > 0) {
    const parts = [
      ...change.changes
        .filter((c) => c.property in update || (c.property === 'relation.onDelete' && isRelation))
        .map((c) => `${c.property} → ${describeValue(c.to)}`),
      ...describeOptionChanges(change.optionChanges),
    ];
    add(PHASE.updateFields, {
      id: `update-field:${objectName}.${to.name}`,
      operation: 'updateOneField',
      objectName,
      fieldName: to.name,
      input: { update },
      destructive: removed.length > 0,
      description:
        `Update field ${at(objectName, to.name)}: ${parts.join(', ')}` +
        (removed.length > 0
          ? ` — records holding ${removed.map((c) => code(c.option.value)).join(', ')} lose that value`
          : ''),
    });
  }
  if (Object.keys(inverseUpdate).length > 0 && from.relation && to.relation) {
    // The object at the other end, by its name once the plan's object renames ran.
    const inverseObject = to.relation.targetObject;
    const inverseName = from.relation.inverseName;
    add(PHASE.updateFields, {
      id: `update-field:${inverseObject}.${inverseName}`,
      operation: 'updateOneField',
      objectName: inverseObject,
      fieldName: inverseName,
      input: { update: inverseUpdate },
      destructive: false,
      description: `Update inverse field ${at(inverseObject, inverseName)} of ${at(objectName, to.name)}: ${Object.entries(
        inverseUpdate,
      )
        .map(([key, value]) => `${key} → ${describeValue(value)}`)
        .join(', ')}`,
    });
  }
  return change.optionChanges.some((c) => c.kind === 'merged');
};
