import {
  Kind,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
  isRequiredInputField,
  print,
  type ArgumentNode,
  type FieldNode,
  type GraphQLInputType,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type ObjectFieldNode,
  type ValueNode,
} from 'graphql';
import { connectionNodeOf } from './record-types';
import type { OperationKind } from './schema-index';

/**
 * A field as text ready to paste into an operation: required arguments with placeholder values,
 * a first page for a connection, and the scalar fields of what it returns, e.g.
 * `companies(first: 10) { edges { node { id name } } }`. Built as an AST and printed by
 * graphql-js, so the text always parses.
 */
export interface SnippetOptions {
  /** `first:` of a connection. */
  pageSize?: number;
  /** Scalar fields selected per object (`id` always first); a wide custom object stays short. */
  maxLeaves?: number;
}

const DEFAULTS: Required<SnippetOptions> = { pageSize: 10, maxLeaves: 20 };
/** Required inputs inside required inputs are filled this deep; deeper ones are left `{}`. */
const MAX_INPUT_DEPTH = 4;

const nameNode = (value: string) => ({ kind: Kind.NAME, value }) as const;

const fieldNode = (
  name: string,
  args: ArgumentNode[] = [],
  selections?: FieldNode[],
): FieldNode => ({
  kind: Kind.FIELD,
  name: nameNode(name),
  arguments: args,
  directives: [],
  ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
});

/** A value the admin replaces, valid for its type: "", 0, false, the first enum value, []. */
export const placeholderValue = (type: GraphQLInputType, depth = 0): ValueNode => {
  if (isNonNullType(type)) return placeholderValue(type.ofType, depth);
  if (isListType(type)) return { kind: Kind.LIST, values: [] };
  if (isEnumType(type)) {
    const values = type.getValues();
    const value = values.find((candidate) => !candidate.deprecationReason) ?? values[0];
    return value ? { kind: Kind.ENUM, value: value.name } : { kind: Kind.NULL };
  }
  if (isInputObjectType(type)) {
    const all = Object.values(type.getFields());
    // A @oneOf input takes exactly one of its fields.
    const fields = type.isOneOf ? all.slice(0, 1) : all.filter(isRequiredInputField);
    return {
      kind: Kind.OBJECT,
      fields:
        depth >= MAX_INPUT_DEPTH
          ? []
          : fields.map((field): ObjectFieldNode => ({
              kind: Kind.OBJECT_FIELD,
              name: nameNode(field.name),
              value: placeholderValue(field.type, depth + 1),
            })),
    };
  }
  // By name: a schema built by another copy of graphql-js has other scalar objects.
  if (type.name === 'Int' || type.name === 'Float') return { kind: Kind.INT, value: '0' };
  if (type.name === 'Boolean') return { kind: Kind.BOOLEAN, value: false };
  // String, ID and custom scalars (UUID, DateTime, RawJSON…) take a string.
  return { kind: Kind.STRING, value: '' };
};

/** The scalar and enum fields that need no argument, `id` first. */
export const leafFields = (
  type: GraphQLObjectType | GraphQLInterfaceType,
  maxLeaves = DEFAULTS.maxLeaves,
): string[] => {
  const names = Object.values(type.getFields())
    .filter(
      (field) =>
        isLeafType(getNamedType(field.type)) &&
        !field.deprecationReason &&
        !field.args.some(isRequiredArgument),
    )
    .map((field) => field.name);
  const ordered = names.includes('id') ? ['id', ...names.filter((name) => name !== 'id')] : names;
  return ordered.slice(0, maxLeaves);
};

const selectionOf = (
  type: GraphQLNamedType,
  options: Required<SnippetOptions>,
): FieldNode[] | undefined => {
  if (isLeafType(type)) return undefined;
  if (!isObjectType(type) && !isInterfaceType(type)) return [fieldNode('__typename')];
  const node = connectionNodeOf(type);
  const leaves = (of: GraphQLObjectType | GraphQLInterfaceType) => {
    const names = leafFields(of, options.maxLeaves);
    return (names.length > 0 ? names : ['__typename']).map((name) => fieldNode(name));
  };
  return node ? [fieldNode('edges', [], [fieldNode('node', [], leaves(node))])] : leaves(type);
};

export const buildFieldSnippet = (
  schema: GraphQLSchema,
  typeName: string,
  fieldName: string,
  options: SnippetOptions = {},
): string | null => {
  const settings = { ...DEFAULTS, ...options };
  const type = schema.getType(typeName);
  if (!isObjectType(type) && !isInterfaceType(type)) return null;
  const field = type.getFields()[fieldName];
  if (!field) return null;
  const returned = getNamedType(field.type);
  const pages = connectionNodeOf(returned) !== null;
  const args = field.args.flatMap((arg): ArgumentNode[] => {
    const argument = (value: ValueNode): ArgumentNode[] => [
      { kind: Kind.ARGUMENT, name: nameNode(arg.name), value },
    ];
    if (isRequiredArgument(arg)) return argument(placeholderValue(arg.type));
    if (pages && arg.name === 'first' && getNamedType(arg.type).name === 'Int')
      return argument({ kind: Kind.INT, value: String(settings.pageSize) });
    return [];
  });
  return print(fieldNode(field.name, args, selectionOf(returned, settings)));
};

/** A snippet of a root field as a whole operation (`query { … }`), for an empty editor. */
export const asOperation = (snippet: string, operation: OperationKind): string =>
  `${operation} {\n${snippet.replace(/^/gm, '  ')}\n}\n`;
