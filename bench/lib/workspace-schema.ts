import type { MetadataService } from '../../electron/services/local-workspace/metadata/metadata-service';
import type { MetadataState } from '../../electron/services/local-workspace/metadata/metadata-types';
import {
  createObject,
  updateObject,
  type CreateObjectInput,
} from '../../electron/services/local-workspace/metadata/object-operations';
import {
  createField,
  updateField,
  type CreateFieldInput,
} from '../../electron/services/local-workspace/metadata/field-operations';
import { diffSchemas } from '../../shared/schema/diff-schema';
import { planChanges, type PlanStep } from '../../shared/schema/plan-changes';
import { emptySchemaDocument, type SchemaDocument } from '../../shared/schema/schema-document';

/**
 * Gives a local workspace (run in this process) a whole custom model in ONE metadata change: the
 * schema editor's plan for "nothing → `doc`" (shared/schema), each step run with the workspace's
 * own metadata operations (the ones its `/metadata` resolvers call) on one draft, so the rows and
 * the DDL commit in one transaction. The metadata API takes one request per object or field
 * (~40–100 ms each on PGlite as the model grows: minutes for 300 objects × 20 fields); the
 * model, its tables and the `/graphql` schema it serves are the same.
 */
const objectIdOf = (draft: MetadataState, name: string): string => {
  for (const object of draft.objects.values()) if (object.nameSingular === name) return object.id;
  throw new Error(`No object ${name} in the draft`);
};

const runStep = (draft: MetadataState, step: PlanStep, now: string): void => {
  switch (step.operation) {
    case 'createOneObject':
      createObject(draft, step.input.object as CreateObjectInput, now);
      return;
    case 'updateOneObject':
      updateObject(draft, objectIdOf(draft, step.objectName), step.input.update as never, now);
      return;
    case 'createOneField': {
      const { relationCreationPayload, ...field } = step.input.field;
      const objectMetadataId = objectIdOf(draft, step.objectName);
      const created = createField(
        draft,
        {
          ...field,
          objectMetadataId,
          ...(relationCreationPayload
            ? {
                relationCreationPayload: {
                  type: relationCreationPayload.type,
                  targetObjectMetadataId: objectIdOf(
                    draft,
                    relationCreationPayload.targetObjectName,
                  ),
                  targetFieldLabel: relationCreationPayload.targetFieldLabel,
                  targetFieldIcon: relationCreationPayload.targetFieldIcon,
                },
              }
            : {}),
        } as CreateFieldInput,
        now,
      );
      // Twenty names the inverse from its label; the document may want another name.
      const inverse = created.relationTargetFieldMetadataId
        ? draft.fields.get(created.relationTargetFieldMetadataId)
        : undefined;
      if (step.inverseName && inverse && inverse.name !== step.inverseName)
        updateField(draft, inverse.id, { name: step.inverseName }, now);
      return;
    }
    default:
      throw new Error(`bench: a new model's plan has no ${step.operation} step (${step.id})`);
  }
};

export const applyModelInOneChange = async (
  metadata: MetadataService,
  doc: SchemaDocument,
): Promise<{ steps: number }> => {
  const plan = planChanges(diffSchemas(emptySchemaDocument(), doc));
  await metadata.mutate((draft, now) => {
    for (const step of plan.steps) runStep(draft, step, now);
  });
  return { steps: plan.steps.length };
};
