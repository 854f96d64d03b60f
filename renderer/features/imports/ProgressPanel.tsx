import type { Import } from '../../../shared/contract';
import { formatCount, formatEta, formatRate, percentDone } from './format';
import { phaseLabel } from './step-totals';

type Progress = NonNullable<Import['progress']>;

/**
 * A job's progress as main reports it: a bar (indeterminate without a total), rows done of the
 * total, the rate and the time left, and errors so far when given.
 */
export const ProgressPanel = (props: {
  label: string;
  progress: Progress | null;
  errors?: number;
}) => {
  const { progress } = props;
  const done = progress?.done ?? 0;
  const total = progress?.total ?? null;
  const percent = percentDone(done, total);
  return (
    <div className="progress-panel" data-testid="import-progress">
      <div className="progress-line">
        <strong>{progress ? phaseLabel(progress.phase) : 'Starting…'}</strong>
        <span className="meta" data-testid="rows-done" data-done={done}>
          {formatCount(done)}
          {total !== null ? ` of ${formatCount(total)}` : ''} rows
          {percent !== null ? ` · ${percent}%` : ''}
        </span>
        <span className="spacer" />
        <span className="meta">{formatRate(progress?.rate)}</span>
        <span className="meta">{formatEta(progress?.etaSeconds)}</span>
        {props.errors !== undefined && (
          <span className="meta" data-tone={props.errors ? 'danger' : undefined}>
            {formatCount(props.errors)} error{props.errors === 1 ? '' : 's'} so far
          </span>
        )}
      </div>
      <div
        className="progress big"
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={total !== null ? done : undefined}
        aria-valuetext={
          total !== null
            ? `${formatCount(done)} of ${formatCount(total)} rows`
            : `${formatCount(done)} rows`
        }
        data-indeterminate={percent === null}
      >
        <div style={{ width: `${percent ?? 30}%` }} />
      </div>
    </div>
  );
};
