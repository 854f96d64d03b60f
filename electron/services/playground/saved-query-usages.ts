import {
  buildClientSchema,
  getNamedType,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import type { WorkspaceModel } from '../../../shared/contract/data-model';
import type { SavedQuery } from '../../../shared/contract/playground';
import { parseRestUrl } from '../../../shared/playground/rest-query';
import type { ImpactSubject, Usage } from '../schema/impact';

/**
 * Which saved queries of the playground use an object or a field, before the data-model editor
 * renames or removes it: GraphQL documents walked with the core schema's types (a `name`
 * selected on a `Company`, not any `name`), REST routes, filters, sorts and bodies by name.
 */
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

const graphqlUses = (query: string, schema: GraphQLSchema, subject: ImpactSubject): boolean => {
  let document;
  try {
    document = parse(query);
  } catch {
    return false;
  }
  const typeName = pascal(subject.objectName);
  const info = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(info, {
      Field(node) {
        const parent = info.getParentType()?.name;
        const returned = info.getType() ? getNamedType(info.getType()!)?.name : undefined;
        if (subject.fieldName) {
          if (
            parent === typeName &&
            [subject.fieldName, `${subject.fieldName}Id`].includes(node.name.value)
          )
            found = true;
        } else if (
          returned === typeName ||
          returned === `${typeName}Connection` ||
          parent === typeName
        )
          found = true;
      },
    }),
  );
  return found;
};

const restUses = (
  request: Extract<SavedQuery['request'], { kind: 'rest' }>,
  subject: ImpactSubject,
  model: WorkspaceModel,
): boolean => {
  if (request.api !== 'core') return false;
  const spec = parseRestUrl(`/rest${request.path}`, request.method);
  const object = model.objects.find((candidate) => candidate.nameSingular === subject.objectName);
  if (!spec || !object || spec.object !== object.namePlural) return false;
  if (!subject.fieldName) return true;
  const names = [subject.fieldName, `${subject.fieldName}Id`];
  const mentioned = (text: string | undefined) =>
    !!text && names.some((name) => new RegExp(`(^|[(,])${name}[[.]`).test(text));
  const body = request.body && typeof request.body === 'object' ? request.body : null;
  const records = Array.isArray(body) ? body : body ? [body] : [];
  return (
    mentioned(spec.filter) ||
    mentioned(spec.orderBy) ||
    records.some(
      (record) => record && typeof record === 'object' && names.some((name) => name in record),
    )
  );
};

export const savedQueryUsages = (
  queries: SavedQuery[],
  subject: ImpactSubject,
  introspection: IntrospectionQuery | null,
  model: WorkspaceModel | null,
): Usage[] => {
  const schema = introspection ? buildClientSchema(introspection) : null;
  const what = subject.fieldName ? `\`${subject.fieldName}\`` : `\`${subject.objectName}\``;
  return queries.flatMap((query) => {
    const uses =
      query.request.kind === 'graphql'
        ? query.request.api === 'core' &&
          schema !== null &&
          graphqlUses(query.request.query, schema, subject)
        : model !== null && restUses(query.request, subject, model);
    return uses
      ? [
          {
            kind: 'savedQuery' as const,
            description: `Saved query "${query.name}" (${query.file}) uses ${what}`,
          },
        ]
      : [];
  });
};
