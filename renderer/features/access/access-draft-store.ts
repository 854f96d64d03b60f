import { create } from 'zustand';
import type { Role } from '../../../shared/contract';
import { emptyDraft, isDraftEmpty, rebaseDraft, type AccessDraft } from './access-draft';

/**
 * Pending access changes per connection (UI state: nothing is sent until the plan is applied).
 * A draft begins at the first edit with the roles as they are then; the edits themselves are
 * the pure functions of `access-draft.ts`.
 */
interface AccessDraftState {
  drafts: Record<string, AccessDraft>;
  actions: {
    /** Applies one edit to the connection's draft, beginning it from `liveRoles` if needed. */
    edit(
      connectionId: string,
      liveRoles: Role[],
      change: (draft: AccessDraft) => AccessDraft,
    ): void;
    discard(connectionId: string): void;
    /** After a partly applied plan: the draft continues from the roles as they are now. */
    rebase(connectionId: string, roles: Role[], createdRoleIds: Record<string, string>): void;
  };
}

export const useAccessDraftStore = create<AccessDraftState>()((set) => ({
  drafts: {},
  actions: {
    edit: (connectionId, liveRoles, change) =>
      set((state) => {
        const next = change(state.drafts[connectionId] ?? emptyDraft(liveRoles));
        const drafts = { ...state.drafts };
        if (isDraftEmpty(next)) delete drafts[connectionId];
        else drafts[connectionId] = next;
        return { drafts };
      }),
    discard: (connectionId) =>
      set((state) => {
        const drafts = { ...state.drafts };
        delete drafts[connectionId];
        return { drafts };
      }),
    rebase: (connectionId, roles, createdRoleIds) =>
      set((state) => {
        const current = state.drafts[connectionId];
        if (!current) return state;
        const next = rebaseDraft(current, roles, createdRoleIds);
        const drafts = { ...state.drafts };
        if (isDraftEmpty(next)) delete drafts[connectionId];
        else drafts[connectionId] = next;
        return { drafts };
      }),
  },
}));

export const useAccessDraft = (connectionId: string | null): AccessDraft | undefined =>
  useAccessDraftStore((state) => (connectionId ? state.drafts[connectionId] : undefined));

export const useAccessDraftActions = () => useAccessDraftStore((state) => state.actions);
