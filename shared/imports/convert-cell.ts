import type { ModelField, ModelObject, WorkspaceModel } from '../contract/data-model';
import { isCompositeFieldType, type CompositeFieldType } from '../domain/composite-types';
import { quote, type MappingProblem, type Severity } from './cell-problems';
import {
  compositeReader,
  IMPORTABLE_PARTS,
  LIST_PARTS,
  SINGLE_COLUMN_PARTS,
} from './composite-readers';
import { resolveKeyPath } from './dedupe-keys';
import { isOneToMany, junctionAttach } from './junction-targets';
import {
  isColumnPart,
  mappedColumns,
  type FieldSource,
  type LookupSource,
  type MappingDocument,
  type Transform,
} from './mapping';
import { readUuid, scalarReader, type ReaderContext } from './scalar-readers';
import {
  columnPlan,
  lookupPlan,
  partsPlan,
  singleCompositePlan,
  type CellList,
  type Cells,
  type CompiledPart,
  type FieldSetup,
  type Plan,
  type RowResult,
  type Slot,
} from './row-plans';
import { compileTransforms, type ReadHints } from './transforms';

export type { CellList, Cells, LookupRequest, RowResult } from './row-plans';

/** The column name a constant's probe reads (no file has it: NUL is not a header). */
const PROBE = '\u0000';

/**
 * One spreadsheet row → the body Twenty's REST API takes on create/update, with every problem
 * Twenty would refuse the row for (and warnings), before anything is written. The mapping is
 * compiled once — readers, regular expressions, option tables, zone converters — so a row costs
 * a few property reads and the readers' work. docs/import-mapping.md lists the rules.
 */
export type ImportMode = 'create' | 'update' | 'upsert';

export interface CompileOptions {
  /** Required fields are errors in create mode, warnings in upsert mode, not checked on update. */
  mode?: ImportMode;
  /** The file's columns: mapped columns missing from it are mapping errors. */
  headers?: readonly string[];
  /**
   * The converter takes each row's cells in `headers` order (`SourceRow.cells`) rather than an
   * object keyed by column: nothing to build per row, and each plan reads its cell by index.
   * Same values and problems. A repeated header name reads its last column, as an object built
   * from the row would.
   */
  positional?: boolean;
}

export interface RowConverter<C = Cells> {
  (cells: C): RowResult;

  readonly mappingProblems: readonly MappingProblem[];
  readonly columns: readonly string[];
  /** Field → option value → label: options the rows seen so far need created. */
  readonly newOptions: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Fields Twenty fills itself; a file cannot set them. */
const SERVER_MANAGED = new Set([
  'updatedAt',
  'deletedAt',
  'createdBy',
  'updatedBy',
  'position',
  'searchVector',
]);
const NOT_REQUIRED_TYPES = new Set([
  'RELATION',
  'MORPH_RELATION',
  'ACTOR',
  'POSITION',
  'TS_VECTOR',
]);

/** Not nullable and no default: Twenty's insert fails without a value. */
export const isRequiredField = (field: ModelField): boolean =>
  field.isActive &&
  !field.isSystem &&
  !field.isNullable &&
  (field.defaultValue === null || field.defaultValue === undefined) &&
  !NOT_REQUIRED_TYPES.has(field.type) &&
  field.name !== 'id' &&
  !SERVER_MANAGED.has(field.name) &&
  field.name !== 'createdAt';

const labelOf = (field: ModelField): string => field.label || field.name;

/** Composites read from parts; RICH_TEXT is written as one markdown text. */
const isComposite = (type: string): type is CompositeFieldType =>
  isCompositeFieldType(type) && type !== 'RICH_TEXT';

const relationOf = (field: ModelField) => {
  const kind = field.relation?.type ?? (field.settings?.relationType as string | undefined);
  const joinColumn =
    typeof field.settings?.joinColumnName === 'string'
      ? field.settings.joinColumnName
      : `${field.name}Id`;
  return { manyToOne: kind === 'MANY_TO_ONE', joinColumn, target: field.relation?.targetObject };
};

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

const mergeHints = (hints: ReadHints[]): ReadHints =>
  hints.reduce<ReadHints>(
    (merged, next) => ({
      ...merged,
      ...Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined)),
      number: next.number !== 'auto' ? next.number : merged.number,
    }),
    { number: 'auto' },
  );

