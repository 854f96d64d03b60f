import type { ModelObject } from '../../../shared/contract/data-model';
import { keyOfValue, type KeyTarget } from '../../../shared/imports';
import type { TwentyClient, TwentyRecord } from '../twenty-client';

/**
 * Records of the workspace found by key values (dedupe keys, lookups, unique fields), a batch of
 * keys per request. Keys arrive normalised (dedupe-keys.ts); the workspace's values are normalised
 * the same way before they are compared, so "https://www.Acme.com/" in Twenty meets "acme.com"
 * in the file. The REST filter is built so Twenty's parser reads every value back as written:
 * plain values go in one `[in]` list; values with commas, quotes or brackets (which a list cannot
 * carry: Twenty splits list bodies on every comma) get an `[eq]` of their own; texts compared
 * without case (names, domains) use `[ilike]`. Trashed records count: Twenty's unique indexes
 * and its upsert include them.
 */
const ANY_DELETED_STATE = 'or(deletedAt[is]:NULL,deletedAt[is]:NOT_NULL)';
/** Characters of a filter chunk: keeps the request line well under servers' 8–16 KB limits. */
const FILTER_BUDGET = 5000;
const PLAIN = /^[^,"'()[\]\\]*$/;

const fieldPath = (target: KeyTarget) =>
  target.subField ? `${target.field.name}.${target.subField}` : target.field.name;

/** How a key is matched on the server: exactly, or by a case-insensitive pattern. */
const matchKind = (target: KeyTarget): 'exact' | 'ilike' => {
  if (target.field.type === 'LINKS') return 'ilike';
  if (target.field.name === 'name' && target.field.type === 'TEXT') return 'ilike';
  if (target.field.type === 'FULL_NAME') return 'ilike';
  if (target.subField === 'firstName' || target.subField === 'lastName') return 'ilike';
  return 'exact';
};

const quoted = (value: string): string | null => {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  return null;
};

/**
 * The server-side value a key is searched by: domains without scheme as `%acme.com%`, phones by
 * their national number (the key is "<calling code>+<digits>").
 */
const serverValue = (target: KeyTarget, key: string, kind: 'exact' | 'ilike'): string => {
  if (target.field.type === 'LINKS') return `%${key}%`;
  if (target.field.type === 'PHONES') return key.slice(key.indexOf('+') + 1);
  return kind === 'ilike' ? key.replace(/[%_]/g, (char) => `\\${char}`) : key;
};

/** Filters of at most FILTER_BUDGET characters covering `keys`; keys no filter can carry are left out. */
export const keyFilters = (target: KeyTarget, keys: string[]): string[] => {
  const path = fieldPath(target);
  const conditions: string[] = [];
  const listed: string[] = [];
  const flushList = () => {
    if (listed.length > 0) conditions.push(`${path}[in]:[${listed.join(',')}]`);
    listed.length = 0;
  };
  const filters: string[] = [];
  let size = 0;
  const close = () => {
    flushList();
    if (conditions.length > 0)
      filters.push(
        `and(${conditions.length === 1 ? conditions[0] : `or(${conditions.join(',')})`},${ANY_DELETED_STATE})`,
      );
    conditions.length = 0;
    size = 0;
  };
  const kind = matchKind(target);
  for (const key of keys) {
    let part: string | null;
    const searched = serverValue(target, key, kind);
    if (kind === 'exact' && PLAIN.test(searched)) {
      part = `"${searched}"`;
      listed.push(part);
    } else {
      const value = quoted(searched);
      if (value === null) continue;
      part = `${path}[${kind === 'ilike' ? 'ilike' : 'eq'}]:${value}`;
      if (target.field.type === 'FULL_NAME') {
        // A full name is matched on both parts; the key is "first last" folded.
        const [first = '', ...rest] = key.split(' ');
        const firstValue = quoted(first);
        const lastValue = quoted(rest.join(' '));
        if (!firstValue || !lastValue) continue;
        part = `and(${path}.firstName[ilike]:${firstValue},${path}.lastName[ilike]:${lastValue})`;
      }
      conditions.push(part);
    }
    size += part.length + 1;
    if (size > FILTER_BUDGET) close();
  }
  close();
  return filters;
};

export interface KeyMatches {
  /** Key → the records having it (more than one: the key is ambiguous in the workspace). */
  byKey: Map<string, TwentyRecord[]>;
  requests: number;
}

/** The workspace's records for these keys (each key normalised as `keyOfValue` does). */
export const findByKeys = async (
  client: TwentyClient,
  object: ModelObject,
  target: KeyTarget,
  keys: Iterable<string>,
  signal?: AbortSignal,
): Promise<KeyMatches> => {
  const wanted = new Set(keys);
  const byKey = new Map<string, TwentyRecord[]>();
  let requests = 0;
  for (const filter of keyFilters(target, [...wanted])) {
    for await (const page of client.rest.listAll(object.namePlural, {
      filter,
      ...(signal ? { signal } : {}),
    })) {
      requests++;
      for (const record of page) {
        const key = keyOfValue(target, record[target.field.name]);
        if (key === null || !wanted.has(key)) continue;
        const list = byKey.get(key) ?? [];
        if (!list.some((known) => known.id === record.id)) list.push(record);
        byKey.set(key, list);
      }
    }
  }
  return { byKey, requests };
};
