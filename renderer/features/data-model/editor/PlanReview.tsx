import * as Dialog from '@radix-ui/react-dialog';
import { useQuery } from '@tanstack/react-query';
import { AlertTriangle, Ban, Check, CircleDashed, Loader2, X } from 'lucide-react';
import { useState, type ReactElement } from 'react';
import type {
  ApplyReportView,
  ReviewedStep,
  StepStatusView,
} from '../../../../shared/contract/schema';
import type { SchemaRenames } from '../../../../shared/schema/renames';
import type { SchemaDocument } from '../../../../shared/schema/schema-document';
import { rpc } from '../../../api/rpc';
import { useContractEvent } from '../../../api/use-contract-event';
import { CodeText } from '../../../ui/code-text';
import { toastError } from '../../../ui/toast-error';

/**
 * The change plan: the exact metadata operations main will run, in order, each destructive one
 * with the records it touches and what uses it; then the apply, step by step with progress,
 * stopping at the first failure with Twenty's reason and showing what was applied.
 */
interface Props {
  connectionId: string;
  workspaceName: string;
  target: SchemaDocument;
  renames: SchemaRenames;
  base: SchemaDocument | null;
  onClose: (applied: boolean) => void;
}

const STATUS_ICON: Record<StepStatusView, ReactElement> = {
  pending: <CircleDashed size={14} aria-label="pending" />,
  running: <Loader2 size={14} className="spin" aria-label="running" />,
  applied: <Check size={14} aria-label="applied" />,
  failed: <X size={14} aria-label="failed" />,
  skipped: <Ban size={14} aria-label="skipped" />,
};

const affectedText = (step: ReviewedStep): string | null => {
  if (!step.affected) return null;
  const { records, withValue } = step.affected;
  if (step.fieldName && withValue !== null)
    return `${withValue} of ${records} record(s) hold a value here`;
  return `${records} record(s)`;
};

/** One step of a plan as reviewed and applied (the import wizard's new object shows them too). */
export const Step = ({
  step,
  index,
  status,
  progress,
}: {
  step: ReviewedStep;
  index: number;
  status: StepStatusView | undefined;
  progress: { done: number; total: number } | undefined;
}) => (
  <li
    className="plan-step"
    data-destructive={step.destructive || undefined}
    data-unsupported={step.operation === 'unsupported' || undefined}
    data-status={status ?? 'pending'}
    data-testid="plan-step"
  >
    <span className="step-status">{STATUS_ICON[status ?? 'pending']}</span>
    <span className="step-index">{index + 1}</span>
    <div className="step-body">
      <div>
        <code className="op">{step.operation}</code> <CodeText text={step.description} />
      </div>
      {step.destructive && (
        <div className="step-warning">
          <AlertTriangle size={13} /> Drops data
          {affectedText(step) ? ` — ${affectedText(step)}` : ''}
        </div>
      )}
      {step.reason && (
        <div className="error">
          <CodeText text={step.reason} />
        </div>
      )}
      {step.usages.length > 0 && (
        <ul className="step-usages">
          {step.usages.map((usage, i) => (
            <li key={`${usage.kind}-${usage.id ?? i}`}>{usage.description}</li>
          ))}
        </ul>
      )}
      {progress && (
        <progress max={progress.total || 1} value={progress.done}>
          {progress.done}/{progress.total}
        </progress>
      )}
      {step.input !== undefined && (
        <details>
          <summary>Input (names become ids when applied)</summary>
          <pre>{JSON.stringify(step.input, null, 2)}</pre>
        </details>
      )}
    </div>
  </li>
);

