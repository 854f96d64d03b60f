import * as Dialog from '@radix-ui/react-dialog';
import { useQueryClient } from '@tanstack/react-query';
import { TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import type { Receiver } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { Checkbox, NumberInput, SelectInput, TextInput } from '../../ui/form';
import { toastError } from '../../ui/toast-error';
import {
  createInputOf,
  formOf,
  updateInputOf,
  type FormErrors,
  type ReceiverForm,
} from './receiver-form';
import { storeReceiver } from './webhook-queries';

/**
 * Create or edit a receiver. On create, the secret main keeps (generated or typed) comes back
 * once, for the caller to show.
 */
export const ReceiverDialog = (props: {
  receiver?: Receiver;
  onClose: () => void;
  onCreated?: (receiver: Receiver, secret: string) => void;
}) => {
  const { receiver } = props;
  const client = useQueryClient();
  const [form, setForm] = useState<ReceiverForm>(() => formOf(receiver));
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const edit = (patch: Partial<ReceiverForm>) => setForm((current) => ({ ...current, ...patch }));

  /** Runs a contract call with the dialog busy; closes it when the call succeeds. */
  const submit = async (call: () => Promise<void>) => {
    setBusy(true);
    try {
      await call();
      props.onClose();
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
    }
  };

  const save = () => {
    if (receiver) {
      const { input, errors: found } = updateInputOf(form, receiver);
      setErrors(found);
      if (input)
        void submit(async () =>
          storeReceiver(client, await rpc.call('webhooks.updateReceiver', input)),
        );
      return;
    }
    const { input, errors: found } = createInputOf(form);
    setErrors(found);
    if (input)
      void submit(async () => {
        const created = await rpc.call('webhooks.createReceiver', input);
        storeReceiver(client, created.receiver);
        props.onCreated?.(created.receiver, created.secret);
      });
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog wide receiver-dialog" aria-describedby={undefined}>
          <Dialog.Title>{receiver ? `Edit ${receiver.name}` : 'New receiver'}</Dialog.Title>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              save();
            }}
          >
            <TextInput
              label="Name"
              value={form.name}
              autoFocus
              placeholder="e.g. Local handler"
              errors={errors.name}
              onChange={(name) => edit({ name })}
            />
            <div className="two-columns">
              <SelectInput
                label="Port"
                value={form.portMode}
                options={[
                  { value: 'free', label: 'Any free port' },
                  { value: 'fixed', label: 'A fixed port' },
                ]}
                onChange={(portMode) => edit({ portMode })}
                hint={
                  form.portMode === 'free'
                    ? 'The port it gets is kept for the next starts while it stays free'
                    : undefined
                }
              />
              {form.portMode === 'fixed' && (
                <NumberInput
                  label="Port number"
                  value={form.port}
                  min={1024}
                  max={65535}
                  errors={errors.port}
                  onChange={(port) => edit({ port })}
                />
              )}
            </div>
            <SelectInput
              label="Listen on"
              value={form.bind}
              options={[
                { value: 'loopback', label: 'This computer only (127.0.0.1)' },
                { value: 'all', label: 'Every network interface (0.0.0.0)' },
              ]}
              onChange={(bind) => edit({ bind })}
            />
            {form.bind === 'all' && (
              <p className="notice warning-note" role="alert">
                <TriangleAlert size={14} aria-hidden /> Other machines on your networks can send to
                this receiver. Choose it only for a Twenty on your LAN; for a remote Twenty, keep it
                on this computer and put a tunnel in front (public URL below).
              </p>
            )}
            <TextInput
              label="Public URL (optional)"
              value={form.publicUrl}
              placeholder="https://abc123.ngrok-free.app/hooks/…"
              hint="The tunnel in front of it: the URL a remote Twenty is given"
              errors={errors.publicUrl}
              onChange={(publicUrl) => edit({ publicUrl })}
            />
            <TextInput
              label="Forward each delivery to (optional)"
              value={form.forwardTo}
              placeholder="http://localhost:3000/webhooks/twenty"
              hint="Your handler gets every delivery as it came, headers and signature included"
              errors={errors.forwardTo}
              onChange={(forwardTo) => edit({ forwardTo })}
            />
            <div className="two-columns">
              <NumberInput
                label="Timestamp tolerance (seconds)"
                value={form.toleranceSeconds}
                min={1}
                max={86400}
                errors={errors.toleranceSeconds}
                onChange={(toleranceSeconds) => edit({ toleranceSeconds })}
              />
              <NumberInput
                label="Largest body (KB)"
                value={form.maxBodyKb}
                min={1}
                max={51200}
                errors={errors.maxBodyBytes}
                hint="Larger bodies are answered 413"
                onChange={(maxBodyKb) => edit({ maxBodyKb })}
              />
            </div>
            <Checkbox
              label="Answer 401 to deliveries whose signature is invalid"
              hint="Twenty logs the failure and never retries; by default they are logged and answered 200"
              checked={form.rejectInvalid}
              onChange={(rejectInvalid) => edit({ rejectInvalid })}
            />
            <Checkbox
              label="Start with Atelier"
              checked={form.autoStart}
              onChange={(autoStart) => edit({ autoStart })}
            />
            {!receiver && (
              <fieldset className="checks">
                <legend>Secret</legend>
                <SelectInput
                  label="Signing secret"
                  value={form.secretMode}
                  options={[
                    { value: 'generate', label: 'Generate one (as Twenty does)' },
                    { value: 'typed', label: 'Use a secret I have (an existing webhook’s)' },
                  ]}
                  onChange={(secretMode) => edit({ secretMode })}
                />
                {form.secretMode === 'typed' && (
                  <TextInput
                    label="Secret"
                    value={form.secret}
                    errors={errors.secret}
                    hint="Kept in your OS keychain"
                    onChange={(secret) => edit({ secret })}
                  />
                )}
                <Checkbox
                  label="Start listening now"
                  checked={form.start}
                  onChange={(start) => edit({ start })}
                />
              </fieldset>
            )}
            {errors.form && <p className="error">{errors.form.join(' ')}</p>}
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={props.onClose}>
                Cancel
              </button>
              <button type="submit" className="btn primary" disabled={busy}>
                {receiver ? 'Save' : 'Create receiver'}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
