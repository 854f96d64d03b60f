import { describe, expect, it } from 'vitest';
import type { AccessObject, Role } from '../contract/access';
import { planAccessChanges, roleToDraft } from './plan-access-changes';
import { effectiveAccess } from './effective-access';

const objects: AccessObject[] = [
  {
    id: 'o-company',
    nameSingular: 'company',
    labelSingular: 'Company',
    labelPlural: 'Companies',
    isSystem: false,
    isCustom: false,
    fields: [
      { id: 'f-name', name: 'name', label: 'Name', type: 'TEXT', isSystem: false },
      { id: 'f-employees', name: 'employees', label: 'Employees', type: 'NUMBER', isSystem: false },
    ],
  },
  {
    id: 'o-blocklist',
    nameSingular: 'blocklist',
    labelSingular: 'Blocklist',
    labelPlural: 'Blocklists',
    isSystem: true,
    isCustom: false,
    fields: [],
  },
];

const role = (overrides: Partial<Role>): Role => ({
  id: 'r-1',
  label: 'Reporting',
  description: null,
  icon: null,
  isEditable: true,
  isDefault: false,
  memberCount: 0,
  apiKeyIds: [],
  canUpdateAllSettings: false,
  canAccessAllTools: false,
  canReadAllObjectRecords: true,
  canUpdateAllObjectRecords: true,
  canSoftDeleteAllObjectRecords: true,
  canDestroyAllObjectRecords: true,
  canBeAssignedToUsers: true,
  canBeAssignedToAgents: false,
  canBeAssignedToApiKeys: true,
  permissionFlags: [],
  objectPermissions: {},
  fieldPermissions: {},
  ...overrides,
});

const admin = role({
  id: 'r-admin',
  label: 'Admin',
  isEditable: false,
  canUpdateAllSettings: true,
  canAccessAllTools: true,
});
const member = role({
  id: 'r-member',
  label: 'Member',
  isDefault: true,
  canBeAssignedToApiKeys: false,
});

