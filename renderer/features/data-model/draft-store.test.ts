import { beforeEach, describe, expect, it } from 'vitest';
import { addObject, newObjectHead } from '../../../shared/schema/draft-edits';
import { projectDoc } from '../../../shared/schema/schema-test-fixtures';
import {
  clearDraftHistory,
  isDraftEmpty,
  redoDraft,
  undoDraft,
  useDraftStore,
} from './draft-store';

// Edits and moves share one history: undo takes back whichever came last.
describe('draft history', () => {
  beforeEach(() => {
    useDraftStore.getState().load('local', projectDoc(), null, { project: { x: 0, y: 0 } });
    clearDraftHistory();
  });

  it('undoes and redoes edits and moves in order, and loading is not an edit', () => {
    const store = useDraftStore.getState;
    expect(useDraftStore.temporal.getState().pastStates).toHaveLength(0);
    store().edit((draft) => addObject(draft, newObjectHead('Kite', 'Kites')));
    store().move({ kite: { x: 300, y: 40 } });
    expect(isDraftEmpty(store())).toBe(false);

    undoDraft();
    expect(store().positions.kite).toBeUndefined();
    expect(store().target?.objects.some((o) => o.nameSingular === 'kite')).toBe(true);
    undoDraft();
    expect(isDraftEmpty(store())).toBe(true);
    const generation = store().generation;
    redoDraft();
    expect(store().generation).toBe(generation + 1);
    expect(store().target?.objects.some((o) => o.nameSingular === 'kite')).toBe(true);
    redoDraft();
    expect(store().positions.kite).toEqual({ x: 300, y: 40 });
  });
});
