import { useEffect } from 'react';
import { suggestMapping } from '../../../shared/imports';
import type { DraftFile } from './draft';
import { useInspection, useWorkspaceModel } from './import-queries';
import { proposeDedupe } from './mapping-edits';
import { cellsOf } from './preview';
import { useWizard } from './wizard-store';

/**
 * Gives a file without a mapping the suggested one (following the export profile it looks
 * like), as soon as its sample and the workspace model are read — every file of the import,
 * not only the one on screen, so the import can be kept without opening each tab. Renders
 * nothing.
 */
export const AutoMapping = ({ file }: { file: DraftFile }) => {
  const connectionId = useWizard((state) => state.draft.connectionId);
  const setMapping = useWizard((state) => state.actions.setMapping);
  const inspection = useInspection(file.path, file.source);
  const model = useWorkspaceModel(connectionId);
  const info = inspection.data;
  const workspace = model.data?.model;
  useEffect(() => {
    if (file.mapping || !file.object || !info || !workspace) return;
    const object = workspace.objects.find((candidate) => candidate.nameSingular === file.object);
    if (!object) return;
    const suggestion = suggestMapping({
      headers: info.headers,
      rows: info.sample.map((row) => cellsOf(info.headers, row)),
      object,
      model: workspace,
      profile: 'detect',
    });
    setMapping(file.key, proposeDedupe(suggestion.mapping, object));
  }, [file.mapping, file.object, file.key, info, workspace, setMapping]);
  return null;
};
