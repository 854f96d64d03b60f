import type { ModelObject, WorkspaceModel } from '../../../../shared/contract/data-model';
import {
  keyOfText,
  resolveKeyPath,
  type KeyTarget,
  type MappingProblem,
  type RowResult,
} from '../../../../shared/imports';
import {
  isOneToMany,
  junctionAttach,
  junctionCellReader,
} from '../../../../shared/imports/junction-targets';
import type { LookupSource, MappingDocument } from '../../../../shared/imports/mapping';
import type { Attach, EngineLookup } from '../run/lookup-resolver';

/**
 * Lookups through a junction object: a note's `noteTargets` or a task's `taskTargets` (any
 * one-to-many towards an object that has a many-to-one back and one towards the looked-up
 * object). The mapping names the one-to-many field with a lookup source ("Company domain" →
 * company by domainName); each row gets one lookup per value (a list transform splits a cell
 * into several targets), and the engine creates the junction record once the row's record is
 * written. Which junctions can link to which objects: shared/imports/junction-targets.ts.
 */
export interface JunctionLookup {
  field: string;
  column: string;
  /** The cell's values to look up (transforms applied, a list cut into its items). */
  values: (raw: string) => string[];
  target: KeyTarget;
  object: string;
  createMissing: boolean;
  attach: Attach;
}

/** Whether a mapped field is a one-to-many the engine fills through its junction. */
const isJunctionField = (object: ModelObject, name: string) => {
  const field = object.fields.find((candidate) => candidate.name === name);
  return field !== undefined && isOneToMany(field);
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
    const attach = junctionAttach(model, field, lookup.object);
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
    junctions.push({
      field: name,
      column: lookup.column,
      values: junctionCellReader(lookup.transforms),
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
    for (const value of junction.values(cells[junction.column] ?? '')) {
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
