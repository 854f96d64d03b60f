import type { ModelField, ModelObject, WorkspaceModel } from '../../contract/data-model';

/** A small workspace for the tests: standard person/company/opportunity and a custom object. */
const field = (name: string, type: string, extra: Partial<ModelField> = {}): ModelField => ({
  id: `${name}-${type}`,
  name,
  label: name.charAt(0).toUpperCase() + name.slice(1),
  type,
  description: null,
  icon: null,
  isCustom: false,
  isSystem: false,
  isActive: true,
  isNullable: true,
  isUnique: false,
  isLabelSyncedWithName: true,
  defaultValue: null,
  options: null,
  settings: null,
  relation: null,
  ...extra,
});

const manyToOne = (name: string, target: string, joinColumnName = `${name}Id`) =>
  field(name, 'RELATION', {
    settings: { relationType: 'MANY_TO_ONE', joinColumnName },
    relation: { type: 'MANY_TO_ONE', targetObject: target, targetField: null, targetFieldId: null },
  });

const oneToMany = (name: string, target: string) =>
  field(name, 'RELATION', {
    settings: { relationType: 'ONE_TO_MANY' },
    relation: { type: 'ONE_TO_MANY', targetObject: target, targetField: null, targetFieldId: null },
  });

const options = (...values: string[]) =>
  values.map((value, position) => ({ value, label: value.toLowerCase(), position, color: 'red' }));

const object = (
  nameSingular: string,
  namePlural: string,
  fields: ModelField[],
  isCustom = false,
): ModelObject => ({
  id: nameSingular,
  nameSingular,
  namePlural,
  labelSingular: nameSingular,
  labelPlural: namePlural,
  description: null,
  icon: null,
  isCustom,
  isSystem: false,
  isActive: true,
  isLabelSyncedWithName: true,
  fields: [
    field('id', 'UUID'),
    ...fields,
    field('createdAt', 'DATE_TIME'),
    field('position', 'POSITION'),
    field('createdBy', 'ACTOR'),
    field('searchVector', 'TS_VECTOR'),
  ],
});

export const person = object('person', 'people', [
  field('name', 'FULL_NAME'),
  field('emails', 'EMAILS'),
  field('jobTitle', 'TEXT'),
  field('city', 'TEXT'),
  manyToOne('company', 'company'),
  field('legacyCode', 'TEXT', { isActive: false }),
]);

export const company = object('company', 'companies', [
  field('name', 'TEXT'),
  field('employees', 'NUMBER'),
  field('idealCustomerProfile', 'BOOLEAN'),
  field('annualRecurringRevenue', 'CURRENCY'),
  oneToMany('people', 'person'),
]);

export const opportunity = object('opportunity', 'opportunities', [
  field('name', 'TEXT'),
  field('stage', 'SELECT', { options: options('NEW', 'MEETING', 'CUSTOMER') }),
  field('amount', 'CURRENCY'),
  field('closeDate', 'DATE_TIME'),
  manyToOne('company', 'company'),
]);

export const gizmo = object(
  'gizmo',
  'gizmos',
  [
    field('tags', 'MULTI_SELECT', { options: options('RED', 'BLUE') }),
    field('words', 'ARRAY'),
    field('meta', 'RAW_JSON'),
    field('day', 'DATE'),
    field('stars', 'RATING'),
    field('done', 'BOOLEAN'),
    field('ref', 'UUID'),
    field('score', 'NUMBER'),
    manyToOne('maker', 'company', 'makerCompanyId'),
  ],
  true,
);

export const model: WorkspaceModel = { objects: [person, company, opportunity, gizmo] };
