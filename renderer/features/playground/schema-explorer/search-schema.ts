import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Search over every type, field, argument and enum value of a schema. Names are matched as an
 * admin types them: whole name, prefix, the start of a camelCase word ("filter" finds
 * `CompanyFilterInput`), anywhere, then loosely (letters in order: "crco" finds `createCompany`).
 * `Type.member` narrows to members of matching types ("company.na", "companies.fi").
 */
export type SearchKind = 'type' | 'field' | 'argument' | 'enumValue';

export interface SearchEntry {
  kind: SearchKind;
  name: string;
  /** The type that declares it; null for a type. */
  owner: string | null;
  /** For an argument: the field that takes it. */
  field: string | null;
  key: string;
  /** What `Type.` narrows by: the owner, or for an argument its field. */
  ownerKey: string;
  /** Orders equally good matches: root fields and Twenty's records before filter inputs. */
  bonus: number;
}

export interface SearchHit {
  entry: SearchEntry;
  score: number;
}

export interface SearchGroup {
  kind: SearchKind;
  label: string;
  hits: SearchHit[];
  /** Every match, of which `hits` are the best. */
  total: number;
}

const GROUPS: Array<{ kind: SearchKind; label: string }> = [
  { kind: 'type', label: 'Types' },
  { kind: 'field', label: 'Fields' },
  { kind: 'argument', label: 'Arguments' },
  { kind: 'enumValue', label: 'Enum values' },
];

const entry = (
  kind: SearchKind,
  name: string,
  owner: string | null,
  field: string | null,
  bonus: number,
): SearchEntry => ({
  kind,
  name,
  owner,
  field,
  key: name.toLowerCase(),
  ownerKey: (kind === 'argument' ? field! : (owner ?? '')).toLowerCase(),
  bonus,
});

export const buildSearchEntries = (
  schema: GraphQLSchema,
  recordNames: ReadonlySet<string>,
): SearchEntry[] => {
  const roots = new Set(
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap(
      (type) => (type ? [type.name] : []),
    ),
  );
  const entries: SearchEntry[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    const weight = roots.has(type.name)
      ? 30
      : recordNames.has(type.name)
        ? 25
        : isInputObjectType(type)
          ? 0
          : 10;
    entries.push(entry('type', type.name, null, null, weight));
    if (isObjectType(type) || isInterfaceType(type))
      for (const field of Object.values(type.getFields())) {
        entries.push(entry('field', field.name, type.name, null, weight));
        for (const arg of field.args)
          entries.push(entry('argument', arg.name, type.name, field.name, weight));
      }
    else if (isInputObjectType(type))
      for (const field of Object.values(type.getFields()))
        entries.push(entry('field', field.name, type.name, null, weight));
    else if (isEnumType(type))
      for (const value of type.getValues())
        entries.push(entry('enumValue', value.name, type.name, null, weight));
  }
  return entries;
};

const isUpper = (char: string | undefined) => char !== undefined && char >= 'A' && char <= 'Z';

/** Where a camelCase, PascalCase or snake_case word starts. */
const isWordStart = (name: string, at: number) =>
  at === 0 ||
  name[at - 1] === '_' ||
  (isUpper(name[at]) && !isUpper(name[at - 1])) ||
  // The last capital of a run starts the next word: `URLField` → `Field`.
  (isUpper(name[at]) && isUpper(name[at - 1]) && !isUpper(name[at + 1]) && at + 1 < name.length);

/** Letters in order, each at a word start when it can be; 0 when they are not all there. */
const looseScore = (query: string, name: string, key: string): number => {
  if (query.length < 2) return 0;
  let at = 0;
  let score = 150;
  for (let i = 0; i < query.length; i += 1) {
    const char = query[i]!;
    if (key[at] === char && (i > 0 || isWordStart(name, at))) {
      at += 1;
      continue;
    }
    let next = key.indexOf(char, at);
    while (next >= 0 && !isWordStart(name, next)) next = key.indexOf(char, next + 1);
    // The first letter starts a word, or the match is noise ("ay" in "payment").
    if (next < 0 && i === 0) return 0;
    if (next < 0) {
      next = key.indexOf(char, at);
      if (next < 0) return 0;
      score -= 10;
    }
    score -= Math.min(next - at, 10);
    at = next + 1;
  }
  return Math.max(1, Math.min(score - Math.min(key.length - at, 40), 299));
};

/**
 * How well a lower-case query matches a name (higher is better, 0 is no match). Tiers:
 * 1000 the name, 800+ a prefix, 600+ a word start inside it, 400+ anywhere, below 300 loose.
 */
