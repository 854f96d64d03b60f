import { ArrowRight, ListChecks, Square } from 'lucide-react';
import { useState } from 'react';
import { CheckWorkspaceOption } from './CheckWorkspaceOption';
import { hasRun, mappingProblems } from './draft';
import { useImport } from './import-queries';
import { ProgressPanel } from './ProgressPanel';
import { StepCounts } from './StepCounts';
import { StepReview } from './StepReview';
import { stateMessage, totalCounts } from './step-totals';
import { useImportActions } from './use-import-actions';
import { useWizard } from './wizard-store';

/**
 * Step 3: every row checked in main (against the fields, the file and the workspace), then the
 * rows with problems to fix in place or exclude, file by file.
 */
export const ReviewStep = () => {
  const { draft, stepsDirty: dirty } = useWizard();
  const { goTo } = useWizard((state) => state.actions);
  const { data: imported } = useImport(draft.importId);
  const { busy, save, validate, pause } = useImportActions();
  const [stepId, setStepId] = useState<string | null>(null);
  if (!imported) return <p className="meta">Reading the import…</p>;
  const locked = hasRun(imported);
  const validating = imported.state === 'validating';
  const step = imported.steps.find((candidate) => candidate.id === stepId) ?? imported.steps[0];
  const totals = totalCounts(imported);
  const canRun = !dirty && !validating && imported.state !== 'draft';

  const revalidate = async () => {
    const saved = dirty ? await save() : imported;
    await validate(saved.id);
  };

  return (
    <div className="review-step">
      {dirty && (
        <p className="notice" role="status">
          The files or mappings changed since this import was kept: save and validate again.
        </p>
      )}
      {imported.steps.length > 1 && (
        <StepCounts counts={totals} kind="validation" label="Counts of the import" />
      )}
      <div className="review-toolbar">
        {stateMessage(imported) ? (
          <p className="state-message grow" data-testid="import-message">
            {stateMessage(imported)}
          </p>
        ) : (
          <span className="grow" />
        )}
        {validating && (
          <button
            className="btn"
            disabled={busy !== null}
            onClick={() => void pause(imported.id).catch(() => undefined)}
          >
            <Square size={13} /> Stop validating
          </button>
        )}
        {!locked && !validating && <CheckWorkspaceOption disabled={busy !== null} />}
        {!locked && !validating && (
          <button
            className="btn"
            disabled={busy !== null || (dirty && mappingProblems(draft).length > 0)}
            onClick={() => void revalidate().catch(() => undefined)}
          >
            <ListChecks size={14} />
            {imported.state === 'draft' || dirty ? 'Validate' : 'Validate again'}
          </button>
        )}
      </div>
      {validating && <ProgressPanel label="Validation progress" progress={imported.progress} />}
      {imported.state === 'draft' && !validating && (
        <p className="meta">Nothing is written before every row is checked.</p>
      )}
      {imported.steps.length > 1 && (
        <div className="file-tabs" role="tablist" aria-label="Files">
          {imported.steps.map((candidate) => (
            <button
              key={candidate.id}
              role="tab"
              aria-selected={candidate.id === step?.id}
              className="file-tab"
              onClick={() => setStepId(candidate.id)}
            >
              {candidate.fileName}
              {candidate.counts.errorRows > 0 && (
                <span className="badge danger">{candidate.counts.errorRows}</span>
              )}
            </button>
          ))}
        </div>
      )}
      {step && !validating && imported.state !== 'draft' && (
        <StepReview imported={imported} stepId={step.id} locked={locked} />
      )}
      <div className="step-footer">
        <button className="btn primary" disabled={!canRun} onClick={() => goTo('run')}>
          Next: run <ArrowRight size={14} />
        </button>
      </div>
    </div>
  );
};
