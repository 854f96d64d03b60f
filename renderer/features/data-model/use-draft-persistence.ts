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
    let draftTimer: ReturnType<typeof setTimeout> | undefined;
    let layoutTimer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useDraftStore.subscribe((state, previous) => {
      if (state.connectionId !== connectionId) return;
      if (state.revision !== previous.revision) {
        clearTimeout(draftTimer);
        draftTimer = setTimeout(() => {
          const { base, target, renames } = useDraftStore.getState();
          if (!base || !target) return;
          const call = isDraftEmpty({ base, target, renames })
            ? rpc.call('schema.discardDraft', { connectionId })
            : rpc.call('schema.saveDraft', {
                connectionId,
                draft: { base, target, renames, updatedAt: new Date().toISOString() },
              });
          call.catch(toastError);
        }, SAVE_DELAY_MS);
      }
      if (state.positions !== previous.positions) {
        clearTimeout(layoutTimer);
        layoutTimer = setTimeout(() => {
          const layout = { positions: useDraftStore.getState().positions };
          queryClient.setQueryData(['dataModel', 'layout', connectionId], layout);
          rpc.call('dataModel.saveLayout', { connectionId, layout }).catch(toastError);
        }, SAVE_DELAY_MS);
      }
    });
    return () => {
      unsubscribe();
      clearTimeout(draftTimer);
      clearTimeout(layoutTimer);
    };
  }, [connectionId, loaded, queryClient]);
};
