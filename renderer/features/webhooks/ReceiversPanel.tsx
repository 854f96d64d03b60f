import { useQueryClient } from '@tanstack/react-query';
import { Plus, Radio } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import type { Receiver } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';
import { ConfirmDialog } from '../imports/ConfirmDialog';
import { ReceiverCard } from './ReceiverCard';
import { ReceiverDialog } from './ReceiverDialog';
import { RotateSecretDialog } from './RotateSecretDialog';
import { SecretDialog } from './SecretDialog';
import { RECEIVERS_KEY, useReceivers } from './webhook-queries';

type Open =
  | { kind: 'create' }
  | { kind: 'edit' | 'rotate' | 'remove'; receiver: Receiver }
  | { kind: 'secret'; receiver: Receiver; secret: string }
  | null;

/** The local receivers: create, edit, start/stop, rotate the secret, remove. */
export const ReceiversPanel = () => {
  const { data, error, isPending } = useReceivers();
  const client = useQueryClient();
  const [open, setOpen] = useState<Open>(null);

  const remove = (receiver: Receiver) =>
    rpc
      .call('webhooks.removeReceiver', { id: receiver.id })
      .then(() => {
        client.setQueryData<Receiver[]>(RECEIVERS_KEY, (list) =>
          list?.filter((item) => item.id !== receiver.id),
        );
        toast.success(`${receiver.name} removed`);
      })
      .catch(toastError);

  return (
    <section className="receivers" aria-label="Receivers">
      <div className="section-head">
        <p className="meta">
          Each receiver listens on its own port, checks every delivery&apos;s signature as Twenty
          signs it and logs it. Give Twenty its URL (its public URL for a remote workspace).
        </p>
        <button className="btn primary" onClick={() => setOpen({ kind: 'create' })}>
          <Plus size={15} /> New receiver
        </button>
      </div>
      {isPending && <p className="empty">Loading receivers…</p>}
      {error && (
        <p className="failure" role="alert">
          The receivers could not be read: {error.message}
        </p>
      )}
      {data?.length === 0 && (
        <div className="empty empty-state">
          <Radio size={28} aria-hidden />
          <p>No receiver yet. Create one to get a URL Twenty can deliver to.</p>
        </div>
      )}
      <div className="receiver-list">
        {data?.map((receiver) => (
          <ReceiverCard
            key={receiver.id}
            receiver={receiver}
            onEdit={() => setOpen({ kind: 'edit', receiver })}
            onRotate={() => setOpen({ kind: 'rotate', receiver })}
            onRemove={() => setOpen({ kind: 'remove', receiver })}
          />
        ))}
      </div>
      {open?.kind === 'create' && (
        <ReceiverDialog
          onClose={() => setOpen((current) => (current?.kind === 'create' ? null : current))}
          onCreated={(receiver, secret) => setOpen({ kind: 'secret', receiver, secret })}
        />
      )}
      {open?.kind === 'edit' && (
        <ReceiverDialog receiver={open.receiver} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'rotate' && (
        <RotateSecretDialog receiver={open.receiver} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'secret' && (
        <SecretDialog
          title={`Secret of ${open.receiver.name}`}
          secret={open.secret}
          onClose={() => setOpen(null)}
        >
          <p className="meta">
            Webhooks you create here for this receiver use it on their own; paste it only where you
            made a webhook by hand.
          </p>
        </SecretDialog>
      )}
      {open?.kind === 'remove' && (
        <ConfirmDialog
          title={`Remove ${open.receiver.name}?`}
          confirmLabel="Remove receiver"
          danger
          onConfirm={() => void remove(open.receiver)}
          onClose={() => setOpen(null)}
        >
          <p>
            It stops listening and its secrets leave the keychain. Its logged deliveries stay in the
            log. Webhooks in Twenty that point at it will fail to deliver.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
};
