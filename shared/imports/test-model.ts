import type { ModelField, ModelObject, WorkspaceModel } from '../contract/data-model';
import { manyToOneField, modelField } from '../testing/model-builders';

/**
 * A workspace for the import tests: Twenty 2.43's company / person / opportunity (the fields an
 * import touches) and a custom object with one field of every importable type.
 */
export const field = modelField;

const manyToOne = manyToOneField;

const options = (...labels: string[]) =>
  labels.map((label, position) => ({
    id: `${label}-id`,
    label,
    value: label.toUpperCase().replace(/\s+/g, '_'),
    position,
    color: 'gray',
  }));

const object = (nameSingular: string, namePlural: string, fields: ModelField[]): ModelObject => ({
  id: nameSingular,
  nameSingular,
  namePlural,
  labelSingular: nameSingular.charAt(0).toUpperCase() + nameSingular.slice(1),
  labelPlural: namePlural,
  description: null,
  icon: null,
  isCustom: !['company', 'person', 'opportunity', 'workspaceMember'].includes(nameSingular),
  isSystem: false,
  isActive: true,
  isLabelSyncedWithName: true,
  fields: [
    field('id', 'UUID', { isSystem: true, isNullable: false, defaultValue: 'uuid' }),
    ...fields,
    field('createdAt', 'DATE_TIME', { isNullable: false, defaultValue: 'now' }),
    field('updatedAt', 'DATE_TIME', { isNullable: false, defaultValue: 'now' }),
    field('position', 'POSITION', { isSystem: true }),
    field('createdBy', 'ACTOR', { isNullable: false, defaultValue: { source: "'MANUAL'" } }),
    field('searchVector', 'TS_VECTOR', { isSystem: true }),
  ],
});

export const company = object('company', 'companies', [
  field('name', 'TEXT'),
  field('domainName', 'LINKS', { isUnique: true, settings: { maxNumberOfValues: 1 } }),
  field('address', 'ADDRESS'),
  field('linkedinLink', 'LINKS'),
  field('annualRevenue', 'CURRENCY'),
  field('employees', 'NUMBER', { settings: { dataType: 'int' } }),
  manyToOne('accountOwner', 'workspaceMember'),
]);

export const person = object('person', 'people', [
  field('name', 'FULL_NAME'),
  field('emails', 'EMAILS', { isUnique: true }),
  field('phones', 'PHONES'),
  field('linkedinLink', 'LINKS'),
  field('jobTitle', 'TEXT'),
  field('city', 'TEXT'),
  manyToOne('company', 'company'),
]);

export const opportunity = object('opportunity', 'opportunities', [
  field('name', 'TEXT'),
  field('amount', 'CURRENCY'),
  field('closeDate', 'DATE_TIME'),
  field('stage', 'SELECT', {
    isNullable: false,
    defaultValue: "'NEW'",
    options: options('New', 'Screening', 'Meeting', 'Proposal', 'Customer'),
  }),
  manyToOne('company', 'company'),
  manyToOne('pointOfContact', 'person'),
  manyToOne('owner', 'workspaceMember'),
]);

export const workspaceMember = object('workspaceMember', 'workspaceMembers', [
  field('name', 'FULL_NAME'),
  field('userEmail', 'TEXT', { isUnique: true }),
]);

export const pet = object('pet', 'pets', [
  field('name', 'TEXT', { isNullable: false }),
  field('externalId', 'TEXT', { isUnique: true }),
  field('weight', 'NUMBER', { settings: { dataType: 'float', decimals: 2 } }),
  field('legs', 'NUMBER', { settings: { dataType: 'int' } }),
  field('share', 'NUMBER', { settings: { type: 'percentage' } }),
  field('precise', 'NUMERIC'),
  field('vaccinated', 'BOOLEAN'),
  field('birthday', 'DATE'),
  field('lastVisit', 'DATE_TIME'),
  field('species', 'SELECT', { options: options('Dog', 'Cat', 'Guinea Pig') }),
  field('traits', 'MULTI_SELECT', { options: options('Calm', 'Playful', 'Shy') }),
  field('rating', 'RATING', {
    options: options('RATING_1', 'RATING_2', 'RATING_3', 'RATING_4', 'RATING_5'),
  }),
  field('extra', 'RAW_JSON'),
  field('tags', 'ARRAY'),
  field('chipId', 'UUID'),
  field('notes', 'RICH_TEXT'),
  field('owner', 'FULL_NAME'),
  field('vetEmails', 'EMAILS'),
  field('vetPhones', 'PHONES'),
  field('site', 'LINKS'),
  field('domain', 'LINKS', { settings: { type: 'domain' } }),
  field('price', 'CURRENCY', { defaultValue: { amountMicros: null, currencyCode: "'EUR'" } }),
  field('home', 'ADDRESS'),
  field('retired', 'TEXT', { isActive: false }),
  manyToOne('company', 'company'),
]);

export const model: WorkspaceModel = {
  objects: [company, person, opportunity, workspaceMember, pet],
};
