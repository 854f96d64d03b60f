import type { FilterNode } from '../../../../shared/domain/rest-grammar/filter-ast';
import { computeCompositeColumnName } from '../../../../shared/domain/composite-types';
import type { MetadataState, ObjectRow } from '../metadata/metadata-types';
import { quoteIdentifier as q, type SqlExecutor } from '../storage/sql-engine';
import { visibleWhere } from './find-records';
import { SqlParams } from './query/sql-params';
import { RecordError } from './record-errors';
import { objectShape } from './record-shape';

/**
 * Twenty's global `search` (core-modules/search: search.service.ts, format-search-terms.ts,
 * normalize-search-input.ts, has-cjk-characters.ts; docs/twenty-fidelity.md "Search"): every
 * searchable object's `searchVector` matched against every term (an AND tsquery), ranked by
 * ts_rank_cd of that query then ts_rank of the OR form, paged by a cursor of the last ranks and the last id per object.
 */
export interface SearchArgs {
  searchInput: string;
  limit: number;
  after?: string | null;
  includedObjectNameSingulars?: readonly string[] | null;
  excludedObjectNameSingulars?: readonly string[] | null;
  /** The `ObjectRecordFilterInput` (id, createdAt, updatedAt, deletedAt, and/or/not) per object. */
  filterFor: (object: ObjectRow) => FilterNode | null;
}

export interface SearchRecord {
  recordId: string;
  objectNameSingular: string;
  objectLabelSingular: string;
  label: string;
  imageUrl: string;
  tsRankCD: number;
  tsRank: number;
}

interface SearchCursor {
  lastRanks: { tsRankCD: number; tsRank: number };
  lastRecordIdsPerObject: Record<string, string | undefined>;
}

export interface SearchResultConnection {
  edges: { node: SearchRecord; cursor: string }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

/** The higher, the earlier among equal ranks (search/constants/standard-objects-by-priority-rank.ts). */
const PRIORITY_RANK: Record<string, number> = {
  person: 5,
  company: 4,
  opportunity: 3,
  note: 2,
  task: 1,
};

const TSQUERY_SPECIAL = /[\\:'&|!()@<>]/g;
const escapeTerm = (word: string) => word.replace(TSQUERY_SPECIAL, '\\$&');
const PHONE_LIKE = /^[+\d()\-.\s]+$/;
const CJK =
  /[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}\p{Script_Extensions=Hangul}]/u;

/** "(555) 123-4567" → "5551234567": phone formatting is not part of the indexed number. */
export const normalizeSearchInput = (input: string): string => {
  const trimmed = input.trim();
  if (!PHONE_LIKE.test(trimmed)) return trimmed;
  const stripped = trimmed.replace(/[().\-\s]/g, '');
  return (stripped.match(/\d/g) ?? []).length >= 3 ? stripped : trimmed;
};

/** Each word a prefix term; "a-b.c" also as its parts, so the compound form ranks higher. */
export const formatSearchTerms = (input: string, operator: 'and' | 'or'): string => {
  if (input.trim() === '') return '';
  const op = operator === 'and' ? '&' : '|';
  return input
    .trim()
    .split(/\s+/)
    .map((word) => {
      const parts = word.split(/[-_./]+/).filter((part) => part.length > 0);
      if (parts.length <= 1) return `${escapeTerm(word)}:*`;
      return `(${escapeTerm(word)}:* | ${parts.map((part) => `${escapeTerm(part)}:*`).join(` ${op} `)})`;
    })
    .join(` ${op} `);
};

const encodeCursor = (cursor: SearchCursor) =>
  Buffer.from(JSON.stringify(cursor)).toString('base64');

const decodeSearchCursor = (raw: string): SearchCursor => {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as SearchCursor;
    if (parsed?.lastRanks && parsed.lastRecordIdsPerObject) return parsed;
  } catch {
    /* reported below */
  }
  throw new RecordError(`Invalid cursor: ${raw}`, 'BAD_REQUEST', 'INVALID_CURSOR');
};

const sanitizeDomain = (link: string) =>
  link.replace(/(https?:\/\/)|(www\.)/g, '').replace(/\/$/, '');

/** The columns that make a record's label (a full name is its first and last name). */
const labelColumnsOf = (state: MetadataState, object: ObjectRow): string[] => {
  const field = state.fields.get(object.labelIdentifierFieldMetadataId ?? '');
  if (!field)
    throw new RecordError(
      'Label identifier field not found',
      'BAD_REQUEST',
      'LABEL_IDENTIFIER_FIELD_NOT_FOUND',
    );
  return field.type === 'FULL_NAME'
    ? [
        computeCompositeColumnName(field.name, 'firstName'),
        computeCompositeColumnName(field.name, 'lastName'),
      ]
    : [field.name];
};

const imageColumnOf = (state: MetadataState, object: ObjectRow): string | null => {
  if (object.nameSingular === 'company') return 'domainNamePrimaryLinkUrl';
  const field = state.fields.get(object.imageIdentifierFieldMetadataId ?? '');
  return field && !['RELATION', 'MORPH_RELATION'].includes(field.type) ? field.name : null;
};

export const searchableObjects = (
  state: MetadataState,
  args: Pick<SearchArgs, 'includedObjectNameSingulars' | 'excludedObjectNameSingulars'>,
): ObjectRow[] => {
  const included = args.includedObjectNameSingulars ?? [];
  const excluded = args.excludedObjectNameSingulars ?? [];
  return [...state.objects.values()].filter(
    (object) =>
      object.isSearchable &&
      object.isActive &&
      !excluded.includes(object.nameSingular) &&
      (included.length === 0 || included.includes(object.nameSingular)),
  );
};

