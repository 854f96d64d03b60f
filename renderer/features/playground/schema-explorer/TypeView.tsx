import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLEnumValue,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
} from 'graphql';
import { useMemo, type ReactNode } from 'react';
import type { Place } from './explorer-history';
import { recordInputsOf } from './record-types';
import type { RootFieldRef, SchemaIndex } from './schema-index';
import { kindOf, printDefault } from './type-ref';
import { InsertButton, TypeRef } from './TypeRef';
import { VirtualRows } from './VirtualRows';

/**
 * One type: what it is, what returns it, then its fields (with arguments and defaults), input
 * fields or enum values. A field asked for (search, go to definition) is scrolled to and marked.
 */
type Row =
  | { kind: 'header' }
  | { kind: 'heading'; label: string; count: number }
  | { kind: 'field'; field: GraphQLField<unknown, unknown> }
  | { kind: 'inputField'; field: GraphQLInputField }
  | { kind: 'enumValue'; value: GraphQLEnumValue };

interface Props {
  index: SchemaIndex;
  typeName: string;
  fieldName: string | null;
  /** False when coming back to the page: it opens where it was left instead. */
  scrollToMember: boolean;
  onOpen(place: Place): void;
  onInsert?(typeName: string, fieldName: string): void;
  initialOffset?: number;
  onOffset(offset: number): void;
}

/** Root fields listed on a type's page; more are found by search. */
const MAX_CHIPS = 24;

const rowsOf = (type: GraphQLNamedType): Row[] => {
  const rows: Row[] = [{ kind: 'header' }];
  if (isObjectType(type) || isInterfaceType(type)) {
    const fields = Object.values(type.getFields());
    rows.push({ kind: 'heading', label: 'Fields', count: fields.length });
    for (const field of fields) rows.push({ kind: 'field', field });
  } else if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    rows.push({ kind: 'heading', label: 'Input fields', count: fields.length });
    for (const field of fields) rows.push({ kind: 'inputField', field });
  } else if (isEnumType(type)) {
    const values = type.getValues();
    rows.push({ kind: 'heading', label: 'Values', count: values.length });
    for (const value of values) rows.push({ kind: 'enumValue', value });
  }
  return rows;
};

const memberName = (row: Row) =>
  row.kind === 'field' || row.kind === 'inputField'
    ? row.field.name
    : row.kind === 'enumValue'
      ? row.value.name
      : null;

const Description = ({ text }: { text: string | null | undefined }) =>
  text ? <p className="sx-description">{text}</p> : null;

const Deprecation = ({ reason }: { reason: string | null | undefined }) =>
  typeof reason === 'string' ? (
    <p className="sx-deprecated">Deprecated{reason ? `: ${reason}` : ''}</p>
  ) : null;

const Default = ({ text }: { text: string }) => (
  <>
    <span className="sx-equals">=</span>
    <code className="sx-default">{text}</code>
  </>
);

/** A field, input field or enum value: its signature line, then what the schema says of it. */
const Member = ({
  name,
  deprecation,
  description,
  focused,
  signature,
  children,
}: {
  name: string;
  deprecation: string | null | undefined;
  description: string | null | undefined;
  focused: boolean;
  signature?: ReactNode;
  children?: ReactNode;
}) => (
  <div
    role="listitem"
    className="sx-member"
    aria-label={name}
    data-focused={focused || undefined}
    aria-current={focused || undefined}
  >
    <div className="sx-signature">
      <span className="sx-name" data-deprecated={typeof deprecation === 'string' || undefined}>
        {name}
      </span>
      {signature}
    </div>
    <Description text={description} />
    <Deprecation reason={deprecation} />
    {children}
  </div>
);

const Chips = ({
  label,
  names,
  onPick,
}: {
  label: string;
  names: string[];
  onPick(name: string): void;
}) =>
  names.length === 0 ? null : (
    <div className="sx-facts">
      <span className="sx-label">{label}</span>
      {names.slice(0, MAX_CHIPS).map((name) => (
        <button key={name} type="button" className="sx-chip" onClick={() => onPick(name)}>
          {name}
        </button>
      ))}
      {names.length > MAX_CHIPS && (
        <span className="sx-muted">and {names.length - MAX_CHIPS} more</span>
      )}
    </div>
  );

