import pg from 'pg';
import type { QueryResult, SqlEngine, SqlExecutor } from './sql-engine';

// Same value types as PGlite: date and numeric as strings, timestamptz as Date, int8 as number.
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    if (oid === 1082 || oid === 1700) return (value: string) => value;
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

const wrap = (client: pg.Pool | pg.PoolClient): SqlExecutor => ({
  async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
    const result = await client.query({ text: sql, values: params, types });
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
  },
});

/** A real PostgreSQL server, for replicas that outgrow the embedded engine. */
export const openPostgresEngine = async (databaseUrl: string): Promise<SqlEngine> => {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 8 });
  // Fail fast with the server's own message (auth, unknown database, refused).
  const probe = await pool.connect();
  probe.release();
  const executor = wrap(pool);
  return {
    kind: 'postgres',
    query: executor.query,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
};