export const PlanReview = ({
  connectionId,
  workspaceName,
  target,
  renames,
  base,
  onClose,
}: Props) => {
  const review = useQuery({
    queryKey: ['schema', 'review', connectionId, target, renames],
    queryFn: () => rpc.call('schema.reviewChanges', { connectionId, target, renames, base }),
    gcTime: 0,
    retry: false,
  });
  const [statuses, setStatuses] = useState<Record<number, StepStatusView>>({});
  const [progress, setProgress] = useState<Record<number, { done: number; total: number }>>({});
  const [applying, setApplying] = useState(false);
  const [report, setReport] = useState<ApplyReportView | null>(null);
  const [understood, setUnderstood] = useState(false);
  const planId = review.data?.planId;

  useContractEvent('schema.onApplyProgress', (event) => {
    if (event.planId !== planId) return;
    setStatuses((current) => ({ ...current, [event.index]: event.status }));
    if (event.total !== undefined)
      setProgress((current) => ({
        ...current,
        [event.index]: { done: event.done ?? 0, total: event.total ?? 0 },
      }));
  });

  const steps = review.data?.steps ?? [];
  const destructive = steps.filter((step) => step.destructive).length;
  const unsupported = steps.some((step) => step.operation === 'unsupported');
  const apply = async () => {
    if (!planId) return;
    setApplying(true);
    try {
      setReport(await rpc.call('schema.applyPlan', { planId }));
    } catch (error) {
      toastError(error);
    } finally {
      setApplying(false);
    }
  };
  const done = report !== null;
  const succeeded = done && !report.failed && !report.cancelled;

  return (
    <Dialog.Root
      open
      onOpenChange={(open) => !open && !applying && onClose(done && report.applied.length > 0)}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog wide" aria-describedby={undefined}>
          <Dialog.Title>Change plan for {workspaceName}</Dialog.Title>
          {review.isPending && <p role="status">Reading the workspace and planning…</p>}
          {review.isError && (
            <p className="error" role="alert">
              {(review.error as Error).message}
            </p>
          )}
          {review.data && (
            <>
              <p className="description">
                {steps.length === 0
                  ? 'The workspace already matches the draft: nothing to apply.'
                  : `${steps.length} operation(s), in this order${destructive ? `, ${destructive} of them drop data` : ''}.`}
              </p>
              {review.data.drift && (
                <p className="notice" role="status">
                  The workspace changed since this draft began: the plan is made from the workspace
                  as it is now.
                </p>
              )}
              {review.data.notes.map((note) => (
                <p className="hint" key={note}>
                  {note}
                </p>
              ))}
              <ol className="plan-steps" aria-label="Plan">
                {steps.map((step, index) => (
                  <Step
                    key={step.id}
                    step={step}
                    index={index}
                    status={statuses[index]}
                    progress={progress[index]}
                  />
                ))}
              </ol>
              {report && (
                <div
                  className={report.failed ? 'report failed' : 'report'}
                  role="status"
                  data-testid="apply-report"
                >
                  {succeeded
                    ? `Applied all ${report.applied.length} operation(s).`
                    : report.failed
                      ? `Stopped at step ${steps.findIndex((s) => s.id === report.failed?.step) + 1}: ${report.failed.userFriendlyMessage ?? report.failed.error}. ${report.applied.length} applied, ${report.skipped.length} not run.`
                      : `Stopped: ${report.applied.length} applied, ${report.skipped.length} not run.`}
                </div>
              )}
              {destructive > 0 && !done && (
                <label className="check-field">
                  <input
                    type="checkbox"
                    checked={understood}
                    onChange={(event) => setUnderstood(event.target.checked)}
                  />
                  I understand that {destructive} step(s) drop data in {workspaceName}
                </label>
              )}
            </>
          )}
          <div className="dialog-actions">
            {applying ? (
              <button
                className="btn"
                onClick={() =>
                  planId && rpc.call('schema.cancelApply', { planId }).catch(toastError)
                }
              >
                Stop after this step
              </button>
            ) : (
              <button className="btn" onClick={() => onClose(done && report.applied.length > 0)}>
                {done ? 'Close' : 'Cancel'}
              </button>
            )}
            {!done && (
              <button
                className="btn primary"
                disabled={
                  !review.data ||
                  steps.length === 0 ||
                  unsupported ||
                  applying ||
                  (destructive > 0 && !understood)
                }
                onClick={() => void apply()}
              >
                {applying ? 'Applying…' : `Apply ${steps.length} operation(s)`}
              </button>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
