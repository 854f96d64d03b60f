import { ArrowLeft, Search, X } from 'lucide-react';
import { isInterfaceType, isObjectType, type IntrospectionQuery } from 'graphql';
import {
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { PlaygroundApi } from '../../../../shared/contract/playground';
import { back, backTo, crumbsOf, placeLabel, ROOT, visit, type Place } from './explorer-history';
import { buildFieldSnippet } from './field-snippet';
import { RootView, type SectionId } from './RootView';
import { indexSchema, operationOf, searchEntriesOf, type OperationKind } from './schema-index';
import { resultRows, searchSchema, targetOf, type SearchEntry } from './search-schema';
import { SearchView } from './SearchView';
import { TypeView } from './TypeView';
import './schema-explorer.css';

/**
 * The playground's schema docs: Twenty's objects and the root fields up front, a page per type
 * (fields, arguments and defaults, enum values, deprecations), search over every name, and
 * "Insert" to put a ready selection of a field into the query. Long lists are virtualised: a
 * workspace with hundreds of objects has thousands of types.
 */
export interface SchemaFocus {
  typeName: string;
  fieldName?: string | null;
}

export interface InsertContext {
  typeName: string;
  fieldName: string;
  /** The operation the field starts when it is a root field (`query` for `companies`). */
  operation: OperationKind | null;
}

export interface SchemaExplorerProps {
  /** `playground.introspect`'s `schema`, as read. */
  schema: IntrospectionQuery;
  api: PlaygroundApi;
  /** Opens that type, scrolled to the field; a new value (not the same one again) navigates. */
  focus?: SchemaFocus | null;
  /** Without it there are no Insert buttons. */
  onInsertField?(text: string, context: InsertContext): void;
  onClose(): void;
}

const PAGE_STEP = 10;

export const SchemaExplorer = ({
  schema,
  api,
  focus = null,
  onInsertField,
  onClose,
}: SchemaExplorerProps) => {
  // Rebuilding a big schema takes a moment: the panel shows first, then the schema.
  const deferredSchema = useDeferredValue<IntrospectionQuery | null>(schema, null);
  const built = useMemo(() => {
    if (!deferredSchema) return null;
    try {
      return { index: indexSchema(deferredSchema), problem: null };
    } catch (error) {
      return { index: null, problem: (error as Error).message };
    }
  }, [deferredSchema]);
  const index = built?.index ?? null;

  const [stack, setStack] = useState<Place[]>([ROOT]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [collapsed, setCollapsed] = useState<ReadonlySet<SectionId>>(() => new Set(['types']));
  // Where each page of the stack was scrolled to, by depth, so Back returns there.
  const offsets = useRef(new Map<number, number>());
  const search = useRef<HTMLInputElement>(null);
  const id = useId();

  /** A page opened anew starts at its member, not where an earlier page at its depth was. */
  const forgetOffsetsFrom = (depth: number) => {
    for (const at of offsets.current.keys()) if (at >= depth) offsets.current.delete(at);
  };
  const go = (next: Place[], returning = false) => {
    if (!returning) forgetOffsetsFrom(next.length - 1);
    setStack(next);
  };
  const open = (place: Place) => go(visit(stack, place));

  useEffect(() => {
    setStack([ROOT]);
    setQuery('');
    offsets.current.clear();
  }, [api]);

  const focusKey = focus ? `${focus.typeName}.${focus.fieldName ?? ''}` : null;
  useEffect(() => {
    if (!focus) return;
    setQuery('');
    go(
      visit(stack, { kind: 'type', typeName: focus.typeName, fieldName: focus.fieldName ?? null }),
    );
  }, [focusKey]);

  const deferredQuery = useDeferredValue(query.trim());
  const rows = useMemo(
    () =>
      index && deferredQuery ? resultRows(searchSchema(searchEntriesOf(index), deferredQuery)) : [],
    [index, deferredQuery],
  );
  const optionRows = useMemo(
    () => rows.flatMap((row, rowIndex) => (row.kind === 'hit' ? [rowIndex] : [])),
    [rows],
  );
  const activeOption = Math.max(0, Math.min(active, optionRows.length - 1));
  const optionId = (option: number) => `${id}-option-${option}`;

  const insert =
    onInsertField && index
      ? (typeName: string, fieldName: string) => {
          const text = buildFieldSnippet(index.schema, typeName, fieldName);
          if (text !== null)
            onInsertField(text, { typeName, fieldName, operation: operationOf(index, typeName) });
        }
      : undefined;

  const insertable = (entry: SearchEntry) => {
    const owner = index?.schema.getType(entry.owner ?? '');
    return entry.kind === 'field' && (isObjectType(owner) || isInterfaceType(owner));
  };

  const pick = (entry: SearchEntry, insertIt: boolean) => {
    if (insertIt && insert && insertable(entry)) {
      insert(entry.owner!, entry.name);
      return;
    }
    const target = targetOf(entry);
    setQuery('');
    open({ kind: 'type', typeName: target.typeName, fieldName: target.fieldName });
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const move = (to: number) => {
      event.preventDefault();
      setActive(Math.max(0, Math.min(to, optionRows.length - 1)));
    };
    if (event.key === 'ArrowDown') move(activeOption + 1);
    else if (event.key === 'ArrowUp') move(activeOption - 1);
    else if (event.key === 'PageDown') move(activeOption + PAGE_STEP);
    else if (event.key === 'PageUp') move(activeOption - PAGE_STEP);
    else if (event.key === 'Enter') {
      const row = rows[optionRows[activeOption] ?? -1];
      if (row?.kind !== 'hit') return;
      event.preventDefault();
      pick(row.hit.entry, event.shiftKey);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      event.stopPropagation();
      setQuery('');
    }
  };

  const place = stack[stack.length - 1]!;
  const depth = stack.length - 1;
  const crumbs = crumbsOf(stack, 3);
  const searching = query.trim() !== '';
  const saveOffset = (offset: number) => offsets.current.set(depth, offset);

  const body = () => {
    if (!built)
      return (
        <p className="sx-empty" role="status">
          Reading the schema…
        </p>
      );
    if (!index)
      return (
        <p className="sx-empty" role="alert">
          This schema could not be read: {built.problem}
        </p>
      );
    if (searching)
      return (
        <SearchView
          index={index}
          query={deferredQuery}
          rows={rows}
          active={activeOption}
          activeRow={optionRows[activeOption] ?? null}
          listId={`${id}-results`}
          optionId={optionId}
          canInsert={insert !== undefined}
          onActive={setActive}
          onPick={pick}
        />
      );
    if (place.kind === 'root')
      return (
        <RootView
          key="root"
          index={index}
          api={api}
          collapsed={collapsed}
          onToggle={(section) =>
            setCollapsed((current) => {
              const next = new Set(current);
              if (!next.delete(section)) next.add(section);
              return next;
            })
          }
          onOpen={open}
          onInsert={insert}
          initialOffset={offsets.current.get(depth)}
          onOffset={saveOffset}
        />
      );
    const offset = offsets.current.get(depth);
    return (
      <TypeView
        key={`${depth}:${place.typeName}`}
        index={index}
        typeName={place.typeName}
        fieldName={place.fieldName}
        scrollToMember={offset === undefined}
        onOpen={open}
        onInsert={insert}
        initialOffset={offset}
        onOffset={saveOffset}
      />
    );
  };

  return (
    <aside
      className="schema-explorer"
      role="complementary"
      aria-label="Schema"
      onKeyDown={(event) => {
        const target = event.target as HTMLElement;
        if (event.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) {
          event.preventDefault();
          search.current?.focus();
        }
      }}
    >
      <header className="sx-head">
        <button
          type="button"
          className="sx-icon"
          aria-label="Back"
          title={stack.length > 1 ? `Back to ${placeLabel(stack[stack.length - 2]!)}` : undefined}
          disabled={stack.length < 2}
          onClick={() => go(back(stack), true)}
        >
          <ArrowLeft size={14} aria-hidden />
        </button>
        <nav className="sx-crumbs" aria-label="Schema path">
          <ol>
            {crumbs.map((crumb, at) => (
              <li key={crumb.depth ?? 'more'}>
                {crumb.depth === null ? (
                  <span className="sx-muted" aria-label="earlier pages">
                    …
                  </span>
                ) : at === crumbs.length - 1 ? (
                  <span aria-current="page" title={crumb.label}>
                    {crumb.label}
                  </span>
                ) : (
                  <button type="button" onClick={() => go(backTo(stack, crumb.depth!), true)}>
                    {crumb.label}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </nav>
        <button type="button" className="sx-icon" aria-label="Close the schema" onClick={onClose}>
          <X size={14} aria-hidden />
        </button>
      </header>
      <div className="sx-search">
        <Search size={13} aria-hidden />
        <input
          ref={search}
          type="search"
          role="combobox"
          aria-label="Search the schema"
          aria-autocomplete="list"
          aria-expanded={searching && optionRows.length > 0}
          aria-controls={searching ? `${id}-results` : undefined}
          aria-activedescendant={
            searching && optionRows.length > 0 ? optionId(activeOption) : undefined
          }
          placeholder={`Search the ${api} schema (/)`}
          spellCheck={false}
          autoComplete="off"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onSearchKey}
        />
      </div>
      <div className="sx-body">{body()}</div>
    </aside>
  );
};
