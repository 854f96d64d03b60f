import type { ModelField, ModelObject, WorkspaceModel } from '../contract/data-model';
import { manyToOneField, modelField } from '../testing/model-builders';
import { company, model as baseModel } from './test-model';

/**
 * The import test workspace (test-model.ts) with notes and a custom junction, for the tests of
 * lookups through junction objects.
 */
/** Twenty 2.x notes: note.noteTargets → noteTarget (note + MORPH_RELATION target<Object>). */
const oneToMany = (name: string, target: string, targetField: string, label = name) =>
  modelField(name, 'RELATION', {
    label,
    settings: { relationType: 'ONE_TO_MANY' },
    relation: { type: 'ONE_TO_MANY', targetObject: target, targetField, targetFieldId: null },
  });

const morph = (name: string, target: string): ModelField =>
  modelField(name, 'MORPH_RELATION', {
    label: 'Target',
    settings: { relationType: 'MANY_TO_ONE', joinColumnName: `${name}Id` },
    relation: { type: 'MANY_TO_ONE', targetObject: target, targetField: null, targetFieldId: null },
  });

const object = (nameSingular: string, namePlural: string, fields: ModelField[]): ModelObject => ({
  ...company,
  id: nameSingular,
  nameSingular,
  namePlural,
  labelSingular: nameSingular,
  labelPlural: namePlural,
  isCustom: false,
  fields: [modelField('id', 'UUID', { isSystem: true }), ...fields],
});

export const note = object('note', 'notes', [
  modelField('title', 'TEXT'),
  oneToMany('noteTargets', 'noteTarget', 'note', 'Relations'),
  oneToMany('attachments', 'attachment', 'targetNote'),
]);
export const noteTarget = object('noteTarget', 'noteTargets', [
  manyToOneField('note', 'note'),
  morph('targetPerson', 'person'),
  morph('targetCompany', 'company'),
  morph('targetOpportunity', 'opportunity'),
  morph('targetPet', 'pet'),
]);
/** A custom junction with plain many-to-one fields. */
export const visit = object('visit', 'visits', [
  modelField('when', 'DATE'),
  oneToMany('visitLinks', 'visitLink', 'visit'),
]);
export const visitLink = object('visitLink', 'visitLinks', [
  manyToOneField('visit', 'visit'),
  manyToOneField('vet', 'person'),
]);
/** Twenty's attachments point back through a morph of their own: not a junction to offer. */
export const attachment = object('attachment', 'attachments', [
  modelField('name', 'TEXT'),
  morph('targetNote', 'note'),
  morph('targetCompany', 'company'),
]);

export const junctionModel: WorkspaceModel = {
  objects: [...baseModel.objects, note, noteTarget, visit, visitLink, attachment],
};
