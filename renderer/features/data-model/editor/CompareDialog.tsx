import * as Dialog from '@radix-ui/react-dialog';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import type { SchemaChange } from '../../../../shared/schema/diff-schema';
import { diffSchemas } from '../../../../shared/schema/diff-schema';
import { formatChange } from '../../../../shared/schema/describe-changes';
import { detectRenames, noRenames, type SchemaRenames } from '../../../../shared/schema/renames';
import { parseSchemaFile } from '../../../../shared/schema/schema-file-format';
import type { SchemaDocument } from '../../../../shared/schema/schema-document';
import { rpc } from '../../../api/rpc';
import { toastError } from '../../../ui/toast-error';
import { useConnections, useSelectConnection } from '../../workspaces/connection-queries';
import { clearDraftHistory, useDraftStore } from '../draft-store';
import { formatOf, pickTextFile, SCHEMA_FILE_TYPES } from '../schema-files';

/**
 * Diff any two of {a workspace, a schema file, the local workspace}: the changes that would make
 * the first like the second, and, when the first is a workspace, those changes as its draft, to
 * review and apply there (staging → production, or a rehearsal on the local workspace).
 */
interface Source {
  kind: 'connection' | 'file';
  /** Connection id, or the file's name. */
  id: string;
  name: string;
  document: SchemaDocument;
}

const Picker = ({
  label,
  source,
  onPick,
}: {
  label: string;
  source: Source | null;
  onPick: (source: Source) => void;
}) => {
  const connections = useConnections().data?.connections ?? [];
  const [busy, setBusy] = useState(false);
  const pick = async (value: string) => {
    setBusy(true);
    try {
      if (value === '__file__') {
        const file = await pickTextFile(SCHEMA_FILE_TYPES);
        if (file)
          onPick({
            kind: 'file',
            id: file.name,
            name: file.name,
            document: parseSchemaFile(file.text, formatOf(file.name)),
          });
      } else if (value) {
        const read = await rpc.call('schema.readSchema', { connectionId: value });
        const name = connections.find((connection) => connection.id === value)?.name ?? value;
        if (read.source === 'cache') toast.info(`${name}: offline copy from ${read.readAt}`);
        onPick({ kind: 'connection', id: value, name, document: read.document });
      }
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <label className="field">
      <span>{label}</span>
      <select
        aria-label={label}
        value={source?.kind === 'connection' ? source.id : source ? '__file__' : ''}
        disabled={busy}
        onChange={(event) => void pick(event.target.value)}
      >
        <option value="">Choose…</option>
        {connections.map((connection) => (
          <option key={connection.id} value={connection.id}>
            {connection.name}
          </option>
        ))}
        <option value="__file__">{source?.kind === 'file' ? source.name : 'A schema file…'}</option>
      </select>
    </label>
  );
};

const SIGN: Record<string, string> = { '+': 'added', '-': 'removed', '~': 'changed' };

export const CompareDialog = ({
  activeConnectionId,
  onClose,
}: {
  activeConnectionId: string;
  onClose: () => void;
}) => {
  const [from, setFrom] = useState<Source | null>(null);
  const [to, setTo] = useState<Source | null>(null);
  const [guessRenames, setGuessRenames] = useState(true);
  const selectConnection = useSelectConnection();
  const queryClient = useQueryClient();
  const renames: SchemaRenames =
    from && to && guessRenames ? detectRenames(from.document, to.document) : noRenames();
  const changes: SchemaChange[] =
    from && to ? diffSchemas(from.document, to.document, renames) : [];

  const makeDraft = async () => {
    if (!from || !to || from.kind !== 'connection') return;
    const draft = {
      base: from.document,
      target: to.document,
      renames,
      updatedAt: new Date().toISOString(),
    };
    try {
      await rpc.call('schema.saveDraft', { connectionId: from.id, draft });
      if (from.id === activeConnectionId) {
        const store = useDraftStore.getState();
        store.load(from.id, from.document, draft, store.positions);
        clearDraftHistory();
      } else {
        // The other workspace opens with this draft loaded from disk.
        queryClient.removeQueries({ queryKey: ['schema', 'draft', from.id] });
        selectConnection.mutate(from.id);
      }
      toast.success(`Draft on ${from.name}: review the plan to apply it`);
      onClose();
    } catch (error) {
      toastError(error);
    }
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog wide" aria-describedby={undefined}>
          <Dialog.Title>Compare schemas</Dialog.Title>
          <p className="description">
            What would change to make the first like the second: custom objects, fields, relations
            and options.
          </p>
          <div className="two-columns">
            <Picker label="From (changes apply here)" source={from} onPick={setFrom} />
            <Picker label="To (the model wanted)" source={to} onPick={setTo} />
          </div>
          <label className="check-field">
            <input
              type="checkbox"
              checked={guessRenames}
              onChange={(event) => setGuessRenames(event.target.checked)}
            />
            Treat a removed and an added item that match as a rename (keeps the data)
          </label>
          {from && to && (
            <div className="compare-result" data-testid="compare-result">
              <p>
                {changes.length === 0
                  ? `${from.name} and ${to.name} have the same custom model.`
                  : `${changes.length} change(s) from ${from.name} to ${to.name}:`}
              </p>
              <ul className="changes">
                {changes.map((change, index) => {
                  const text = formatChange(change);
                  return (
                    <li key={index} data-kind={SIGN[text[0] ?? ''] ?? 'changed'}>
                      <code>{text}</code>
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
          <div className="dialog-actions">
            <button className="btn" onClick={onClose}>
              Close
            </button>
            <button
              className="btn primary"
              disabled={!from || !to || from.kind !== 'connection' || changes.length === 0}
              title={
                from?.kind === 'file' ? 'A file cannot be changed: pick a workspace first' : ''
              }
              onClick={() => void makeDraft()}
            >
              Make these changes a draft on {from?.kind === 'connection' ? from.name : '…'}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
