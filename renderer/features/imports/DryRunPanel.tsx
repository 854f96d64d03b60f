import { FlaskConical } from 'lucide-react';
import { isBusy } from './format';
import { useImport } from './import-queries';
import { ProgressPanel } from './ProgressPanel';
import { StateBadge } from './StateBadge';
import { StepCounts } from './StepCounts';
import { hasResults, totalCounts } from './step-totals';

/** The dry run's own import (a copy run on the local workspace or a replica), followed live. */
export const DryRunPanel = ({
  id,
  workspace,
}: {
  id: string;
  workspace: (id: string) => string;
}) => {
  const { data: dry } = useImport(id);
  if (!dry) return null;
  const counts = totalCounts(dry);
  return (
    <section className="card dry-run" aria-label="Dry run">
      <div className="dry-run-head">
        <FlaskConical size={16} aria-hidden="true" />
        <strong>Dry run on {workspace(dry.connectionId)}</strong>
        <StateBadge state={dry.state} />
      </div>
      {isBusy(dry.state) && <ProgressPanel label="Dry run progress" progress={dry.progress} />}
      {dry.message && <p className="state-message">{dry.message}</p>}
      {hasResults(counts) && <StepCounts counts={counts} kind="results" label="Dry run results" />}
    </section>
  );
};
