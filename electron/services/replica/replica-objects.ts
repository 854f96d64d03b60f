import type { ModelField, ModelObject, WorkspaceModel } from '../../../shared/contract/data-model';

/**
 * What of each object a replica reads and writes, derived from the workspace model: the fields a
 * create accepts (values copied as the API returns them, composites whole) and the many-to-one
 * join columns (`<field>Id`), written in a second pass so the order of objects does not matter.
 * What Twenty fills itself is left out (docs/replica.md, "What a create accepts").
 */
export interface LinkField {
  field: string;
  /** The key the API reads and writes: `settings.joinColumnName`, else `<field>Id`. */
  joinColumn: string;
  /** nameSingular of the object the column points at. */
  targetObject: string;
}

export interface ReplicaObject {
  nameSingular: string;
  namePlural: string;
  /** Fields copied in the first pass (never relations, never server-filled ones). */
  fields: string[];
  /** ACTOR fields (createdBy): only the source and context are the client's to give. */
  actors: string[];
  links: LinkField[];
}

export interface SkippedObject {
  nameSingular: string;
  reason: string;
}

/**
 * Server-filled on every write: Twenty stamps createdAt/updatedAt, soft delete owns deletedAt,
 * searchVector is a generated column, updatedBy is the caller. createdBy is sent as its `source`
 * (and `context`) only: the name and workspace member are the caller's.
 */
const SERVER_FILLED = new Set(['createdAt', 'updatedAt', 'deletedAt', 'searchVector', 'updatedBy']);
const SERVER_FILLED_TYPES = new Set(['TS_VECTOR']);

/** Objects a replica never writes, with the reason the result reports. */
const NOT_COPIED: Record<string, string> = {
  workspaceMember:
    'Twenty refuses to create workspace members through the API (workspace-member-create-many.pre-query.hook.ts answers PERMISSION_DENIED); members come from users joining the workspace',
  timelineActivity:
    'written by Twenty itself for every record change: the target records its own history as the replica creates records',
};

const isManyToOne = (field: ModelField): boolean =>
  (field.type === 'RELATION' || field.type === 'MORPH_RELATION') &&
  (field.relation?.type === 'MANY_TO_ONE' || field.settings?.relationType === 'MANY_TO_ONE');

const joinColumnOf = (field: ModelField): string =>
  typeof field.settings?.joinColumnName === 'string'
    ? field.settings.joinColumnName
    : `${field.name}Id`;

/** The object a many-to-one field points at: its relation, else (morph) the map's entry. */
type MorphTargets = ReadonlyMap<string, string>;
const targetOf = (object: ModelObject, field: ModelField, morph: MorphTargets) =>
  field.relation?.targetObject ?? morph.get(`${object.nameSingular}.${field.name}`);

const describeObject = (object: ModelObject, morph: MorphTargets): ReplicaObject => ({
  nameSingular: object.nameSingular,
  namePlural: object.namePlural,
  fields: object.fields
    .filter(
      (field) =>
        field.isActive &&
        field.type !== 'RELATION' &&
        field.type !== 'MORPH_RELATION' &&
        field.type !== 'ACTOR' &&
        !SERVER_FILLED.has(field.name) &&
        !SERVER_FILLED_TYPES.has(field.type),
    )
    .map((field) => field.name)
    .sort(),
  actors: object.fields
    .filter((field) => field.isActive && field.type === 'ACTOR' && !SERVER_FILLED.has(field.name))
    .map((field) => field.name)
    .sort(),
  links: object.fields
    .filter((field) => field.isActive && isManyToOne(field) && targetOf(object, field, morph))
    .map((field) => ({
      field: field.name,
      joinColumn: joinColumnOf(field),
      targetObject: targetOf(object, field, morph)!,
    }))
    .sort((a, b) => a.field.localeCompare(b.field)),
});

/** Every object of a workspace a replica reads, and those it leaves out with the reason. */
export const readableObjects = (
  model: WorkspaceModel,
  morph: MorphTargets = new Map(),
): { objects: ReplicaObject[]; skipped: SkippedObject[] } => {
  const objects: ReplicaObject[] = [];
  const skipped: SkippedObject[] = [];
  for (const object of model.objects) {
    const reason = !object.isActive
      ? 'inactive: Twenty serves no records for an inactive object'
      : NOT_COPIED[object.nameSingular];
    if (reason) skipped.push({ nameSingular: object.nameSingular, reason });
    else objects.push(describeObject(object, morph));
  }
  return { objects, skipped };
};

export interface ObjectChoice {
  name: string;
  /** At most this many records (the first ones in the source's order). */
  recordCap?: number;
}

/**
 * The source's objects narrowed to what the target can take: objects it has, fields it has, and
 * links to objects that are copied too (a join column to an object left out is dropped and
 * reported, since its ids mean nothing in the target).
 */
export const selectObjects = (
  source: ReplicaObject[],
  target: WorkspaceModel,
  choices?: ObjectChoice[],
): {
  objects: ReplicaObject[];
  skipped: SkippedObject[];
  droppedLinks: Array<{ object: string; field: string; reason: string }>;
} => {
  const wanted = choices ? new Map(choices.map((choice) => [choice.name, choice])) : null;
  const targetObjects = new Map(target.objects.map((object) => [object.nameSingular, object]));
  const skipped: SkippedObject[] = [];
  const chosen: ReplicaObject[] = [];
  for (const object of source) {
    if (wanted && !wanted.has(object.nameSingular)) continue;
    const there = targetObjects.get(object.nameSingular);
    if (!there || !there.isActive) {
      skipped.push({
        nameSingular: object.nameSingular,
        reason: 'the target workspace has no such active object',
      });
      continue;
    }
    const targetFields = new Map(there.fields.map((field) => [field.name, field]));
    chosen.push({
      ...object,
      namePlural: there.namePlural,
      fields: object.fields.filter((name) => targetFields.get(name)?.isActive),
      actors: object.actors.filter((name) => targetFields.get(name)?.type === 'ACTOR'),
      links: object.links.filter((link) => {
        const field = targetFields.get(link.field);
        return field?.isActive && isManyToOne(field) && joinColumnOf(field) === link.joinColumn;
      }),
    });
  }
  const copied = new Set(chosen.map((object) => object.nameSingular));
  const droppedLinks = chosen.flatMap((object) =>
    object.links
      .filter((link) => !copied.has(link.targetObject))
      .map((link) => ({
        object: object.nameSingular,
        field: link.field,
        reason: `points at ${link.targetObject}, which is not copied`,
      })),
  );
  return {
    objects: chosen.map((object) => ({
      ...object,
      links: object.links.filter((link) => copied.has(link.targetObject)),
    })),
    skipped,
    droppedLinks,
  };
};
