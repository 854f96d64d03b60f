import { beforeEach, describe, expect, it } from 'vitest';
import { cycleObjectOverride, setRoleSettings } from './access-draft';
import { useAccessDraftStore } from './access-draft-store';
import { role } from './access.fixture';

const { edit, discard, rebase } = useAccessDraftStore.getState().actions;
const member = role();

describe('access draft store', () => {
  beforeEach(() => useAccessDraftStore.setState({ drafts: {} }));

  it('keeps one draft per connection, begun from the roles at the first edit', () => {
    edit('a', [member], (draft) =>
      cycleObjectOverride(draft, 'member', 'o', 'canReadObjectRecords'),
    );
    expect(Object.keys(useAccessDraftStore.getState().drafts)).toEqual(['a']);
    expect(useAccessDraftStore.getState().drafts.a?.base).toEqual([member]);
    discard('a');
    expect(useAccessDraftStore.getState().drafts).toEqual({});
  });

  it('drops a draft edited back to nothing', () => {
    edit('a', [member], (draft) => setRoleSettings(draft, 'member', { label: 'Members' }));
    edit('a', [member], (draft) => setRoleSettings(draft, 'member', { label: 'Member' }));
    expect(useAccessDraftStore.getState().drafts).toEqual({});
  });

  it('continues from the roles as they are after a partial apply', () => {
    edit('a', [member], (draft) => setRoleSettings(draft, 'member', { label: 'Members' }));
    rebase('a', [role({ label: 'Members' })], {});
    expect(useAccessDraftStore.getState().drafts).toEqual({});
  });
});
