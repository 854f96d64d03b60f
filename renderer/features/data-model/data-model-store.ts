import { create } from 'zustand';
import type { GraphOptions } from './model-graph';

/** Diagram view settings (UI state); the model itself is React Query's. */
interface DataModelViewState extends GraphOptions {
  set(patch: Partial<GraphOptions>): void;
}

export const useDataModelView = create<DataModelViewState>()((set) => ({
  customOnly: false,
  showSystem: false,
  naming: 'label',
  set: (patch) => set(patch),
}));
