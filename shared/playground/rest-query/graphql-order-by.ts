import type { ModelObject, WorkspaceModel } from '../../contract/data-model';
import { DIRECTIONS, parseOrderBySyntax } from '../../domain/rest-grammar/order-by-syntax';
import { checkOrderBy } from './check-order-by';
import type { QueryProblem } from './types';

/**
 * REST `order_by` ↔ GraphQL `orderBy`: `name.firstName[DescNullsLast],createdAt` ↔
 * `[{ name: { firstName: DescNullsLast } }, { createdAt: AscNullsFirst }]`, as Twenty's REST
 * parser builds it (its spec) before the `id` tie-breaker both APIs append.
 */
export type GraphqlOrderBy = Array<Record<string, unknown>>;

export const restOrderByToGraphql = (
  text: string,
  object: ModelObject | string,
  model?: WorkspaceModel,
): { orderBy: GraphqlOrderBy | null; problems: QueryProblem[] } => {
  const problems = checkOrderBy(text, object, model);
  if (problems.length > 0) return { orderBy: null, problems };
  const orderBy = parseOrderBySyntax(text).items.map(
    (item) =>
      item.path.reduceRight<unknown>(
        (inner, segment) => ({ [segment.name]: inner }),
        item.direction,
      ) as Record<string, unknown>,
  );
  return { orderBy, problems };
};

export const graphqlOrderByToRest = (
  orderBy: GraphqlOrderBy | Record<string, unknown> | null | undefined,
): { text: string | null; problems: string[] } => {
  if (!orderBy) return { text: null, problems: [] };
  const problems: string[] = [];
  const items = (Array.isArray(orderBy) ? orderBy : [orderBy]).flatMap((entry) =>
    Object.entries(entry).flatMap(([field, value]) => {
      const pairs =
        typeof value === 'object' && value !== null
          ? Object.entries(value).map(([sub, direction]) => [`${field}.${sub}`, direction] as const)
          : [[field, value] as const];
      return pairs.flatMap(([path, direction]) => {
        if (!(DIRECTIONS as readonly unknown[]).includes(direction)) {
          problems.push(`${path}: '${String(direction)}' is not an OrderByDirection`);
          return [];
        }
        return [`${path}[${String(direction)}]`];
      });
    }),
  );
  if (problems.length > 0) return { text: null, problems };
  return { text: items.length > 0 ? items.join(',') : null, problems };
};
