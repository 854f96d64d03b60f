import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { SchemaIndex } from './schema-index';
import { matchedRange, type ResultRow, type SearchEntry } from './search-schema';
import { kindOf } from './type-ref';
import { VirtualRows } from './VirtualRows';

/**
 * Search results as a listbox the search box drives (arrows, Enter; the box keeps the focus and
 * points at the active option), grouped by kind, best first.
 */
interface Props {
  index: SchemaIndex;
  query: string;
  rows: readonly ResultRow[];
  active: number;
  activeRow: number | null;
  listId: string;
  optionId(option: number): string;
  canInsert: boolean;
  onActive(option: number): void;
  onPick(entry: SearchEntry, insert: boolean): void;
}

const memberType = (schema: GraphQLSchema, entry: SearchEntry): string | null => {
  const owner = schema.getType(entry.owner ?? '');
  if (isObjectType(owner) || isInterfaceType(owner)) {
    const field = owner.getFields()[entry.kind === 'argument' ? entry.field! : entry.name];
    if (entry.kind !== 'argument') return field ? String(field.type) : null;
    const arg = field?.args.find((candidate) => candidate.name === entry.name);
    return arg ? String(arg.type) : null;
  }
  if (isInputObjectType(owner)) {
    const field = owner.getFields()[entry.name];
    return field ? String(field.type) : null;
  }
  return null;
};

/** Where a hit lives and what it is: `Company · String`, `Query.companies · Int`. */
const detailOf = (index: SchemaIndex, entry: SearchEntry): string => {
  if (entry.kind === 'type') {
    const type = index.schema.getType(entry.name);
    const kind = type ? kindOf(type) : '';
    return index.recordByName.has(entry.name) ? `${kind} · Twenty object` : kind;
  }
  const where = entry.kind === 'argument' ? `${entry.owner}.${entry.field}` : entry.owner!;
  if (entry.kind === 'enumValue') return isEnumType(index.schema.getType(where)) ? where : '';
  const type = memberType(index.schema, entry);
  return type ? `${where} · ${type}` : where;
};

const Highlighted = ({ name, query }: { name: string; query: string }) => {
  const range = matchedRange(query, name);
  if (!range) return <>{name}</>;
  return (
    <>
      {name.slice(0, range[0])}
      <mark>{name.slice(range[0], range[1])}</mark>
      {name.slice(range[1])}
    </>
  );
};

export const SearchView = ({
  index,
  query,
  rows,
  active,
  activeRow,
  listId,
  optionId,
  canInsert,
  onActive,
  onPick,
}: Props) => {
  // The first letters are still being searched.
  if (!query) return null;
  if (rows.length === 0)
    return (
      <p className="sx-empty" role="status">
        Nothing in the schema matches “{query.trim()}”.
      </p>
    );
  return (
    <>
      <p className="sx-hint">
        ↑↓ and Enter open{canInsert ? ' · Shift+Enter inserts a field' : ''} · “type.field” narrows
      </p>
      <VirtualRows
        rows={rows}
        rowKey={(row) =>
          row.kind === 'group'
            ? `g:${row.group.kind}`
            : `${row.hit.entry.kind}:${row.hit.entry.owner}:${row.hit.entry.field}:${row.hit.entry.name}`
        }
        estimateSize={(row) => (row.kind === 'group' ? 30 : 40)}
        renderRow={(row) => {
          if (row.kind === 'group') {
            const { group } = row;
            return (
              <div role="presentation" className="sx-group">
                {group.label}{' '}
                <span className="sx-count">
                  {group.total > group.hits.length
                    ? `best ${group.hits.length} of ${group.total}`
                    : group.total}
                </span>
              </div>
            );
          }
          const { entry } = row.hit;
          return (
            <div
              role="option"
              id={optionId(row.option)}
              aria-selected={row.option === active}
              className="sx-hit"
              // The search box keeps the focus (and the keyboard) while the mouse picks.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => row.option !== active && onActive(row.option)}
              onClick={(event) => onPick(entry, event.shiftKey)}
            >
              <span className="sx-hit-name">
                <Highlighted name={entry.name} query={query} />
              </span>
              <span className="sx-hit-detail">{detailOf(index, entry)}</span>
            </div>
          );
        }}
        role="listbox"
        label="Search results"
        id={listId}
        scrollToIndex={activeRow}
        scrollAlign="auto"
      />
    </>
  );
};
