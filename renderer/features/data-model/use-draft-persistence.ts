import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';
import { isDraftEmpty, useDraftStore } from './draft-store';

/**
 * Keeps the loaded draft and the diagram positions on disk through main, shortly after each
 * change (a draft survives a restart; an empty draft is no draft). Nothing is written for the
 * load itself.
 */
const SAVE_DELAY_MS = 300;

export const useDraftPersistence = (connectionId: string, loaded: boolean) => {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!loaded) return;
    const saveDraft = () => {
      const { base, target, renames } = useDraftStore.getState();
      if (!base || !target) return;
      const call = isDraftEmpty({ base, target, renames })
        ? rpc.call('schema.discardDraft', { connectionId })
        : rpc.call('schema.saveDraft', {
            connectionId,
            draft: { base, target, renames, updatedAt: new Date().toISOString() },
          });
      call.catch(toastError);
    };
    const saveLayout = () => {
      const layout = { positions: useDraftStore.getState().positions };
      queryClient.setQueryData(['dataModel', 'layout', connectionId], layout);
      rpc.call('dataModel.saveLayout', { connectionId, layout }).catch(toastError);
    };
    const pending = new Map<() => void, ReturnType<typeof setTimeout>>();
    const later = (save: () => void) => {
      clearTimeout(pending.get(save));
      pending.set(
        save,
        setTimeout(() => {
          pending.delete(save);
          save();
        }, SAVE_DELAY_MS),
      );
    };
    // Leaving the page or the workspace writes what is still waiting instead of dropping it.
    const flush = () => {
      for (const [save, timer] of pending) {
        clearTimeout(timer);
        save();
      }
      pending.clear();
    };
    const unsubscribe = useDraftStore.subscribe((state, previous) => {
      if (state.connectionId !== connectionId) return;
      if (state.revision !== previous.revision) later(saveDraft);
      if (state.positions !== previous.positions) later(saveLayout);
    });
    window.addEventListener('pagehide', flush);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [connectionId, loaded, queryClient]);
};
