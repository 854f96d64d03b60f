import {
  astFromValue,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  print,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLType,
} from 'graphql';

/** `[Company!]!` as the text around the named type, so only the name needs to be a link. */
export interface TypeWrapping {
  before: string;
  name: string;
  after: string;
}

export const wrappingOf = (type: GraphQLType): TypeWrapping => {
  if (isNonNullType(type)) {
    const inner = wrappingOf(type.ofType);
    return { ...inner, after: `${inner.after}!` };
  }
  if (isListType(type)) {
    const inner = wrappingOf(type.ofType);
    return { before: `[${inner.before}`, name: inner.name, after: `${inner.after}]` };
  }
  return { before: '', name: type.name, after: '' };
};

/** An argument's or input field's default as GraphQL text, or null when it has none. */
export const printDefault = (holder: {
  defaultValue: unknown;
  type: GraphQLInputType;
}): string | null => {
  if (holder.defaultValue === undefined) return null;
  try {
    const ast = astFromValue(holder.defaultValue, holder.type);
    return ast ? print(ast) : null;
  } catch {
    // A custom scalar's default that graphql-js cannot turn back into a literal (an object).
    return JSON.stringify(holder.defaultValue) ?? null;
  }
};

/** The kind of a named type in the words the explorer shows. */
export const kindOf = (type: GraphQLNamedType): string =>
  isObjectType(type)
    ? 'object'
    : isInputObjectType(type)
      ? 'input'
      : isEnumType(type)
        ? 'enum'
        : isInterfaceType(type)
          ? 'interface'
          : isUnionType(type)
            ? 'union'
            : 'scalar';
