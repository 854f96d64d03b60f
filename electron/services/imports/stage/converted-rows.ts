import type { ModelObject, WorkspaceModel } from '../../../../shared/contract/data-model';
import { AppError } from '../../../../shared/errors/app-error';
import {
  compileMapping,
  type CellList,
  type ImportMode,
  type MappingProblem,
  type RowConverter,
  type RowResult,
} from '../../../../shared/imports';
import type { MappingDocument } from '../../../../shared/imports/mapping';
import { inspectSource, readSourceRows, type SourceOptions } from '../sources';
import {
  applyJunctionLookups,
  splitJunctionLookups,
  type JunctionLookup,
} from './junction-lookups';
import type { StepFixes } from '../import-record';

/**
 * The rows of one file as the target object sees them: read in batches, the admin's cell fixes
 * laid over the file's text, converted by the compiled mapping. Validation, staging and the grid
 * all go through here, so a fixed cell means the same thing everywhere.
 */
export interface ConvertedRow {
  line: number;
  /** As read from the file. */
  original: string[];
  /** By header index, fixes applied. */
  cells: string[];
  /** Columns the admin changed on this row. */
  fixed: string[];
  excluded: boolean;
  result: RowResult;
  /** How many of `result.problems` the conversion found (later ones come from key checks). */
  converted: number;
}

export interface StepSource {
  path: string;
  source: SourceOptions;
  mapping: MappingDocument;
  mode: ImportMode;
}

export const targetObject = (model: WorkspaceModel, name: string): ModelObject => {
  const object = model.objects.find(
    (candidate) => candidate.nameSingular === name && candidate.isActive,
  );
  if (!object)
    throw new AppError(
      'INVALID_INPUT',
      `The workspace has no active object "${name}": create it in the data model first`,
    );
  return object;
};

export interface OpenedStep {
  headers: string[];
  object: ModelObject;
  converter: RowConverter<CellList>;
  /** Lookups through junction objects (notes to their targets), outside the converter. */
  junctions: JunctionLookup[];
  /** The converter's mapping problems and the junction lookups'. */
  mappingProblems: MappingProblem[];
  phoneCountry: string | undefined;
}

export const openStep = async (step: StepSource, model: WorkspaceModel): Promise<OpenedStep> => {
  const info = await inspectSource(step.path, step.source);
  const object = targetObject(model, step.mapping.object);
  const split = splitJunctionLookups(step.mapping, object, model, info.headers);
  // Cells by position: no object per row on the hot path.
  const converter = compileMapping(split.mapping, object, model, {
    mode: step.mode,
    headers: info.headers,
    positional: true,
  });
  return {
    headers: info.headers,
    object,
    converter,
    junctions: split.junctions,
    mappingProblems: [...converter.mappingProblems, ...split.problems],
    phoneCountry: step.mapping.options.phoneCountry,
  };
};

const isBlankRow = (cells: string[]) => cells.every((cell) => cell.trim() === '');

/** Cells by column name for the converter (fixes laid over the file's text). */
export const cellsByColumn = (headers: string[], cells: string[]): Record<string, string> => {
  const byColumn: Record<string, string> = {};
  for (let i = 0; i < headers.length; i++) byColumn[headers[i]!] = cells[i] ?? '';
  return byColumn;
};

/** A row's cells with its fixes applied, and the columns fixed. */
export const applyFixes = (
  headers: string[],
  cells: string[],
  fixes: Record<string, string> | undefined,
): { cells: string[]; fixed: string[] } => {
  if (!fixes) return { cells, fixed: [] };
  const next = [...cells];
  const fixed: string[] = [];
  for (const [column, text] of Object.entries(fixes)) {
    const index = headers.indexOf(column);
    if (index < 0) continue;
    next[index] = text;
    fixed.push(column);
  }
  return { cells: next, fixed };
};

/** One row through the converter, the source's own reading problems added as warnings. */
export const convertOne = (
  opened: OpenedStep,
  line: number,
  original: string[],
  fixes: StepFixes,
  sourceProblems: { message: string; column?: number }[] = [],
): ConvertedRow => {
  const { cells, fixed } = applyFixes(opened.headers, original, fixes.cells[String(line)]);
  const result = opened.converter(cells);
  if (opened.junctions.length > 0)
    applyJunctionLookups(
      opened.junctions,
      cellsByColumn(opened.headers, cells),
      result,
      opened.phoneCountry,
    );
  for (const problem of sourceProblems) {
    const column = problem.column ? (opened.headers[problem.column - 1] ?? null) : null;
    result.problems.push({
      field: '',
      column,
      value: column ? (cells[problem.column! - 1] ?? '') : '',
      message: problem.message,
      severity: 'warning',
    });
  }
  return {
    line,
    original,
    cells,
    fixed,
    excluded: fixes.excluded.includes(line),
    result,
    converted: result.problems.length,
  };
};

/** Every non-blank data row of the file, converted, in batches. */
export async function* convertedRows(
  step: StepSource,
  opened: OpenedStep,
  fixes: StepFixes,
  options: { signal?: AbortSignal; onBytes?: (read: number, total: number) => void } = {},
): AsyncGenerator<ConvertedRow[]> {
  const excluded = new Set(fixes.excluded);
  const fixesOf = { ...fixes, excluded: [] as number[] };
  for await (const batch of readSourceRows(step.path, {
    ...step.source,
    batchSize: 1000,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onBytes ? { onProgress: options.onBytes } : {}),
  })) {
    const rows: ConvertedRow[] = [];
    for (const row of batch) {
      if (isBlankRow(row.cells) && !fixes.cells[String(row.line)]) continue;
      const converted = convertOne(opened, row.line, row.cells, fixesOf, row.problems);
      converted.excluded = excluded.has(row.line);
      rows.push(converted);
    }
    if (rows.length > 0) yield rows;
  }
}
