import { randomUUID } from 'node:crypto';
import {
  schemaDraftSchema,
  type ApplyProgress,
  type ApplyReportView,
  type ChangePlanReview,
  type ReviewedStep,
  type SchemaDraft,
  type SchemaRead,
} from '../../../shared/contract/schema';
import { AppError } from '../../../shared/errors/app-error';
import { diffSchemas } from '../../../shared/schema/diff-schema';
import { planChanges, type PlanStep, type SchemaPlan } from '../../../shared/schema/plan-changes';
import type { SchemaRenames } from '../../../shared/schema/renames';
import {
  serialiseSchemaDocument,
  type SchemaDocument,
} from '../../../shared/schema/schema-document';
import type { Logger } from '../../platform/logging/logger';
import type { ConnectionFiles } from '../data-model/connection-files';
import type { createDataModelService } from '../data-model/data-model-service';
import type { JobRegistry } from '../jobs/job-registry';
import type { TwentyClient } from '../twenty-client';
import type { WorkspacesService } from '../workspaces/workspaces-service';
import { findConnection } from '../workspaces/writable-connection';
import { applyPlan } from './apply-plan';
import { findUsages, type ImpactSubject, type Usage } from './impact';
import { toSchemaDocument } from './read-schema';
import { countRecords } from './record-counts';

/**
 * The editor's side in main: drafts on disk, plans reviewed against the live schema (with the
 * records and the views, webhooks and relations each destructive step touches) and kept here by
 * id, so what is applied is exactly what the admin reviewed, never a plan sent by the renderer.
 */
export interface SchemaServiceDeps {
  files: ConnectionFiles;
  workspaces: Pick<WorkspacesService, 'client' | 'list'>;
  dataModel: ReturnType<typeof createDataModelService>;
  jobs: JobRegistry;
  logger: Logger;
  onProgress: (progress: ApplyProgress) => void;
  /** What of ours uses an object or field (saved playground queries). */
  ownUsages?: (connectionId: string, subject: ImpactSubject) => Promise<Usage[]>;
}

interface ReviewedPlan {
  connectionId: string;
  plan: SchemaPlan;
  applying: AbortController | null;
}

/** Plans are small; a handful of recent reviews is plenty. */
const KEEP_PLANS = 20;

const draftStore = (files: ConnectionFiles, connectionId: string) =>
  files('drafts', connectionId, schemaDraftSchema.nullable(), () => null);

const sameSchema = (a: SchemaDocument, b: SchemaDocument) =>
  serialiseSchemaDocument(a) === serialiseSchemaDocument(b);

/** Steps that drop data or rename what something else may name: these get counts and usages. */
const touchesData = (step: PlanStep): boolean =>
  step.destructive ||
  (step.operation === 'updateOneField' && 'name' in step.input.update) ||
  (step.operation === 'updateOneObject' && 'nameSingular' in step.input.update);

/**
 * Option values an options update renames or drops: view filters and groups hold option values,
 * and Twenty does not rewrite them.
 */
const optionValuesLeaving = (live: SchemaDocument, step: PlanStep): string[] => {
  if (step.operation !== 'updateOneField' || !step.input.update.options) return [];
  const kept = new Set(
    step.input.update.options
      .filter((option) => (option.previousValue ?? option.value) === option.value)
      .map((option) => option.value),
  );
  const before = live.objects
    .find((object) => object.nameSingular === step.objectName)
    ?.fields.find((field) => field.name === step.fieldName)?.options;
  return (before ?? []).map((option) => option.value).filter((value) => !kept.has(value));
};

const reviewStep = async (
  client: TwentyClient,
  live: SchemaDocument,
  step: PlanStep,
  notes: Set<string>,
  ownUsages: (subject: ImpactSubject) => Promise<Usage[]>,
): Promise<ReviewedStep> => {
  const view: ReviewedStep = {
    id: step.id,
    operation: step.operation,
    objectName: step.objectName,
    ...('fieldName' in step && step.fieldName ? { fieldName: step.fieldName } : {}),
    destructive: step.destructive,
    description: step.description,
    ...(step.operation === 'unsupported' ? { reason: step.reason } : {}),
    ...('input' in step ? { input: step.input } : {}),
    affected: null,
    usages: [],
  };
  // Only what exists in the workspace has records and users; a step on a new object or field
  // (one the plan itself creates earlier) has none.
  const object = live.objects.find((candidate) => candidate.nameSingular === step.objectName);
  const exists =
    object !== undefined &&
    (!('fieldName' in step) ||
      !step.fieldName ||
      object.fields.some((field) => field.name === step.fieldName));
  const optionValues = optionValuesLeaving(live, step);
  if ((!touchesData(step) && optionValues.length === 0) || !exists) return view;
  const fieldName = 'fieldName' in step ? step.fieldName : undefined;
  const subject: ImpactSubject = {
    objectName: step.objectName,
    ...(fieldName ? { fieldName } : {}),
    ...(optionValues.length > 0 ? { optionValues } : {}),
  };
  const [counts, usages, own] = await Promise.allSettled([
    countRecords(client, step.objectName, fieldName),
    findUsages(client, subject),
    // Option values are data, not names: a saved query does not break on them.
    optionValues.length > 0 ? Promise.resolve([]) : ownUsages(subject),
  ]);
  if (counts.status === 'fulfilled')
    view.affected = { records: counts.value.total, withValue: counts.value.withValue ?? null };
  else notes.add(`Record counts could not be read: ${(counts.reason as Error).message}`);
  if (usages.status === 'fulfilled') {
    view.usages = usages.value.usages;
    for (const note of usages.value.notes) notes.add(note);
  } else notes.add(`Usages could not be read: ${(usages.reason as Error).message}`);
  if (own.status === 'fulfilled') view.usages = [...view.usages, ...own.value];
  else notes.add(`Saved queries could not be checked: ${(own.reason as Error).message}`);
  return view;
};

