import type { ModelField } from '../contract/data-model';
import type { CompositeFieldType } from '../domain/composite-types';
import { INVALID, type CellProblem, type Issues, type Severity } from './cell-problems';
import { SIGNIFICANT_PARTS, splitSingleColumn, type CompositeReader } from './composite-readers';
import { keyOfText, type KeyTarget } from './dedupe-keys';
import type { LookupSource } from './mapping';
import type { TextTransform } from './transforms';

/**
 * The per-row work of a compiled mapping: one plan per mapped field reads its cell(s), applies
 * the transforms, handles empty cells and calls the field's reader, reporting problems against
 * the right column. Plans are built once; their run allocates as little as it can.
 */
export type Cells = Readonly<Record<string, string | undefined>>;

/** A relation to resolve before writing: set `joinColumn` to the id of the record found. */
export interface LookupRequest {
  field: string;
  joinColumn: string;
  column: string;
  object: string;
  /** Key path on the other object (`domainName.primaryLinkUrl`, `emails.primaryEmail`, `name`). */
  by: string;
  /** Normalised as dedupe-keys.ts keyOfValue normalises the other object's values. */
  value: string;
  createMissing: boolean;
}

export interface RowResult {
  /** Field name (or join column) → value in Twenty's REST body shape. */
  values: Record<string, unknown>;
  problems: CellProblem[];
  lookups: LookupRequest[];
  hasErrors: boolean;
}

export interface Plan {
  run(cells: Cells, row: RowResult): void;
}

const labelOf = (field: ModelField): string => field.label || field.name;

export const isBlank = (text: string): boolean =>
  text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '');

const EMPTY_ROW: RowResult = { values: {}, problems: [], lookups: [], hasErrors: false };

/** Reports for one field, pointing at the column (or the part's column) of the current row. */
export class FieldIssues implements Issues {
  row: RowResult = EMPTY_ROW;
  value = '';
  partValues: Partial<Record<string, string>> | null = null;

  constructor(
    readonly field: string,
    readonly column: string | null,
    private readonly partColumns: ReadonlyMap<string, string | null> | null = null,
  ) {}

  begin(row: RowResult, value: string, partValues: Partial<Record<string, string>> | null = null) {
    this.row = row;
    this.value = value;
    this.partValues = partValues;
  }

  private push(message: string, severity: Severity, part?: string) {
    const column = part && this.partColumns?.has(part) ? this.partColumns.get(part)! : this.column;
    const value =
      part && this.partValues?.[part] !== undefined ? this.partValues[part]! : this.value;
    this.row.problems.push({
      field: part && this.partColumns ? `${this.field}.${part}` : this.field,
      column,
      value,
      message,
      severity,
    });
    if (severity === 'error') this.row.hasErrors = true;
  }

  error(message: string, part?: string) {
    this.push(message, 'error', part);
  }

  warn(message: string, part?: string) {
    this.push(message, 'warning', part);
  }
}

export interface FieldSetup {
  field: ModelField;
  key: string;
  required: Severity | null;
  clear: boolean;
  emptyBoolean?: boolean;
}

/** What an empty cell does: nothing, null (clear), a boolean, or a required-field problem. */
export const onEmpty = (setup: FieldSetup, issues: FieldIssues, row: RowResult, raw: string) => {
  if (setup.emptyBoolean !== undefined) {
    row.values[setup.key] = setup.emptyBoolean;
    return;
  }
  if (setup.required) {
    issues.begin(row, raw);
    const message = `${labelOf(setup.field)} is required; the cell is empty`;
    if (setup.required === 'error') issues.error(message);
    else issues.warn(`${message} (a new record would be refused)`);
    return;
  }
  if (setup.clear) row.values[setup.key] = null;
};

