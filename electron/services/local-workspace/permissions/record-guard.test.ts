import { describe, expect, it } from 'vitest';
import type { FieldRow, MetadataState, ObjectRow } from '../metadata/metadata-types';
import { objectShape } from '../records/record-shape';
import type { RolePermissions } from '../roles/role-permissions';
import { computeEffectivePermissions } from './effective-permissions';
import { filterFields, RecordGuard } from './record-guard';

const object = (id: string, nameSingular: string, namePlural: string) =>
  ({ id, nameSingular, namePlural, isSystem: false, isActive: true, isCustom: false }) as ObjectRow;
const field = (id: string, objectMetadataId: string, name: string, extra: Partial<FieldRow> = {}) =>
  ({
    id,
    objectMetadataId,
    name,
    type: 'TEXT',
    settings: null,
    isActive: true,
    ...extra,
  }) as FieldRow;

const state = {
  workspace: { id: 'w', dataSchema: 'workspace_test' },
  objects: new Map([
    ['o-person', object('o-person', 'person', 'people')],
    ['o-company', object('o-company', 'company', 'companies')],
  ]),
  fields: new Map(
    [
      field('f-id', 'o-person', 'id', { type: 'UUID' }),
      field('f-job', 'o-person', 'jobTitle'),
      field('f-emails', 'o-person', 'emails', { type: 'EMAILS' }),
      field('f-company', 'o-person', 'company', {
        type: 'RELATION',
        relationTargetObjectMetadataId: 'o-company',
        relationTargetFieldMetadataId: 'f-people',
        settings: { relationType: 'MANY_TO_ONE', joinColumnName: 'companyId' },
      }),
      field('f-cid', 'o-company', 'id', { type: 'UUID' }),
      field('f-cname', 'o-company', 'name'),
      field('f-secret', 'o-company', 'secret'),
      field('f-people', 'o-company', 'people', {
        type: 'RELATION',
        relationTargetObjectMetadataId: 'o-person',
        relationTargetFieldMetadataId: 'f-company',
        settings: { relationType: 'ONE_TO_MANY' },
      }),
    ].map((row) => [row.id, row]),
  ),
} as unknown as MetadataState;

const restriction = (objectMetadataId: string, fieldMetadataId: string, read: boolean) => ({
  objectMetadataId,
  fieldMetadataId,
  canReadFieldValue: read ? null : (false as const),
  canUpdateFieldValue: false as const,
});

const role: RolePermissions = {
  roleId: 'r',
  label: 'Fields',
  isEditable: true,
  roleWide: {
    canUpdateAllSettings: false,
    canAccessAllTools: true,
    canReadAllObjectRecords: true,
    canUpdateAllObjectRecords: true,
    canSoftDeleteAllObjectRecords: true,
    canDestroyAllObjectRecords: true,
  },
  objectPermissions: new Map(),
  fieldRestrictions: new Map([
    ['f-emails', restriction('o-person', 'f-emails', false)],
    ['f-job', restriction('o-person', 'f-job', true)],
    ['f-secret', restriction('o-company', 'f-secret', false)],
  ]),
  permissionFlags: new Set(),
};

const guard = new RecordGuard(computeEffectivePermissions(role, state), state);
const people = objectShape(state, state.objects.get('o-person')!);

describe('RecordGuard', () => {
  it('drops unreadable fields, also inside depth=1 relations', () => {
    expect(
      guard.redact(people, {
        id: '1',
        jobTitle: 'CTO',
        emails: { primaryEmail: 'a@b.c' },
        companyId: 'c',
        company: { id: 'c', name: 'Acme', secret: 's' },
      }),
    ).toEqual({ id: '1', jobTitle: 'CTO', companyId: 'c', company: { id: 'c', name: 'Acme' } });
  });

  it('refuses writing a read-only field with its name and object', () => {
    expect(() => guard.assertWritable(people, [{ id: '1' }, { jobTitle: 'x' }])).toThrow(
      'Entity performing the request does not have permission: no permission to write field "jobTitle" on "person"',
    );
    expect(() => guard.assertWritable(people, { companyId: 'c' })).not.toThrow();
  });

  it('refuses filtering on a hidden field, wherever it sits in the tree', () => {
    const filter = {
      and: [
        { path: ['jobTitle'], op: 'eq' as const, value: 'x' },
        { not: { path: ['emails', 'primaryEmail'], op: 'eq' as const, value: 'a' } },
      ],
    };
    expect(filterFields(filter)).toEqual(['jobTitle', 'emails']);
    expect(() => guard.assertReadableFilter(people, filter)).toThrow(
      'no permission to read field "emails" on "person"',
    );
  });

  it('refuses aggregates over a hidden field only', () => {
    expect(() => guard.assertReadableAggregates(people, ['countEmptyJobTitle'])).not.toThrow();
    expect(() => guard.assertReadableAggregates(people, ['countNotEmptyEmails'])).toThrow(
      'no permission to read field "emails" on "person"',
    );
  });
});