describe('planAccessChanges', () => {
  it('plans a new read-only role with a hidden field as Twenty operations, in order', () => {
    const draft = {
      ...roleToDraft(role({ id: 'new:1', label: 'Read only' })),
      canUpdateAllObjectRecords: false,
      canSoftDeleteAllObjectRecords: false,
      canDestroyAllObjectRecords: false,
      fieldPermissions: {
        'f-employees': { objectMetadataId: 'o-company', restriction: 'hidden' as const },
      },
    };
    const plan = planAccessChanges({
      live: [admin, member],
      objects,
      drafts: [draft],
      deletedRoleIds: [],
    });
    expect(plan.problems).toEqual([]);
    expect(plan.steps.map((step) => step.operation)).toEqual([
      'createOneRole',
      'upsertFieldPermissions',
    ]);
    expect(plan.steps[0]!.variables).toMatchObject({
      createRoleInput: {
        label: 'Read only',
        canReadAllObjectRecords: true,
        canUpdateAllObjectRecords: false,
      },
    });
    expect(plan.steps[1]!.variables).toEqual({
      upsertFieldPermissionsInput: {
        roleId: 'new:1',
        fieldPermissions: [
          {
            objectMetadataId: 'o-company',
            fieldMetadataId: 'f-employees',
            canReadFieldValue: false,
            canUpdateFieldValue: false,
          },
        ],
      },
    });
    expect(plan.steps[1]!.details).toEqual(['company.employees: full → hidden']);
  });

  it('sends only changed settings, object overrides back to inherit, and the whole flag set', () => {
    const live = role({
      objectPermissions: {
        'o-company': {
          canReadObjectRecords: true,
          canUpdateObjectRecords: false,
          canSoftDeleteObjectRecords: null,
          canDestroyObjectRecords: null,
        },
      },
      fieldPermissions: { 'f-name': { objectMetadataId: 'o-company', restriction: 'read-only' } },
      permissionFlags: ['DATA_MODEL'],
      apiKeyIds: ['k1'],
    });
    const draft = {
      ...roleToDraft(live),
      description: 'For dashboards',
      objectPermissions: {},
      fieldPermissions: {},
      permissionFlags: ['DATA_MODEL', 'ROLES'],
    };
    const plan = planAccessChanges({
      live: [admin, member, live],
      objects,
      drafts: [draft],
      deletedRoleIds: [],
    });
    expect(plan.problems).toEqual([]);
    expect(plan.steps.map((step) => [step.operation, step.variables])).toEqual([
      [
        'updateOneRole',
        { updateRoleInput: { id: 'r-1', update: { description: 'For dashboards' } } },
      ],
      [
        'upsertObjectPermissions',
        {
          upsertObjectPermissionsInput: {
            roleId: 'r-1',
            objectPermissions: [
              {
                objectMetadataId: 'o-company',
                canReadObjectRecords: null,
                canUpdateObjectRecords: null,
                canSoftDeleteObjectRecords: null,
                canDestroyObjectRecords: null,
              },
            ],
          },
        },
      ],
      [
        'upsertFieldPermissions',
        {
          upsertFieldPermissionsInput: {
            roleId: 'r-1',
            fieldPermissions: [
              {
                objectMetadataId: 'o-company',
                fieldMetadataId: 'f-name',
                canReadFieldValue: null,
                canUpdateFieldValue: null,
              },
            ],
          },
        },
      ],
      [
        'upsertPermissionFlags',
        {
          upsertPermissionFlagsInput: {
            roleId: 'r-1',
            permissionFlagKeys: ['DATA_MODEL', 'ROLES'],
          },
        },
      ],
    ]);
    expect(plan.warnings.join(' ')).toContain('1 API key(s)');
  });

  it("reports what Twenty would refuse, with Twenty's messages", () => {
    const live = role({});
    const writeWithoutRead = { ...roleToDraft(live), canReadAllObjectRecords: false };
    const overrideOnUnreadable = {
      ...roleToDraft(role({ id: 'r-2', label: 'Second' })),
      canReadAllObjectRecords: false,
      canUpdateAllObjectRecords: false,
      canSoftDeleteAllObjectRecords: false,
      canDestroyAllObjectRecords: false,
      objectPermissions: {
        'o-company': {
          canReadObjectRecords: null,
          canUpdateObjectRecords: true,
          canSoftDeleteObjectRecords: null,
          canDestroyObjectRecords: null,
        },
        'o-blocklist': {
          canReadObjectRecords: false,
          canUpdateObjectRecords: false,
          canSoftDeleteObjectRecords: false,
          canDestroyObjectRecords: false,
        },
      },
    };
    const adminEdit = { ...roleToDraft(admin), canDestroyAllObjectRecords: false };
    const duplicate = { ...roleToDraft(role({ id: 'new:x', label: 'Member' })) };
    const plan = planAccessChanges({
      live: [admin, member, live, role({ id: 'r-2', label: 'Second' })],
      objects,
      drafts: [writeWithoutRead, overrideOnUnreadable, adminEdit, duplicate],
      deletedRoleIds: [],
    });
    expect(plan.problems).toEqual([
      {
        roleLabel: 'Reporting',
        message: 'Cannot give writing permission without reading permission',
      },
      {
        roleLabel: 'Second',
        message: 'Cannot give update permission to non-readable object (company)',
      },
      { roleLabel: 'Second', message: 'Cannot add object permission on system object (blocklist)' },
      {
        roleLabel: 'Admin',
        message: 'Role is not editable: Twenty refuses every change to a system role such as Admin',
      },
      { roleLabel: 'Member', message: 'A role with this label already exists' },
    ]);
  });

  it('refuses to delete a role held by API keys when the default role cannot take them', () => {
    const held = role({ apiKeyIds: ['k1', 'k2'], memberCount: 3 });
    const plan = planAccessChanges({
      live: [admin, member, held],
      objects,
      drafts: [],
      deletedRoleIds: ['r-1'],
    });
    expect(plan.problems[0]!.message).toContain('still assigned to 2 API key(s)');
    expect(plan.warnings).toEqual(['3 member(s) of Reporting move to Member.']);
    expect(plan.steps.map((step) => step.operation)).toEqual(['deleteOneRole']);
    const defaultRole = planAccessChanges({
      live: [admin, member],
      objects,
      drafts: [],
      deletedRoleIds: ['r-member', 'r-admin'],
    });
    expect(defaultRole.problems).toEqual([
      { roleLabel: 'Member', message: 'Default role cannot be deleted' },
      { roleLabel: 'Admin', message: 'Role is not editable' },
    ]);
  });
});

describe('effectiveAccess', () => {
  it('combines role-wide switches, overrides, system objects and field restrictions', () => {
    const reader = role({
      canUpdateAllObjectRecords: false,
      canSoftDeleteAllObjectRecords: false,
      canDestroyAllObjectRecords: false,
      fieldPermissions: { 'f-employees': { objectMetadataId: 'o-company', restriction: 'hidden' } },
      permissionFlags: ['ROLES'],
    });
    const access = effectiveAccess(reader, objects);
    const company = access.objects.find((object) => object.nameSingular === 'company')!;
    expect([company.read, company.update, company.source]).toEqual([true, false, 'role-wide']);
    expect(company.fields).toEqual([
      { fieldId: 'f-name', name: 'name', label: 'Name', read: true, update: false },
      { fieldId: 'f-employees', name: 'employees', label: 'Employees', read: false, update: false },
    ]);
    const blocklist = access.objects.find((object) => object.nameSingular === 'blocklist')!;
    expect([blocklist.update, blocklist.source]).toEqual([true, 'system-object']);
    expect(access.flags.find((flag) => flag.key === 'ROLES')?.granted).toBe(true);
    expect(access.flags.find((flag) => flag.key === 'DATA_MODEL')?.granted).toBe(false);
  });
});
