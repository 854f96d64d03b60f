import { Download, FlaskConical, Pause, Play, RotateCcw } from 'lucide-react';
import { useState } from 'react';
import type { Import } from '../../../shared/contract';
import { isAppError } from '../../../shared/errors/app-error';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';
import { useConnections } from '../workspaces/connection-queries';
import { ConfirmDialog } from './ConfirmDialog';
import { offerReport } from './download';
import { dryRunTarget } from './dry-run-target';
import { MODE_LABELS } from './FileCard';
import { formatCount, isBusy } from './format';
import { useImports } from './import-queries';
import { DryRunPanel } from './DryRunPanel';
import { StepResults } from './StepResults';
import { ProgressPanel } from './ProgressPanel';
import { ResultsTable } from './ResultsTable';
import { StepCounts } from './StepCounts';
import {
  hasResults,
  progressFromCounts,
  rowsToWrite,
  stateMessage,
  totalCounts,
} from './step-totals';
import { useImportActions } from './use-import-actions';

type Asking = 'run' | 'rollback' | null;

/**
 * Step 4: a dry run first if wanted, then the run itself (a remote workspace asks first, naming
 * it), its progress with pause and resume, the counts and per-row results, the result file and
 * the rollback.
 */
export const RunStep = ({ imported }: { imported: Import }) => {
  const { data: connections } = useConnections();
  const { busy, run, pause, dryRun, rollback } = useImportActions();
  const [asking, setAsking] = useState<Asking>(null);
  const [skipErrorRows, setSkipErrorRows] = useState(true);
  const [dryRunId, setDryRunId] = useState<string | null>(null);
  const { data: list } = useImports();
  // The dry run started here, else the latest one of this import (main links it by dryRunOf).
  const shownDryRun =
    dryRunId ??
    list?.imports.find(
      (candidate) => candidate.dryRunOf === imported.id && candidate.id !== imported.id,
    )?.id ??
    null;
  const connection = connections?.connections.find(
    (candidate) => candidate.id === imported.connectionId,
  );
  const workspace = connection?.name ?? imported.connectionId;
  const nameOf = (id: string) =>
    connections?.connections.find((candidate) => candidate.id === id)?.name ?? id;
  const remote = connection?.kind === 'remote';
  const dryTarget = dryRunTarget(connections?.connections ?? [], imported.connectionId);
  const counts = totalCounts(imported);
  const state = imported.state;
  const canStart = state === 'validated' || state === 'failed';
  const started = hasResults(counts) || ['running', 'paused', 'done'].includes(state);

  const start = (confirm: boolean) =>
    run(imported.id, confirm, skipErrorRows).catch((error) => {
      if (isAppError(error) && error.details?.needsConfirmation) setAsking('run');
    });
  const startDryRun = () =>
    dryRun(imported.id)
      .then((dry) => setDryRunId(dry.id))
      .catch(() => undefined);
  const downloadResults = () =>
    rpc.call('imports.resultReport', { importId: imported.id }).then(offerReport).catch(toastError);

  return (
    <div className="run-step">
      <section className="card run-summary" aria-label="What the run writes">
        <p>
          Into <strong>{workspace}</strong>
          {remote ? ' (a remote workspace: you will be asked to confirm)' : ''}:{' '}
          {formatCount(rowsToWrite(counts))} of {formatCount(counts.rows)} rows
          {counts.errorRows > 0 && <>, {formatCount(counts.errorRows)} with errors</>}
          {counts.excludedRows > 0 && <>, {formatCount(counts.excludedRows)} excluded</>}.
        </p>
        <ul className="run-steps">
          {[...imported.steps]
            .sort((a, b) => a.order - b.order)
            .map((step, index) => (
              <li key={step.id}>
                <span className="wizard-step-number">{index + 1}</span>
                {step.fileName} → {step.mapping.object} · {MODE_LABELS[step.mode].toLowerCase()} ·{' '}
                {formatCount(rowsToWrite(step.counts))} rows
              </li>
            ))}
        </ul>
      </section>

      <div className="run-actions">
        {canStart && (
          <>
            {counts.errorRows > 0 && (
              <label className="check-field">
                <input
                  type="checkbox"
                  checked={skipErrorRows}
                  onChange={(event) => setSkipErrorRows(event.target.checked)}
                />
                Write the other rows; the {formatCount(counts.errorRows)} with errors are reported
                as failed
              </label>
            )}
            <span className="spacer" />
            <button
              className="btn"
              disabled={busy !== null}
              title={`Runs a copy on ${dryTarget?.name ?? 'the local workspace'}, then rolls it back there`}
              onClick={() => void startDryRun()}
            >
              <FlaskConical size={14} />
              {dryTarget && dryTarget.id !== imported.connectionId
                ? `Dry run on ${dryTarget.name}`
                : 'Dry run'}
            </button>
            <button
              className="btn primary"
              disabled={busy !== null}
              onClick={() => (remote ? setAsking('run') : void start(false))}
            >
              <Play size={14} />{' '}
              {state === 'failed' && hasResults(counts) ? 'Run again' : 'Run import'}
            </button>
          </>
        )}
        {state === 'running' && (
          <button
            className="btn"
            disabled={busy !== null}
            onClick={() => void pause(imported.id).catch(() => undefined)}
          >
            <Pause size={14} /> Pause
          </button>
        )}
        {state === 'paused' && (
          <button className="btn primary" disabled={busy !== null} onClick={() => void start(true)}>
            <Play size={14} /> Resume
          </button>
        )}
        {started && !isBusy(state) && (
          <>
            <span className="spacer" />
            {imported.resultPath !== null && (
              <button className="btn" onClick={() => void downloadResults()}>
                <Download size={14} /> Download results
              </button>
            )}
            {state !== 'rolled-back' && (
              <button
                className="btn danger"
                disabled={busy !== null}
                onClick={() => setAsking('rollback')}
              >
                <RotateCcw size={14} /> Roll back
              </button>
            )}
          </>
        )}
      </div>

      {stateMessage(imported) && (
        <p className="state-message" data-testid="import-message" data-state={state}>
          {stateMessage(imported)}
        </p>
      )}
      {(isBusy(state) || state === 'paused') && (
        <ProgressPanel
          label={state === 'rolling-back' ? 'Rollback progress' : 'Run progress'}
          progress={imported.progress ?? (state === 'paused' ? progressFromCounts(imported) : null)}
          errors={state === 'rolling-back' ? undefined : counts.failed}
        />
      )}
      {shownDryRun && <DryRunPanel id={shownDryRun} workspace={nameOf} />}

      {started && (
        <section className="run-results" aria-label="Results">
          <h3>Results</h3>
          <StepCounts counts={counts} kind="results" label="Results of the import" />
          {imported.steps.length > 1 && <StepResults imported={imported} />}
          <ResultsTable imported={imported} />
        </section>
      )}

      {asking === 'run' && (
        <ConfirmDialog
          title={`Write into ${workspace}?`}
          confirmLabel={`Run on ${workspace}`}
          onConfirm={() => void start(true)}
          onClose={() => setAsking(null)}
        >
          <p>
            This creates or updates up to {formatCount(rowsToWrite(counts))} records in{' '}
            <strong>{workspace}</strong>. A dry run on the local workspace shows the outcome first;
            a run can be rolled back afterwards.
          </p>
        </ConfirmDialog>
      )}
      {asking === 'rollback' && (
        <ConfirmDialog
          title={`Roll back ${imported.name}?`}
          confirmLabel="Roll back"
          danger
          onConfirm={() => void rollback(imported.id, true).catch(() => undefined)}
          onClose={() => setAsking(null)}
        >
          <p>
            Deletes the {formatCount(counts.created)} records this run created in{' '}
            <strong>{workspace}</strong> and restores the previous values of the{' '}
            {formatCount(counts.updated)} it updated.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
};
