import type { OptionChange, PropertyChange, SchemaChange } from './diff-schema';
import type {
  CreateObjectInput,
  CreateFieldInput,
  PlannedOption,
  PlanStep,
  SchemaPlan,
  UpdateFieldInput,
  UpdateObjectPayload,
} from './plan-step';
import type { CustomSchemaObject, SchemaField, SchemaOption } from './schema-document';

export type * from './plan-step';

/**
 * A diff turned into the exact metadata mutations Twenty runs, in a safe order, keyed by names:
 * ids are resolved when the plan is applied (electron/services/schema/apply-plan.ts). Inputs use
 * the names and shapes of twenty-client-sdk 2.43 (`CreateObjectInput`, `UpdateObjectPayload`,
 * `CreateFieldInput`, `UpdateFieldInput`) minus the ids. Ordering rules and the Twenty facts they
 * rest on: docs/schema-file.md.
 */

/** Phases, in order. Unsupported steps come first so a plan holding one applies nothing. */
const PHASE = {
  unsupported: 0,
  freeNames: 1,
  createObjects: 2,
  updateObjects: 3,
  createFields: 4,
  updateFields: 5,
  createRelations: 6,
  deactivateObjects: 7,
  deleteRelations: 8,
  deleteFields: 9,
  deleteObjects: 10,
} as const;

interface Ranked {
  phase: number;
  seq: number;
  step: PlanStep;
}

/** Properties Twenty lets an update change on a RELATION field (metadata-api.md §4.3). */
const RELATION_UPDATABLE = new Set(['label', 'description', 'icon', 'isActive', 'settings']);

const code = (name: string) => `\`${name}\``;
const at = (objectName: string, fieldName: string) => `${code(fieldName)} on ${code(objectName)}`;

const createObjectInput = (object: CustomSchemaObject): CreateObjectInput => ({
  nameSingular: object.nameSingular,
  namePlural: object.namePlural,
  labelSingular: object.labelSingular,
  labelPlural: object.labelPlural,
  description: object.description,
  icon: object.icon,
  isLabelSyncedWithName: object.isLabelSyncedWithName,
});

const plannedOptions = (options: SchemaOption[] | null): PlannedOption[] | null =>
  options
    ? options.map((option) => ({
        label: option.label,
        value: option.value,
        ...(option.color !== null ? { color: option.color } : {}),
        position: option.position,
      }))
    : null;

const createFieldInput = (field: SchemaField): CreateFieldInput => {
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
  if (field.options && field.type !== 'RATING') input.options = plannedOptions(field.options);
  return input;
};

const describeValue = (value: unknown): string =>
  value === null ? 'none' : typeof value === 'string' ? value : JSON.stringify(value);

const describeOptionChanges = (changes: OptionChange[]): string[] =>
  changes.map((change) =>
    change.kind === 'added'
      ? `add option ${code(change.option.value)}`
      : change.kind === 'removed'
        ? `remove option ${code(change.option.value)}`
        : `change option ${code(change.value)} (${change.changes.map((c) => c.property).join(', ')})`,
  );

