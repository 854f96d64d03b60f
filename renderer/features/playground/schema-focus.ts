import { getNamedType, type GraphQLSchema } from 'graphql';
import { getContextAtPosition, Position } from 'graphql-language-service';
import type { SchemaFocus } from './schema-explorer';

/**
 * "Go to definition" into the schema: what the word under the cursor means in the workspace's
 * schema — a type named there, a field (with the type it belongs to), or the input type an
 * argument or input field takes — as the schema explorer's focus.
 */
export const schemaFocusAt = (
  schema: GraphQLSchema,
  query: string,
  /** 0-based, as the language service counts. */
  line: number,
  character: number,
): SchemaFocus | null => {
  const context = getContextAtPosition(query, new Position(line, character), schema);
  if (!context) return null;
  const { token, typeInfo } = context;
  const word = token.string.replace(/[^_A-Za-z0-9]/g, '');
  if (word && schema.getType(word)) return { typeName: word };
  if (typeInfo.fieldDef && typeInfo.parentType && typeInfo.fieldDef.name === word)
    return { typeName: getNamedType(typeInfo.parentType).name, fieldName: typeInfo.fieldDef.name };
  if (typeInfo.argDef && typeInfo.argDef.name === word)
    return { typeName: getNamedType(typeInfo.argDef.type).name };
  if (typeInfo.inputType && typeInfo.objectFieldDefs?.[word])
    return { typeName: getNamedType(typeInfo.objectFieldDefs[word]!.type).name };
  if (typeInfo.enumValue) return { typeName: getNamedType(typeInfo.inputType!).name };
  if (typeInfo.fieldDef && typeInfo.parentType)
    return { typeName: getNamedType(typeInfo.parentType).name, fieldName: typeInfo.fieldDef.name };
  return null;
};
