import * as Dialog from '@radix-ui/react-dialog';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Connection, Webhook, WebhookTarget } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { Checkbox, SelectInput, TextInput } from '../../ui/form';
import { toastError } from '../../ui/toast-error';
import { parseHttpUrl } from '../../../shared/webhooks/host-class';
import { useWorkspaceModel } from '../playground/use-workspace-model';
import { adviceGate } from './advice-gate';
import { AdviceBox } from './AdviceBox';
import { OperationsPicker } from './OperationsPicker';
import { twentyWebhooksKey, useReceivers } from './webhook-queries';

/** A URL is checked once the admin pauses typing. */
const ADVICE_DELAY_MS = 400;

const useDebounced = (value: string, ms: number): string => {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
};

const sameTarget = (a: WebhookTarget, webhook: Webhook): boolean =>
  a.kind === 'receiver' ? a.receiverId === webhook.receiverId : a.url === webhook.targetUrl;

/**
 * Create or edit a webhook in Twenty: a receiver or any URL, the operations, a description.
 * The target's reachability is checked before saving: a warning must be acknowledged, a blocked
 * target cannot be saved. A new secret comes back once, for the caller to show.
 */
export const WebhookDialog = (props: {
  connection: Connection;
  webhook?: Webhook;
  onClose: () => void;
  onSecret: (secret: string) => void;
}) => {
  const { connection, webhook } = props;
  const client = useQueryClient();
  const receivers = useReceivers().data ?? [];
  const model = useWorkspaceModel(connection.id);
  const objects = (model.data?.model.objects ?? []).filter(
    (object) => object.isActive && !object.isSystem,
  );
  const [kind, setKind] = useState<'receiver' | 'url'>(
    webhook && !webhook.receiverId ? 'url' : 'receiver',
  );
  const [receiverId, setReceiverId] = useState(webhook?.receiverId ?? receivers[0]?.id ?? '');
  const [url, setUrl] = useState(webhook && !webhook.receiverId ? webhook.targetUrl : '');
  const [operations, setOperations] = useState<string[]>(webhook?.operations ?? ['*.*']);
  const [description, setDescription] = useState(webhook?.description ?? '');
  const [secretMode, setSecretMode] = useState<'generate' | 'typed'>('generate');
  const [secret, setSecret] = useState('');
  const [rotateSecret, setRotateSecret] = useState(false);
  const [acknowledged, setAcknowledged] = useState(false);
  const [busy, setBusy] = useState(false);

  // The receivers may load after the dialog opened.
  const chosenReceiver = receiverId || receivers[0]?.id || '';
  const target: WebhookTarget | null =
    kind === 'receiver'
      ? chosenReceiver
        ? { kind: 'receiver', receiverId: chosenReceiver }
        : null
      : parseHttpUrl(url.trim())
        ? { kind: 'url', url: url.trim() }
        : null;
  // Debounced as text: a string settles (an object would be new at every render).
  const targetText = JSON.stringify(target);
  const checkedText = useDebounced(targetText, kind === 'url' ? ADVICE_DELAY_MS : 0);
  const checkedTarget = JSON.parse(checkedText) as WebhookTarget | null;
  const advice = useQuery({
    queryKey: ['webhooks', 'advice', connection.id, checkedTarget],
    queryFn: () =>
      rpc.call('webhooks.targetAdvice', { connectionId: connection.id, target: checkedTarget! }),
    enabled: checkedTarget !== null,
    staleTime: 10_000,
  });
  const settled = checkedText === targetText;
  const currentAdvice = settled ? (advice.data ?? null) : null;
  useEffect(() => setAcknowledged(false), [currentAdvice?.level, currentAdvice?.url]);
  const gate = adviceGate(currentAdvice, acknowledged);

  const save = async () => {
    if (!target) return;
    setBusy(true);
    try {
      const common = {
        connectionId: connection.id,
        operations,
        description: description.trim() || null,
        acknowledgeAdvice: acknowledged,
      };
      const saved = webhook
        ? await rpc.call('webhooks.updateWebhook', {
            ...common,
            id: webhook.id,
            target: sameTarget(target, webhook) ? undefined : target,
            rotateSecret,
          })
        : await rpc.call('webhooks.createWebhook', {
            ...common,
            target,
            secret: target.kind === 'url' && secretMode === 'typed' ? secret : null,
          });
      await client.invalidateQueries({ queryKey: twentyWebhooksKey(connection.id) });
      props.onClose();
      if (saved.secret) props.onSecret(saved.secret);
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
    }
  };

  const missing = !target
    ? kind === 'receiver'
      ? 'Create a receiver first, or target a URL'
      : 'Enter an http:// or https:// URL'
    : operations.length === 0
      ? 'Tick at least one operation'
      : !webhook && kind === 'url' && secretMode === 'typed' && secret.trim() === ''
        ? 'Type the secret, or let Atelier generate one'
        : null;

  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog wide webhook-dialog" aria-describedby={undefined}>
          <Dialog.Title>
            {webhook ? 'Edit webhook' : 'New webhook'} in {connection.name}
          </Dialog.Title>
          <div className="two-columns">
            <SelectInput
              label="Deliver to"
              value={kind}
              options={[
                { value: 'receiver', label: 'A receiver of Atelier' },
                { value: 'url', label: 'Any URL' },
              ]}
              onChange={setKind}
            />
            {kind === 'receiver' ? (
              <SelectInput
                label="Receiver"
                value={chosenReceiver}
                options={
                  receivers.length > 0
                    ? receivers.map((item) => ({ value: item.id, label: item.name }))
                    : [{ value: '', label: 'No receiver yet' }]
                }
                disabled={receivers.length === 0}
                onChange={setReceiverId}
              />
            ) : (
              <TextInput
                label="URL"
                value={url}
                placeholder="https://example.com/webhooks/twenty"
                onChange={setUrl}
              />
            )}
          </div>
          {target && (
            <AdviceBox
              advice={currentAdvice}
              checking={advice.isFetching || !settled}
              error={advice.error?.message ?? null}
              acknowledged={acknowledged}
              onAcknowledge={setAcknowledged}
            />
          )}
          <OperationsPicker
            objects={objects}
            loading={model.isPending}
            value={operations}
            onChange={setOperations}
          />
          <TextInput label="Description (optional)" value={description} onChange={setDescription} />
          {!webhook && kind === 'url' && (
            <div className="two-columns">
              <SelectInput
                label="Signing secret"
                value={secretMode}
                options={[
                  { value: 'generate', label: 'Generate one' },
                  { value: 'typed', label: 'Use a secret I have' },
                ]}
                onChange={setSecretMode}
              />
              {secretMode === 'typed' && (
                <TextInput label="Secret" value={secret} onChange={setSecret} />
              )}
            </div>
          )}
          {!webhook && kind === 'receiver' && (
            <p className="meta">
              It signs with the receiver&apos;s secret, so every delivery verifies.
            </p>
          )}
          {webhook && (
            <Checkbox
              label={
                kind === 'receiver'
                  ? "Give it the receiver's current secret"
                  : 'Give it a new secret (shown once)'
              }
              checked={rotateSecret}
              onChange={setRotateSecret}
            />
          )}
          <div className="dialog-actions">
            <span className="left meta" data-testid="save-blocker">
              {missing ?? gate.reason}
            </span>
            <button className="btn" onClick={props.onClose}>
              Cancel
            </button>
            <button
              className="btn primary"
              disabled={busy || missing !== null || !gate.canSave}
              onClick={() => void save()}
            >
              {webhook ? 'Save webhook' : 'Create webhook'}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
