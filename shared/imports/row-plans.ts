import type { ModelField } from '../contract/data-model';
import type { CompositeFieldType } from '../domain/composite-types';
import { INVALID, type CellProblem, type Issues, type Severity } from './cell-problems';
import { SIGNIFICANT_PARTS, splitSingleColumn, type CompositeReader } from './composite-readers';
import { keyOfText, type KeyTarget } from './dedupe-keys';
import type { LookupSource } from './mapping';
import { ownString } from './own-string';
import { remembered } from './remembered';
import type { TextTransform } from './transforms';

/**
 * The per-row work of a compiled mapping: one plan per mapped field reads its cell(s), applies
 * the transforms, handles empty cells and calls the field's reader, reporting problems against
 * the right column. Plans are built once; their run allocates as little as it can.
 */
export type Cells = Readonly<Record<string, string | undefined>>;

/**
 * A row's cells in the file's column order (`SourceRow.cells`), for a converter compiled with
 * `positional: true`: no object keyed by column name to build per row.
 */
export type CellList = readonly (string | undefined)[];

/** Where a plan finds a column's text: its name (cells by column) or its index (CellList). */
export type Slot = string | number;

/** The text at a slot ('' when absent): one keyed load, by name or by index. */
const cellAt = (cells: Cells | CellList, slot: Slot): string =>
  (cells as Readonly<Record<Slot, string | undefined>>)[slot] ?? '';

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
  /**
   * Field name (or join column) → value in Twenty's REST body shape. Values of constants are
   * shared between rows and frozen: copy before changing them (mergeRows does).
   */
  values: Record<string, unknown>;
  problems: CellProblem[];
  lookups: LookupRequest[];
  hasErrors: boolean;
}

export interface Plan {
  run(cells: Cells | CellList, row: RowResult): void;
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
  /** A column's slot in the rows the converter takes (its name, or its index). */
  slotOf(column: string): Slot;
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
  const slot = setup.slotOf(column);
  return {
    run(cells, row) {
      const raw = cellAt(cells, slot);
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
  const significantKeys = new Set(
    SIGNIFICANT_PARTS[type] ?? parts.filter((part) => part.constant === null).map((p) => p.key),
  );
  const partColumns = new Map<string, string | null>();
  for (const part of parts) if (!partColumns.has(part.key)) partColumns.set(part.key, part.column);
  const issues = new FieldIssues(setup.field.name, parts[0]?.column ?? null, partColumns);
  // Reused across rows (readers never keep them): gathering a composite allocates nothing.
  const keys = [...partColumns.keys()];
  const texts: Record<string, string[]> = {};
  const raws: Partial<Record<string, string>> = {};
  for (const key of keys) {
    texts[key] = [];
    raws[key] = undefined;
  }
  const lists = parts.map((part) => texts[part.key]!);
  const significant = parts.map((part) => part.constant === null && significantKeys.has(part.key));
  const columns = parts.map((part) => part.column);
  const slots = columns.map((column) => (column === null ? '' : setup.slotOf(column)));
  const transforms = parts.map((part) => part.text);
  const constants = parts.map((part) => part.constant);
  const partKeys = parts.map((part) => part.key);
  const firstKey = parts[0]!.key;
  // One column for the primary value (the usual "Email" → emails.primaryEmail): no gathering.
  const single = parts.length === 1 && parts[0]!.constant === null ? read.one : undefined;
  const gather = (cells: Cells | CellList): boolean => {
    for (const key of keys) {
      const list = texts[key]!;
      // pop, not `length = 0`: V8 shrinks a length through a slow runtime call.
      while (list.length) list.pop();
      raws[key] = undefined;
    }
    let content = false;
    for (let i = 0; i < lists.length; i++) {
      const raw = constants[i] ?? cellAt(cells, slots[i]!);
      const transform = transforms[i];
      const value = transform ? transform(raw) : raw;
      if (isBlank(value)) continue;
      lists[i]!.push(value);
      raws[partKeys[i]!] ??= raw;
      if (significant[i]) content = true;
    }
    return content;
  };
  return {
    run(cells, row) {
      if (single) {
        const raw = cellAt(cells, slots[0]!);
        const transform = transforms[0];
        const value = transform ? transform(raw) : raw;
        if (isBlank(value)) return onEmpty(setup, issues, row, raw);
        issues.begin(row, raw);
        const fast = single(value, issues);
        if (fast !== null) {
          if (fast !== INVALID) row.values[setup.key] = fast;
          return;
        }
      }
      if (!gather(cells)) return onEmpty(setup, issues, row, '');
      issues.begin(row, raws[firstKey] ?? '', raws);
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
  // Lookup cells repeat (a few thousand companies for a million people).
  const keyOf = remembered((value: string) => {
    const read = keyOfText(target, value, phones);
    return 'key' in read ? { key: ownString(read.key) } : { error: ownString(read.error) };
  });
  const slot = setup.slotOf(source.column);
  return {
    run(cells, row) {
      const raw = cellAt(cells, slot);
      const value = text ? text(raw) : raw;
      if (isBlank(value)) {
        if (setup.clear) row.values[joinColumn] = null;
        return;
      }
      const key = keyOf(value);
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
  const slot = setup.slotOf(column);
  return {
    run(cells, row) {
      const raw = cellAt(cells, slot);
      const value = text ? text(raw) : raw;
      if (isBlank(value)) return onEmpty(setup, issues, row, raw);
      issues.begin(row, raw);
      const fast = read.one?.(value, issues) ?? null;
      const result = fast ?? read(splitSingleColumn(type, value), issues);
      if (result !== INVALID) row.values[setup.key] = result;
    },
  };
};
