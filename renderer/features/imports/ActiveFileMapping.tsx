import type { DraftFile } from './draft';
import { FileMapping } from './FileMapping';
import { baseName } from './format';
import { useInspection, useWorkspaceModel } from './import-queries';
import { useWizard } from './wizard-store';

/** The mapping of the file on screen, once its sample and the workspace's model are read. */
export const ActiveFileMapping = ({ file, locked }: { file: DraftFile; locked: boolean }) => {
  const connectionId = useWizard((state) => state.draft.connectionId);
  const inspection = useInspection(file.path, file.source);
  const model = useWorkspaceModel(connectionId);
  const object = model.data?.model.objects.find(
    (candidate) => candidate.nameSingular === file.object,
  );
  if (inspection.error)
    return (
      <p className="failure" role="alert">
        {baseName(file.path)} could not be read: {inspection.error.message}
      </p>
    );
  if (model.error)
    return (
      <p className="failure" role="alert">
        The workspace's objects could not be read: {model.error.message}
      </p>
    );
  if (!inspection.data || !model.data) return <p className="meta">Reading the file…</p>;
  if (!object)
    return (
      <p className="failure" role="alert">
        The workspace has no object {file.object}: choose another in the files step.
      </p>
    );
  return (
    <FileMapping
      key={file.key}
      file={file}
      info={inspection.data}
      object={object}
      model={model.data.model}
      locked={locked}
    />
  );
};
