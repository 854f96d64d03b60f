import { describe, expect, it } from 'vitest';
import {
  addRole,
  countChanges,
  cycleObjectOverride,
  deleteRole,
  emptyDraft,
  isDraftEmpty,
  isFieldChanged,
  isOverrideChanged,
  newRoleDraft,
  nextOverride,
  rebaseDraft,
  restoreRole,
  reviewInput,
  roleColumns,
  roleInDraft,
  setFieldAccess,
  setRoleSettings,
} from './access-draft';
import { role } from './access.fixture';

const member = role();
const admin = role({ id: 'admin', label: 'Admin', isEditable: false, isDefault: false });

describe('access draft', () => {
  it('cycles an override inherit → allow → deny → inherit', () => {
    expect(nextOverride(null)).toBe(true);
    expect(nextOverride(true)).toBe(false);
    expect(nextOverride(false)).toBe(null);
  });

  it('keeps a changed role whole and drops it when cycled back', () => {
    let draft = emptyDraft([member, admin]);
    draft = cycleObjectOverride(draft, 'member', 'company', 'canReadObjectRecords');
    expect(draft.changed.member?.objectPermissions.company).toEqual({
      canReadObjectRecords: true,
      canUpdateObjectRecords: null,
      canSoftDeleteObjectRecords: null,
      canDestroyObjectRecords: null,
    });
    expect(draft.changed.member?.label).toBe('Member');
    expect(isOverrideChanged(draft, 'member', 'company', 'canReadObjectRecords')).toBe(true);
    expect(isOverrideChanged(draft, 'member', 'company', 'canUpdateObjectRecords')).toBe(false);
    expect(countChanges(draft)).toBe(1);
    draft = cycleObjectOverride(draft, 'member', 'company', 'canReadObjectRecords');
    draft = cycleObjectOverride(draft, 'member', 'company', 'canReadObjectRecords');
    expect(draft.changed).toEqual({});
    expect(isDraftEmpty(draft)).toBe(true);
  });

  it('treats an override back to all-inherit as no override', () => {
    const withOverride = role({
      objectPermissions: {
        company: {
          canReadObjectRecords: false,
          canUpdateObjectRecords: null,
          canSoftDeleteObjectRecords: null,
          canDestroyObjectRecords: null,
        },
      },
    });
    let draft = emptyDraft([withOverride]);
    draft = cycleObjectOverride(draft, 'member', 'company', 'canReadObjectRecords');
    expect(draft.changed.member?.objectPermissions).toEqual({});
    expect(countChanges(draft)).toBe(1);
  });

  it('restricts fields and removes the entry for full access', () => {
    let draft = emptyDraft([member]);
    draft = setFieldAccess(draft, 'member', 'company', 'f1', 'hidden');
    expect(draft.changed.member?.fieldPermissions).toEqual({
      f1: { objectMetadataId: 'company', restriction: 'hidden' },
    });
    expect(isFieldChanged(draft, 'member', 'f1')).toBe(true);
    draft = setFieldAccess(draft, 'member', 'company', 'f1', 'full');
    expect(isDraftEmpty(draft)).toBe(true);
  });

  it('counts settings and flag changes', () => {
    let draft = emptyDraft([member]);
    draft = setRoleSettings(draft, 'member', {
      canDestroyAllObjectRecords: false,
      permissionFlags: ['ROLES', 'DATA_MODEL'],
    });
    expect(countChanges(draft)).toBe(3);
    expect(roleInDraft(draft, 'member')?.permissionFlags).toEqual(['ROLES', 'DATA_MODEL']);
  });

  it('adds, deletes and restores roles', () => {
    let draft = emptyDraft([member, admin]);
    draft = addRole(draft, newRoleDraft('new:1', 'Reporting'));
    draft = deleteRole(draft, 'member');
    expect(countChanges(draft)).toBe(2);
    expect(roleColumns([member, admin], draft).map((column) => column.status)).toEqual([
      'deleted',
      'unchanged',
      'new',
    ]);
    expect(reviewInput(draft)).toEqual({
      roles: [newRoleDraft('new:1', 'Reporting')],
      deletedRoleIds: ['member'],
    });
    draft = deleteRole(draft, 'new:1');
    draft = restoreRole(draft, 'member');
    expect(isDraftEmpty(draft)).toBe(true);
  });

  it('edits a new role in place', () => {
    let draft = addRole(emptyDraft([member]), newRoleDraft('new:1', 'Reporting'));
    draft = cycleObjectOverride(draft, 'new:1', 'company', 'canUpdateObjectRecords');
    expect(draft.changed['new:1']?.objectPermissions.company?.canUpdateObjectRecords).toBe(true);
    expect(isOverrideChanged(draft, 'new:1', 'company', 'canUpdateObjectRecords')).toBe(true);
    expect(isOverrideChanged(draft, 'new:1', 'company', 'canReadObjectRecords')).toBe(false);
    expect(countChanges(draft)).toBe(1);
  });

  it('rebases after a partly applied plan', () => {
    let draft = emptyDraft([member, admin]);
    draft = setRoleSettings(draft, 'member', { canDestroyAllObjectRecords: false });
    draft = addRole(draft, newRoleDraft('new:1', 'Reporting'));
    draft = addRole(draft, newRoleDraft('new:2', 'Sales'));
    draft = deleteRole(draft, 'admin');
    // Twenty applied the member change and created Reporting, then failed.
    const applied = role({ canDestroyAllObjectRecords: false });
    const reporting = role({ ...newRoleDraft('r1', 'Reporting'), isDefault: false });
    const rebased = rebaseDraft(draft, [applied, admin, reporting], { 'new:1': 'r1' });
    expect(Object.keys(rebased.changed)).toEqual(['new:2']);
    expect(rebased.deleted).toEqual(['admin']);
    expect(rebaseDraft(draft, [applied, reporting], { 'new:1': 'r1' }).deleted).toEqual([]);
  });
});
