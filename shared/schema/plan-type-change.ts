import { isRelationFieldType } from '../domain/field-metadata-type';
import { conversionTargets } from './convert-value';
import type { SchemaChange } from './diff-schema';
import { at, code, fieldActivationStep, PHASE, type AddStep } from './plan-phases';
import { createFieldInput } from './plan-field-update';
import type { TypeChangeRef, UpdateFieldInput } from './plan-step';

/**
 * A type change as a migration (Twenty's updateOneField takes no type, data-model rules §7): a
 * new field under a free temporary name, a copy of the converted values into it, then the old
 * field deactivated and deleted and the new one renamed to the wanted name. The copy runs before
 * any field of the plan is deleted; the swap is destructive (values that do not convert are lost).
 * Each step carries the migration so apply recognises steps an earlier, failed run already did.
 */
type TypeChanged = Extract<SchemaChange, { kind: 'fieldTypeChanged' }>;

const unsupported = (change: TypeChanged, add: AddStep, reason: string): false => {
  add(PHASE.unsupported, {
    id: `unsupported:${change.objectName}.${change.from.name}`,
    operation: 'unsupported',
    objectName: change.objectName,
    fieldName: change.from.name,
    destructive: false,
    reason,
    description: `Change the type of ${at(change.objectName, change.from.name)} from ${change.from.type} to ${change.to.type} — not supported`,
  });
  return false;
};

/** Plans the migration; false when it cannot be done (an unsupported step says why). */
export const planTypeChange = (change: TypeChanged, add: AddStep): boolean => {
  const { objectName, from, to, tempName: temp } = change;
  if (isRelationFieldType(from.type) || isRelationFieldType(to.type))
    return unsupported(
      change,
      add,
      `Twenty cannot change a relation field's type (${from.type} → ${to.type}): updateOneField takes no type, and relation values cannot be copied into another type. Remove the field and add it again (its links are dropped).`,
    );
  if (!conversionTargets(from.type).includes(to.type))
    return unsupported(
      change,
      add,
      `No conversion from ${from.type} to ${to.type} (conversions: ${conversionTargets(from.type).join(', ') || 'none'}). Remove the field and add it again (its values are dropped).`,
    );
  const typeChange: TypeChangeRef = {
    from: { name: from.name, type: from.type },
    temp,
    to: { name: to.name, type: to.type },
  };
  const old = at(objectName, from.name);
  // The records API does not show an inactive field: it is read while active.
  if (!from.isActive)
    add(
      PHASE.copyValues,
      fieldActivationStep(
        objectName,
        from.name,
        true,
        `Activate field ${old} for the copy of its values`,
        typeChange,
      ),
    );
  add(PHASE.copyValues, {
    id: `create-field:${objectName}.${temp}`,
    operation: 'createOneField',
    objectName,
    fieldName: temp,
    input: {
      field: createFieldInput({
        ...to,
        name: temp,
        label: `${to.label} (new)`,
        isLabelSyncedWithName: false,
        isActive: true,
      }),
    },
    destructive: false,
    typeChange,
    description: `Create ${to.type} field ${at(objectName, temp)} to receive the values of ${code(from.name)}`,
  });
  add(PHASE.copyValues, {
    id: `copy-field-values:${objectName}.${from.name}`,
    operation: 'copyFieldValues',
    objectName,
    fieldName: from.name,
    input: { from: from.name, to: temp, fromField: from, toField: to },
    destructive: false,
    typeChange,
    description: `Copy the values of ${old} into ${code(temp)}, converted from ${from.type} to ${to.type} (values that do not convert stay empty)`,
  });
  add(
    PHASE.swapFields,
    fieldActivationStep(
      objectName,
      from.name,
      false,
      `Deactivate field ${old} (Twenty deletes inactive fields only)`,
      typeChange,
    ),
  );
  add(PHASE.swapFields, {
    id: `delete-field:${objectName}.${from.name}`,
    operation: 'deleteOneField',
    objectName,
    fieldName: from.name,
    destructive: true,
    typeChange,
    description: `Delete field ${old} (${from.type}) — its values now live in ${code(temp)}; values that did not convert to ${to.type} are lost (preview the change to see which)`,
  });
  const final: UpdateFieldInput = { name: to.name, label: to.label };
  if (to.isLabelSyncedWithName) final.isLabelSyncedWithName = true;
  if (!to.isActive) final.isActive = false;
  add(PHASE.swapFields, {
    id: `rename-field:${objectName}.${temp}`,
    operation: 'updateOneField',
    objectName,
    fieldName: temp,
    input: { update: final },
    destructive: false,
    typeChange,
    description: `Rename field ${at(objectName, temp)} to ${code(to.name)} (${to.label})`,
  });
  return true;
};
