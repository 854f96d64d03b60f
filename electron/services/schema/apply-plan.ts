import { isAppError } from '../../../shared/errors/app-error';
import type { PlanStep, PlannedOption, SchemaPlan } from '../../../shared/schema/plan-changes';
import type { TwentyClient } from '../twenty-client';
import type { ModelObject, WorkspaceModel } from '../../../shared/contract/data-model';
import { readModel } from '../data-model/read-model';
import { DataStepError, runDataStep, type DataProgress } from './apply-plan-data';
import { doneByEarlierRun } from './apply-plan-resume';

/**
 * Runs a plan against a workspace, one metadata mutation per request (Twenty rejects duplicate
 * root resolvers in one document), resolving names to ids just before each step from a model read
 * at the start and re-read after each step that changed it; data steps (apply-plan-data.ts) go
 * through the core API with progress. Stops at the first failure with Twenty's message; the
 * report lists exactly what ran. A type change's steps that an earlier run already did count as
 * applied (apply-plan-resume.ts), so a failed plan can be applied again.
 */
export type StepStatus = 'running' | 'applied' | 'failed' | 'skipped';

export interface StepFailure {
  step: string;
  /** Twenty's message (or ours for an unsupported step / a name that does not resolve). */
  error: string;
  code?: string;
  userFriendlyMessage?: string;
  /** Data steps: how far the step got before it failed. */
  progress?: DataProgress;
}

export interface ApplyReport {
  applied: string[];
  failed?: StepFailure;
  skipped: string[];
}

export interface ApplyPlanOptions {
  /** `data`: records done so far by a data step (copyFieldValues, moveOptionValues). */
  onProgress?: (stepIndex: number, status: StepStatus, data?: DataProgress) => void;
  signal?: AbortSignal;
}

class StepError extends Error {}

interface CreatedField {
  createOneField?: { relation?: { targetFieldMetadata?: { id: string; name: string } } | null };
}

const CREATE_OBJECT = `mutation AtelierCreateObject($input: CreateOneObjectInput!) { createOneObject(input: $input) { id } }`;
const UPDATE_OBJECT = `mutation AtelierUpdateObject($input: UpdateOneObjectInput!) { updateOneObject(input: $input) { id } }`;
const DELETE_OBJECT = `mutation AtelierDeleteObject($input: DeleteOneObjectInput!) { deleteOneObject(input: $input) { id } }`;
const CREATE_FIELD = `mutation AtelierCreateField($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id name relation { targetFieldMetadata { id name } } } }`;
const UPDATE_FIELD = `mutation AtelierUpdateField($input: UpdateOneFieldMetadataInput!) { updateOneField(input: $input) { id } }`;
const DELETE_FIELD = `mutation AtelierDeleteField($input: DeleteOneFieldInput!) { deleteOneField(input: $input) { id } }`;

const findObject = (model: WorkspaceModel, name: string): ModelObject => {
  const object = model.objects.find((candidate) => candidate.nameSingular === name);
  if (!object) throw new StepError(`Object \`${name}\` does not exist in the workspace`);
  return object;
};

const findField = (model: WorkspaceModel, objectName: string, fieldName: string) => {
  const field = findObject(model, objectName).fields.find((f) => f.name === fieldName);
  if (!field)
    throw new StepError(
      `Field \`${fieldName}\` does not exist on \`${objectName}\` in the workspace`,
    );
  return field;
};

/**
 * Options keep their ids so Twenty carries stored values with them (data-model rules §3.3): a
 * renamed option takes the id of its previous value, another the id of its own value unless a
 * rename took it. `previousValue` is ours, never sent.
 */
const withOptionIds = (options: PlannedOption[], current: unknown): PlannedOption[] => {
  const ids = new Map(
    (Array.isArray(current) ? current : []).map((option: { value: string; id?: string }) => [
      option.value,
      option.id,
    ]),
  );
  const renamedAway = new Set(options.flatMap((option) => option.previousValue ?? []));
  return options.map(({ previousValue, ...option }) => {
    const id =
      previousValue !== undefined
        ? ids.get(previousValue)
        : renamedAway.has(option.value)
          ? undefined
          : ids.get(option.value);
    return id ? { ...option, id } : option;
  });
};

