import type { SchemaChange } from './diff-schema';
import { createFieldInput, planFieldUpdate, planJunctionTarget } from './plan-field-update';
import { at, code, describeValue, fieldActivationStep, PHASE } from './plan-phases';
import type { CreateObjectInput, PlanStep, SchemaPlan, UpdateObjectPayload } from './plan-step';
import { planTypeChange } from './plan-type-change';
import type { CustomSchemaObject, SchemaField } from './schema-document';

export type * from './plan-step';

/**
 * A diff turned into the exact metadata mutations Twenty runs (and the data steps that keep
 * values across renames, merges and type changes), in a safe order, keyed by names: ids are
 * resolved when the plan is applied (electron/services/schema/apply-plan.ts). Inputs use the
 * names and shapes of twenty-client-sdk 2.43 (`CreateObjectInput`, `UpdateObjectPayload`,
 * `CreateFieldInput`, `UpdateFieldInput`) minus the ids. A step names objects and fields as they
 * are named when it runs. Ordering rules and the Twenty facts they rest on: docs/schema-file.md.
 */
interface Ranked {
  phase: number;
  seq: number;
  step: PlanStep;
}

const createObjectInput = (object: CustomSchemaObject): CreateObjectInput => ({
  nameSingular: object.nameSingular,
  namePlural: object.namePlural,
  labelSingular: object.labelSingular,
  labelPlural: object.labelPlural,
  description: object.description,
  icon: object.icon,
  isLabelSyncedWithName: object.isLabelSyncedWithName,
});

/** Within the name-freeing phase: fields before objects (a relation may point at the object). */
const freeNamesOrder = (step: PlanStep): number => ('fieldName' in step ? 0 : 1);

export const planChanges = (changes: readonly SchemaChange[]): SchemaPlan => {
  const ranked: Ranked[] = [];
  const ids = new Set<string>();
  const add = (phase: number, step: PlanStep) => {
    let id = step.id;
    for (let n = 2; ids.has(id); n++) id = `${step.id}#${n}`;
    ids.add(id);
    ranked.push({ phase, seq: ranked.length, step: { ...step, id } });
  };

  // Object renames: old → new name. Field changes name objects as they are after the renames;
  // a name-freeing delete runs before them and needs the old name.
  const renamedTo = new Map<string, string>();
  const renamedFrom = new Map<string, string>();
  for (const c of changes)
    if (c.kind === 'objectUpdated')
      for (const p of c.changes)
        if (p.property === 'nameSingular') {
          renamedTo.set(c.objectName, p.to as string);
          renamedFrom.set(p.to as string, c.objectName);
        }

  // Deletes that free a name a creation or a rename in the same plan needs must run before it.
  const addedFieldKeys = new Set(
    changes.flatMap((c) =>
      c.kind === 'fieldAdded' || c.kind === 'relationAdded'
        ? [`${c.objectName}.${c.field.name}`]
        : [],
    ),
  );
  const takenObjectNames = new Set(
    changes.flatMap((c) =>
      c.kind === 'objectAdded'
        ? [c.object.nameSingular, c.object.namePlural]
        : c.kind === 'objectUpdated'
          ? c.changes
              .filter((p) => p.property === 'nameSingular' || p.property === 'namePlural')
              .map((p) => p.to as string)
          : [],
    ),
  );

  const deleteField = (phase: number, objectName: string, field: SchemaField) => {
    const target = at(objectName, field.name);
    if (field.isActive)
      add(
        phase,
        fieldActivationStep(
          objectName,
          field.name,
          false,
          `Deactivate field ${target} (Twenty deletes inactive fields only)`,
        ),
      );
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

  const deactivateObject = (phase: number, objectName: string, why: string) =>
    add(phase, {
      id: `deactivate-object:${objectName}`,
      operation: 'updateOneObject',
      objectName,
      input: { update: { isActive: false } },
      destructive: false,
      description: `Deactivate object ${code(objectName)}${why}`,
    });

  const readRecordsOf = new Set<string>();
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
        if (!object.isActive) deactivateObject(PHASE.deactivateObjects, object.nameSingular, '');
        break;
      }
      case 'objectRemoved': {
        const object = change.object;
        const phase =
          takenObjectNames.has(object.nameSingular) || takenObjectNames.has(object.namePlural)
            ? PHASE.freeNames
            : PHASE.deleteObjects;
        if (object.isActive)
          deactivateObject(phase, object.nameSingular, ' (Twenty deletes inactive objects only)');
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
        const newName = renamedTo.get(change.objectName);
        const parts = change.changes
          .filter((c) => c.property !== 'nameSingular' && (c.property !== 'isActive' || c.to))
          .map((c) => `${c.property} → ${describeValue(c.to)}`);
        if (newName)
          add(PHASE.renameObjects, {
            id: `rename-object:${change.objectName}`,
            operation: 'updateOneObject',
            objectName: change.objectName,
            input: { update },
            destructive: false,
            description: `Rename object ${code(change.objectName)} to ${code(newName)}${parts.length > 0 ? ` (${parts.join(', ')})` : ''} — its records, fields and relations stay`,
          });
        else if (Object.keys(update).length > 0)
          add(PHASE.updateObjects, {
            id: `update-object:${change.objectName}`,
            operation: 'updateOneObject',
            objectName: change.objectName,
            input: { update },
            destructive: false,
            description: `Update object ${code(change.objectName)}: ${parts.join(', ')}`,
          });
        if (deactivate)
          deactivateObject(
            PHASE.deactivateObjects,
            newName ?? change.objectName,
            ' (its data is kept)',
          );
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
        if (relation?.junctionTarget)
          planJunctionTarget(add, change.objectName, field, relation.junctionTarget);
        break;
      }
      case 'fieldRemoved':
      case 'relationRemoved': {
        const key = `${change.objectName}.${change.field.name}`;
        if (addedFieldKeys.has(key))
          deleteField(
            PHASE.freeNames,
            renamedFrom.get(change.objectName) ?? change.objectName,
            change.field,
          );
        else
          deleteField(
            change.kind === 'relationRemoved' ? PHASE.deleteRelations : PHASE.deleteFields,
            change.objectName,
            change.field,
          );
        break;
      }
      case 'fieldTypeChanged':
      case 'fieldUpdated': {
        const dataSteps =
          change.kind === 'fieldTypeChanged'
            ? planTypeChange(change, add)
            : planFieldUpdate(change, add);
        if (dataSteps && change.objectInactive) readRecordsOf.add(change.objectName);
        break;
      }
    }
  }
  // The records API does not serve an inactive object: it is active while data steps read it.
  for (const objectName of readRecordsOf) {
    add(PHASE.activateForData, {
      id: `activate-object:${objectName}`,
      operation: 'updateOneObject',
      objectName,
      input: { update: { isActive: true } },
      destructive: false,
      description: `Activate object ${code(objectName)} while data steps read its records`,
    });
    deactivateObject(PHASE.deactivateObjects, objectName, ' again');
  }

  ranked.sort(
    (a, b) =>
      a.phase - b.phase ||
      (a.phase === PHASE.freeNames ? freeNamesOrder(a.step) - freeNamesOrder(b.step) : 0) ||
      a.seq - b.seq,
  );
  return { steps: ranked.map((entry) => entry.step) };
};
