import { ArrowLeft } from 'lucide-react';
import { useConnections } from '../workspaces/connection-queries';
import { filesProblems, hasRun } from './draft';
import { FilesStep } from './FilesStep';
import { useImport } from './import-queries';
import { MappingStep } from './MappingStep';
import { ReviewStep } from './ReviewStep';
import { RunStep } from './RunStep';
import { StateBadge } from './StateBadge';
import { importNameOf, useWizard, WIZARD_STEPS, type WizardStep } from './wizard-store';

/** Which steps can be opened now, and why not the others. */
const reachable = (
  step: WizardStep,
  context: { filesReady: boolean; saved: boolean; validated: boolean },
): string | null => {
  if (step === 'files') return null;
  if (step === 'mapping') return context.filesReady ? null : 'Add files and choose their objects';
  if (step === 'review') return context.saved ? null : 'Save the mapping first';
  return context.validated ? null : 'Validate the import first';
};

/** The wizard around one draft: back to the list, the steps, the current step's page. */
export const ImportWizard = () => {
  const { step, draft, dirty, stepsDirty } = useWizard();
  const { close, goTo } = useWizard((state) => state.actions);
  const { data: imported } = useImport(draft.importId);
  const { data: connections } = useConnections();
  const workspace = connections?.connections.find(
    (connection) => connection.id === draft.connectionId,
  );
  const validated = !!imported && !['draft', 'validating'].includes(imported.state) && !stepsDirty;
  const context = {
    filesReady: filesProblems(draft).length === 0,
    saved: draft.importId !== null,
    validated: validated || (!!imported && hasRun(imported)),
  };

  return (
    <div className="wizard">
      <div className="wizard-head">
        <button className="btn ghost small" onClick={close}>
          <ArrowLeft size={14} /> Imports
        </button>
        <h1 className="page-title">{draft.importId ? importNameOf(draft) : 'New import'}</h1>
        {imported && <StateBadge state={imported.state} />}
        {dirty && draft.importId && <span className="badge">unsaved changes</span>}
        <span className="meta wizard-workspace">
          into <strong>{workspace?.name ?? draft.connectionId}</strong>
        </span>
      </div>
      <nav className="wizard-steps" aria-label="Import steps">
        <ol>
          {WIZARD_STEPS.map((item, index) => {
            const blocked = reachable(item.id, context);
            return (
              <li key={item.id}>
                <button
                  className="wizard-step"
                  aria-current={step === item.id ? 'step' : undefined}
                  disabled={blocked !== null && step !== item.id}
                  title={blocked ?? undefined}
                  onClick={() => goTo(item.id)}
                >
                  <span className="wizard-step-number">{index + 1}</span>
                  {item.label}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <section
        className="wizard-body"
        aria-label={WIZARD_STEPS.find((item) => item.id === step)!.label}
      >
        {step === 'files' && <FilesStep locked={!!imported && hasRun(imported)} />}
        {step === 'mapping' && <MappingStep locked={!!imported && hasRun(imported)} />}
        {step === 'review' && <ReviewStep />}
        {step === 'run' && imported && <RunStep imported={imported} />}
      </section>
    </div>
  );
};