export const columnPlan = (
  setup: FieldSetup,
  column: string,
  text: TextTransform | null,
  read: (text: string, issues: Issues) => unknown,
): Plan => {
  const issues = new FieldIssues(setup.field.name, column);
  return {
    run(cells, row) {
      const raw = cells[column] ?? '';
      const value = text ? text(raw) : raw;
      if (isBlank(value)) return onEmpty(setup, issues, row, raw);
      issues.begin(row, raw);
      const result = read(value, issues);
      if (result !== INVALID) row.values[setup.key] = result;
    },
  };
};

export interface CompiledPart {
  key: string;
  column: string | null;
  constant: string | null;
  text: TextTransform | null;
}

export const partsPlan = (
  setup: FieldSetup,
  type: CompositeFieldType,
  parts: CompiledPart[],
  read: CompositeReader,
): Plan => {
  const significant = new Set(
    SIGNIFICANT_PARTS[type] ?? parts.filter((part) => part.constant === null).map((p) => p.key),
  );
  const partColumns = new Map<string, string | null>();
  for (const part of parts) if (!partColumns.has(part.key)) partColumns.set(part.key, part.column);
  const issues = new FieldIssues(setup.field.name, parts[0]?.column ?? null, partColumns);
  // Reused across rows (readers never keep them): a composite costs no allocation to gather.
  const texts: Record<string, string[]> = {};
  const raws: Partial<Record<string, string>> = {};
  const keys = [...partColumns.keys()];
  for (const key of keys) texts[key] = [];
  return {
    run(cells, row) {
      for (const key of keys) {
        const list = texts[key]!;
        if (list.length) list.length = 0;
        raws[key] = undefined;
      }
      let content = false;
      for (const part of parts) {
        const raw = part.constant ?? cells[part.column!] ?? '';
        const value = part.text ? part.text(raw) : raw;
        if (isBlank(value)) continue;
        texts[part.key]!.push(value);
        raws[part.key] ??= raw;
        if (part.constant === null && significant.has(part.key)) content = true;
      }
      if (!content) return onEmpty(setup, issues, row, '');
      issues.begin(row, raws[parts[0]!.key] ?? '', raws);
      const result = read(texts, issues);
      if (result !== INVALID) row.values[setup.key] = result;
    },
  };
};

export const lookupPlan = (
  setup: FieldSetup,
  source: LookupSource,
  target: KeyTarget,
  joinColumn: string,
  text: TextTransform | null,
  phoneCountry: string | undefined,
): Plan => {
  const issues = new FieldIssues(setup.field.name, source.column);
  const phones = { defaultCountry: phoneCountry };
  return {
    run(cells, row) {
      const raw = cells[source.column] ?? '';
      const value = text ? text(raw) : raw;
      if (isBlank(value)) {
        if (setup.clear) row.values[joinColumn] = null;
        return;
      }
      const key = keyOfText(target, value, phones);
      if ('error' in key) {
        issues.begin(row, raw);
        issues.error(`${key.error} (to find the ${source.object} of ${labelOf(setup.field)})`);
        return;
      }
      row.lookups.push({
        field: setup.field.name,
        joinColumn,
        column: source.column,
        object: source.object,
        by: target.path,
        value: key.key,
        createMissing: source.createMissing,
      });
    },
  };
};

/** A composite written from one column ("Ada Lovelace", "$1,200", "a@x.com; b@y.com"). */
export const singleCompositePlan = (
  setup: FieldSetup,
  type: CompositeFieldType,
  column: string,
  text: TextTransform | null,
  read: CompositeReader,
): Plan => {
  const issues = new FieldIssues(setup.field.name, column, new Map());
  return {
    run(cells, row) {
      const raw = cells[column] ?? '';
      const value = text ? text(raw) : raw;
      if (isBlank(value)) return onEmpty(setup, issues, row, raw);
      issues.begin(row, raw);
      const result = read(splitSingleColumn(type, value), issues);
      if (result !== INVALID) row.values[setup.key] = result;
    },
  };
};
