import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { QueryResult, SqlEngine, SqlExecutor } from './sql-engine';

const wrap = (db: PGlite | Transaction): SqlExecutor => ({
  async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
    const result = await db.query<Row>(sql, params);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  },
});

/** Embedded Postgres (WASM) persisted in `dataDir`; single connection, so queries serialise. */
export const openPgliteEngine = async (dataDir: string): Promise<SqlEngine> => {
  await mkdir(dataDir, { recursive: true });
  // Dates stay 'YYYY-MM-DD' strings (as with node-postgres below); timestamptz → Date on both.
  const db = await PGlite.create(dataDir, {
    parsers: { 1082: (value: string) => value },
    // Search vectors are built with unaccent, as Twenty's are.
    extensions: { unaccent },
  });
  const executor = wrap(db);
  return {
    kind: 'pglite',
    query: executor.query,
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    close: () => db.close(),
  };
};
