import { ArrowRight, Plus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { localFilePathSchema } from '../../../shared/contract';
import { ChooseFilesButton } from './ChooseFilesButton';
import { defaultImportName, filesProblems } from './draft';
import { FileCard } from './FileCard';
import { useWorkspaceModel } from './import-queries';
import { useImportActions } from './use-import-actions';
import { useWizard } from './wizard-store';

/**
 * Step 1: the files of the import, each read by main (the page cannot read a local path), with
 * how to read it and where it goes. Several files make one import; the run orders them parents
 * first.
 */
export const FilesStep = ({ locked }: { locked: boolean }) => {
  const { draft } = useWizard();
  const { addFile, setName, goTo } = useWizard((state) => state.actions);
  const model = useWorkspaceModel(draft.connectionId);
  const { save } = useImportActions();
  const [path, setPath] = useState('');
  const [pathError, setPathError] = useState<string | null>(null);
  const problems = filesProblems(draft);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const parsed = localFilePathSchema.safeParse(path);
    if (!parsed.success) {
      setPathError(parsed.error.issues[0]?.message ?? 'Give the full path of the file');
      return;
    }
    if (draft.files.some((file) => file.path === parsed.data)) {
      setPathError('This file is already in the import');
      return;
    }
    addFile(parsed.data);
    setPath('');
    setPathError(null);
  };

  return (
    <div className="files-step">
      {locked && (
        <p className="notice" role="status">
          This import has written records: its files and mappings can no longer change.
        </p>
      )}
      <div className="field import-name">
        <label htmlFor="import-name">Import name</label>
        <input
          id="import-name"
          value={draft.name}
          placeholder={defaultImportName(draft.files)}
          disabled={locked}
          onChange={(event) => setName(event.target.value)}
          onBlur={() => {
            // A kept import takes a new name at once (its files and mappings are kept later).
            const { dirty, stepsDirty } = useWizard.getState();
            if (draft.importId && dirty && !stepsDirty) void save().catch(() => undefined);
          }}
        />
      </div>
      {!locked && (
        <form className="add-file" onSubmit={add}>
          <div className="field grow">
            <label htmlFor="add-file-path">File path</label>
            <input
              id="add-file-path"
              className="mono"
              value={path}
              placeholder="/home/me/exports/contacts.csv"
              aria-invalid={pathError ? true : undefined}
              aria-describedby={pathError ? 'add-file-error' : 'add-file-hint'}
              onChange={(event) => {
                setPath(event.target.value);
                setPathError(null);
              }}
            />
            {pathError ? (
              <span className="error" id="add-file-error" role="alert">
                {pathError}
              </span>
            ) : (
              <span className="hint" id="add-file-hint">
                The full path of a CSV or XLSX file on this machine; Atelier reads it there.
              </span>
            )}
          </div>
          <button className="btn" type="submit" disabled={!path.trim()}>
            <Plus size={14} /> Add file
          </button>
          <ChooseFilesButton
            onChosen={(paths) =>
              paths
                .filter((chosen) => !draft.files.some((file) => file.path === chosen))
                .forEach(addFile)
            }
          />
        </form>
      )}
      {model.error && (
        <p className="failure" role="alert">
          The workspace's objects could not be read: {model.error.message}
        </p>
      )}
      <div className="file-cards">
        {draft.files.map((file) => (
          <FileCard key={file.key} file={file} model={model.data?.model ?? null} locked={locked} />
        ))}
      </div>
      {draft.files.length === 0 && (
        <p className="empty">Add the files to import: companies, people, opportunities…</p>
      )}
      <div className="step-footer">
        {problems.length > 0 && draft.files.length > 0 && (
          <span className="meta">{problems[0]}</span>
        )}
        <button
          className="btn primary"
          disabled={problems.length > 0}
          onClick={() => goTo('mapping')}
        >
          Next: mapping <ArrowRight size={14} />
        </button>
      </div>
    </div>
  );
};
