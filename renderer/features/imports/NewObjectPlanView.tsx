import { AlertTriangle } from 'lucide-react';
import type { ChangePlanReview, StepStatusView } from '../../../shared/contract';
import { CodeText } from '../../ui/code-text';
import { Step } from '../data-model/editor/PlanReview';
import { unexpectedSteps, type ApplyOutcome } from './new-object-plan';

/**
 * The plan main made for the new object, step by step as the data-model editor shows it (the
 * apply's progress on each step), and what the apply did.
 */
export const NewObjectPlanView = (props: {
  review: ChangePlanReview;
  statuses: Record<number, StepStatusView>;
  outcome: ApplyOutcome | null;
  workspaceName: string;
}) => {
  const { review, statuses, outcome } = props;
  const unexpected = unexpectedSteps(review.steps);
  return (
    <section className="new-object-plan" aria-label="Change plan">
      <p className="description">
        {review.steps.length} operation(s) in {props.workspaceName}, in this order.
        {outcome ? '' : ' Nothing is written before you create the object.'}
      </p>
      {review.drift && (
        <p className="notice" role="status">
          The workspace changed since its model was read: the plan is made from the workspace as it
          is now.
        </p>
      )}
      {unexpected.length > 0 && (
        <p className="failure" role="alert">
          <AlertTriangle size={13} /> {unexpected.length} step(s) would do more than add the object:
          they are left to the data-model editor.
        </p>
      )}
      {review.notes.map((note) => (
        <p className="hint" key={note}>
          {note}
        </p>
      ))}
      <ol className="plan-steps" aria-label="Plan">
        {review.steps.map((step, index) => (
          <Step
            key={step.id}
            step={step}
            index={index}
            status={statuses[index]}
            progress={undefined}
          />
        ))}
      </ol>
      {outcome && (
        <div
          className={outcome.succeeded ? 'report' : 'report failed'}
          role="status"
          data-testid="apply-report"
        >
          <CodeText text={outcome.message} />
        </div>
      )}
    </section>
  );
};
