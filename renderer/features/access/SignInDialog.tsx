import * as Dialog from '@radix-ui/react-dialog';
import { useId, useState } from 'react';
import type { SessionStatus } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { TextInput } from '../../ui/form';
import { toastError } from '../../ui/toast-error';
import { useRefreshAccess } from './access-queries';

/** Signs a Twenty user in for key operations; then runs the operation that asked for it. */
export const SignInDialog = (props: {
  connectionId: string;
  session: SessionStatus;
  onSignedIn: () => void;
  onClose: () => void;
}) => {
  const local = props.session.localAdminEmail;
  const [email, setEmail] = useState(local ?? props.session.email ?? '');
  const [password, setPassword] = useState('');
  const [origin, setOrigin] = useState('');
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const refresh = useRefreshAccess();
  const passwordId = useId();
  const originProblem =
    origin.trim() !== '' && !/^https?:\/\/[^/\s]+\/?$/.test(origin.trim())
      ? ['An origin like https://acme.twenty.com']
      : [];
  const emailProblem = email.trim() === '' ? ['Enter the email you sign in to Twenty with'] : [];

  const signIn = async () => {
    setTouched(true);
    if (emailProblem.length || originProblem.length) return;
    setBusy(true);
    try {
      await rpc.call('access.signIn', {
        connectionId: props.connectionId,
        email: email.trim(),
        password,
        origin: origin.trim() === '' ? null : origin.trim().replace(/\/$/, ''),
      });
      await refresh(props.connectionId);
      props.onSignedIn();
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
          <Dialog.Title>Sign in to Twenty</Dialog.Title>
          <p className="meta">
            Key operations run as this user; Atelier keeps the session in your OS keychain, never
            the password.
          </p>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void signIn();
            }}
          >
            <TextInput
              label="Email"
              value={email}
              autoFocus={!local}
              errors={touched ? emailProblem : undefined}
              onChange={setEmail}
            />
            <div className="field">
              <label htmlFor={passwordId}>Password</label>
              <input
                id={passwordId}
                type="password"
                autoComplete="current-password"
                autoFocus={Boolean(local)}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
              {local && (
                <span className="hint">
                  Leave empty: the local workspace&apos;s admin password is in your keychain.
                </span>
              )}
            </div>
            <details className="advanced">
              <summary>Advanced: workspace URL (origin)</summary>
              <TextInput
                label="Workspace URL (origin)"
                value={origin}
                placeholder="https://<workspace>.twenty.com"
                hint="Twenty Cloud: your workspace's own address, when it differs from the API URL."
                errors={originProblem}
                onChange={setOrigin}
              />
            </details>
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={props.onClose}>
                Cancel
              </button>
              <button type="submit" className="btn primary" disabled={busy}>
                {busy ? 'Signing in…' : 'Sign in'}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
