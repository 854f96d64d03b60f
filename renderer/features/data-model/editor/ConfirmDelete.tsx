import * as Dialog from '@radix-ui/react-dialog';
import { useQuery } from '@tanstack/react-query';
import { AlertTriangle } from 'lucide-react';
import { rpc } from '../../../api/rpc';

/**
 * Before a delete lands in the draft: what uses the object or field in the workspace (views,
 * webhooks, relations, identifiers), read live, so the admin deletes knowing what breaks.
 */
interface Props {
  connectionId: string;
  title: string;
  /** null: nothing in the workspace yet (a new object or field of this draft). */
  subject: { objectName: string; fieldName?: string } | null;
  consequence: string;
  onCancel: () => void;
  onConfirm: () => void;
}

export const UsageList = ({
  connectionId,
  subject,
}: {
  connectionId: string;
  subject: { objectName: string; fieldName?: string; optionValues?: string[] };
}) => {
  const usages = useQuery({
    queryKey: ['schema', 'usages', connectionId, subject],
    queryFn: () => rpc.call('schema.findUsages', { connectionId, ...subject }),
  });
  if (usages.isPending) return <p className="hint">Looking for what uses it…</p>;
  if (usages.isError)
    return (
      <p className="hint" role="status">
        Usages could not be read: {(usages.error as Error).message}
      </p>
    );
  const { usages: list, notes } = usages.data;
  return (
    <div className="usages" data-testid="usages">
      {list.length === 0 ? (
        <p className="hint">Nothing in the workspace uses it.</p>
      ) : (
        <>
          <p>Used by:</p>
          <ul>
            {list.map((usage, index) => (
              <li key={`${usage.kind}-${usage.id ?? index}`}>{usage.description}</li>
            ))}
          </ul>
        </>
      )}
      {notes.map((note) => (
        <p className="hint" key={note}>
          {note}
        </p>
      ))}
    </div>
  );
};

export const ConfirmDelete = (props: Props) => (
  <Dialog.Root open onOpenChange={(open) => !open && props.onCancel()}>
    <Dialog.Portal>
      <Dialog.Overlay className="overlay" />
      <Dialog.Content className="dialog" aria-describedby={undefined}>
        <Dialog.Title>
          <AlertTriangle size={16} /> {props.title}
        </Dialog.Title>
        <p className="description">
          {props.consequence} Nothing changes in the workspace until you review and apply the plan.
        </p>
        {props.subject && <UsageList connectionId={props.connectionId} subject={props.subject} />}
        <div className="dialog-actions">
          <button className="btn" onClick={props.onCancel}>
            Keep it
          </button>
          <button className="btn danger" onClick={props.onConfirm} autoFocus>
            Delete in draft
          </button>
        </div>
      </Dialog.Content>
    </Dialog.Portal>
  </Dialog.Root>
);
