import { create } from 'zustand';
import type { GraphOptions } from './model-graph';

/** What the side panel shows: an object, or one of its fields. Names are the draft's. */
export interface Selection {
  object: string;
  field?: string;
}

/** Diagram view settings and selection (UI state); the model itself is React Query's. */
interface DataModelViewState extends GraphOptions {
  selection: Selection | null;
  /** Changes when another thing is selected, not when the selected thing is renamed. */
  selectionKey: number;
  set(patch: Partial<GraphOptions>): void;
  select(selection: Selection | null, renamed?: boolean): void;
}

export const useDataModelView = create<DataModelViewState>()((set) => ({
  customOnly: false,
  showSystem: false,
  naming: 'label',
  fields: 'auto',
  selection: null,
  selectionKey: 0,
  set: (patch) => set(patch),
  select: (selection, renamed = false) =>
    set((state) => ({
      selection,
      selectionKey: renamed ? state.selectionKey : state.selectionKey + 1,
    })),
}));
