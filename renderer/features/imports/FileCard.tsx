import { FileSpreadsheet, Trash2 } from 'lucide-react';
import { useMemo } from 'react';
import { IMPORT_MODES, type WorkspaceModel } from '../../../shared/contract';
import type { ImportMode } from '../../../shared/imports';
import type { DraftFile } from './draft';
import { baseName, formatBytes, formatCount } from './format';
import { useInspection } from './import-queries';
import { ModelFreshness } from './ModelFreshness';
import { NewObjectButton } from './NewObjectButton';
import { SampleTable } from './SampleTable';
import { SourceOptions } from './SourceOptions';
import { useWizard } from './wizard-store';

export const MODE_LABELS: Record<ImportMode, string> = {
  create: 'Create new records',
  update: 'Update existing records',
  upsert: 'Create or update (upsert)',
};

/** Objects a file can go into: active, not system, by label. */
export const importableObjects = (model: WorkspaceModel | null) =>
  (model?.objects ?? [])
    .filter((object) => object.isActive && !object.isSystem)
    .sort((a, b) => a.labelPlural.localeCompare(b.labelPlural));

/** One file of the import: what main read in it, how to read it, where it goes. */
export const FileCard = (props: {
  file: DraftFile;
  model: WorkspaceModel | null;
  locked: boolean;
}) => {
  const { file, model, locked } = props;
  const { removeFile, setObject, setMode } = useWizard((state) => state.actions);
  const connectionId = useWizard((state) => state.draft.connectionId);
  const inspection = useInspection(file.path, file.source);
  const info = inspection.data;
  const name = baseName(file.path);
  const objects = useMemo(() => importableObjects(model), [model]);

  return (
    <article className="card file-card" aria-label={name}>
      <header className="file-card-head">
        <FileSpreadsheet size={18} aria-hidden="true" />
        <div className="file-card-name">
          <strong>{name}</strong>
          <span className="mono meta" title={file.path}>
            {file.path}
          </span>
        </div>
        {info && (
          <span className="meta" data-testid="file-summary">
            {info.kind.toUpperCase()} · {formatBytes(info.sizeBytes)} · {info.headers.length}{' '}
            columns
          </span>
        )}
        {!locked && (
          <button
            className="btn small ghost danger"
            aria-label={`Remove ${name}`}
            onClick={() => removeFile(file.key)}
          >
            <Trash2 size={13} />
          </button>
        )}
      </header>
      {inspection.isPending && <p className="meta">Reading the file…</p>}
      {inspection.error && (
        <p className="failure" role="alert">
          {inspection.error.message}
        </p>
      )}
      {info && <SourceOptions file={file} info={info} disabled={locked} />}
      <div className="file-target">
        <label className="inline-field">
          Import into
          <select
            aria-label={`Object for ${name}`}
            value={file.object ?? ''}
            disabled={locked || !model}
            onChange={(event) => setObject(file.key, event.target.value || null)}
          >
            <option value="">{model ? 'Choose an object…' : 'Reading the objects…'}</option>
            {objects.map((object) => (
              <option key={object.nameSingular} value={object.nameSingular}>
                {object.labelPlural}
                {object.isCustom ? ' (custom)' : ''}
              </option>
            ))}
          </select>
        </label>
        {!locked && <NewObjectButton file={file} info={info} model={model} disabled={locked} />}
        <label className="inline-field">
          Mode
          <select
            aria-label={`Mode for ${name}`}
            value={file.mode}
            disabled={locked}
            onChange={(event) => setMode(file.key, event.target.value as ImportMode)}
          >
            {IMPORT_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {MODE_LABELS[mode]}
              </option>
            ))}
          </select>
        </label>
        {file.mode !== 'create' && (
          <span className="meta">
            Records are matched by the mapping's key (set it in the mapping step).
          </span>
        )}
        <span className="spacer" />
        <ModelFreshness connectionId={connectionId} />
      </div>
      {info && info.sample.length > 0 && (
        <details className="sample" open>
          <summary>First {formatCount(Math.min(info.sample.length, 8))} rows of the file</summary>
          <SampleTable
            headers={info.headers}
            rows={info.sample.slice(0, 8)}
            lines={info.sampleLines}
            label={`Sample of ${name}`}
          />
        </details>
      )}
    </article>
  );
};
