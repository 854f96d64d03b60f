import Papa from 'papaparse';

/**
 * The records in an answer, as rows of a table: GraphQL connections (`edges[].node`) or lists
 * under the first root field, REST `data.<plural>` lists (or `data` itself as a list: metadata
 * REST in Twenty's new format) or one `data.<singular>` record. Nested objects (composite fields
 * such as `name.firstName`, a relation read with depth) become dotted columns; lists stay JSON in
 * their cell.
 */
export type Row = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const listIn = (value: unknown): Row[] | null => {
  if (Array.isArray(value)) return value.every(isObject) ? (value as Row[]) : null;
  if (!isObject(value)) return null;
  if (Array.isArray(value.edges))
    return (value.edges as unknown[]).flatMap((edge) =>
      isObject(edge) && isObject(edge.node) ? [edge.node] : [],
    );
  return null;
};

export const recordsOf = (body: unknown): Row[] | null => {
  if (!isObject(body)) return null;
  // Twenty's metadata REST in its new format: `{ data: [ … ], pageInfo, totalCount }`.
  if (Array.isArray(body.data)) return listIn(body.data);
  if (!isObject(body.data)) return null;
  for (const value of Object.values(body.data)) {
    const list = listIn(value);
    if (list) return list;
    // One record (`findOne`, REST `GET /people/<id>`): a table of one row.
    if (isObject(value) && !('edges' in value)) return [value];
  }
  return null;
};

const flattenInto = (target: Row, prefix: string, value: unknown, depth: number) => {
  if (isObject(value) && depth < 4) {
    const list = listIn(value);
    if (list && 'edges' in value) {
      target[prefix] = JSON.stringify(list);
      return;
    }
    for (const [key, inner] of Object.entries(value))
      flattenInto(target, prefix ? `${prefix}.${key}` : key, inner, depth + 1);
    return;
  }
  target[prefix] = Array.isArray(value) || isObject(value) ? JSON.stringify(value) : value;
};

export const flattenRecord = (record: Row): Row => {
  const row: Row = {};
  flattenInto(row, '', record, 0);
  return row;
};

/** Columns in first-seen order across rows (records of a list may leave fields out). */
export const columnsOf = (rows: Row[]): string[] => {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
};

export const toCsv = (rows: Row[]): string => {
  const flat = rows.map(flattenRecord);
  return Papa.unparse({
    fields: columnsOf(flat),
    data: flat.map((row) => columnsOf(flat).map((c) => row[c] ?? '')),
  });
};
