import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Import } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';
import { mappingProblems, stepsInput } from './draft';
import { importKey, problemsKey, storeImport } from './import-queries';
import { importNameOf, useWizard } from './wizard-store';

/**
 * What the wizard asks main to do with the draft and the import: keep it, validate it, run,
 * pause, dry-run, roll back. Each answer (an import) goes into the cache at once; the events
 * that follow keep it current. `busy` names the call in flight, to disable its button.
 */
export type ImportCall =
  'save' | 'validate' | 'run' | 'pause' | 'dryRun' | 'rollback' | 'report' | null;

export const useImportActions = () => {
  const client = useQueryClient();
  const [busy, setBusy] = useState<ImportCall>(null);
  const { saved } = useWizard((state) => state.actions);

  const call = async <T>(name: Exclude<ImportCall, null>, run: () => Promise<T>) => {
    setBusy(name);
    try {
      return await run();
    } catch (error) {
      toastError(error);
      throw error;
    } finally {
      setBusy(null);
    }
  };

  const keep = (imported: Import): Import => {
    storeImport(client, imported);
    return imported;
  };

  /** Creates or updates the import from the draft; resolves with main's version of it. */
  const save = () =>
    call('save', async () => {
      const { draft, dirty, stepsDirty } = useWizard.getState();
      const problems = mappingProblems(draft);
      if (problems.length) throw new Error(problems[0]);
      const current = draft.importId
        ? client.getQueryData<Import>(importKey(draft.importId))
        : undefined;
      if (current && !dirty) return current;
      const name = importNameOf(draft);
      // Sending the steps again makes main start over (validation, fixes): only when they changed.
      const imported = draft.importId
        ? await rpc.call('imports.updateImport', {
            importId: draft.importId,
            name,
            ...(stepsDirty || !current ? { steps: stepsInput(draft) } : {}),
          })
        : await rpc.call('imports.createImport', {
            connectionId: draft.connectionId,
            name,
            steps: stepsInput(draft),
          });
      keep(imported);
      saved(imported);
      return imported;
    });

  const validate = (importId: string) =>
    call('validate', async () => {
      void client.removeQueries({ queryKey: problemsKey(importId) });
      const { checkWorkspace } = useWizard.getState();
      return keep(await rpc.call('imports.validate', { importId, checkWorkspace }));
    });

  const run = (importId: string, confirm: boolean, skipErrorRows = true) =>
    call('run', async () =>
      keep(await rpc.call('imports.run', { importId, confirm, skipErrorRows })),
    );

  const pause = (importId: string) =>
    call('pause', async () => keep(await rpc.call('imports.pause', { importId })));

  const dryRun = (importId: string, targetConnectionId?: string) =>
    call('dryRun', async () =>
      keep(
        await rpc.call('imports.dryRun', {
          importId,
          ...(targetConnectionId ? { targetConnectionId } : {}),
        }),
      ),
    );

  const rollback = (importId: string, confirm: boolean) =>
    call('rollback', async () => keep(await rpc.call('imports.rollback', { importId, confirm })));

  return { busy, save, validate, run, pause, dryRun, rollback };
};