export const scoreMatch = (query: string, name: string, key = name.toLowerCase()): number => {
  if (!query) return 0;
  if (key === query) return 1000;
  const share = (query.length / key.length) * 100;
  if (key.startsWith(query)) return 800 + share;
  const first = key.indexOf(query);
  if (first < 0) return looseScore(query, name, key);
  for (let at = first; at >= 0; at = key.indexOf(query, at + 1))
    if (isWordStart(name, at)) return 600 + share;
  return 400 + share - Math.min(first, 50);
};

/** The part of a name a query matched as one piece, to highlight; null when matched loosely. */
export const matchedRange = (query: string, name: string): [number, number] | null => {
  const needle = query.trim().toLowerCase();
  const bare = needle.slice(needle.lastIndexOf('.') + 1);
  const at = bare ? name.toLowerCase().indexOf(bare) : -1;
  return at < 0 ? null : [at, at + bare.length];
};

const byRank = (a: SearchHit, b: SearchHit) =>
  b.score - a.score ||
  a.entry.key.length - b.entry.key.length ||
  a.entry.name.localeCompare(b.entry.name) ||
  (a.entry.owner ?? '').localeCompare(b.entry.owner ?? '') ||
  (a.entry.field ?? '').length - (b.entry.field ?? '').length ||
  (a.entry.field ?? '').localeCompare(b.entry.field ?? '');

/** Keeps the best `limit` hits without sorting every match of a one-letter query. */
class BestHits {
  hits: SearchHit[] = [];
  total = 0;
  /** The worst kept score after a trim: anything below it can no longer make the list. */
  private floor = -Infinity;
  constructor(private readonly limit: number) {}
  add(entry: SearchEntry, score: number) {
    this.total += 1;
    if (score < this.floor) return;
    this.hits.push({ entry, score });
    if (this.hits.length > this.limit * 4) this.trim();
  }
  trim() {
    this.hits.sort(byRank);
    if (this.hits.length >= this.limit) {
      this.hits.length = this.limit;
      this.floor = this.hits[this.limit - 1]!.score;
    }
    return this.hits;
  }
}

export const searchSchema = (
  entries: readonly SearchEntry[],
  rawQuery: string,
  limit = 100,
): SearchGroup[] => {
  const query = rawQuery.trim().toLowerCase();
  if (!query) return [];
  const dot = query.lastIndexOf('.');
  const ownerQuery = dot > 0 ? query.slice(0, dot) : null;
  const nameQuery = dot >= 0 ? query.slice(dot + 1) : query;
  const best = new Map(GROUPS.map((group) => [group.kind, new BestHits(limit)]));
  // Members of one type share its owner score: a type has dozens, a schema thousands of types.
  const ownerScores = new Map<string, number>();
  for (const candidate of entries) {
    let score: number;
    if (ownerQuery !== null) {
      if (candidate.kind === 'type') continue;
      let ownerScore = ownerScores.get(candidate.ownerKey);
      if (ownerScore === undefined) {
        const ownerName = candidate.kind === 'argument' ? candidate.field! : candidate.owner!;
        ownerScore = scoreMatch(ownerQuery, ownerName, candidate.ownerKey);
        ownerScores.set(candidate.ownerKey, ownerScore);
      }
      // The owner has to match as a piece of its name; loosely matched owners are noise.
      if (ownerScore < 400) continue;
      const nameScore = nameQuery ? scoreMatch(nameQuery, candidate.name, candidate.key) : 500;
      if (nameScore === 0) continue;
      score = nameScore + ownerScore / 20;
    } else {
      score = scoreMatch(query, candidate.name, candidate.key);
      if (score === 0) continue;
    }
    best.get(candidate.kind)!.add(candidate, score + candidate.bonus);
  }
  return GROUPS.flatMap(({ kind, label }) => {
    const group = best.get(kind)!;
    return group.total > 0 ? [{ kind, label, hits: group.trim(), total: group.total }] : [];
  });
};

/** The results as one list: a heading row per group, then its hits, numbered for the keyboard. */
export type ResultRow =
  { kind: 'group'; group: SearchGroup } | { kind: 'hit'; hit: SearchHit; option: number };

export const resultRows = (groups: readonly SearchGroup[]): ResultRow[] => {
  const rows: ResultRow[] = [];
  let option = 0;
  for (const group of groups) {
    rows.push({ kind: 'group', group });
    for (const hit of group.hits) rows.push({ kind: 'hit', hit, option: option++ });
  }
  return rows;
};

/** The page a hit opens: the type, scrolled to the member (an argument's field). */
export const targetOf = (hit: SearchEntry): { typeName: string; fieldName: string | null } =>
  hit.kind === 'type'
    ? { typeName: hit.name, fieldName: null }
    : { typeName: hit.owner!, fieldName: hit.kind === 'argument' ? hit.field : hit.name };
