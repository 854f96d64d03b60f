import { useQueryClient } from '@tanstack/react-query';
import type { SourceInfoRead } from '../../../shared/contract';
import { inspectKey, useImport, useWorkspaceModel } from './import-queries';
import { useWizard } from './wizard-store';
import {
  checkWorkspaceLabel,
  estimateRows,
  workspaceKeyCount,
  workspaceRequests,
  type FileChecks,
} from './workspace-checks';

/**
 * "Check keys and lookups against the workspace (N requests)": on by default; a huge file may
 * skip it (the run still finds existing records batch by batch). Shown only when the mappings
 * have keys or lookups to check.
 */
export const CheckWorkspaceOption = ({ disabled }: { disabled?: boolean }) => {
  const { draft, checkWorkspace, stepsDirty } = useWizard();
  const setCheckWorkspace = useWizard((state) => state.actions.setCheckWorkspace);
  const model = useWorkspaceModel(draft.connectionId).data?.model;
  const { data: imported } = useImport(draft.importId);
  const client = useQueryClient();
  if (!model) return null;
  const files: FileChecks[] = draft.files.map((file) => {
    const object = model.objects.find((candidate) => candidate.nameSingular === file.object);
    const keys = file.mapping && object ? workspaceKeyCount(file.mapping, object) : 0;
    const counted = stepsDirty
      ? undefined
      : imported?.steps.find((step) => step.path === file.path)?.counts.rows;
    if (counted) return { rows: counted, estimated: false, keys };
    const info = client.getQueryData<SourceInfoRead>(inspectKey(file.path, file.source));
    return { rows: info ? estimateRows(info) : null, estimated: true, keys };
  });
  if (files.every((file) => file.keys === 0)) return null;
  return (
    <label className="check-field check-workspace">
      <input
        type="checkbox"
        checked={checkWorkspace}
        disabled={disabled}
        onChange={(event) => setCheckWorkspace(event.target.checked)}
      />
      {checkWorkspaceLabel(workspaceRequests(files))}
    </label>
  );
};