export const planChanges = (changes: readonly SchemaChange[]): SchemaPlan => {
  const ranked: Ranked[] = [];
  const ids = new Set<string>();
  const add = (phase: number, step: PlanStep) => {
    let id = step.id;
    for (let n = 2; ids.has(id); n++) id = `${step.id}#${n}`;
    ids.add(id);
    ranked.push({ phase, seq: ranked.length, step: { ...step, id } });
  };

  // Deletes that free a name a creation in the same plan needs must run before it.
  const addedFieldKeys = new Set(
    changes.flatMap((c) =>
      c.kind === 'fieldAdded' || c.kind === 'relationAdded'
        ? [`${c.objectName}.${c.field.name}`]
        : [],
    ),
  );
  const addedObjectNames = new Set(
    changes.flatMap((c) =>
      c.kind === 'objectAdded' ? [c.object.nameSingular, c.object.namePlural] : [],
    ),
  );

  const deleteField = (phase: number, objectName: string, field: SchemaField) => {
    const target = at(objectName, field.name);
    if (field.isActive)
      add(phase, {
        id: `deactivate-field:${objectName}.${field.name}`,
        operation: 'updateOneField',
        objectName,
        fieldName: field.name,
        input: { update: { isActive: false } },
        destructive: false,
        description: `Deactivate field ${target} (Twenty deletes inactive fields only)`,
      });
    add(phase, {
      id: `delete-field:${objectName}.${field.name}`,
      operation: 'deleteOneField',
      objectName,
      fieldName: field.name,
      destructive: true,
      description: field.relation
        ? `Delete relation ${target} and its inverse ${at(field.relation.targetObject, field.relation.inverseName)} — the links between records are dropped`
        : `Delete field ${target} — its values are dropped`,
    });
  };

  for (const change of changes) {
    switch (change.kind) {
      case 'objectAdded': {
        const object = change.object;
        add(PHASE.createObjects, {
          id: `create-object:${object.nameSingular}`,
          operation: 'createOneObject',
          objectName: object.nameSingular,
          input: { object: createObjectInput(object) },
          destructive: false,
          description: `Create object ${code(object.nameSingular)} (${object.labelSingular} / ${object.labelPlural})`,
        });
        if (!object.isActive)
          add(PHASE.deactivateObjects, {
            id: `deactivate-object:${object.nameSingular}`,
            operation: 'updateOneObject',
            objectName: object.nameSingular,
            input: { update: { isActive: false } },
            destructive: false,
            description: `Deactivate object ${code(object.nameSingular)}`,
          });
        break;
      }
      case 'objectRemoved': {
        const object = change.object;
        const phase =
          addedObjectNames.has(object.nameSingular) || addedObjectNames.has(object.namePlural)
            ? PHASE.freeNames
            : PHASE.deleteObjects;
        if (object.isActive)
          add(phase, {
            id: `deactivate-object:${object.nameSingular}`,
            operation: 'updateOneObject',
            objectName: object.nameSingular,
            input: { update: { isActive: false } },
            destructive: false,
            description: `Deactivate object ${code(object.nameSingular)} (Twenty deletes inactive objects only)`,
          });
        add(phase, {
          id: `delete-object:${object.nameSingular}`,
          operation: 'deleteOneObject',
          objectName: object.nameSingular,
          destructive: true,
          description: `Delete object ${code(object.nameSingular)} — its table, its ${object.fields.length} custom field(s), its records and the relations pointing at it are dropped`,
        });
        break;
      }
      case 'objectUpdated': {
        const update: UpdateObjectPayload = {};
        let deactivate = false;
        for (const { property, to } of change.changes) {
          if (property === 'isActive' && to === false) deactivate = true;
          else (update as Record<string, unknown>)[property] = to;
        }
        if (Object.keys(update).length > 0)
          add(PHASE.updateObjects, {
            id: `update-object:${change.objectName}`,
            operation: 'updateOneObject',
            objectName: change.objectName,
            input: { update },
            destructive: false,
            description: `Update object ${code(change.objectName)}: ${change.changes
              .filter((c) => c.property !== 'isActive' || c.to !== false)
              .map((c) => `${c.property} → ${describeValue(c.to)}`)
              .join(', ')}`,
          });
        if (deactivate)
          add(PHASE.deactivateObjects, {
            id: `deactivate-object:${change.objectName}`,
            operation: 'updateOneObject',
            objectName: change.objectName,
            input: { update: { isActive: false } },
            destructive: false,
            description: `Deactivate object ${code(change.objectName)} (its data is kept)`,
          });
        break;
      }
      case 'fieldAdded':
      case 'relationAdded': {
        const field = change.field;
        const relation = field.relation;
        add(change.kind === 'fieldAdded' ? PHASE.createFields : PHASE.createRelations, {
          id: `create-field:${change.objectName}.${field.name}`,
          operation: 'createOneField',
          objectName: change.objectName,
          fieldName: field.name,
          input: { field: createFieldInput(field) },
          ...(relation ? { inverseName: relation.inverseName } : {}),
          destructive: false,
          description: relation
            ? `Create relation ${at(change.objectName, field.name)} (${relation.type === 'MANY_TO_ONE' ? 'many-to-one' : 'one-to-many'} → ${code(relation.targetObject)}, inverse ${code(relation.inverseName)})`
            : `Create ${field.type} field ${at(change.objectName, field.name)}`,
        });
        break;
      }
      case 'fieldRemoved':
      case 'relationRemoved': {
        const key = `${change.objectName}.${change.field.name}`;
        const phase = addedFieldKeys.has(key)
          ? PHASE.freeNames
          : change.kind === 'relationRemoved'
            ? PHASE.deleteRelations
            : PHASE.deleteFields;
        deleteField(phase, change.objectName, change.field);
        break;
      }
      case 'fieldTypeChanged':
        add(PHASE.unsupported, {
          id: `unsupported:${change.objectName}.${change.from.name}`,
          operation: 'unsupported',
          objectName: change.objectName,
          fieldName: change.from.name,
          destructive: false,
          reason: `Twenty cannot change a field's type (${change.from.type} → ${change.to.type}): updateOneField takes no type. Migrate it by a new field and a copy of the values, or remove the field and add it again (its values are dropped).`,
          description: `Change the type of ${at(change.objectName, change.from.name)} from ${change.from.type} to ${change.to.type} — not supported`,
        });
        break;
      case 'fieldUpdated':
        planFieldUpdate(change, add);
        break;
    }
  }

  ranked.sort(
    (a, b) =>
      a.phase - b.phase ||
      (a.phase === PHASE.freeNames ? freeNamesOrder(a.step) - freeNamesOrder(b.step) : 0) ||
      a.seq - b.seq,
  );
  return { steps: ranked.map((entry) => entry.step) };
};

