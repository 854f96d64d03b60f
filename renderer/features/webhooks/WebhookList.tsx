import { useQueryClient } from '@tanstack/react-query';
import { Pencil, Plus, RefreshCw, Trash2, Webhook as WebhookIcon } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import type { Webhook } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';
import { ConfirmDialog } from '../imports/ConfirmDialog';
import { useActiveConnection } from '../workspaces/connection-queries';
import { describeOperations } from './operations';
import { SecretDialog } from './SecretDialog';
import { twentyWebhooksKey, useReceivers, useTwentyWebhooks } from './webhook-queries';
import { WebhookDialog } from './WebhookDialog';

type Open =
  | { kind: 'create' }
  | { kind: 'edit' | 'delete'; webhook: Webhook }
  | { kind: 'secret'; secret: string }
  | null;

/** The active workspace's webhooks, through Twenty's own API: list, create, edit, delete. */
export const WebhookList = () => {
  const active = useActiveConnection();
  const client = useQueryClient();
  const receivers = useReceivers().data ?? [];
  const { data, error, isPending, isFetching, refetch } = useTwentyWebhooks(active?.id ?? null);
  const [open, setOpen] = useState<Open>(null);
  if (!active) return <p className="empty">Loading…</p>;

  const remove = (webhook: Webhook) =>
    rpc
      .call('webhooks.deleteWebhook', { connectionId: active.id, id: webhook.id })
      .then(() => {
        void client.invalidateQueries({ queryKey: twentyWebhooksKey(active.id) });
        toast.success('Webhook deleted');
      })
      .catch(toastError);

  return (
    <section className="twenty-webhooks" aria-label="Twenty webhooks">
      <div className="section-head">
        <p className="meta">
          The webhooks of <strong>{active.name}</strong>, read and written through Twenty&apos;s
          API. Twenty sends each event once and never retries.
        </p>
        <button
          className="btn small"
          aria-label="Read the webhooks again"
          disabled={isFetching}
          onClick={() => void refetch()}
        >
          <RefreshCw size={13} className={isFetching ? 'spin' : undefined} />
        </button>
        <button
          className="btn primary"
          disabled={active.readOnly}
          title={active.readOnly ? 'This connection is read-only' : undefined}
          onClick={() => setOpen({ kind: 'create' })}
        >
          <Plus size={15} /> New webhook
        </button>
      </div>
      {isPending && <p className="empty">Reading the webhooks…</p>}
      {error && (
        <p className="failure" role="alert">
          The webhooks could not be read: {error.message}
        </p>
      )}
      {data?.length === 0 && (
        <div className="empty empty-state">
          <WebhookIcon size={28} aria-hidden />
          <p>No webhook in {active.name} yet.</p>
        </div>
      )}
      {data && data.length > 0 && (
        <table className="webhook-table" aria-label="Webhooks">
          <thead>
            <tr>
              <th>Target</th>
              <th>Operations</th>
              <th>Description</th>
              <th>Signed</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((webhook) => {
              const receiver = receivers.find((item) => item.id === webhook.receiverId);
              return (
                <tr key={webhook.id} data-testid="webhook-row">
                  <td>
                    <code className="target-url">{webhook.targetUrl}</code>
                    {receiver && <span className="badge accent">→ {receiver.name}</span>}
                  </td>
                  <td className="mono">{describeOperations(webhook.operations)}</td>
                  <td>{webhook.description ?? <span className="meta">—</span>}</td>
                  <td>
                    {webhook.signed ? (
                      <span className="badge ok">signed</span>
                    ) : (
                      <span
                        className="badge warn"
                        title="Its secret is empty: deliveries come unsigned"
                      >
                        unsigned
                      </span>
                    )}
                  </td>
                  <td className="row-actions">
                    <button
                      className="btn small"
                      disabled={active.readOnly}
                      onClick={() => setOpen({ kind: 'edit', webhook })}
                    >
                      <Pencil size={12} /> Edit
                    </button>
                    <button
                      className="btn small ghost danger"
                      aria-label={`Delete the webhook to ${webhook.targetUrl}`}
                      disabled={active.readOnly}
                      onClick={() => setOpen({ kind: 'delete', webhook })}
                    >
                      <Trash2 size={13} />
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {(open?.kind === 'create' || open?.kind === 'edit') && (
        <WebhookDialog
          connection={active}
          webhook={open.kind === 'edit' ? open.webhook : undefined}
          onClose={() => setOpen((current) => (current?.kind === 'secret' ? current : null))}
          onSecret={(secret) => setOpen({ kind: 'secret', secret })}
        />
      )}
      {open?.kind === 'secret' && (
        <SecretDialog title="Webhook secret" secret={open.secret} onClose={() => setOpen(null)}>
          <p className="meta">Twenty signs this webhook&apos;s deliveries with it.</p>
        </SecretDialog>
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog
          title="Delete this webhook?"
          confirmLabel="Delete webhook"
          danger
          onConfirm={() => void remove(open.webhook)}
          onClose={() => setOpen(null)}
        >
          <p>
            Twenty stops sending to <code>{open.webhook.targetUrl}</code> at once.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
};
