import { describe, expect, it } from 'vitest';
import { isEffectChanged, toggleLabel, toggleState, writesWithoutRead } from './cell-state';
import { object, role } from './access.fixture';

const company = object();

describe('matrix cell state', () => {
  it('inherits the role-wide switch without an override', () => {
    const state = toggleState(
      role({ canDestroyAllObjectRecords: false }),
      company,
      'canDestroyObjectRecords',
    );
    expect(state).toEqual({ override: null, inherited: false, effective: false, ruled: false });
  });

  it('lets an override win in both directions', () => {
    const reader = role({
      canUpdateAllObjectRecords: false,
      objectPermissions: {
        'company-id': {
          canReadObjectRecords: false,
          canUpdateObjectRecords: true,
          canSoftDeleteObjectRecords: null,
          canDestroyObjectRecords: null,
        },
      },
    });
    expect(toggleState(reader, company, 'canReadObjectRecords').effective).toBe(false);
    expect(toggleState(reader, company, 'canUpdateObjectRecords')).toMatchObject({
      override: true,
      inherited: false,
      effective: true,
    });
    expect(writesWithoutRead(reader, company)).toBe(true);
    expect(writesWithoutRead(role(), company)).toBe(false);
  });

  it('gives system objects true when nothing overrides', () => {
    const none = role({ canReadAllObjectRecords: false });
    expect(
      toggleState(none, object({ id: 'sys', isSystem: true }), 'canReadObjectRecords').inherited,
    ).toBe(true);
  });

  it('marks objects whose access follows a settings rule', () => {
    const workflow = object({ id: 'wf', nameSingular: 'workflow' });
    expect(toggleState(role(), workflow, 'canReadObjectRecords')).toMatchObject({
      ruled: true,
      effective: false,
    });
  });

  it('names a toggle for screen readers', () => {
    const state = toggleState(role(), company, 'canReadObjectRecords');
    expect(toggleLabel('Member', 'Companies', 'read', state)).toBe(
      'Member · Companies · read: inherits allowed',
    );
  });
});

describe('changed effect', () => {
  it('sees a role-wide switch change in the cells that inherit it', () => {
    const before = role();
    const after = role({ canDestroyAllObjectRecords: false });
    expect(isEffectChanged(before, after, company, 'canDestroyObjectRecords')).toBe(true);
    expect(isEffectChanged(before, after, company, 'canReadObjectRecords')).toBe(false);
    expect(isEffectChanged(undefined, after, company, 'canDestroyObjectRecords')).toBe(false);
  });
});