export const createSchemaService = (deps: SchemaServiceDeps) => {
  const plans = new Map<string, ReviewedPlan>();

  const keepPlan = (entry: ReviewedPlan): string => {
    const planId = randomUUID();
    plans.set(planId, entry);
    for (const [id, plan] of plans) {
      if (plans.size <= KEEP_PLANS) break;
      if (!plan.applying) plans.delete(id);
    }
    return planId;
  };

  return {
    async readSchema(connectionId: string): Promise<SchemaRead> {
      const read = await deps.dataModel.getModel(connectionId, true);
      return {
        document: toSchemaDocument(read.model),
        readAt: read.readAt,
        source: read.source,
        problem: read.problem,
      };
    },

    getDraft: (connectionId: string) => draftStore(deps.files, connectionId).read(),
    async saveDraft(connectionId: string, draft: SchemaDraft) {
      await draftStore(deps.files, connectionId).write(draft);
      return { saved: true };
    },
    async discardDraft(connectionId: string) {
      await draftStore(deps.files, connectionId).write(null);
      return { discarded: true };
    },

    async reviewChanges(input: {
      connectionId: string;
      target: SchemaDocument;
      renames: SchemaRenames;
      base: SchemaDocument | null;
    }): Promise<ChangePlanReview> {
      const client = await deps.workspaces.client(input.connectionId);
      // A plan is made from the workspace as it is now, never from a cached copy.
      const read = await deps.dataModel.getModel(input.connectionId, true);
      if (read.source !== 'live')
        throw new AppError(
          'NETWORK',
          `The workspace cannot be read now, so no plan can be made: ${read.problem ?? 'offline'}`,
        );
      const live = toSchemaDocument(read.model);
      const plan = planChanges(diffSchemas(live, input.target, input.renames));
      const notes = new Set<string>();
      const steps = [];
      const ownUsages = (subject: ImpactSubject) =>
        deps.ownUsages?.(input.connectionId, subject) ?? Promise.resolve([]);
      for (const step of plan.steps)
        steps.push(await reviewStep(client, live, step, notes, ownUsages));
      const planId = keepPlan({ connectionId: input.connectionId, plan, applying: null });
      return {
        planId,
        connectionId: input.connectionId,
        steps,
        drift: input.base !== null && !sameSchema(input.base, live),
        readAt: read.readAt,
        notes: [...notes],
      };
    },

    async applyPlan(planId: string): Promise<ApplyReportView> {
      const entry = plans.get(planId);
      if (!entry) throw new AppError('NOT_FOUND', 'This plan is no longer known: review it again');
      if (entry.applying) throw new AppError('CONFLICT', 'This plan is already being applied');
      const connection = await findConnection(deps.workspaces, entry.connectionId);
      if (connection.readOnly)
        throw new AppError(
          'PERMISSION',
          `"${connection.name}" is read-only in Atelier: turn read-only off in Connections to change its data model`,
        );
      const client = await deps.workspaces.client(entry.connectionId);
      const total = entry.plan.steps.length;
      try {
        const report = await deps.jobs.run(
          { kind: 'apply-plan', title: `Applying ${total} change(s)`, cancellable: true, total },
          async (job) => {
            entry.applying = new AbortController();
            const signal = AbortSignal.any([job.signal, entry.applying.signal]);
            return applyPlan(client, entry.plan, {
              signal,
              onProgress: (index, status, data) => {
                if (status === 'applied') job.progress(index + 1, total);
                deps.onProgress({ planId, index, status, ...(data ?? {}) });
              },
            });
          },
        );
        return {
          planId,
          applied: report.applied,
          skipped: report.skipped,
          failed: report.failed ?? null,
          cancelled: !report.failed && report.skipped.length > 0,
        };
      } finally {
        // Applied or not, the workspace changed: the plan is spent and the diagram's copy stale.
        plans.delete(planId);
        await deps.dataModel.getModel(entry.connectionId, true).catch((error: Error) =>
          deps.logger.warn('The model could not be read after applying a plan', {
            error: error.message,
          }),
        );
      }
    },

    cancelApply(planId: string) {
      const applying = plans.get(planId)?.applying;
      applying?.abort();
      return { cancelled: Boolean(applying) };
    },
  };
};

export type SchemaService = ReturnType<typeof createSchemaService>;
