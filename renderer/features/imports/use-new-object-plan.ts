import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChangePlanReview, StepStatusView, WorkspaceModel } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { useContractEvent } from '../../api/use-contract-event';
import { errorText } from './error-text';
import type { NewObjectProposal } from './new-object';
import { applyOutcome, targetWithNewObject, type ApplyOutcome } from './new-object-plan';

export interface ApplyResult {
  outcome: ApplyOutcome;
  /** The model read again after the apply. */
  model: WorkspaceModel;
}

/**
 * The new object through the data-model editor's plan: the connection's custom schema read now,
 * the object added to it, the plan reviewed by main (`schema.reviewChanges`), then applied as
 * reviewed (`schema.applyPlan`, step by step with `schema.onApplyProgress`, stopping at the first
 * failure) and the workspace's model read again for the wizard.
 */
export const useNewObjectPlan = (connectionId: string) => {
  const client = useQueryClient();
  const [review, setReview] = useState<ChangePlanReview | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [applying, setApplying] = useState(false);
  /** The model is read again after the apply. */
  const [rereading, setRereading] = useState(false);
  const [statuses, setStatuses] = useState<Record<number, StepStatusView>>({});
  const [outcome, setOutcome] = useState<ApplyOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const planId = review?.planId ?? null;

  useContractEvent('schema.onApplyProgress', (event) => {
    if (event.planId !== planId) return;
    setStatuses((current) => ({ ...current, [event.index]: event.status }));
  });

  const reset = () => {
    setReview(null);
    setStatuses({});
    setOutcome(null);
    setError(null);
  };

  const reviewPlan = async (proposal: NewObjectProposal): Promise<void> => {
    reset();
    setReviewing(true);
    try {
      const read = await rpc.call('schema.readSchema', { connectionId });
      const target = targetWithNewObject(read.document, proposal);
      setReview(
        await rpc.call('schema.reviewChanges', { connectionId, target, base: read.document }),
      );
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setReviewing(false);
    }
  };

  const apply = async (): Promise<ApplyResult | null> => {
    if (!review) return null;
    setApplying(true);
    setError(null);
    let outcomeNow: ApplyOutcome;
    try {
      const report = await rpc.call('schema.applyPlan', { planId: review.planId });
      outcomeNow = applyOutcome(report, review.steps);
      setOutcome(outcomeNow);
    } catch (caught) {
      setError(errorText(caught));
      return null;
    } finally {
      setApplying(false);
    }
    setRereading(true);
    try {
      // The workspace as it is now (the wizard's "Read again"): what was made, or what was in
      // the way of a failed step.
      const fresh = await rpc.call('dataModel.getModel', { connectionId, refresh: true });
      client.setQueryData(['dataModel', connectionId], fresh);
      return { outcome: outcomeNow, model: fresh.model };
    } catch (caught) {
      setError(`The workspace's objects could not be read again: ${errorText(caught)}`);
      return null;
    } finally {
      setRereading(false);
    }
  };

  const stop = () => {
    if (planId)
      rpc.call('schema.cancelApply', { planId }).catch((caught) => setError(errorText(caught)));
  };

  return {
    review,
    reviewing,
    applying,
    rereading,
    statuses,
    outcome,
    error,
    reviewPlan,
    apply,
    stop,
    reset,
  };
};
