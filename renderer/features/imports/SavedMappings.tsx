import * as Dialog from '@radix-ui/react-dialog';
import { useQueryClient } from '@tanstack/react-query';
import { FolderOpen, Save } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { savedMappingNameSchema } from '../../../shared/contract';
import type { MappingDocument } from '../../../shared/imports';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';
import { MAPPINGS_KEY, useSavedMappings } from './import-queries';

/** Keep a mapping under a name (for later imports and the command line) or start from one. */
export const SavedMappings = (props: {
  mapping: MappingDocument;
  onLoad: (mapping: MappingDocument) => void;
  disabled?: boolean;
}) => {
  const { mapping } = props;
  const saved = useSavedMappings();
  const client = useQueryClient();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState(mapping.name ?? '');
  const [error, setError] = useState<string | null>(null);
  const forObject = (saved.data ?? []).filter((entry) => entry.object === mapping.object);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const parsed = savedMappingNameSchema.safeParse(name);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Give a name');
      return;
    }
    rpc
      .call('imports.saveMapping', {
        name: parsed.data,
        mapping: { ...mapping, name: parsed.data },
      })
      .then((entry) => {
        toast.success(`Mapping saved as ${entry.name}`);
        setNaming(false);
        void client.invalidateQueries({ queryKey: MAPPINGS_KEY });
      })
      .catch(toastError);
  };

  return (
    <div className="saved-mappings">
      <span className="with-icon">
        <FolderOpen size={13} aria-hidden="true" />
        <select
          aria-label="Load a saved mapping"
          value=""
          disabled={props.disabled || forObject.length === 0}
          onChange={(event) => {
            const entry = forObject.find((candidate) => candidate.name === event.target.value);
            if (entry) {
              props.onLoad(entry.mapping);
              toast.success(`Mapping ${entry.name} loaded`);
            }
          }}
        >
          <option value="">
            {forObject.length ? 'Load a saved mapping…' : 'No saved mapping for this object'}
          </option>
          {forObject.map((entry) => (
            <option key={entry.name} value={entry.name}>
              {entry.name}
            </option>
          ))}
        </select>
      </span>
      <button className="btn small" onClick={() => setNaming(true)}>
        <Save size={13} /> Save mapping…
      </button>
      {naming && (
        <Dialog.Root open onOpenChange={(open) => !open && setNaming(false)}>
          <Dialog.Portal>
            <Dialog.Overlay className="overlay" />
            <Dialog.Content className="dialog">
              <Dialog.Title>Save this mapping</Dialog.Title>
              <Dialog.Description className="description">
                A saved mapping can start later imports of the same kind of file, here or with{' '}
                <code>npm run atelier -- import … --mapping</code>.
              </Dialog.Description>
              <form onSubmit={save}>
                <div className="field">
                  <label htmlFor="mapping-name">Mapping name</label>
                  <input
                    id="mapping-name"
                    autoFocus
                    value={name}
                    aria-invalid={error ? true : undefined}
                    onChange={(event) => {
                      setName(event.target.value);
                      setError(null);
                    }}
                  />
                  {error && (
                    <span className="error" role="alert">
                      {error}
                    </span>
                  )}
                </div>
                <div className="dialog-actions">
                  <button type="button" className="btn" onClick={() => setNaming(false)}>
                    Cancel
                  </button>
                  <button type="submit" className="btn primary">
                    Save mapping
                  </button>
                </div>
              </form>
            </Dialog.Content>
          </Dialog.Portal>
        </Dialog.Root>
      )}
    </div>
  );
};
