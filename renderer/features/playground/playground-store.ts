import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { PlaygroundApi } from '../../../shared/contract/playground';

/** The playground's tabs (UI state, kept in this browser's storage); answers are React state. */
export interface PlaygroundTab {
  id: string;
  title: string;
  kind: 'graphql' | 'rest';
  api: PlaygroundApi;
  query: string;
  variables: string;
  headers: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body: string;
  /** REST: the builder above the path line is open. */
  builderOpen: boolean;
}

const STARTER = `# Ctrl/Cmd+Enter runs the query; Ctrl+Space completes from the workspace's schema.
query Companies {
  companies(first: 10) {
    totalCount
    edges {
      node {
        id
        name
        domainName { primaryLinkUrl }
        createdAt
      }
    }
  }
}
`;

let counter = 0;
const newId = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const newTab = (patch: Partial<PlaygroundTab> = {}): PlaygroundTab => ({
  id: newId(),
  title: 'Untitled',
  kind: 'graphql',
  api: 'core',
  query: STARTER,
  variables: '{}',
  headers: '{}',
  method: 'GET',
  path: '/companies?limit=10',
  body: '{}',
  builderOpen: true,
  ...patch,
});

/** Stored state of any earlier version, its tabs completed with the fields added since. */
export const migrateTabs = (persisted: unknown): unknown => {
  if (!persisted || typeof persisted !== 'object') return persisted;
  const state = persisted as { tabs?: unknown };
  if (!Array.isArray(state.tabs)) return persisted;
  const defaults = newTab();
  return {
    ...state,
    tabs: state.tabs.map((tab: Partial<PlaygroundTab>) => ({ ...defaults, ...tab })),
  };
};

interface PlaygroundState {
  tabs: PlaygroundTab[];
  activeId: string;
  open(patch?: Partial<PlaygroundTab>): void;
  close(id: string): void;
  activate(id: string): void;
  update(id: string, patch: Partial<PlaygroundTab>): void;
  /** "Run as" per connection: the API key a run uses instead of the connection's (null). */
  actAs: Record<string, string | null>;
  setActAs(connectionId: string, apiKeyId: string | null): void;
}

const first = newTab({ title: 'Companies' });

export const usePlayground = create<PlaygroundState>()(
  persist(
    (set) => ({
      tabs: [first],
      activeId: first.id,
      open: (patch) => {
        const tab = newTab(patch);
        set((state) => ({ tabs: [...state.tabs, tab], activeId: tab.id }));
      },
      close: (id) =>
        set((state) => {
          const index = state.tabs.findIndex((tab) => tab.id === id);
          const tabs = state.tabs.filter((tab) => tab.id !== id);
          if (tabs.length === 0) {
            const fresh = newTab();
            return { tabs: [fresh], activeId: fresh.id };
          }
          const activeId =
            state.activeId === id ? tabs[Math.max(0, index - 1)]!.id : state.activeId;
          return { tabs, activeId };
        }),
      activate: (activeId) => set({ activeId }),
      update: (id, patch) =>
        set((state) => ({
          tabs: state.tabs.map((tab) => (tab.id === id ? { ...tab, ...patch } : tab)),
        })),
      actAs: {},
      setActAs: (connectionId, apiKeyId) =>
        set((state) => ({ actAs: { ...state.actAs, [connectionId]: apiKeyId } })),
    }),
    {
      name: 'atelier.playground',
      version: 2,
      // A key chosen to run as is for this session: it may be revoked by the next one.
      partialize: ({ tabs, activeId }) => ({ tabs, activeId }),
      // Tabs kept by an older version get the fields added since, with their defaults.
      migrate: (persisted) => migrateTabs(persisted) as unknown as PlaygroundState,
    },
  ),
);