const searchObject = async (
  db: SqlExecutor,
  state: MetadataState,
  object: ObjectRow,
  input: { and: string; or: string; raw: string; limit: number },
  filter: FilterNode | null,
  cursor: SearchCursor | null,
): Promise<SearchRecord[]> => {
  const shape = objectShape(state, object);
  const labelColumns = labelColumnsOf(state, object);
  const imageColumn = imageColumnOf(state, object);
  const params = new SqlParams();
  const where = [visibleWhere(shape, filter, params)];
  const andQuery = `to_tsquery('simple', public.unaccent_immutable(${params.add(input.and)}))`;
  const orQuery = `to_tsquery('simple', public.unaccent_immutable(${params.add(input.or)}))`;
  const rankCD = `ts_rank_cd("searchVector", ${andQuery})`;
  const rank = `ts_rank("searchVector", ${orQuery})`;
  if (input.and !== '') {
    // Every term must match; the OR form only ranks (Twenty's search spec: "docs.links.example.com"
    // finds the company alone, not people whose e-mails merely end in example.com).
    const matches = [`"searchVector" @@ ${andQuery}`];
    // Han, kana and hangul runs are one token to the 'simple' parser: look inside the label instead.
    if (CJK.test(input.raw)) {
      const pattern = params.add(`%${input.raw.replace(/[\\%_]/g, '\\$&')}%`);
      for (const column of labelColumns) matches.push(`${q(column)}::text ILIKE ${pattern}`);
    }
    where.push(`(${matches.join(' OR ')})`);
  } else {
    where.push(`"searchVector" IS NOT NULL`);
  }
  if (cursor) {
    const cd = params.add(cursor.lastRanks.tsRankCD);
    const r = params.add(cursor.lastRanks.tsRank);
    const lastId = cursor.lastRecordIdsPerObject[object.nameSingular];
    const tie = lastId !== undefined ? ` AND "id" > ${params.add(lastId)}` : '';
    where.push(
      `(${rankCD} < ${cd}::real OR (${rankCD} = ${cd}::real AND ${rank} < ${r}::real) OR (${rankCD} = ${cd}::real AND ${rank} = ${r}::real${tie}))`,
    );
  }
  const select = ['id', ...labelColumns, ...(imageColumn ? [imageColumn] : [])]
    .map((column) => `${q(column)}::text AS ${q(column)}`)
    .join(', ');
  const { rows } = await db.query<
    Record<string, string | null> & { tsRankCD: number; tsRank: number }
  >(
    `SELECT ${select}, ${rankCD} AS "tsRankCD", ${rank} AS "tsRank"
       FROM ${shape.qualifiedTable} WHERE ${where.join(' AND ')}
       ORDER BY ${rankCD} DESC, ${rank} DESC, "id" ASC NULLS FIRST LIMIT ${params.add(input.limit + 1)}`,
    params.values,
  );
  return rows.map((row) => {
    const image = imageColumn ? row[imageColumn] : null;
    return {
      recordId: row.id!,
      objectNameSingular: object.nameSingular,
      objectLabelSingular: object.labelSingular,
      label: labelColumns.map((column) => row[column] ?? '').join(' '),
      imageUrl:
        object.nameSingular === 'company'
          ? image && sanitizeDomain(image)
            ? `https://twenty-icons.com/${sanitizeDomain(image)}`
            : ''
          : (image ?? ''),
      tsRankCD: Number(row.tsRankCD),
      tsRank: Number(row.tsRank),
    };
  });
};

export const searchRecords = async (
  db: SqlExecutor,
  state: MetadataState,
  objects: readonly ObjectRow[],
  args: SearchArgs,
): Promise<SearchResultConnection> => {
  if (args.limit > 100)
    throw new RecordError('Limit cannot exceed 100 items', 'BAD_REQUEST', 'INVALID_ARGS');
  const cursor = args.after ? decodeSearchCursor(args.after) : null;
  const raw = normalizeSearchInput(args.searchInput);
  const input = {
    and: formatSearchTerms(raw, 'and'),
    or: formatSearchTerms(raw, 'or'),
    raw,
    limit: args.limit,
  };
  const found: SearchRecord[] = [];
  for (const object of objects)
    found.push(...(await searchObject(db, state, object, input, args.filterFor(object), cursor)));
  // Stable: equal ranks keep object order, then id order within an object.
  const sorted = [...found].sort(
    (a, b) =>
      b.tsRankCD - a.tsRankCD ||
      b.tsRank - a.tsRank ||
      (PRIORITY_RANK[b.objectNameSingular] ?? 0) - (PRIORITY_RANK[a.objectNameSingular] ?? 0),
  );
  const page = sorted.slice(0, args.limit);
  const lastIds: Record<string, string | undefined> = { ...(cursor?.lastRecordIdsPerObject ?? {}) };
  const edges = page.map((node) => {
    lastIds[node.objectNameSingular] = node.recordId;
    return {
      node,
      cursor: encodeCursor({
        lastRanks: { tsRankCD: node.tsRankCD, tsRank: node.tsRank },
        lastRecordIdsPerObject: { ...lastIds },
      }),
    };
  });
  return {
    edges,
    pageInfo: { endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: found.length > args.limit },
  };
};
