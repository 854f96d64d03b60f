import * as Dialog from '@radix-ui/react-dialog';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Eye, EyeOff } from 'lucide-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { toast } from 'sonner';
import type { z } from 'zod';
import {
  apiKeySchema,
  baseUrlSchema,
  connectionNameSchema,
  rateLimitSchema,
  TWENTY_DEFAULT_RATE_LIMIT,
  type Connection,
  type ConnectionTestReport,
  type RateLimitSettings,
} from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { useUi } from '../../app/store';
import { Checkbox } from '../../ui/form';
import { toastError } from '../../ui/toast-error';
import {
  CONNECTIONS_KEY,
  useConnections,
  useRemoveConnection,
  useTestConnection,
} from './connection-queries';
import { TestReport } from './TestReport';

/** The same zod rules main applies, run as the admin types, so mistakes show before a round trip. */
const check = (schema: z.ZodType, value: string): string | null => {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'Invalid');
};

const Field = (props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  hint?: ReactNode;
  secret?: boolean;
  placeholder?: string;
  autoFocus?: boolean;
}) => {
  const [revealed, setRevealed] = useState(false);
  const describedBy = props.error
    ? `${props.id}-error`
    : props.hint
      ? `${props.id}-hint`
      : undefined;
  const input = (
    <input
      id={props.id}
      name={props.id}
      type={props.secret && !revealed ? 'password' : 'text'}
      value={props.value}
      placeholder={props.placeholder}
      autoFocus={props.autoFocus}
      autoComplete="off"
      spellCheck={false}
      aria-invalid={props.error ? true : undefined}
      aria-describedby={describedBy}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.secret ? (
        <div className="input-row">
          {input}
          <button
            type="button"
            className="btn ghost"
            aria-label={revealed ? 'Hide key' : 'Show key'}
            onClick={() => setRevealed(!revealed)}
          >
            {revealed ? <EyeOff size={16} /> : <Eye size={16} />}
          </button>
        </div>
      ) : (
        input
      )}
      {props.error ? (
        <span className="error" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : (
        props.hint && (
          <span className="hint" id={`${props.id}-hint`}>
            {props.hint}
          </span>
        )
      )}
    </div>
  );
};

