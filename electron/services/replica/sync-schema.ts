import { AppError } from '../../../shared/errors/app-error';
import { diffSchemas } from '../../../shared/schema/diff-schema';
import { planChanges } from '../../../shared/schema/plan-changes';
import { noRenames } from '../../../shared/schema/renames';
import type { SchemaDocument } from '../../../shared/schema/schema-document';
import { applyPlan } from '../schema/apply-plan';
import { readSchema } from '../schema/read-schema';
import type { TwentyClient } from '../twenty-client';

/**
 * Makes the target's custom model equal a schema document with the schema editor's own planner
 * and applier (diff target → document, plan, apply). `mirror` also removes custom objects and
 * fields the document lacks; `additive` only adds and updates; `skip` leaves the model alone.
 */
export type SchemaMode = 'mirror' | 'additive' | 'skip';

export const syncSchema = async (
  target: TwentyClient,
  desired: SchemaDocument,
  mode: SchemaMode,
  signal?: AbortSignal,
): Promise<{ applied: number }> => {
  if (mode === 'skip') return { applied: 0 };
  const current = await readSchema(target, signal);
  const changes = diffSchemas(current, desired, noRenames()).filter(
    (change) =>
      mode === 'mirror' || (change.kind !== 'objectRemoved' && change.kind !== 'fieldRemoved'),
  );
  const plan = planChanges(changes);
  if (plan.steps.length === 0) return { applied: 0 };
  const report = await applyPlan(target, plan, signal ? { signal } : {});
  signal?.throwIfAborted();
  if (report.failed)
    throw new AppError(
      'VALIDATION',
      `The target's data model could not be made equal to the source's: step ${report.failed.step} failed: ${report.failed.error}`,
      { step: report.failed.step, applied: report.applied.length },
    );
  return { applied: report.applied.length };
};
