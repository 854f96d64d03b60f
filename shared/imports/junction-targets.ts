import type { ModelField, ModelObject, WorkspaceModel } from '../contract/data-model';
import type { Transform } from './mapping';
import { compileTransforms } from './transforms';

/**
 * Fields filled through a junction object: a note's `noteTargets`, a task's `taskTargets`, any
 * one-to-many towards an object that has a many-to-one back (the relation's `targetField`) and
 * one towards the looked-up object. Twenty 2.x points junctions at their targets with
 * MORPH_RELATION fields named `target<Object>` (targetCompany → targetCompanyId); plain
 * many-to-one fields work as well. The engine (stage/junction-lookups.ts) creates the junction
 * records once the row's record is written; the wizard offers the field with the objects it can
 * link to. Pure: the renderer and main both use it.
 */
export interface JunctionAttach {
  /** The junction object (nameSingular) and its plural. */
  object: string;
  plural: string;
  /** Its join column towards the imported record (`noteId`). */
  ownJoinColumn: string;
  /** Its join column towards the record found (`targetCompanyId`). */
  targetJoinColumn: string;
}

export interface JunctionField {
  field: ModelField;
  /** The junction object (nameSingular). */
  junction: string;
  /** Objects (nameSingular) the junction can link to, in the model's order. */
  objects: string[];
}

const joinColumnOf = (field: ModelField) =>
  typeof field.settings?.joinColumnName === 'string'
    ? field.settings.joinColumnName
    : `${field.name}Id`;

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** A one-to-many relation: the side that holds no join column. */
export const isOneToMany = (field: ModelField): boolean =>
  field.type === 'RELATION' && field.relation?.type === 'ONE_TO_MANY';

/** The junction's join columns for a one-to-many field and a target object, or why not. */
export const junctionAttach = (
  model: WorkspaceModel,
  field: ModelField,
  targetObject: string,
): JunctionAttach | { error: string } => {
  const junctionName = field.relation?.targetObject;
  const junction = model.objects.find((object) => object.nameSingular === junctionName);
  if (!junction || !isOneToMany(field))
    return { error: `${field.label} is not a list of links to other records` };
  const own = junction.fields.find((candidate) => candidate.name === field.relation?.targetField);
  const towards = junction.fields.find(
    (candidate) =>
      candidate.isActive &&
      ((candidate.type === 'RELATION' &&
        candidate.relation?.type === 'MANY_TO_ONE' &&
        candidate.relation.targetObject === targetObject &&
        candidate !== own) ||
        (candidate.type === 'MORPH_RELATION' &&
          candidate.name === `target${capitalised(targetObject)}`)),
  );
  if (!own || !towards)
    return {
      error: `${field.label} cannot link to ${targetObject} records (${junction.nameSingular} has no such field)`,
    };
  return {
    object: junction.nameSingular,
    plural: junction.namePlural,
    ownJoinColumn: joinColumnOf(own),
    targetJoinColumn: joinColumnOf(towards),
  };
};

/**
 * Whether the field's other side is a junction: its way back is a plain many-to-one (noteTarget
 * `note`). Attachments and timeline activities point back through morphs of their own
 * (`targetNote`): records about the note, not links to attach it by.
 */
const isJunction = (model: WorkspaceModel, field: ModelField): boolean => {
  const junction = model.objects.find(
    (object) => object.nameSingular === field.relation?.targetObject,
  );
  const own = junction?.fields.find((candidate) => candidate.name === field.relation?.targetField);
  return own?.type === 'RELATION';
};

/** The active objects a one-to-many field's junction can link to (what the wizard offers). */
export const linkableObjects = (model: WorkspaceModel, field: ModelField): ModelObject[] =>
  isOneToMany(field) && isJunction(model, field)
    ? model.objects.filter(
        (other) => other.isActive && !('error' in junctionAttach(model, field, other.nameSingular)),
      )
    : [];

/** The object's one-to-many fields that go through a junction, with what each can link to. */
export const junctionFields = (object: ModelObject, model: WorkspaceModel): JunctionField[] =>
  object.fields.flatMap((field) => {
    if (!field.isActive || !isOneToMany(field)) return [];
    const objects = linkableObjects(model, field).map((other) => other.nameSingular);
    return objects.length ? [{ field, junction: field.relation!.targetObject, objects }] : [];
  });

/**
 * How a cell becomes the values to look up: the transforms' text, cut at the `list` transform's
 * separator (several targets in one cell), trimmed, empty pieces dropped.
 */
export const junctionCellReader = (transforms: readonly Transform[]) => {
  const { text, hints } = compileTransforms(transforms);
  const separator = hints.listSeparator;
  return (raw: string): string[] => {
    const read = text ? text(raw) : raw;
    return (separator ? read.split(separator) : [read])
      .map((value) => value.trim())
      .filter(Boolean);
  };
};
