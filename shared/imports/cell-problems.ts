/**
 * What a conversion reports. Errors mean Twenty would refuse the value (or the value cannot be
 * read at all): the row is not written until fixed or excluded. Warnings mean the value is
 * written, perhaps not as the admin expects (rounded, option created, assumed currency…).
 */
export type Severity = 'error' | 'warning';

export interface CellProblem {
  /** Target field name (a sub-field path such as `name.lastName` when one part is at fault). */
  field: string;
  /** The column read, or null for constants and fields with no column. */
  column: string | null;
  /** The cell text as read from the file. */
  value: string;
  message: string;
  severity: Severity;
}

/** A problem of the mapping itself, found once when it is compiled. */
export interface MappingProblem {
  field: string | null;
  message: string;
  severity: Severity;
}

/**
 * Where a converter reports; bound to the field, column and cell being converted. Composite
 * readers name the sub-field at fault so the problem points at that part's column.
 */
export interface Issues {
  error(message: string, part?: string): void;
  warn(message: string, part?: string): void;
}

/** Returned by a reader whose text was refused (after reporting the error). */
export const INVALID: unique symbol = Symbol('invalid');
export type Invalid = typeof INVALID;

/** Cell text as messages quote it: one line, at most 80 characters. */
export const quote = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return `'${line.length > 80 ? `${line.slice(0, 77)}…` : line}'`;
};
