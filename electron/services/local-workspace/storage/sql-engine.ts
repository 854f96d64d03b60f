/**
 * The one database interface the local workspace uses. Two implementations: embedded PGlite
 * (default, persisted in the data dir) and a real PostgreSQL server (`--database-url`).
 * Every value travels as a bound parameter; identifiers go through quoteIdentifier().
 */
export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

export interface SqlExecutor {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
}

export interface SqlEngine extends SqlExecutor {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Quotes a Postgres identifier. Names reaching here were validated as Twenty names already;
 * the check below is a second line of defence so that no user text is ever spliced raw.
 */
export const quoteIdentifier = (name: string): string => {
  if (!IDENTIFIER.test(name) || name.length > 63) {
    throw new Error(`Refusing unsafe SQL identifier: ${JSON.stringify(name)}`);
  }
  return `"${name}"`;
};

/** A SQL string literal for DDL positions that cannot take parameters (DEFAULT, enum labels). */
export const quoteLiteral = (value: string): string => `'${value.replace(/'/g, "''")}'`;
