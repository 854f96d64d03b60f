import { ChevronDown, ChevronRight } from 'lucide-react';
import { useMemo } from 'react';
import type { GraphQLField, GraphQLNamedType } from 'graphql';
import type { Place } from './explorer-history';
import type { RecordType } from './record-types';
import type { RootType, SchemaIndex } from './schema-index';
import { kindOf } from './type-ref';
import { InsertButton, TypeRef } from './TypeRef';
import { VirtualRows } from './VirtualRows';

/**
 * The schema's front page: Twenty's objects (core), the root fields of each operation, and
 * every type. Sections fold, so the mutations of a big workspace are one click away.
 */
export type SectionId = 'objects' | 'query' | 'mutation' | 'subscription' | 'types';

type Row =
  | { kind: 'section'; id: SectionId; label: string; count: number }
  | { kind: 'object'; record: RecordType }
  | { kind: 'rootField'; root: RootType; field: GraphQLField<unknown, unknown> }
  | { kind: 'type'; type: GraphQLNamedType };

const SECTION_LABELS: Record<SectionId, string> = {
  objects: 'Objects',
  query: 'Queries',
  mutation: 'Mutations',
  subscription: 'Subscriptions',
  types: 'All types',
};

interface Props {
  index: SchemaIndex;
  api: 'core' | 'metadata';
  collapsed: ReadonlySet<SectionId>;
  onToggle(section: SectionId): void;
  onOpen(place: Place): void;
  onInsert?(typeName: string, fieldName: string): void;
  initialOffset?: number;
  onOffset(offset: number): void;
}

const rowsOf = (
  index: SchemaIndex,
  api: Props['api'],
  collapsed: ReadonlySet<SectionId>,
): Row[] => {
  const rows: Row[] = [];
  const section = (id: SectionId, count: number, items: () => Row[]) => {
    rows.push({ kind: 'section', id, label: SECTION_LABELS[id], count });
    if (!collapsed.has(id)) rows.push(...items());
  };
  if (api === 'core' && index.records.length > 0)
    section('objects', index.records.length, () =>
      index.records.map((record) => ({ kind: 'object', record })),
    );
  for (const root of index.roots) {
    const fields = Object.values(root.type.getFields());
    section(root.operation, fields.length, () =>
      fields.map((field) => ({ kind: 'rootField', root, field })),
    );
  }
  section('types', index.types.length, () => index.types.map((type) => ({ kind: 'type', type })));
  return rows;
};

const keyOf = (row: Row) =>
  row.kind === 'section'
    ? `s:${row.id}`
    : row.kind === 'object'
      ? `o:${row.record.name}`
      : row.kind === 'rootField'
        ? `f:${row.root.operation}:${row.field.name}`
        : `t:${row.type.name}`;

export const RootView = ({
  index,
  api,
  collapsed,
  onToggle,
  onOpen,
  onInsert,
  initialOffset,
  onOffset,
}: Props) => {
  const rows = useMemo(() => rowsOf(index, api, collapsed), [index, api, collapsed]);
  const openType = (typeName: string) => onOpen({ kind: 'type', typeName, fieldName: null });
  const queryType = index.schema.getQueryType()?.name;

  const renderRow = (row: Row) => {
    switch (row.kind) {
      case 'section': {
        const open = !collapsed.has(row.id);
        return (
          <div role="listitem" className="sx-section">
            <button type="button" aria-expanded={open} onClick={() => onToggle(row.id)}>
              {open ? (
                <ChevronDown size={13} aria-hidden />
              ) : (
                <ChevronRight size={13} aria-hidden />
              )}
              {row.label} <span className="sx-count">{row.count}</span>
            </button>
          </div>
        );
      }
      case 'object': {
        const { record } = row;
        return (
          <div role="listitem" className="sx-item" aria-label={`Object ${record.name}`}>
            <button
              type="button"
              className="sx-link"
              title={record.type.description ?? undefined}
              onClick={() => openType(record.name)}
            >
              {record.name}
            </button>
            <span className="sx-muted sx-grow">{record.listField}</span>
            {onInsert && queryType && record.listField && (
              <InsertButton
                field={record.listField}
                onInsert={() => onInsert(queryType, record.listField!)}
              />
            )}
          </div>
        );
      }
      case 'rootField': {
        const { root, field } = row;
        return (
          <div role="listitem" className="sx-item" aria-label={`${root.type.name} ${field.name}`}>
            <span className="sx-grow sx-ellipsis">
              <button
                type="button"
                className="sx-link sx-field-link"
                title={field.description ?? undefined}
                data-deprecated={field.deprecationReason ? true : undefined}
                onClick={() =>
                  onOpen({ kind: 'type', typeName: root.type.name, fieldName: field.name })
                }
              >
                {field.name}
              </button>
              <span className="sx-colon">:</span>
              <TypeRef type={field.type} onOpen={openType} />
            </span>
            {onInsert && (
              <InsertButton
                field={field.name}
                onInsert={() => onInsert(root.type.name, field.name)}
              />
            )}
          </div>
        );
      }
      case 'type':
        return (
          <div role="listitem" className="sx-item" aria-label={`Type ${row.type.name}`}>
            <button
              type="button"
              className="sx-link"
              title={row.type.description ?? undefined}
              onClick={() => openType(row.type.name)}
            >
              {row.type.name}
            </button>
            <span className="sx-grow" />
            <span className="sx-kind">{kindOf(row.type)}</span>
          </div>
        );
    }
  };

  return (
    <VirtualRows
      rows={rows}
      rowKey={keyOf}
      estimateSize={(row) => (row.kind === 'section' ? 34 : 26)}
      renderRow={renderRow}
      role="list"
      label="Schema overview"
      initialOffset={initialOffset}
      onOffset={onOffset}
    />
  );
};
