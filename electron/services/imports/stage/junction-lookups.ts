import type {
  ModelField,
  ModelObject,
  WorkspaceModel,
} from '../../../../shared/contract/data-model';
import {
  keyOfText,
  resolveKeyPath,
  type KeyTarget,
  type MappingProblem,
  type RowResult,
} from '../../../../shared/imports';
import type { LookupSource, MappingDocument } from '../../../../shared/imports/mapping';
import { compileTransforms, type TextTransform } from '../../../../shared/imports/transforms';
import type { Attach, EngineLookup } from '../run/lookup-resolver';

/**
 * Lookups through a junction object: a note's `noteTargets` or a task's `taskTargets` (any
 * one-to-many towards an object that has a many-to-one back and one towards the looked-up
 * object). The mapping names the one-to-many field with a lookup source ("Company domain" →
 * company by domainName); each row gets one lookup per value (a list transform splits a cell
 * into several targets), and the engine creates the junction record once the row's record is
 * written. Twenty 2.x points junctions at their targets with MORPH_RELATION fields named
 * `target<Object>` (targetCompany → targetCompanyId); plain many-to-one fields work as well.
 */
export interface JunctionLookup {
  field: string;
  column: string;
  text: TextTransform | null;
  listSeparator: string | undefined;
  target: KeyTarget;
  object: string;
  createMissing: boolean;
  attach: Attach;
}

const joinColumnOf = (field: ModelField) =>
  typeof field.settings?.joinColumnName === 'string'
    ? field.settings.joinColumnName
    : `${field.name}Id`;

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** The junction's join columns for a one-to-many field and a target object, or why not. */
export const junctionOf = (
  model: WorkspaceModel,
  field: ModelField,
  targetObject: string,
): Attach | { error: string } => {
  const junctionName = field.relation?.targetObject;
  const junction = model.objects.find((object) => object.nameSingular === junctionName);
  if (!junction || field.relation?.type !== 'ONE_TO_MANY')
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

/** Whether a mapped field is a one-to-many the engine fills through its junction. */
const isJunctionField = (object: ModelObject, name: string) => {
  const field = object.fields.find((candidate) => candidate.name === name);
  return field?.type === 'RELATION' && field.relation?.type === 'ONE_TO_MANY';
};

/** The mapping without its junction lookups (for compileMapping), and those lookups compiled. */
export const splitJunctionLookups = (
  mapping: MappingDocument,
  object: ModelObject,
  model: WorkspaceModel,
  headers: readonly string[],
): { mapping: MappingDocument; junctions: JunctionLookup[]; problems: MappingProblem[] } => {
  const fields: MappingDocument['fields'] = {};
  const junctions: JunctionLookup[] = [];
  const problems: MappingProblem[] = [];
  for (const [name, source] of Object.entries(mapping.fields)) {
    if (source.kind !== 'lookup' || !isJunctionField(object, name)) {
      fields[name] = source;
      continue;
    }
    const lookup = source as LookupSource;
    const field = object.fields.find((candidate) => candidate.name === name)!;
    const attach = junctionOf(model, field, lookup.object);
    if ('error' in attach) {
      problems.push({ field: name, message: attach.error, severity: 'error' });
      continue;
    }
    const other = model.objects.find((candidate) => candidate.nameSingular === lookup.object);
    const target = other
      ? resolveKeyPath(other, lookup.by)
      : { error: `No object ${lookup.object}` };
    if ('error' in target) {
      problems.push({ field: name, message: target.error, severity: 'error' });
      continue;
    }
    if (!headers.includes(lookup.column))
      problems.push({
        field: name,
        message: `Column '${lookup.column}' is not in the file`,
        severity: 'error',
      });
    const { text, hints } = compileTransforms(lookup.transforms);
    junctions.push({
      field: name,
      column: lookup.column,
      text,
      listSeparator: hints.listSeparator,
      target,
      object: lookup.object,
      createMissing: lookup.createMissing,
      attach,
    });
  }
  return { mapping: { ...mapping, fields }, junctions, problems };
};

/** A row's junction lookups, one per value of the cell. */
export const applyJunctionLookups = (
  junctions: readonly JunctionLookup[],
  cells: Readonly<Record<string, string>>,
  row: RowResult,
  phoneCountry?: string,
) => {
  for (const junction of junctions) {
    const raw = cells[junction.column] ?? '';
    const text = junction.text ? junction.text(raw) : raw;
    const values = (junction.listSeparator ? text.split(junction.listSeparator) : [text])
      .map((value) => value.trim())
      .filter(Boolean);
    for (const value of values) {
      const key = keyOfText(
        junction.target,
        value,
        phoneCountry ? { defaultCountry: phoneCountry } : {},
      );
      if ('error' in key) {
        row.problems.push({
          field: junction.field,
          column: junction.column,
          value,
          message: `${key.error} (to find the ${junction.object} to link)`,
          severity: 'error',
        });
        row.hasErrors = true;
        continue;
      }
      const lookup: EngineLookup = {
        field: junction.field,
        joinColumn: '',
        column: junction.column,
        object: junction.object,
        by: junction.target.path,
        value: key.key,
        createMissing: junction.createMissing,
        attach: junction.attach,
      };
      row.lookups.push(lookup);
    }
  }
};
