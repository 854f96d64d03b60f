import { create } from 'zustand';
import type { Import, SourceOptionsInput } from '../../../shared/contract';
import type { ImportMode, MappingDocument } from '../../../shared/imports';
import {
  defaultImportName,
  draftFromImport,
  emptyDraft,
  hasRun,
  newDraftFile,
  type Draft,
  type DraftFile,
} from './draft';

/**
 * The wizard's UI state (Zustand, not React Query: nothing here is in main until it is saved):
 * list or wizard, the step shown, the draft and the file whose mapping is open.
 */
export const WIZARD_STEPS = [
  { id: 'files', label: 'Files' },
  { id: 'mapping', label: 'Mapping' },
  { id: 'review', label: 'Validate & review' },
  { id: 'run', label: 'Run' },
] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number]['id'];

interface WizardState {
  open: boolean;
  step: WizardStep;
  draft: Draft;
  /** The draft differs from the import kept in main (or was never saved). */
  dirty: boolean;
  /** Its files, reading options, objects, modes or mappings differ (main validates again). */
  stepsDirty: boolean;
  activeFile: string | null;
  /** Validation checks keys and lookups against the workspace (off for huge files). */
  checkWorkspace: boolean;
  actions: {
    newImport(connectionId: string): void;
    openImport(imported: Import): void;
    close(): void;
    goTo(step: WizardStep): void;
    setName(name: string): void;
    addFile(path: string): void;
    removeFile(key: string): void;
    setSource(key: string, source: SourceOptionsInput): void;
    setObject(key: string, object: string | null): void;
    setMode(key: string, mode: ImportMode): void;
    setMapping(key: string, mapping: MappingDocument | null): void;
    setActiveFile(key: string): void;
    setCheckWorkspace(check: boolean): void;
    /** Main kept the draft: it now is that import. */
    saved(imported: Import): void;
  };
}

const initialStep = (imported: Import): WizardStep =>
  hasRun(imported) || imported.state === 'running'
    ? 'run'
    : imported.state === 'draft'
      ? 'mapping'
      : 'review';

export const useWizard = create<WizardState>()((set, get) => {
  const patchFile = (key: string, patch: Partial<DraftFile>) =>
    set((state) => ({
      dirty: true,
      stepsDirty: true,
      draft: {
        ...state.draft,
        files: state.draft.files.map((file) => (file.key === key ? { ...file, ...patch } : file)),
      },
    }));
  return {
    open: false,
    step: 'files',
    draft: emptyDraft('local'),
    dirty: false,
    stepsDirty: false,
    activeFile: null,
    checkWorkspace: true,
    actions: {
      newImport: (connectionId) =>
        set({
          open: true,
          step: 'files',
          draft: emptyDraft(connectionId),
          dirty: true,
          stepsDirty: true,
          activeFile: null,
          checkWorkspace: true,
        }),
      openImport: (imported) => {
        const draft = draftFromImport(imported);
        set({
          open: true,
          step: initialStep(imported),
          draft,
          dirty: false,
          stepsDirty: false,
          activeFile: draft.files[0]?.key ?? null,
          checkWorkspace: true,
        });
      },
      close: () => set({ open: false }),
      goTo: (step) => set({ step }),
      setName: (name) => set((state) => ({ dirty: true, draft: { ...state.draft, name } })),
      addFile: (path) => {
        const file = newDraftFile(path);
        set((state) => ({
          dirty: true,
          stepsDirty: true,
          activeFile: state.activeFile ?? file.key,
          draft: { ...state.draft, files: [...state.draft.files, file] },
        }));
      },
      removeFile: (key) =>
        set((state) => {
          const files = state.draft.files.filter((file) => file.key !== key);
          return {
            dirty: true,
            stepsDirty: true,
            draft: { ...state.draft, files },
            activeFile: state.activeFile === key ? (files[0]?.key ?? null) : state.activeFile,
          };
        }),
      setSource: (key, source) => patchFile(key, { source }),
      setObject: (key, object) => {
        const file = get().draft.files.find((candidate) => candidate.key === key);
        // Another object means other fields: the mapping is suggested again.
        patchFile(key, { object, mapping: file?.object === object ? file.mapping : null });
      },
      setMode: (key, mode) => patchFile(key, { mode }),
      setMapping: (key, mapping) => patchFile(key, { mapping }),
      setActiveFile: (activeFile) => set({ activeFile }),
      setCheckWorkspace: (checkWorkspace) => set({ checkWorkspace }),
      saved: (imported) =>
        set((state) => {
          const draft = draftFromImport(imported);
          // Saved steps get main's ids: keep the same file selected, by its path.
          const path = state.draft.files.find((file) => file.key === state.activeFile)?.path;
          const active = draft.files.find((file) => file.path === path) ?? draft.files[0];
          return { dirty: false, stepsDirty: false, draft, activeFile: active?.key ?? null };
        }),
    },
  };
});

/** The name the import is saved under: the admin's, else one made from the files. */
export const importNameOf = (draft: Draft): string =>
  draft.name.trim() || defaultImportName(draft.files);
