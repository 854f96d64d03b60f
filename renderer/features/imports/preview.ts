import type { ModelObject, WorkspaceModel } from '../../../shared/contract';
import {
  compileMapping,
  type Cells,
  type CellProblem,
  type ImportMode,
  type MappingDocument,
  type MappingProblem,
  type RowResult,
} from '../../../shared/imports';
import { isOneToMany, junctionCellReader } from '../../../shared/imports/junction-targets';

/**
 * The mapping step's live preview: the first sample rows of the file converted in the page with
 * the same code the engine runs (compileMapping), so the admin sees the values Twenty will get and
 * the problems each cell has before anything is validated in main.
 */
export interface PreviewRow {
  line: number;
  cells: Cells;
  result: RowResult;
  /**
   * Junction fields (a note's noteTargets): what the row is attached to once written — the
   * engine does it, so the converted row holds no value for them.
   */
  attached?: Record<string, Attached>;
}

export interface Attached {
  object: string;
  by: string;
  values: string[];
}

/** The mapping's lookups through a junction, each with its cell reader. */
const junctionReaders = (mapping: MappingDocument, object: ModelObject) =>
  Object.entries(mapping.fields).flatMap(([name, source]) => {
    const field = object.fields.find((candidate) => candidate.name === name);
    if (source.kind !== 'lookup' || !field || !isOneToMany(field)) return [];
    return [{ name, source, read: junctionCellReader(source.transforms) }];
  });

export interface Preview {
  mappingProblems: readonly MappingProblem[];
  rows: PreviewRow[];
  /** Options the rows need created: field → labels. */
  newOptions: Record<string, string[]>;
  /** Compilation itself failed (a document the converter cannot read). */
  failure: string | null;
}

/** Sample rows (arrays aligned with the headers) as cells by column. */
export const cellsOf = (headers: readonly string[], row: readonly string[]): Cells => {
  const cells: Record<string, string> = {};
  headers.forEach((header, index) => {
    cells[header] = row[index] ?? '';
  });
  return cells;
};

export const buildPreview = (input: {
  mapping: MappingDocument;
  object: ModelObject;
  model: WorkspaceModel;
  mode: ImportMode;
  headers: readonly string[];
  sample: ReadonlyArray<readonly string[]>;
  sampleLines: readonly number[];
  limit?: number;
}): Preview => {
  const { mapping, object, model, mode, headers } = input;
  try {
    const convert = compileMapping(mapping, object, model, { mode, headers });
    const junctions = junctionReaders(mapping, object);
    const rows = input.sample.slice(0, input.limit ?? 20).map((row, index): PreviewRow => {
      const cells = cellsOf(headers, row);
      const line = input.sampleLines[index] ?? index + 2;
      if (!junctions.length) return { line, cells, result: convert(cells) };
      const attached: Record<string, Attached> = {};
      for (const { name, source, read } of junctions)
        attached[name] = {
          object: source.object,
          by: source.by,
          values: read(cells[source.column] ?? ''),
        };
      return { line, cells, result: convert(cells), attached };
    });
    const newOptions: Record<string, string[]> = {};
    for (const [field, options] of convert.newOptions) newOptions[field] = [...options.values()];
    return { mappingProblems: convert.mappingProblems, rows, newOptions, failure: null };
  } catch (error) {
    return {
      mappingProblems: [],
      rows: [],
      newOptions: {},
      failure: error instanceof Error ? error.message : String(error),
    };
  }
};

/** A converted value as one line of text for the preview table (sub-field values, in order). */
export const previewText = (value: unknown): string => {
  if (value === undefined) return '';
  if (value === null) return '∅ (cleared)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(previewText).join(', ');
  if (typeof value === 'object')
    return Object.values(value as Record<string, unknown>)
      .filter(
        (part) =>
          part !== null &&
          part !== undefined &&
          part !== '' &&
          !(Array.isArray(part) && part.length === 0),
      )
      .map(previewText)
      .join(' · ');
  return String(value);
};

/** The preview's columns: the fields the converted rows hold, in the mapping's field order. */
export const previewColumns = (mapping: MappingDocument, rows: readonly PreviewRow[]): string[] => {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.result.values)) seen.add(key);
  for (const row of rows) for (const lookup of row.result.lookups) seen.add(lookup.field);
  for (const row of rows) for (const field of Object.keys(row.attached ?? {})) seen.add(field);
  const order = Object.keys(mapping.fields);
  const rank = (key: string) => {
    const index = order.findIndex((field) => key === field || key.startsWith(field));
    return index < 0 ? order.length : index;
  };
  return [...seen].sort((a, b) => rank(a) - rank(b));
};

/** Problems of a row that belong to a field (sub-field paths included). */
export const problemsOfField = (problems: readonly CellProblem[], field: string): CellProblem[] =>
  problems.filter((problem) => problem.field === field || problem.field.startsWith(`${field}.`));

/** What a preview cell shows for a field: its value, or the lookup it will resolve. */
export const previewCell = (row: PreviewRow, key: string): string => {
  const lookup = row.result.lookups.find((candidate) => candidate.field === key);
  if (lookup) return `→ ${lookup.object} where ${lookup.by} = ${lookup.value}`;
  const attached = row.attached?.[key];
  if (attached)
    return attached.values.length
      ? `attached to ${attached.object} by ${attached.by}: ${attached.values.join(', ')}`
      : '';
  return previewText(row.result.values[key]);
};

/** The same value with its sub-field names, for the cell's tooltip. */
export const previewDetail = (value: unknown): string =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value as Record<string, unknown>)
        .map(([key, part]) => `${key}: ${previewText(part) || '—'}`)
        .join('\n')
    : previewText(value);
