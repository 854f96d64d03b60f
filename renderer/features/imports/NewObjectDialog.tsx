import * as Dialog from '@radix-ui/react-dialog';
import { ArrowLeft, ListChecks, Plus } from 'lucide-react';
import { useMemo, useState } from 'react';
import { toast } from 'sonner';
import type { SourceInfoRead, WorkspaceModel } from '../../../shared/contract';
import { useConnections } from '../workspaces/connection-queries';
import type { DraftFile } from './draft';
import { baseName } from './format';
import { proposalIssues, proposeNewObject } from './new-object';
import { createdObject, mappingForNewObject, unexpectedSteps } from './new-object-plan';
import { NewObjectColumns } from './NewObjectColumns';
import { NewObjectHeadFields } from './NewObjectHeadFields';
import { NewObjectPlanView } from './NewObjectPlanView';
import { cellsOf } from './preview';
import { useNewObjectPlan } from './use-new-object-plan';
import { useWizard } from './wizard-store';

/**
 * "New object from this file": the object proposed from the file's name and columns, edited,
 * its plan reviewed and applied through the data-model editor's plan; then the file goes into
 * it with each column mapped to the field made from it.
 */
export const NewObjectDialog = (props: {
  file: DraftFile;
  info: SourceInfoRead;
  model: WorkspaceModel | null;
  onClose: () => void;
}) => {
  const { file, info, model, onClose } = props;
  const connectionId = useWizard((state) => state.draft.connectionId);
  const { setObject, setMapping } = useWizard((state) => state.actions);
  const connection = useConnections().data?.connections.find((c) => c.id === connectionId);
  const workspaceName = connection ? `“${connection.name}”` : 'the workspace';
  const fileName = baseName(file.path);
  const [proposal, setProposal] = useState(() =>
    proposeNewObject(
      fileName,
      info.headers,
      info.sample.map((row) => cellsOf(info.headers, row)),
    ),
  );
  const [phase, setPhase] = useState<'edit' | 'plan'>('edit');
  const [partial, setPartial] = useState<WorkspaceModel | null>(null);
  const [used, setUsed] = useState(false);
  const plan = useNewObjectPlan(connectionId);
  const issues = useMemo(() => proposalIssues(proposal, model), [proposal, model]);
  const readOnly = connection?.readOnly === true;

  /** The file goes into the object, each column into its field; false if it is not there. */
  const intoObject = (read: WorkspaceModel): boolean => {
    const object = createdObject(read, proposal);
    if (!object) return false;
    setObject(file.key, object.nameSingular);
    setMapping(file.key, mappingForNewObject(proposal, object));
    setUsed(true);
    return true;
  };

  const review = () => {
    setPhase('plan');
    void plan.reviewPlan(proposal);
  };

  const backToFields = () => {
    plan.reset();
    setPartial(null);
    setPhase('edit');
  };

  const create = async () => {
    const result = await plan.apply();
    if (!result) return;
    if (result.outcome.succeeded) {
      if (intoObject(result.model))
        toast.success(`${proposal.labelPlural} created: ${fileName} goes into it`);
    } else setPartial(result.model);
  };

  const succeeded = plan.outcome?.succeeded === true;
  /** After a failed step: the object, if the steps before it made it. */
  const madeObject =
    partial && plan.outcome?.objectCreated ? createdObject(partial, proposal) : null;
  /** A failure that left nothing behind: the admin may change the proposal and try again. */
  const canRetry = plan.outcome !== null && !succeeded && !madeObject;
  const busy = plan.applying || plan.rereading;
  const close = () => !busy && onClose();

  return (
    <Dialog.Root open onOpenChange={(open) => !open && close()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog new-object-dialog" aria-describedby={undefined}>
          <Dialog.Title>New object from {fileName}</Dialog.Title>
          {readOnly && (
            <p className="failure" role="alert">
              {workspaceName} is read-only in Atelier: turn read-only off in Connections to create
              objects there.
            </p>
          )}
          {phase === 'edit' ? (
            <>
              <p className="description">
                A custom object with one field per column, typed from the values. Nothing is written
                before you review the plan and create it.
              </p>
              <NewObjectHeadFields
                proposal={proposal}
                issues={issues.object}
                onChange={setProposal}
              />
              <NewObjectColumns
                proposal={proposal}
                issues={issues.columns}
                sampleRows={info.sample.length}
                onChange={setProposal}
              />
            </>
          ) : (
            <>
              {plan.reviewing && <p role="status">Reading the workspace and planning…</p>}
              {plan.review && (
                <NewObjectPlanView
                  review={plan.review}
                  statuses={plan.statuses}
                  outcome={plan.outcome}
                  workspaceName={workspaceName}
                />
              )}
              {used && (
                <p className="report" role="status" data-testid="new-object-used">
                  {fileName} now goes into {proposal.labelPlural}, each column mapped to its new
                  field.
                </p>
              )}
              {madeObject && !used && (
                <p className="notice" role="status">
                  {proposal.labelPlural} was created with the fields made before the failure: import
                  into it as it is, or finish it in the data-model editor.
                </p>
              )}
              {plan.rereading && <p role="status">Reading the workspace's objects again…</p>}
              {canRetry && !plan.rereading && (
                <p className="hint">Nothing was created: change the object and review again.</p>
              )}
            </>
          )}
          {plan.error && (
            <p className="failure" role="alert" data-testid="new-object-error">
              {plan.error}
            </p>
          )}
          <div className="dialog-actions">
            {phase === 'edit' && issues.blocking.length > 0 && (
              <span className="meta left" data-testid="new-object-blocking">
                {issues.blocking[0]}
              </span>
            )}
            {phase === 'plan' && !busy && (plan.outcome === null || canRetry) && (
              <button className="btn left" onClick={backToFields}>
                <ArrowLeft size={14} /> Back to the fields
              </button>
            )}
            {plan.applying ? (
              <button className="btn" onClick={plan.stop}>
                Stop after this step
              </button>
            ) : (
              <button className={succeeded ? 'btn primary' : 'btn'} disabled={busy} onClick={close}>
                {plan.outcome ? 'Close' : 'Cancel'}
              </button>
            )}
            {phase === 'edit' && (
              <button
                className="btn primary"
                disabled={issues.blocking.length > 0 || readOnly || !model}
                onClick={review}
              >
                <ListChecks size={14} /> Review plan
              </button>
            )}
            {phase === 'plan' && plan.outcome === null && (
              <button
                className="btn primary"
                disabled={
                  !plan.review ||
                  plan.review.steps.length === 0 ||
                  plan.applying ||
                  readOnly ||
                  unexpectedSteps(plan.review.steps).length > 0
                }
                onClick={() => void create()}
              >
                <Plus size={14} /> {plan.applying ? 'Creating…' : 'Create object'}
              </button>
            )}
            {madeObject && !used && (
              <button className="btn primary" onClick={() => partial && intoObject(partial)}>
                Import into {proposal.labelPlural} as it is
              </button>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