const Shell = (props: { title: string; description: string; children: ReactNode }) => {
  const close = useUi((state) => state.openConnectionDialog);
  return (
    <Dialog.Root open onOpenChange={(open) => !open && close(null)}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>{props.title}</Dialog.Title>
          <Dialog.Description className="description">{props.description}</Dialog.Description>
          {props.children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};

const useDraftTest = () =>
  useMutation({
    mutationFn: (input: { baseUrl: string; apiKey: string }) =>
      rpc.call('workspaces.testDraftConnection', input),
    onError: toastError,
  });

const ConnectionForm = ({ existing }: { existing?: Connection }) => {
  const close = useUi((state) => state.openConnectionDialog);
  const queryClient = useQueryClient();
  const test = useTestConnection();
  const draftTest = useDraftTest();
  const [name, setName] = useState(existing?.name ?? '');
  const [baseUrl, setBaseUrl] = useState(existing?.baseUrl ?? '');
  const [apiKey, setApiKey] = useState('');
  const [touched, setTouched] = useState(false);
  const [report, setReport] = useState<ConnectionTestReport | null>(null);
  const [rateLimit, setRateLimit] = useState<RateLimitSettings>(
    existing?.rateLimit ?? TWENTY_DEFAULT_RATE_LIMIT,
  );
  const [readOnly, setReadOnly] = useState(existing?.readOnly ?? false);
  const rateLimitError = rateLimitSchema.safeParse(rateLimit).success
    ? null
    : 'Use whole numbers: at least 1 request and a window of 100 ms (short) or 1000 ms (long)';
  const errors = {
    name: check(connectionNameSchema, name),
    baseUrl: check(baseUrlSchema, baseUrl),
    apiKey: existing ? null : check(apiKeySchema, apiKey),
  };
  const valid = !errors.name && !errors.baseUrl && !errors.apiKey && !rateLimitError;
  const save = useMutation({
    mutationFn: () =>
      existing
        ? rpc.call('workspaces.updateConnection', {
            id: existing.id,
            name,
            baseUrl,
            rateLimit,
            readOnly,
          })
        : rpc.call('workspaces.addConnection', { name, baseUrl, apiKey, rateLimit }),
    onError: toastError,
    onSuccess: (connection) => {
      void queryClient.invalidateQueries({ queryKey: CONNECTIONS_KEY });
      toast.success(existing ? `Saved ${connection.name}` : `Added ${connection.name}`);
      close(null);
      // A new or moved connection is tested straight away so its status is real.
      if (!existing || existing.baseUrl !== connection.baseUrl) test.mutate(connection.id);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (valid) save.mutate();
  };
  const shown = (error: string | null, value: string) => (touched || value ? error : null);
  return (
    <form onSubmit={submit} noValidate aria-label={existing ? 'Edit connection' : 'Add connection'}>
      <Field
        id="connection-name"
        label="Name"
        value={name}
        onChange={setName}
        error={shown(errors.name, name)}
        placeholder="Production CRM"
        autoFocus
      />
      <Field
        id="connection-url"
        label="Base URL"
        value={baseUrl}
        onChange={setBaseUrl}
        error={shown(errors.baseUrl, baseUrl)}
        placeholder="https://api.twenty.com or https://crm.example.com"
        hint="Twenty Cloud: https://api.twenty.com · self-hosted: your server's URL"
      />
      {!existing && (
        <Field
          id="connection-key"
          label="API key"
          value={apiKey}
          onChange={setApiKey}
          error={shown(errors.apiKey, apiKey)}
          secret
          hint="Settings → APIs & Webhooks in Twenty. Stored in your OS keychain only."
        />
      )}
      <RateLimitFields value={rateLimit} onChange={setRateLimit} error={rateLimitError} />
      {existing && (
        <Checkbox
          label="Read-only in Atelier: refuse every change of data through this connection"
          checked={readOnly}
          onChange={setReadOnly}
        />
      )}
      {report && <TestReport report={report} />}
      <div className="dialog-actions">
        {!existing && (
          <button
            type="button"
            className="btn left"
            disabled={!valid || draftTest.isPending}
            onClick={() => draftTest.mutate({ baseUrl, apiKey }, { onSuccess: setReport })}
          >
            {draftTest.isPending ? 'Testing…' : 'Test connection'}
          </button>
        )}
        <button type="button" className="btn" onClick={() => close(null)}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={save.isPending}>
          {existing ? 'Save' : 'Add connection'}
        </button>
      </div>
    </form>
  );
};

/**
 * Twenty limits API calls per workspace (all keys together); Atelier schedules below these so it
 * never meets a 429. Defaults are Twenty's; self-hosted servers may configure others.
 */
const RateLimitFields = (props: {
  value: RateLimitSettings;
  onChange: (value: RateLimitSettings) => void;
  error: string | null;
}) => {
  const number = (key: keyof RateLimitSettings, label: string) => (
    <label className="inline-number">
      <input
        type="number"
        min={1}
        aria-label={label}
        value={Number.isFinite(props.value[key]) ? props.value[key] : ''}
        onChange={(event) => props.onChange({ ...props.value, [key]: event.target.valueAsNumber })}
      />
    </label>
  );
  return (
    <details className="advanced">
      <summary>Rate limit</summary>
      <p className="hint">
        Requests Twenty allows this workspace, shared by all its keys. Twenty's defaults: 100 per
        second and 100 per minute.
      </p>
      <div className="rate-row">
        {number('shortLimit', 'Short window requests')} requests per
        {number('shortTtlMs', 'Short window milliseconds')} ms
      </div>
      <div className="rate-row">
        {number('longLimit', 'Long window requests')} requests per
        {number('longTtlMs', 'Long window milliseconds')} ms
      </div>
      {props.error && <span className="error">{props.error}</span>}
    </details>
  );
};

const ReplaceKeyForm = ({ connection }: { connection: Connection }) => {
  const close = useUi((state) => state.openConnectionDialog);
  const test = useTestConnection();
  const draftTest = useDraftTest();
  const [apiKey, setApiKey] = useState('');
  const [report, setReport] = useState<ConnectionTestReport | null>(null);
  const error = apiKey ? check(apiKeySchema, apiKey) : null;
  const replace = useMutation({
    mutationFn: () => rpc.call('workspaces.replaceKey', { id: connection.id, apiKey }),
    onError: toastError,
    onSuccess: () => {
      toast.success(`Replaced the key of ${connection.name}`);
      close(null);
      test.mutate(connection.id);
    },
  });
  return (
    <form
      aria-label="Replace key"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (apiKey && !error) replace.mutate();
      }}
    >
      <Field
        id="replacement-key"
        label="New API key"
        value={apiKey}
        onChange={setApiKey}
        error={error}
        secret
        autoFocus
      />
      {report && <TestReport report={report} />}
      <div className="dialog-actions">
        <button
          type="button"
          className="btn left"
          disabled={!apiKey || !!error || draftTest.isPending}
          onClick={() =>
            draftTest.mutate({ baseUrl: connection.baseUrl, apiKey }, { onSuccess: setReport })
          }
        >
          {draftTest.isPending ? 'Testing…' : 'Test new key'}
        </button>
        <button type="button" className="btn" onClick={() => close(null)}>
          Cancel
        </button>
        <button
          type="submit"
          className="btn primary"
          disabled={!apiKey || !!error || replace.isPending}
        >
          Replace key
        </button>
      </div>
    </form>
  );
};

const RemoveConfirm = ({ connection }: { connection: Connection }) => {
  const close = useUi((state) => state.openConnectionDialog);
  const remove = useRemoveConnection();
  return (
    <div className="dialog-actions">
      <button className="btn" onClick={() => close(null)} autoFocus>
        Cancel
      </button>
      <button
        className="btn primary"
        disabled={remove.isPending}
        onClick={() =>
          remove.mutate(connection.id, {
            onSuccess: () => {
              toast.success(`Removed ${connection.name}`);
              close(null);
            },
          })
        }
      >
        Remove connection
      </button>
    </div>
  );
};

export const ConnectionDialogs = () => {
  const dialog = useUi((state) => state.connectionDialog);
  const { data } = useConnections();
  if (!dialog) return null;
  if (dialog.mode === 'add') {
    return (
      <Shell
        title="Add a Twenty workspace"
        description="Connect to Twenty Cloud or a self-hosted server with an API key."
      >
        <ConnectionForm />
      </Shell>
    );
  }
  const connection = data?.connections.find((candidate) => candidate.id === dialog.id);
  if (!connection) return null;
  if (dialog.mode === 'edit') {
    return (
      <Shell
        title={`Edit ${connection.name}`}
        description="Rename the connection or point it at another URL. The key stays in the keychain."
      >
        <ConnectionForm existing={connection} />
      </Shell>
    );
  }
  if (dialog.mode === 'replace-key') {
    return (
      <Shell
        title={`Replace the key of ${connection.name}`}
        description="The old key is overwritten in the OS keychain."
      >
        <ReplaceKeyForm connection={connection} />
      </Shell>
    );
  }
  return (
    <Shell
      title={`Remove ${connection.name}?`}
      description="The connection is removed and its API key is deleted from the OS keychain. The workspace itself is not touched."
    >
      <RemoveConfirm connection={connection} />
    </Shell>
  );
};
