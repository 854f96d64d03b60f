import { Plus } from 'lucide-react';
import { useState } from 'react';
import type { SourceInfoRead, WorkspaceModel } from '../../../shared/contract';
import type { DraftFile } from './draft';
import { baseName } from './format';
import { NewObjectDialog } from './NewObjectDialog';

/** "New object from this file…" beside the file's target object, and its dialog. */
export const NewObjectButton = (props: {
  file: DraftFile;
  info: SourceInfoRead | undefined;
  model: WorkspaceModel | null;
  disabled: boolean;
}) => {
  const { file, info, model } = props;
  const [open, setOpen] = useState(false);
  const ready = info !== undefined && info.headers.length > 0 && model !== null;
  return (
    <>
      <button
        type="button"
        className="btn small"
        disabled={props.disabled || !ready}
        title={
          ready
            ? 'Create a custom object with a field per column, through the data-model plan'
            : 'Waiting for the file and the workspace model'
        }
        aria-label={`New object from ${baseName(file.path)}`}
        onClick={() => setOpen(true)}
      >
        <Plus size={13} /> New object from this file…
      </button>
      {open && info && (
        <NewObjectDialog file={file} info={info} model={model} onClose={() => setOpen(false)} />
      )}
    </>
  );
};