export const TypeView = ({
  index,
  typeName,
  fieldName,
  scrollToMember,
  onOpen,
  onInsert,
  initialOffset,
  onOffset,
}: Props) => {
  const type = index.schema.getType(typeName);
  const rows = useMemo(() => (type ? rowsOf(type) : []), [type]);
  const focusedRow = fieldName ? rows.findIndex((row) => memberName(row) === fieldName) : -1;
  if (!type)
    return (
      <p className="sx-empty" role="status">
        No type named “{typeName}” in this schema.
      </p>
    );

  const openType = (name: string) => onOpen({ kind: 'type', typeName: name, fieldName: null });
  const openRef = (ref: RootFieldRef) =>
    onOpen({ kind: 'type', typeName: ref.typeName, fieldName: ref.fieldName });
  const record = index.recordByName.get(type.name);
  const returnedBy = index.returnedBy.get(type.name) ?? [];
  const rootRefs = (operation: RootFieldRef['operation']) =>
    returnedBy.filter((ref) => ref.operation === operation);
  const chipsOf = (label: string, refs: RootFieldRef[]) => (
    <Chips
      label={label}
      names={refs.map((ref) => ref.fieldName)}
      onPick={(name) => openRef(refs.find((ref) => ref.fieldName === name)!)}
    />
  );

  const header = (
    <div role="listitem" className="sx-type-head">
      <h2>
        {type.name} <span className="sx-kind">{kindOf(type)}</span>
        {record && <span className="sx-kind sx-record">Twenty object</span>}
      </h2>
      <Description text={type.description} />
      {(isObjectType(type) || isInterfaceType(type)) && (
        <Chips
          label="Implements"
          names={type.getInterfaces().map((item) => item.name)}
          onPick={openType}
        />
      )}
      {(isUnionType(type) || isInterfaceType(type)) && (
        <Chips
          label="Possible types"
          names={index.schema.getPossibleTypes(type).map((item) => item.name)}
          onPick={openType}
        />
      )}
      {isScalarType(type) && type.specifiedByURL && (
        <p className="sx-facts">
          <span className="sx-label">Specified by</span> <code>{type.specifiedByURL}</code>
        </p>
      )}
      {record && (
        <>
          <Chips label="Connection" names={[record.connection.name]} onPick={openType} />
          <Chips label="Inputs" names={recordInputsOf(index.schema, record)} onPick={openType} />
        </>
      )}
      {chipsOf('Queries', rootRefs('query'))}
      {chipsOf('Mutations', rootRefs('mutation'))}
      {chipsOf('Subscriptions', rootRefs('subscription'))}
    </div>
  );

  const argument = (arg: GraphQLArgument) => {
    const fallback = printDefault(arg);
    return (
      <li key={arg.name}>
        <span className="sx-name" data-deprecated={arg.deprecationReason ? true : undefined}>
          {arg.name}
        </span>
        <span className="sx-colon">:</span>
        <TypeRef type={arg.type} onOpen={openType} />
        {fallback !== null && <Default text={fallback} />}
        <Description text={arg.description} />
        <Deprecation reason={arg.deprecationReason} />
      </li>
    );
  };

  const renderRow = (row: Row, rowIndex: number) => {
    const focused = rowIndex === focusedRow;
    switch (row.kind) {
      case 'header':
        return header;
      case 'heading':
        return (
          <div role="listitem" className="sx-heading">
            <h3>
              {row.label} <span className="sx-count">{row.count}</span>
            </h3>
          </div>
        );
      case 'field': {
        const { field } = row;
        return (
          <Member
            name={field.name}
            deprecation={field.deprecationReason}
            description={field.description}
            focused={focused}
            signature={
              <>
                <span className="sx-colon">:</span>
                <TypeRef type={field.type} onOpen={openType} />
                {onInsert && (
                  <InsertButton
                    field={field.name}
                    onInsert={() => onInsert(type.name, field.name)}
                  />
                )}
              </>
            }
          >
            {field.args.length > 0 && (
              <ul className="sx-args" aria-label={`Arguments of ${field.name}`}>
                {field.args.map(argument)}
              </ul>
            )}
          </Member>
        );
      }
      case 'inputField': {
        const { field } = row;
        const fallback = printDefault(field);
        return (
          <Member
            name={field.name}
            deprecation={field.deprecationReason}
            description={field.description}
            focused={focused}
            signature={
              <>
                <span className="sx-colon">:</span>
                <TypeRef type={field.type} onOpen={openType} />
                {fallback !== null && <Default text={fallback} />}
              </>
            }
          />
        );
      }
      case 'enumValue':
        return (
          <Member
            name={row.value.name}
            deprecation={row.value.deprecationReason}
            description={row.value.description}
            focused={focused}
          />
        );
    }
  };

  return (
    <VirtualRows
      rows={rows}
      rowKey={(row, rowIndex) => memberName(row) ?? `${row.kind}:${rowIndex}`}
      estimateSize={(row) =>
        row.kind === 'header'
          ? 120
          : row.kind === 'field'
            ? 32 + row.field.args.length * 22
            : row.kind === 'heading'
              ? 34
              : 30
      }
      renderRow={renderRow}
      role="list"
      label={`${type.name} ${kindOf(type)}`}
      scrollToIndex={scrollToMember && focusedRow >= 0 ? focusedRow : null}
      scrollAlign="start"
      initialOffset={initialOffset}
      onOffset={onOffset}
    />
  );
};