/** Compiles a mapping for one object of a workspace model: call the result once per row. */
export function compileMapping(
  mapping: MappingDocument,
  object: ModelObject,
  model: WorkspaceModel,
  options: CompileOptions & { positional: true; headers: readonly string[] },
): RowConverter<CellList>;
export function compileMapping(
  mapping: MappingDocument,
  object: ModelObject,
  model: WorkspaceModel,
  options?: CompileOptions & { positional?: false },
): RowConverter<Cells>;
export function compileMapping(
  mapping: MappingDocument,
  object: ModelObject,
  model: WorkspaceModel,
  options: CompileOptions = {},
): RowConverter<Cells> | RowConverter<CellList> {
  const mode = options.mode ?? 'create';
  const positions = options.positional ? new Map<string, number>() : null;
  if (positions) options.headers?.forEach((header, index) => positions.set(header, index));
  /** The probe of a constant reads a cells object keyed by PROBE, whatever the mode. */
  const slotOf = (column: string): Slot =>
    positions && column !== PROBE ? (positions.get(column) ?? -1) : column;
  const problems: MappingProblem[] = [];
  const problem = (field: string | null, message: string, severity: Severity = 'error') =>
    problems.push({ field, message, severity });
  const newOptions = new Map<string, Map<string, string>>();
  const plans: Plan[] = [];
  const requiredSeverity: Severity | null =
    mode === 'create' ? 'error' : mode === 'upsert' ? 'warning' : null;

  if (mapping.object !== object.nameSingular)
    problem(null, `The mapping is for ${mapping.object}, not ${object.nameSingular}`);
  if (options.headers) {
    const headers = new Set(options.headers);
    for (const column of mappedColumns(mapping))
      if (!headers.has(column)) problem(null, `Column ${quote(column)} is not in the file`);
  }

  for (const [name, source] of Object.entries(mapping.fields)) {
    const field = object.fields.find((candidate) => candidate.name === name);
    if (!field || !field.isActive) {
      problem(name, `${object.labelSingular} has no active field ${name}`);
      continue;
    }
    if (SERVER_MANAGED.has(name) || field.type === 'ACTOR' || field.type === 'TS_VECTOR') {
      problem(name, `${labelOf(field)} is set by Twenty and cannot be imported`);
      continue;
    }
    if (name === 'createdAt')
      problem(name, 'Twenty may ignore createdAt given through the API', 'warning');
    const plan = planField(field, source);
    if (plan) plans.push(plan);
  }

  for (const field of object.fields)
    if (requiredSeverity && isRequiredField(field) && !(field.name in mapping.fields))
      problem(
        field.name,
        `${labelOf(field)} is required and not mapped${requiredSeverity === 'warning' ? ' (new records would be refused)' : ''}`,
        requiredSeverity,
      );

  function readerContext(field: ModelField, hints: ReadHints): ReaderContext {
    return {
      field,
      hints,
      options: mapping.options,
      newOption(value, label) {
        let options = newOptions.get(field.name);
        if (!options) newOptions.set(field.name, (options = new Map()));
        if (!options.has(value)) options.set(value, label);
      },
    };
  }

  function planField(field: ModelField, source: FieldSource): Plan | null {
    const setup: FieldSetup = {
      field,
      key: field.name,
      required: isRequiredField(field) ? requiredSeverity : null,
      clear: mapping.options.emptyCells === 'clear',
      slotOf,
    };
    const isRelation = field.type === 'RELATION' || field.type === 'MORPH_RELATION';
    if (source.kind === 'lookup') return planLookup(setup, source);
    if (isRelation) {
      const relation = relationOf(field);
      if (!relation.manyToOne || source.kind !== 'column') {
        problem(
          field.name,
          `${labelOf(field)} is a relation: map it with a lookup (or a column of record ids)`,
        );
        return null;
      }
      setup.key = relation.joinColumn;
      const { text } = compileTransforms(source.transforms);
      return columnPlan(setup, source.column, text, readUuid);
    }
    if (source.kind === 'constant') return planConstant(setup, source.value);
    if (isComposite(field.type)) return planComposite(setup, field.type, source);
    if (source.kind === 'columns') {
      problem(field.name, `${labelOf(field)} takes one column, not parts`);
      return null;
    }
    const { text, hints } = compileTransforms(source.transforms);
    const reader = scalarReader(readerContext(field, hints));
    if ('unsupported' in reader) {
      problem(field.name, reader.unsupported);
      return null;
    }
    if (field.type === 'BOOLEAN' && hints.boolean?.empty !== undefined)
      setup.emptyBoolean = hints.boolean.empty;
    checkValueMap(field, hints);
    return columnPlan(setup, source.column, text, reader);
  }

  function checkValueMap(field: ModelField, hints: ReadHints) {
    if (!hints.valueMap) return;
    if (!['SELECT', 'MULTI_SELECT', 'RATING'].includes(field.type))
      problem(field.name, `A value map only applies to select and rating fields`, 'warning');
  }

  function planComposite(
    setup: FieldSetup,
    type: CompositeFieldType,
    source: Exclude<FieldSource, { kind: 'constant' | 'lookup' }>,
  ): Plan | null {
    const field = setup.field;
    const allowed = IMPORTABLE_PARTS[type];
    if (!allowed) {
      problem(field.name, `${type} fields cannot be imported from a file`);
      return null;
    }
    if (source.kind === 'column') {
      const { text, hints } = compileTransforms(source.transforms);
      const reader = compositeReader(
        readerContext(field, hints),
        type,
        new Set(SINGLE_COLUMN_PARTS[type]),
      );
      if ('unsupported' in reader) {
        problem(field.name, reader.unsupported);
        return null;
      }
      return singleCompositePlan(setup, type, source.column, text, reader);
    }
    const parts: CompiledPart[] = [];
    const hints: ReadHints[] = [];
    for (const [key, given] of Object.entries(source.parts)) {
      if (!allowed.includes(key)) {
        problem(field.name, `${labelOf(field)} has no part ${key} (${allowed.join(', ')})`);
        continue;
      }
      const list = Array.isArray(given) ? given : [given];
      if (list.length > 1 && !LIST_PARTS.has(key))
        problem(field.name, `${key} takes one column; the others are ignored`, 'warning');
      for (const part of LIST_PARTS.has(key) ? list : list.slice(0, 1)) {
        if (isColumnPart(part)) {
          const compiled = compileTransforms(part.transforms);
          hints.push(compiled.hints);
          parts.push({ key, column: part.column, constant: null, text: compiled.text });
        } else parts.push({ key, column: null, constant: part.constant, text: null });
      }
    }
    if (parts.length === 0) return null;
    const ctx = readerContext(field, mergeHints(hints));
    const reader = compositeReader(ctx, type, new Set(parts.map((part) => part.key)));
    if ('unsupported' in reader) {
      problem(field.name, reader.unsupported);
      return null;
    }
    if (
      type === 'CURRENCY' &&
      !parts.some((part) => part.key === 'currencyCode') &&
      !mapping.options.currency &&
      !(field.defaultValue as { currencyCode?: unknown } | null)?.currencyCode
    )
      problem(
        field.name,
        `${labelOf(field)} has no currency column and no default currency: amounts without a currency sign are taken as USD`,
        'warning',
      );
    return partsPlan(setup, type, parts, reader);
  }

  function planConstant(setup: FieldSetup, value: unknown): Plan | null {
    const field = setup.field;
    let constant: unknown = value;
    if (typeof value === 'string') {
      const probe: RowResult = { values: {}, problems: [], lookups: [], hasErrors: false };
      const plan = isComposite(field.type)
        ? planComposite(setup, field.type, { kind: 'column', column: PROBE, transforms: [] })
        : planField(field, { kind: 'column', column: PROBE, transforms: [] as Transform[] });
      if (!plan) return null;
      plan.run({ [PROBE]: value }, probe);
      for (const found of probe.problems)
        problem(field.name, `Constant: ${found.message}`, found.severity);
      if (probe.hasErrors) return null;
      if (!(setup.key in probe.values)) return null;
      constant = probe.values[setup.key];
    }
    const frozen = deepFreeze(constant);
    const key = setup.key;
    return {
      run(_cells, row) {
        row.values[key] = frozen;
      },
    };
  }

  function planLookup(setup: FieldSetup, source: LookupSource): Plan | null {
    const field = setup.field;
    if (isOneToMany(field)) return checkJunctionLookup(field, source);
    const relation = relationOf(field);
    if (field.type !== 'RELATION' || !relation.manyToOne) {
      problem(
        field.name,
        `${labelOf(field)} is not a many-to-one relation: it cannot be looked up`,
      );
      return null;
    }
    if (relation.target && relation.target !== source.object)
      problem(field.name, `${labelOf(field)} points to ${relation.target}, not ${source.object}`);
    const other = model.objects.find((candidate) => candidate.nameSingular === source.object);
    if (!other) {
      problem(field.name, `The workspace has no object ${source.object}`);
      return null;
    }
    const target = resolveKeyPath(other, source.by);
    if ('error' in target) {
      problem(field.name, target.error);
      return null;
    }
    if (!target.field.isUnique && target.field.name !== 'id')
      problem(
        field.name,
        `${other.labelSingular} ${target.path} is not unique: a value matching several records cannot be linked`,
        'warning',
      );
    const { text } = compileTransforms(source.transforms);
    return lookupPlan(
      setup,
      source,
      target,
      relation.joinColumn,
      text,
      mapping.options.phoneCountry,
    );
  }

  /**
   * A one-to-many through a junction (a note's noteTargets): checked here, written by the engine
   * (stage/junction-lookups.ts) once the row's record exists, so the row gets no value for it.
   */
  function checkJunctionLookup(field: ModelField, source: LookupSource): null {
    const attach = junctionAttach(model, field, source.object);
    if ('error' in attach) {
      problem(field.name, attach.error);
      return null;
    }
    const other = model.objects.find((candidate) => candidate.nameSingular === source.object);
    const target = other
      ? resolveKeyPath(other, source.by)
      : { error: `The workspace has no object ${source.object}` };
    if ('error' in target) problem(field.name, target.error);
    return null;
  }

  const converter = ((cells: Cells | CellList): RowResult => {
    const row: RowResult = { values: {}, problems: [], lookups: [], hasErrors: false };
    for (let i = 0; i < plans.length; i++) plans[i]!.run(cells, row);
    return row;
  }) as RowConverter<Cells> & RowConverter<CellList>;
  return Object.assign(converter, {
    mappingProblems: problems,
    columns: mappedColumns(mapping),
    newOptions,
  });
}

const compiled = new WeakMap<
  MappingDocument,
  WeakMap<ModelObject, Map<ImportMode, RowConverter>>
>();

/**
 * One row, compiling the mapping on first use (cached per mapping, object and mode). Loops over
 * many rows should call `compileMapping` once and keep the converter.
 */
export const convertRow = (
  mapping: MappingDocument,
  object: ModelObject,
  model: WorkspaceModel,
  cells: Cells,
  options: { mode?: ImportMode } = {},
): RowResult => {
  const mode = options.mode ?? 'create';
  let byObject = compiled.get(mapping);
  if (!byObject) compiled.set(mapping, (byObject = new WeakMap()));
  let byMode = byObject.get(object);
  if (!byMode) byObject.set(object, (byMode = new Map()));
  let converter = byMode.get(mode);
  if (!converter) byMode.set(mode, (converter = compileMapping(mapping, object, model, { mode })));
  return converter(cells);
};