/** Within the name-freeing phase: fields before objects (a relation may point at the object). */
const freeNamesOrder = (step: PlanStep): number => ('fieldName' in step ? 0 : 1);

const planFieldUpdate = (
  change: Extract<SchemaChange, { kind: 'fieldUpdated' }>,
  add: (phase: number, step: PlanStep) => void,
): void => {
  const { objectName, fieldName, from, to } = change;
  const isRelation = from.relation !== null;
  const update: UpdateFieldInput = {};
  const inverseUpdate: UpdateFieldInput = {};
  const refused: PropertyChange[] = [];
  for (const { property, to: value } of change.changes) {
    if (property === 'relation.onDelete') update.settings = { onDelete: value };
    else if (property === 'relation.inverseName') inverseUpdate.name = value as string;
    else if (property === 'relation.inverseLabel') inverseUpdate.label = value as string;
    else if (property === 'relation.inverseIcon') inverseUpdate.icon = value as string | null;
    // Not in Twenty's editable list for custom fields (metadata-api.md §5.4).
    else if (property === 'isNullable') refused.push({ property, from: null, to: value });
    else if (isRelation && !RELATION_UPDATABLE.has(property))
      refused.push({ property, from: null, to: value });
    else (update as Record<string, unknown>)[property] = value;
  }
  if (change.optionChanges.length > 0) update.options = plannedOptions(to.options);
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
  const removed = change.optionChanges.filter((c) => c.kind === 'removed');
  if (Object.keys(update).length > 0) {
    const parts = [
      ...change.changes
        .filter((c) => c.property in update || (c.property === 'relation.onDelete' && isRelation))
        .map((c) => `${c.property} → ${describeValue(c.to)}`),
      ...describeOptionChanges(change.optionChanges),
    ];
    add(PHASE.updateFields, {
      id: `update-field:${objectName}.${fieldName}`,
      operation: 'updateOneField',
      objectName,
      fieldName,
      input: { update },
      destructive: removed.length > 0,
      description:
        `Update field ${at(objectName, fieldName)}: ${parts.join(', ')}` +
        (removed.length > 0
          ? ` — records holding ${removed.map((c) => code(c.option.value)).join(', ')} lose that value`
          : ''),
    });
  }
  if (Object.keys(inverseUpdate).length > 0 && from.relation) {
    const inverseObject = from.relation.targetObject;
    add(PHASE.updateFields, {
      id: `update-field:${inverseObject}.${from.relation.inverseName}`,
      operation: 'updateOneField',
      objectName: inverseObject,
      fieldName: from.relation.inverseName,
      input: { update: inverseUpdate },
      destructive: false,
      description: `Update inverse field ${at(inverseObject, from.relation.inverseName)} of ${at(objectName, fieldName)}: ${Object.entries(
        inverseUpdate,
      )
        .map(([key, value]) => `${key} → ${describeValue(value)}`)
        .join(', ')}`,
    });
  }
};
