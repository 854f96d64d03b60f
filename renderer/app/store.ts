import { create } from 'zustand';

/** UI state only; everything that lives in main is React Query's. */
export const TOOLS = [
  { id: 'data-model', label: 'Data model', shortcut: '1' },
  { id: 'playground', label: 'Query playground', shortcut: '2' },
  { id: 'import', label: 'Import', shortcut: '3' },
  { id: 'webhooks', label: 'Webhooks', shortcut: '4' },
  { id: 'connections', label: 'Connections', shortcut: '5' },
  { id: 'access', label: 'Access', shortcut: '6' },
] as const;
export type ToolId = (typeof TOOLS)[number]['id'];

export type ConnectionDialog =
  | { mode: 'add' }
  | { mode: 'edit'; id: string }
  | { mode: 'replace-key'; id: string }
  | { mode: 'remove'; id: string }
  | null;

interface NavigationSlice {
  tool: ToolId;
  go(tool: ToolId): void;
}

interface PanelsSlice {
  paletteOpen: boolean;
  setPaletteOpen(open: boolean): void;
  activityOpen: boolean;
  setActivityOpen(open: boolean): void;
  connectionDialog: ConnectionDialog;
  openConnectionDialog(dialog: ConnectionDialog): void;
}

export const useUi = create<NavigationSlice & PanelsSlice>()((set) => ({
  tool: 'data-model',
  go: (tool) => set({ tool }),
  paletteOpen: false,
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  activityOpen: false,
  setActivityOpen: (activityOpen) => set({ activityOpen }),
  connectionDialog: null,
  openConnectionDialog: (connectionDialog) => set({ connectionDialog }),
}));
