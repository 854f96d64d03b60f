import { create } from 'zustand';
import { EMPTY_FILTER, type LogFilter } from './log-filter';

/** UI state of the inspector: which section, the log's filters, selection and ticked rows. */
export const SECTIONS = [
  { id: 'log', label: 'Deliveries' },
  { id: 'receivers', label: 'Receivers' },
  { id: 'webhooks', label: 'Twenty webhooks' },
  { id: 'gaps', label: 'Gaps' },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

interface WebhooksUi {
  section: SectionId;
  filter: LogFilter;
  /** The delivery in the detail pane. */
  selectedId: string | null;
  /** Deliveries ticked for a replay of several. */
  checked: string[];
  actions: {
    go(section: SectionId): void;
    setFilter(patch: Partial<LogFilter>): void;
    resetFilter(): void;
    /** Shows the log narrowed to one record (after a test event, from a gap). */
    watchRecord(recordId: string): void;
    select(id: string | null): void;
    toggleChecked(id: string): void;
    setChecked(ids: string[]): void;
  };
}

export const useWebhooksUi = create<WebhooksUi>()((set) => ({
  section: 'log',
  filter: EMPTY_FILTER,
  selectedId: null,
  checked: [],
  actions: {
    go: (section) => set({ section }),
    setFilter: (patch) => set((state) => ({ filter: { ...state.filter, ...patch } })),
    resetFilter: () => set({ filter: EMPTY_FILTER }),
    watchRecord: (recordId) =>
      set({ section: 'log', filter: { ...EMPTY_FILTER, recordId }, selectedId: null }),
    select: (selectedId) => set({ selectedId }),
    toggleChecked: (id) =>
      set((state) => ({
        checked: state.checked.includes(id)
          ? state.checked.filter((item) => item !== id)
          : [...state.checked, id],
      })),
    setChecked: (checked) => set({ checked }),
  },
}));

export const useWebhooksActions = () => useWebhooksUi((state) => state.actions);
