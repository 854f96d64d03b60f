import * as Dialog from '@radix-ui/react-dialog';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Receiver } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { NumberInput, SelectInput, TextInput } from '../../ui/form';
import { toastError } from '../../ui/toast-error';
import { plural } from './format';
import { SecretDialog } from './SecretDialog';
import { storeReceiver } from './webhook-queries';

interface Rotated {
  secret: string;
  webhooksUpdated: number;
  problems: string[];
}

/**
 * A new secret for a receiver. The previous one stays accepted for a while, so deliveries Twenty
 * signed before the switch still verify; webhooks that target the receiver get the new one.
 */
export const RotateSecretDialog = (props: { receiver: Receiver; onClose: () => void }) => {
  const client = useQueryClient();
  const [mode, setMode] = useState<'generate' | 'typed'>('generate');
  const [secret, setSecret] = useState('');
  const [keepMinutes, setKeepMinutes] = useState<number | null>(60);
  const [busy, setBusy] = useState(false);
  const [rotated, setRotated] = useState<Rotated | null>(null);

  if (rotated)
    return (
      <SecretDialog
        title={`New secret of ${props.receiver.name}`}
        secret={rotated.secret}
        onClose={props.onClose}
      >
        <p className="meta" data-testid="rotation-result">
          {plural(rotated.webhooksUpdated, 'webhook')} in Twenty now sign with it.
        </p>
        {rotated.problems.length > 0 && (
          <ul className="failure" role="alert">
            {rotated.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
      </SecretDialog>
    );

  const rotate = async () => {
    setBusy(true);
    try {
      const answer = await rpc.call('webhooks.rotateReceiverSecret', {
        id: props.receiver.id,
        secret: mode === 'typed' ? secret : null,
        keepPreviousMinutes: keepMinutes ?? 0,
      });
      storeReceiver(client, answer.receiver);
      setRotated(answer);
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title>Rotate the secret of {props.receiver.name}</Dialog.Title>
          <SelectInput
            label="New secret"
            value={mode}
            options={[
              { value: 'generate', label: 'Generate one' },
              { value: 'typed', label: 'Use a secret I have' },
            ]}
            onChange={setMode}
          />
          {mode === 'typed' && <TextInput label="Secret" value={secret} onChange={setSecret} />}
          <NumberInput
            label="Keep accepting the previous secret for (minutes)"
            value={keepMinutes}
            min={0}
            max={10080}
            hint="0: at once. Deliveries Twenty signed before the switch still verify meanwhile."
            onChange={setKeepMinutes}
          />
          <div className="dialog-actions">
            <button className="btn" onClick={props.onClose}>
              Cancel
            </button>
            <button
              className="btn primary"
              disabled={busy || (mode === 'typed' && secret.trim() === '')}
              onClick={() => void rotate()}
            >
              Rotate secret
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
