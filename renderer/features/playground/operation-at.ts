import { Kind, parse } from 'graphql';

/**
 * The operation to run in a document with several: the one the cursor is in, else the first.
 * Null when there is one (Twenty needs no name then) or the document does not parse (Twenty
 * answers with the parse error, which is what the admin should see).
 */
export const operationAt = (query: string, offset: number): string | null => {
  let operations;
  try {
    operations = parse(query).definitions.filter(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION,
    );
  } catch {
    return null;
  }
  if (operations.length < 2) return null;
  const here =
    operations.find((op) => op.loc && op.loc.start <= offset && offset <= op.loc.end) ??
    operations[0]!;
  return here.name?.value ?? null;
};
