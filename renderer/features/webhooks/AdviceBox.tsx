import { CircleCheck, OctagonX, TriangleAlert } from 'lucide-react';
import type { TargetAdvice } from '../../../shared/contract';

const ICONS = { ok: CircleCheck, warning: TriangleAlert, blocked: OctagonX };

/** Whether the workspace can reach the target, in plain words, with the ways out. */
export const AdviceBox = (props: {
  advice: TargetAdvice | null;
  checking: boolean;
  error: string | null;
  acknowledged: boolean;
  onAcknowledge: (value: boolean) => void;
}) => {
  const { advice } = props;
  if (props.error)
    return (
      <p className="failure" role="alert">
        The target could not be checked: {props.error}
      </p>
    );
  if (!advice) return <p className="meta">{props.checking ? 'Checking the target…' : ''}</p>;
  const Icon = ICONS[advice.level];
  return (
    <div className="advice" data-level={advice.level} data-testid="target-advice" role="status">
      <p className="advice-message">
        <Icon size={16} aria-hidden />
        <span>{advice.message}</span>
      </p>
      {advice.url && (
        <p className="meta">
          Twenty will be given <code>{advice.url}</code>
        </p>
      )}
      {advice.remedies.length > 0 && (
        <ul className="remedies">
          {advice.remedies.map((remedy) => (
            <li key={remedy}>{remedy}</li>
          ))}
        </ul>
      )}
      {advice.level === 'warning' && (
        <label className="check-field">
          <input
            type="checkbox"
            checked={props.acknowledged}
            onChange={(event) => props.onAcknowledge(event.target.checked)}
          />
          I read this and want the webhook anyway
        </label>
      )}
      {advice.level === 'blocked' && (
        <p className="error">Twenty cannot reach this target: choose another to save.</p>
      )}
    </div>
  );
};
