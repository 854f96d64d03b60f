import * as Dialog from '@radix-ui/react-dialog';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CircleAlert, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import type {
  AccessOverview,
  AccessPlan,
  AccessPlanStep,
  ApplyAccessResult,
} from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';
import { reviewInput, type AccessDraft } from './access-draft';
import { useAccessDraftActions } from './access-draft-store';
import { overviewKey, useRefreshAccess } from './access-queries';

/**
 * The draft as Twenty operations: problems block, warnings inform, steps run in order. Apply
 * stops at the first step Twenty refuses; the steps before it stay applied.
 */
export const PlanDialog = (props: {
  connectionId: string;
  draft: AccessDraft;
  onClose: () => void;
}) => {
  // The draft as it was when the dialog opened: the plan is for that one.
  const [draft] = useState(props.draft);
  const plan = useQuery({
    queryKey: ['access', 'plan', props.connectionId, draft],
    queryFn: () =>
      rpc.call('access.reviewChanges', { connectionId: props.connectionId, ...reviewInput(draft) }),
    gcTime: 0,
    retry: false,
  });
  const [applying, setApplying] = useState(false);
  const [result, setResult] = useState<ApplyAccessResult | null>(null);
  const { discard, rebase } = useAccessDraftActions();
  const client = useQueryClient();
  const refresh = useRefreshAccess();

  const apply = async (current: AccessPlan) => {
    setApplying(true);
    try {
      const answer = await rpc.call('access.applyPlan', { planId: current.planId });
      setResult(answer);
      if (!answer.failure) discard(props.connectionId);
      await refresh(props.connectionId);
      const fresh = client.getQueryData<AccessOverview>(overviewKey(props.connectionId));
      if (answer.failure && fresh) rebase(props.connectionId, fresh.roles, answer.createdRoleIds);
    } catch (error) {
      toastError(error);
    } finally {
      setApplying(false);
    }
  };

  const data = plan.data;
  const blocked = !data || data.problems.length > 0 || data.steps.length === 0;
  return (
    <Dialog.Root open onOpenChange={(open) => !open && !applying && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog wide plan-dialog" aria-describedby={undefined}>
          <Dialog.Title>Review access changes</Dialog.Title>
          {plan.isPending && <p className="meta">Checking the draft against Twenty…</p>}
          {plan.isError && (
            <p className="failure" role="alert">
              Could not review the draft: {plan.error.message}
            </p>
          )}
          {data && (
            <>
              {data.problems.length > 0 && (
                <section aria-label="Problems">
                  <h3 className="plan-heading danger-text">
                    <CircleAlert size={14} aria-hidden /> Twenty would refuse this draft
                  </h3>
                  <ul className="plan-problems" role="alert">
                    {data.problems.map((problem, index) => (
                      <li key={index}>
                        <strong>{problem.roleLabel}:</strong> {problem.message}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              {data.warnings.length > 0 && (
                <section aria-label="Warnings">
                  <h3 className="plan-heading warn-text">
                    <TriangleAlert size={14} aria-hidden /> Worth reading first
                  </h3>
                  <ul className="plan-warnings">
                    {data.warnings.map((warning, index) => (
                      <li key={index}>{warning}</li>
                    ))}
                  </ul>
                </section>
              )}
              <h3 className="plan-heading">
                {data.steps.length} step{data.steps.length === 1 ? '' : 's'}
              </h3>
              {data.steps.length === 0 ? (
                <p className="meta">Nothing to change in Twenty.</p>
              ) : (
                <ol className="plan-steps" aria-label="Plan steps">
                  {data.steps.map((step, index) => (
                    <StepItem
                      key={index}
                      index={index}
                      step={step}
                      status={stepStatus(index, result)}
                    />
                  ))}
                </ol>
              )}
            </>
          )}
          {result && <ApplyReport result={result} />}
          <div className="dialog-actions">
            {result ? (
              <button className="btn primary" onClick={props.onClose}>
                Done
              </button>
            ) : (
              <>
                <button className="btn" disabled={applying} onClick={props.onClose}>
                  Cancel
                </button>
                <button
                  className="btn primary"
                  disabled={blocked || applying}
                  title={data && data.problems.length > 0 ? 'Fix the problems first' : undefined}
                  onClick={() => data && void apply(data)}
                >
                  {applying ? 'Applying…' : 'Apply'}
                </button>
              </>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};

const stepStatus = (index: number, result: ApplyAccessResult | null) =>
  !result
    ? undefined
    : index < result.applied
      ? 'applied'
      : result.failure && index === result.applied
        ? 'failed'
        : 'skipped';

const StepItem = (props: { index: number; step: AccessPlanStep; status?: string }) => (
  <li
    className="plan-step"
    data-status={props.status}
    data-destructive={props.step.kind === 'deleteRole' || undefined}
  >
    <span className="step-status" aria-hidden>
      {props.status === 'applied' ? '✓' : props.status === 'failed' ? '✗' : ''}
    </span>
    <span className="step-index">{props.index + 1}</span>
    <div>
      <div>
        {props.step.summary} <code className="op">{props.step.operation}</code>
        {props.status && <span className="sr-only"> ({props.status})</span>}
      </div>
      {props.step.details.length > 0 && (
        <ul className="step-usages">
          {props.step.details.map((detail, index) => (
            <li key={index}>{detail}</li>
          ))}
        </ul>
      )}
    </div>
  </li>
);

const ApplyReport = ({ result }: { result: ApplyAccessResult }) => (
  <div
    className={`report${result.failure ? ' failed' : ''}`}
    role="status"
    data-testid="access-apply-result"
  >
    <strong>
      Applied {result.applied} of {result.total} step{result.total === 1 ? '' : 's'}.
    </strong>
    {result.failure && (
      <p>
        Step “{result.failure.step.summary}” failed: {result.failure.message}. The steps before it
        stayed applied; the draft is kept so you can fix it and review again.
      </p>
    )}
  </div>
);
