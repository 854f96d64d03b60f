import type { StepCounts as Counts } from '../../../shared/contract';
import { formatCount } from './format';

type Key = keyof Counts;

const VALIDATION: Array<{ key: Key; label: string; tone?: string }> = [
  { key: 'rows', label: 'Rows' },
  { key: 'errorRows', label: 'With errors', tone: 'danger' },
  { key: 'warningRows', label: 'With warnings', tone: 'warn' },
  { key: 'duplicateRows', label: 'Duplicates', tone: 'warn' },
  { key: 'excludedRows', label: 'Excluded' },
  { key: 'existingRows', label: 'Already in the workspace' },
];

const RESULTS: Array<{ key: Key; label: string; tone?: string }> = [
  { key: 'created', label: 'Created', tone: 'ok' },
  { key: 'updated', label: 'Updated', tone: 'ok' },
  { key: 'skipped', label: 'Skipped' },
  { key: 'failed', label: 'Failed', tone: 'danger' },
  { key: 'parentsCreated', label: 'Related records created' },
];

/** The counts of a step (or of the whole import) as a row of figures. */
export const StepCounts = (props: {
  counts: Counts;
  kind: 'validation' | 'results';
  label: string;
}) => (
  <dl className="step-counts" aria-label={props.label}>
    {(props.kind === 'validation' ? VALIDATION : RESULTS).map(({ key, label, tone }) => {
      const value = props.counts[key];
      return (
        <div key={key} data-tone={value ? tone : undefined} data-testid={`count-${key}`}>
          <dt>{label}</dt>
          <dd>{value === null ? '—' : formatCount(value)}</dd>
        </div>
      );
    })}
  </dl>
);
