import * as Dialog from '@radix-ui/react-dialog';
import { Check, X } from 'lucide-react';
import { useState } from 'react';
import type { TestEventReport } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { Checkbox, SelectInput } from '../../ui/form';
import { toastError } from '../../ui/toast-error';
import { useWorkspaceModel } from '../playground/use-workspace-model';
import { useActiveConnection } from '../workspaces/connection-queries';
import { formatTime } from './format';
import { useWebhooksActions } from './webhooks-store';

const ACTIONS = ['created', 'updated', 'deleted'] as const;

/**
 * Real events on purpose: main creates, updates and deletes a test record of an object on the
 * active workspace (then destroys it), and the log is narrowed to that record so the admin sees
 * the deliveries arrive. A workspace other than the local one asks first.
 */
export const TestEventDialog = (props: { onClose: () => void }) => {
  const active = useActiveConnection();
  const model = useWorkspaceModel(active?.id ?? null);
  const { watchRecord } = useWebhooksActions();
  const [objectName, setObjectName] = useState('company');
  const [actions, setActions] = useState<string[]>([...ACTIONS]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<TestEventReport | null>(null);
  const objects = (model.data?.model.objects ?? []).filter(
    (object) => object.isActive && !object.isSystem,
  );
  const remote = active !== null && active.kind !== 'local';

  const run = async () => {
    if (!active) return;
    setBusy(true);
    try {
      const answer = await rpc.call('webhooks.sendTestEvent', {
        connectionId: active.id,
        objectName,
        actions: ACTIONS.filter((action) => actions.includes(action)),
        confirm: remote,
      });
      setReport(answer);
      watchRecord(answer.recordId);
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title>Send a test event</Dialog.Title>
          <p className="description">
            Creates a test record in <strong>{active?.name ?? '…'}</strong>, changes it as asked,
            then destroys it: Twenty sends real webhooks for it.
          </p>
          <SelectInput
            label="Object"
            value={objectName}
            options={
              objects.length > 0
                ? objects.map((object) => ({
                    value: object.nameSingular,
                    label: `${object.labelSingular} (${object.nameSingular})`,
                  }))
                : [{ value: 'company', label: 'Company (company)' }]
            }
            onChange={setObjectName}
          />
          <div className="inline-checks" role="group" aria-label="Events">
            {ACTIONS.map((action) => (
              <Checkbox
                key={action}
                label={action}
                checked={actions.includes(action)}
                onChange={(checked) =>
                  setActions((current) =>
                    checked ? [...current, action] : current.filter((item) => item !== action),
                  )
                }
              />
            ))}
          </div>
          {confirming && (
            <p className="notice" role="alert">
              {active?.name} is not the local workspace: a real record is written there (and
              destroyed afterwards), and every webhook subscribed to it fires. Send anyway?
            </p>
          )}
          {report && (
            <div className="test-report" data-testid="test-event-report">
              <p>
                Record <code>{report.recordId}</code> of {report.objectName}
                {report.cleanedUp ? (
                  ', cleaned up.'
                ) : (
                  <strong className="error"> was not cleaned up.</strong>
                )}
              </p>
              <ol className="check-steps">
                {report.steps.map((step, index) => (
                  <li key={index} data-ok={step.ok}>
                    <span className="check-mark" aria-label={step.ok ? 'done' : 'failed'}>
                      {step.ok ? <Check size={14} /> : <X size={14} />}
                    </span>
                    <span className="check-name">{step.action}</span>
                    <span className="check-detail">
                      {formatTime(step.at)} · {step.detail}
                    </span>
                  </li>
                ))}
              </ol>
              <p className="meta">
                The log now shows this record&apos;s deliveries as they arrive.
              </p>
            </div>
          )}
          <div className="dialog-actions">
            <button className="btn" onClick={props.onClose}>
              {report ? 'Watch the log' : 'Cancel'}
            </button>
            <button
              className="btn primary"
              disabled={busy || !active || actions.length === 0}
              onClick={() => (remote && !confirming ? setConfirming(true) : void run())}
            >
              {busy ? 'Sending…' : confirming ? 'Yes, send' : report ? 'Send another' : 'Send'}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
