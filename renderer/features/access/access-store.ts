import { create } from 'zustand';
import type { AccessSubject } from '../../../shared/contract';

/** UI state of the Access tool: tab, matrix filters, the subject of "effective access". */
export const ACCESS_TABS = [
  { id: 'matrix', label: 'Permissions' },
  { id: 'keys', label: 'API keys' },
  { id: 'effective', label: 'Effective access' },
] as const;
export type AccessTabId = (typeof ACCESS_TABS)[number]['id'];

interface AccessUi {
  tab: AccessTabId;
  showSystem: boolean;
  filter: string;
  /** Object rows opened to their fields. */
  expanded: string[];
  showRevoked: boolean;
  subject: AccessSubject | null;
  /** The sign-in dialog, with the key operation to run again once signed in. */
  signIn: { retry: (() => void) | null } | null;
  actions: {
    go(tab: AccessTabId): void;
    setShowSystem(show: boolean): void;
    setFilter(filter: string): void;
    toggleExpanded(objectId: string): void;
    setShowRevoked(show: boolean): void;
    inspect(subject: AccessSubject | null): void;
    openSignIn(retry?: () => void): void;
    closeSignIn(): void;
  };
}

export const useAccessUi = create<AccessUi>()((set) => ({
  tab: 'matrix',
  showSystem: false,
  filter: '',
  expanded: [],
  showRevoked: false,
  subject: null,
  signIn: null,
  actions: {
    go: (tab) => set({ tab }),
    setShowSystem: (showSystem) => set({ showSystem }),
    setFilter: (filter) => set({ filter }),
    toggleExpanded: (objectId) =>
      set((state) => ({
        expanded: state.expanded.includes(objectId)
          ? state.expanded.filter((id) => id !== objectId)
          : [...state.expanded, objectId],
      })),
    setShowRevoked: (showRevoked) => set({ showRevoked }),
    inspect: (subject) => set({ subject, tab: 'effective' }),
    openSignIn: (retry) => set({ signIn: { retry: retry ?? null } }),
    closeSignIn: () => set({ signIn: null }),
  },
}));

export const useAccessActions = () => useAccessUi((state) => state.actions);