const runStep = async (
  client: TwentyClient,
  model: WorkspaceModel,
  step: PlanStep,
  onData: (progress: DataProgress) => void,
  signal?: AbortSignal,
): Promise<void> => {
  const call = (query: string, input: unknown) =>
    client.metadataGraphql<CreatedField>({ query, variables: { input }, signal });
  switch (step.operation) {
    case 'unsupported':
      throw new StepError(step.reason);
    case 'createOneObject':
      await call(CREATE_OBJECT, step.input);
      return;
    case 'updateOneObject':
      await call(UPDATE_OBJECT, { id: findObject(model, step.objectName).id, ...step.input });
      return;
    case 'deleteOneObject':
      await call(DELETE_OBJECT, { id: findObject(model, step.objectName).id });
      return;
    case 'createOneField': {
      const object = findObject(model, step.objectName);
      const { relationCreationPayload, ...field } = step.input.field;
      const payload = relationCreationPayload
        ? {
            relationCreationPayload: {
              type: relationCreationPayload.type,
              targetObjectMetadataId: findObject(model, relationCreationPayload.targetObjectName)
                .id,
              targetFieldLabel: relationCreationPayload.targetFieldLabel,
              targetFieldIcon: relationCreationPayload.targetFieldIcon,
            },
          }
        : {};
      const created = await call(CREATE_FIELD, {
        field: { ...field, objectMetadataId: object.id, ...payload },
      });
      // Twenty names the inverse from its label; a file may want another name.
      const inverse = created.createOneField?.relation?.targetFieldMetadata;
      if (step.inverseName && inverse && inverse.name !== step.inverseName)
        await call(UPDATE_FIELD, { id: inverse.id, update: { name: step.inverseName } });
      return;
    }
    case 'updateOneField': {
      const field = findField(model, step.objectName, step.fieldName);
      const { junctionTarget, ...planned } = step.input.update;
      const update = planned.options
        ? { ...planned, options: withOptionIds(planned.options, field.options) }
        : planned;
      // Twenty replaces settings whole: a relation's own (relationType, joinColumnName, onDelete,
      // junction) are kept under what the step changes.
      if (field.type === 'RELATION' && (update.settings || junctionTarget !== undefined)) {
        const settings: Record<string, unknown> = { ...field.settings, ...update.settings };
        if (junctionTarget)
          settings.junctionTargetFieldId = findField(
            model,
            junctionTarget.objectName,
            junctionTarget.fieldName,
          ).id;
        else if (junctionTarget === null) delete settings.junctionTargetFieldId;
        update.settings = settings;
      }
      await call(UPDATE_FIELD, { id: field.id, update });
      return;
    }
    case 'deleteOneField':
      await call(DELETE_FIELD, { id: findField(model, step.objectName, step.fieldName).id });
      return;
    case 'copyFieldValues':
    case 'moveOptionValues':
      findField(model, step.objectName, step.fieldName);
      await runDataStep(
        client,
        findObject(model, step.objectName).namePlural,
        step,
        onData,
        signal,
      );
      return;
  }
};

const failureOf = (stepId: string, error: unknown): StepFailure => {
  if (error instanceof DataStepError) {
    const cause = error.cause;
    const code = isAppError(cause) ? (cause.details?.twentyCode ?? cause.code) : undefined;
    return {
      step: stepId,
      error: error.message,
      ...(typeof code === 'string' ? { code } : {}),
      progress: error.progress,
    };
  }
  if (isAppError(error)) {
    const friendly = error.details?.userFriendlyMessage;
    const twentyCode = error.details?.twentyCode;
    return {
      step: stepId,
      error: error.message,
      code: typeof twentyCode === 'string' ? twentyCode : error.code,
      ...(typeof friendly === 'string' ? { userFriendlyMessage: friendly } : {}),
    };
  }
  return { step: stepId, error: error instanceof Error ? error.message : String(error) };
};

export const applyPlan = async (
  client: TwentyClient,
  plan: SchemaPlan,
  options: ApplyPlanOptions = {},
): Promise<ApplyReport> => {
  const report: ApplyReport = { applied: [], skipped: [] };
  let model: WorkspaceModel | null = null;
  for (const [index, step] of plan.steps.entries()) {
    if (report.failed || options.signal?.aborted) {
      report.skipped.push(step.id);
      options.onProgress?.(index, 'skipped');
      continue;
    }
    options.onProgress?.(index, 'running');
    try {
      if (step.operation !== 'unsupported') model ??= await readModel(client, options.signal);
      if (!model || !doneByEarlierRun(step, model)) {
        const onData = (data: DataProgress) => options.onProgress?.(index, 'running', data);
        await runStep(client, model as WorkspaceModel, step, onData, options.signal);
        // Ids of what this step created or removed are read again before the next step.
        if (step.operation !== 'copyFieldValues' && step.operation !== 'moveOptionValues')
          model = null;
      }
      report.applied.push(step.id);
      options.onProgress?.(index, 'applied');
    } catch (error) {
      report.failed = failureOf(step.id, error);
      options.onProgress?.(index, 'failed');
    }
  }
  return report;
};
