import { quoteIdentifier, type SqlExecutor } from '../storage/sql-engine';
import { fieldsOfObject, tableNameOf, type MetadataState } from '../metadata/metadata-types';
import { toColumnValues } from './record-columns';

/** Inserts records (API shape) into an object's table; every value is a bound parameter. */
export const insertRecords = async (
  db: SqlExecutor,
  state: MetadataState,
  objectName: string,
  records: Record<string, unknown>[],
): Promise<number> => {
  const object = [...state.objects.values()].find(
    (candidate) => candidate.nameSingular === objectName,
  );
  if (!object) throw new Error(`Unknown object ${objectName}`);
  const table = tableNameOf(object);
  const fields = fieldsOfObject(state, object.id);
  const schema = quoteIdentifier(state.workspace.dataSchema);
  for (const record of records) {
    const values = toColumnValues(table, fields, record);
    const columns = values.map((value) => quoteIdentifier(value.column)).join(', ');
    const params = values
      .map(
        (value, i) =>
          `$${i + 1}::${value.sqlType.startsWith('"') ? `${schema}.${value.sqlType}` : value.sqlType}`,
      )
      .join(', ');
    await db.query(
      `INSERT INTO ${schema}.${quoteIdentifier(table)} (${columns}) VALUES (${params})`,
      values.map((value) => value.value),
    );
  }
  return records.length;
};
