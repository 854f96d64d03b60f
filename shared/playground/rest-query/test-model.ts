import type { ModelField, ModelObject, WorkspaceModel } from '../../contract/data-model';
import { manyToOneField, modelField, oneToManyField } from '../../testing/model-builders';

/** A small workspace for the tests: standard person/company/opportunity and a custom object. */
const field = modelField;

const manyToOne = manyToOneField;

const oneToMany = oneToManyField;

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
