import * as Dialog from '@radix-ui/react-dialog';
import { useQuery } from '@tanstack/react-query';
import { FileUp } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { localFilePathSchema } from '../../../shared/contract';
import type { MappingDocument } from '../../../shared/imports';
import { rpc } from '../../api/rpc';
import { errorText } from './error-text';
import { baseName } from './format';

/**
 * A mapping kept as a JSON file anywhere on this machine (`imports.readMappingFile`): chosen in
 * the desktop's open dialog, or its path typed in browser mode. What makes it unreadable is
 * said in the mapping's own words.
 */
export const MappingFileButton = (props: {
  objectName: string;
  disabled?: boolean;
  onLoad: (mapping: MappingDocument) => void;
}) => {
  const { data: info } = useQuery({
    queryKey: ['app', 'info'],
    queryFn: () => rpc.call('app.getInfo', {}),
    staleTime: Infinity,
  });
  const [asking, setAsking] = useState(false);
  const [path, setPath] = useState('');
  const [problems, setProblems] = useState<string[]>([]);

  /** Resolves with the problems (empty once the mapping is loaded). */
  const read = async (chosen: string): Promise<string[]> => {
    try {
      const { mapping, problems: found } = await rpc.call('imports.readMappingFile', {
        path: chosen,
      });
      if (!mapping) return found.length ? found : ['The file holds no mapping'];
      props.onLoad(mapping);
      const name = baseName(chosen);
      toast.success(
        mapping.object === props.objectName
          ? `Mapping loaded from ${name}`
          : `Mapping loaded from ${name}: it was made for ${mapping.object}, check its fields`,
      );
      return [];
    } catch (error) {
      return [errorText(error)];
    }
  };

  const open = async () => {
    if (info?.host !== 'desktop') {
      setAsking(true);
      return;
    }
    const chosen = await rpc.call('app.chooseFiles', { kind: 'mapping' }).catch(() => null);
    if (!chosen?.supported) {
      setAsking(true);
      return;
    }
    const first = chosen.paths[0];
    if (!first) return;
    const found = await read(first);
    if (found.length) toast.error('Not a mapping', { description: found.join('; ') });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = localFilePathSchema.safeParse(path);
    if (!parsed.success) {
      setProblems([parsed.error.issues[0]?.message ?? 'Give the full path of the file']);
      return;
    }
    void read(parsed.data).then((found) => {
      setProblems(found);
      if (!found.length) setAsking(false);
    });
  };

  return (
    <>
      <button className="btn small" disabled={props.disabled} onClick={() => void open()}>
        <FileUp size={13} /> Open mapping file…
      </button>
      {asking && (
        <Dialog.Root open onOpenChange={(isOpen) => !isOpen && setAsking(false)}>
          <Dialog.Portal>
            <Dialog.Overlay className="overlay" />
            <Dialog.Content className="dialog">
              <Dialog.Title>Open a mapping file</Dialog.Title>
              <Dialog.Description className="description">
                A mapping saved as JSON (by Atelier or for{' '}
                <code>npm run atelier -- import … --mapping</code>): its fields replace this file's
                mapping.
              </Dialog.Description>
              <form onSubmit={submit}>
                <div className="field">
                  <label htmlFor="mapping-file-path">Path of the mapping file</label>
                  <input
                    id="mapping-file-path"
                    className="mono"
                    autoFocus
                    value={path}
                    placeholder="/home/me/mappings/contacts.json"
                    aria-invalid={problems.length ? true : undefined}
                    onChange={(event) => {
                      setPath(event.target.value);
                      setProblems([]);
                    }}
                  />
                  {problems.map((problem) => (
                    <span className="error" role="alert" key={problem}>
                      {problem}
                    </span>
                  ))}
                </div>
                <div className="dialog-actions">
                  <button type="button" className="btn" onClick={() => setAsking(false)}>
                    Cancel
                  </button>
                  <button type="submit" className="btn primary" disabled={!path.trim()}>
                    Open
                  </button>
                </div>
              </form>
            </Dialog.Content>
          </Dialog.Portal>
        </Dialog.Root>
      )}
    </>
  );
};
