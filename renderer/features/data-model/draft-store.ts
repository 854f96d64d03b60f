import { temporal } from 'zundo';
import { create } from 'zustand';
import { useStore } from 'zustand';
import type { DiagramLayout, SchemaDraft } from '../../../shared/contract';
import type { DraftDocuments } from '../../../shared/schema/draft-edits';
import type { SchemaRenames } from '../../../shared/schema/renames';
import {
  serialiseSchemaDocument,
  type SchemaDocument,
} from '../../../shared/schema/schema-document';

/**
 * The editor's working state for the active workspace: the draft (what the admin wants, the
 * model it started from, renames) and the diagram positions. Both are on one undo history, so
 * Ctrl+Z takes back the last edit or the last move, whichever came last. Persisting is the
 * page's job (a draft survives a restart; positions are saved per workspace).
 */
export type Positions = DiagramLayout['positions'];

interface DraftState {
  connectionId: string | null;
  base: SchemaDocument | null;
  target: SchemaDocument | null;
  renames: SchemaRenames;
  positions: Positions;
  /** Bumped on every change the admin makes (not on load), so saving can follow it. */
  revision: number;
  /** Bumped when the draft jumps (load, undo, redo, reset): open editors start again from it. */
  generation: number;
  load(
    connectionId: string,
    base: SchemaDocument,
    draft: SchemaDraft | null,
    layout: Positions,
  ): void;
  edit(change: (draft: DraftDocuments) => DraftDocuments): void;
  move(positions: Positions): void;
  /** After an apply or a discard: the draft starts again from the workspace as it is now. */
  reset(base: SchemaDocument): void;
}

export const emptyRenames = (): SchemaRenames => ({ objects: {}, fields: {}, options: {} });

export const useDraftStore = create<DraftState>()(
  temporal(
    (set, get) => ({
      connectionId: null,
      base: null,
      target: null,
      renames: emptyRenames(),
      positions: {},
      revision: 0,
      generation: 0,
      load: (connectionId, base, draft, positions) =>
        set({
          connectionId,
          base: draft?.base ?? base,
          target: draft?.target ?? base,
          renames: draft ? { ...emptyRenames(), ...draft.renames } : emptyRenames(),
          positions,
          generation: get().generation + 1,
        }),
      edit: (change) => {
        const { base, target, renames, revision } = get();
        if (!base || !target) return;
        const next = change({ base, target, renames });
        set({ target: next.target, renames: next.renames, revision: revision + 1 });
      },
      move: (positions) => set({ positions: { ...get().positions, ...positions } }),
      reset: (base) =>
        set({
          base,
          target: base,
          renames: emptyRenames(),
          revision: get().revision + 1,
          generation: get().generation + 1,
        }),
    }),
    {
      // Only what the admin edits is history; which workspace is loaded is not.
      partialize: ({ target, renames, positions }) => ({ target, renames, positions }),
      equality: (a, b) =>
        a.target === b.target && a.renames === b.renames && a.positions === b.positions,
      limit: 200,
    },
  ),
);

export const useDraftHistory = () => useStore(useDraftStore.temporal);

const jumped = () =>
  useDraftStore.setState((state) => ({
    revision: state.revision + 1,
    generation: state.generation + 1,
  }));

export const undoDraft = () => {
  useDraftStore.temporal.getState().undo();
  jumped();
};

export const redoDraft = () => {
  useDraftStore.temporal.getState().redo();
  jumped();
};

/** A freshly loaded draft has no history to undo into. */
export const clearDraftHistory = () => useDraftStore.temporal.getState().clear();

/** A draft that changes nothing is no draft. */
export const isDraftEmpty = (state: Pick<DraftState, 'base' | 'target' | 'renames'>): boolean =>
  !state.base ||
  !state.target ||
  (serialiseSchemaDocument(state.base) === serialiseSchemaDocument(state.target) &&
    Object.keys(state.renames.objects).length === 0 &&
    Object.keys(state.renames.fields).length === 0 &&
    Object.keys(state.renames.options).length === 0);
