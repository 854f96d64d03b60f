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
  set(patch: Partial<GraphOptions>): void;
  select(selection: Selection | null): void;
}

export const useDataModelView = create<DataModelViewState>()((set) => ({
  customOnly: false,
  showSystem: false,
  naming: 'label',
  selection: null,
  set: (patch) => set(patch),
  select: (selection) => set({ selection }),
}));
