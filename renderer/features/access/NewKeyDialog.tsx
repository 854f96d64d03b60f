import * as Dialog from '@radix-ui/react-dialog';
import { useId, useState } from 'react';
import type { AccessOverview, CreatedApiKey } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { Checkbox, SelectInput, TextInput } from '../../ui/form';
import { runWithSession, useRefreshAccess } from './access-queries';
import { EXPIRY_CHOICES, expiresAtOf, type ExpiryChoice } from './key-format';
import { TokenDialog } from './TokenDialog';

export const ADMIN_LEVEL_WARNING = 'This role can change settings: the key is admin-level';

/** A new API key with a role; its token is shown once. */
export const NewKeyDialog = (props: { overview: AccessOverview; onClose: () => void }) => {
  const roles = props.overview.roles.filter((role) => role.canBeAssignedToApiKeys);
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState<ExpiryChoice>('90d');
  const [customDate, setCustomDate] = useState('');
  const [roleId, setRoleId] = useState(roles[0]?.id ?? '');
  const [storeToken, setStoreToken] = useState(true);
  const [saveAs, setSaveAs] = useState(false);
  const [connectionName, setConnectionName] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const refresh = useRefreshAccess();
  const dateId = useId();

  if (created)
    return (
      <TokenDialog keyName={created.apiKey.name} token={created.token} onClose={props.onClose}>
        {created.connectionId && (
          <p className="meta" data-testid="saved-connection">
            Saved as connection “{connectionName.trim()}”.
          </p>
        )}
        {created.apiKey.hasStoredToken && (
          <p className="meta">
            Atelier keeps a copy in your OS keychain for “Run as” and effective access.
          </p>
        )}
      </TokenDialog>
    );

  const role = roles.find((item) => item.id === roleId);
  const expiresAt = expiresAtOf(expiry, customDate, Date.now());
  const errors = {
    name: name.trim() === '' ? ['Give the key a name'] : [],
    date: expiresAt === undefined ? ['Pick a date in the future'] : [],
    role: role ? [] : ['Pick a role that API keys can have'],
    connection: saveAs && connectionName.trim() === '' ? ['Name the connection'] : [],
  };
  const valid = Object.values(errors).every((list) => list.length === 0);

  const create = async () => {
    setTouched(true);
    if (!valid || expiresAt === undefined) return;
    setBusy(true);
    await runWithSession(async () => {
      const answer = await rpc.call('access.createApiKey', {
        connectionId: props.overview.connectionId,
        name: name.trim(),
        expiresAt,
        roleId,
        storeToken,
        saveAsConnection: saveAs ? connectionName.trim() : null,
      });
      setCreated(answer);
      await refresh(props.overview.connectionId);
    });
    setBusy(false);
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title>New API key</Dialog.Title>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void create();
            }}
          >
            <TextInput
              label="Key name"
              value={name}
              autoFocus
              errors={touched ? errors.name : undefined}
              onChange={setName}
            />
            <SelectInput
              label="Expires"
              value={expiry}
              options={EXPIRY_CHOICES}
              onChange={setExpiry}
            />
            {expiry === 'custom' && (
              <div className="field">
                <label htmlFor={dateId}>Expiry date</label>
                <input
                  id={dateId}
                  type="date"
                  value={customDate}
                  aria-invalid={touched && errors.date.length > 0 ? true : undefined}
                  onChange={(event) => setCustomDate(event.target.value)}
                />
                {touched &&
                  errors.date.map((message) => (
                    <span key={message} className="error" role="alert">
                      {message}
                    </span>
                  ))}
              </div>
            )}
            {roles.length === 0 ? (
              <p className="failure" role="alert">
                No role can be assigned to API keys: allow “Assignable to API keys” on a role first.
              </p>
            ) : (
              <SelectInput
                label="Role"
                value={roleId}
                options={roles.map((item) => ({ value: item.id, label: item.label }))}
                hint={
                  role?.canUpdateAllSettings ? (
                    <span className="warn-text" role="note">
                      {ADMIN_LEVEL_WARNING}
                    </span>
                  ) : undefined
                }
                onChange={setRoleId}
              />
            )}
            <Checkbox
              label="Keep the token in the keychain for Try as this key"
              checked={storeToken}
              onChange={setStoreToken}
            />
            <Checkbox label="Also save as a connection" checked={saveAs} onChange={setSaveAs} />
            {saveAs && (
              <TextInput
                label="Connection name"
                value={connectionName}
                errors={touched ? errors.connection : undefined}
                onChange={setConnectionName}
              />
            )}
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={props.onClose}>
                Cancel
              </button>
              <button type="submit" className="btn primary" disabled={busy || roles.length === 0}>
                {busy ? 'Creating…' : 'Create key'}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
