import { describe, expect, it } from 'vitest';
import type { FieldRow, MetadataState, ObjectRow } from '../metadata/metadata-types';
import type { RolePermissions } from '../roles/role-permissions';
import {
  canReadField,
  canUpdateField,
  computeEffectivePermissions,
  fieldNameOfKey,
} from './effective-permissions';

const object = (id: string, nameSingular: string, isSystem = false) =>
  ({ id, nameSingular, namePlural: `${nameSingular}s`, isSystem, isActive: true }) as ObjectRow;
const field = (id: string, objectMetadataId: string, name: string, extra: Partial<FieldRow> = {}) =>
  ({ id, objectMetadataId, name, type: 'TEXT', settings: null, ...extra }) as FieldRow;

const state = {
  objects: new Map(
    [
      object('o-person', 'person'),
      object('o-company', 'company'),
      object('o-blocklist', 'blocklist', true),
      object('o-member', 'workspaceMember', true),
      object('o-workflow', 'workflow'),
      object('o-thread', 'agentChatThread', true),
    ].map((row) => [row.id, row]),
  ),
  fields: new Map(
    [
      field('f-job', 'o-person', 'jobTitle'),
      field('f-emails', 'o-person', 'emails', { type: 'EMAILS' }),
      field('f-company', 'o-person', 'company', {
        type: 'RELATION',
        settings: { relationType: 'MANY_TO_ONE', joinColumnName: 'companyId' },
      }),
      field('f-wf-name', 'o-workflow', 'name'),
    ].map((row) => [row.id, row]),
  ),
} as unknown as MetadataState;

const role = (overrides: Partial<RolePermissions> = {}, roleWide = {}): RolePermissions => ({
  roleId: 'r',
  label: 'Test',
  isEditable: true,
  roleWide: {
    canUpdateAllSettings: false,
    canAccessAllTools: true,
    canReadAllObjectRecords: true,
    canUpdateAllObjectRecords: true,
    canSoftDeleteAllObjectRecords: true,
    canDestroyAllObjectRecords: true,
    ...roleWide,
  },
  objectPermissions: new Map(),
  fieldRestrictions: new Map(),
  permissionFlags: new Set(),
  ...overrides,
});

const override = (objectMetadataId: string, values: Record<string, boolean | null>) => ({
  objectMetadataId,
  canReadObjectRecords: null,
  canUpdateObjectRecords: null,
  canSoftDeleteObjectRecords: null,
  canDestroyObjectRecords: null,
  ...values,
});

describe('computeEffectivePermissions', () => {
  it('is unrestricted for an Admin-like role (everything true, nothing overridden)', () => {
    const admin = role({}, { canUpdateAllSettings: true });
    const effective = computeEffectivePermissions(admin, state);
    expect(effective.unrestricted).toBe(true);
    expect(effective.object('o-person')).toMatchObject({
      read: true,
      update: true,
      softDelete: true,
      destroy: true,
    });
  });

  it('applies an object override over the role-wide switch, in both directions', () => {
    const effective = computeEffectivePermissions(
      role(
        {
          objectPermissions: new Map([
            ['o-person', override('o-person', { canReadObjectRecords: true })],
            ['o-company', override('o-company', { canDestroyObjectRecords: false })],
          ]),
        },
        { canReadAllObjectRecords: false, canUpdateAllObjectRecords: false },
      ),
      state,
    );
    expect(effective.unrestricted).toBe(false);
    expect(effective.object('o-person')).toMatchObject({ read: true, update: false });
    expect(effective.object('o-company')).toMatchObject({
      read: false,
      update: false,
      softDelete: true,
      destroy: false,
    });
  });

  it('allows system objects without an override whatever the role-wide switches say', () => {
    const effective = computeEffectivePermissions(
      role({}, { canReadAllObjectRecords: false, canDestroyAllObjectRecords: false }),
      state,
    );
    expect(effective.object('o-blocklist')).toMatchObject({ read: true, destroy: true });
    expect(effective.object('o-person')).toMatchObject({ read: false, destroy: false });
  });

  it('gates workflow objects by settings and ignores their overrides', () => {
    const withOverride = role({
      objectPermissions: new Map([
        ['o-workflow', override('o-workflow', { canReadObjectRecords: true })],
      ]),
    });
    expect(computeEffectivePermissions(withOverride, state).object('o-workflow').read).toBe(false);
    const withFlag = role({ permissionFlags: new Set(['WORKFLOWS']) });
    expect(computeEffectivePermissions(withFlag, state).object('o-workflow')).toMatchObject({
      read: true,
      update: true,
      softDelete: true,
      destroy: true,
    });
  });

  it('lets everyone read workspace members; writing them needs WORKSPACE_MEMBERS or settings', () => {
    const member = computeEffectivePermissions(role({}, { canReadAllObjectRecords: false }), state);
    expect(member.object('o-member')).toMatchObject({ read: true, update: false, destroy: false });
    const settings = computeEffectivePermissions(role({}, { canUpdateAllSettings: true }), state);
    expect(settings.object('o-member')).toMatchObject({ update: true, softDelete: true });
  });

  it('needs tools (or the AI flag) for agent chat threads', () => {
    const noTools = computeEffectivePermissions(role({}, { canAccessAllTools: false }), state);
    expect(noTools.object('o-thread').read).toBe(false);
    const ai = computeEffectivePermissions(
      role({ permissionFlags: new Set(['AI']) }, { canAccessAllTools: false }),
      state,
    );
    expect(ai.object('o-thread').read).toBe(true);
  });

  it('lists hidden and read-only fields, maps join columns to their relation', () => {
    const restriction = (
      fieldMetadataId: string,
      canReadFieldValue: false | null,
      canUpdateFieldValue: false | null,
    ) => ({
      objectMetadataId: 'o-person',
      fieldMetadataId,
      canReadFieldValue,
      canUpdateFieldValue,
    });
    const effective = computeEffectivePermissions(
      role({
        fieldRestrictions: new Map([
          ['f-emails', restriction('f-emails', false, false)],
          ['f-job', restriction('f-job', null, false)],
          ['f-company', restriction('f-company', false, null)],
        ]),
      }),
      state,
    );
    expect(effective.unrestricted).toBe(false);
    const person = effective.object('o-person');
    expect(canReadField(person, 'emails')).toBe(false);
    expect(canReadField(person, 'jobTitle')).toBe(true);
    expect(canUpdateField(person, 'jobTitle')).toBe(false);
    expect(canReadField(person, 'companyId')).toBe(false);
    expect(canUpdateField(person, 'companyId')).toBe(true);
    expect(fieldNameOfKey(person, 'companyId')).toBe('company');
    expect(canReadField(person, 'id')).toBe(true);
  });

  it('does not apply field permissions to workflow objects', () => {
    const effective = computeEffectivePermissions(
      role(
        {
          fieldRestrictions: new Map([
            [
              'f-wf-name',
              {
                objectMetadataId: 'o-workflow',
                fieldMetadataId: 'f-wf-name',
                canReadFieldValue: false,
                canUpdateFieldValue: false,
              },
            ],
          ]),
        },
        { canUpdateAllSettings: true },
      ),
      state,
    );
    expect(canReadField(effective.object('o-workflow'), 'name')).toBe(true);
    expect(effective.unrestricted).toBe(true);
  });

  it('denies an object the data model does not know', () => {
    expect(computeEffectivePermissions(role(), state).object('unknown').read).toBe(false);
  });
});
