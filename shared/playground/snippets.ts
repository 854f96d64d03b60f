import type { WorkspaceModel } from '../contract/data-model';
import type { PlaygroundRequest } from '../contract/playground';
import { parseRestUrl, restFilterToGraphqlFilter, restOrderByToGraphql } from './rest-query';

/**
 * A playground request as code that runs as copied: curl and fetch (TypeScript), the key read
 * from the environment (`TWENTY_API_KEY`), never written into the snippet.
 */
const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

const target = (request: PlaygroundRequest, baseUrl: string) => {
  if (request.kind === 'graphql')
    return {
      url: `${baseUrl}${request.api === 'core' ? '/graphql' : '/metadata'}`,
      method: 'POST',
      body: JSON.stringify({
        query: request.query,
        ...(request.variables && Object.keys(request.variables).length > 0
          ? { variables: request.variables }
          : {}),
        ...(request.operationName ? { operationName: request.operationName } : {}),
      }),
      headers: request.headers,
    };
  return {
    url: `${baseUrl}${request.api === 'core' ? '/rest' : '/rest/metadata'}${request.path}`,
    method: request.method,
    body: request.body !== null && request.method !== 'GET' ? JSON.stringify(request.body) : null,
    headers: request.headers,
  };
};

export const curlOf = (request: PlaygroundRequest, baseUrl: string): string => {
  const t = target(request, baseUrl);
  const lines = [
    `curl -sS -X ${t.method} ${shellQuote(t.url)}`,
    `  -H "Authorization: Bearer $TWENTY_API_KEY"`,
    ...Object.entries(t.headers).map(([name, value]) => `  -H ${shellQuote(`${name}: ${value}`)}`),
    ...(t.body !== null
      ? [`  -H 'Content-Type: application/json'`, `  --data-raw ${shellQuote(t.body)}`]
      : []),
  ];
  return lines.join(' \\\n');
};

export const fetchOf = (request: PlaygroundRequest, baseUrl: string): string => {
  const t = target(request, baseUrl);
  const headers = {
    Authorization: '__KEY__',
    ...(t.body !== null ? { 'Content-Type': 'application/json' } : {}),
    ...t.headers,
  };
  const headerText = JSON.stringify(headers, null, 2)
    .replace('"__KEY__"', '`Bearer ${process.env.TWENTY_API_KEY}`')
    .replace(/\n/g, '\n  ');
  return [
    `const response = await fetch(${JSON.stringify(t.url)}, {`,
    `  method: ${JSON.stringify(t.method)},`,
    `  headers: ${headerText},`,
    ...(t.body !== null ? [`  body: JSON.stringify(${t.body}),`] : []),
    `});`,
    `const answer: unknown = await response.json();`,
    `console.log(response.status, JSON.stringify(answer, null, 2));`,
  ].join('\n');
};

/**
 * A REST list request (filter, order_by, limit) as the GraphQL query Twenty answers the same way,
 * the filter and order passed as variables (select values are enums there, strings in JSON);
 * null when the request has no GraphQL twin here (a write, metadata, a cursor, a bad filter).
 */
export const restAsGraphql = (
  request: Extract<PlaygroundRequest, { kind: 'rest' }>,
  model: WorkspaceModel,
  options: { paged?: boolean } = {},
): { query: string; variables: Record<string, unknown> } | null => {
  if (request.api !== 'core' || request.method !== 'GET') return null;
  const spec = parseRestUrl(`/rest${request.path}`, 'GET');
  if (!spec || spec.operation !== 'findMany' || spec.startingAfter || spec.endingBefore)
    return null;
  const object = model.objects.find((candidate) => candidate.namePlural === spec.object);
  if (!object) return null;
  const type = object.nameSingular.charAt(0).toUpperCase() + object.nameSingular.slice(1);
  const variables: Record<string, unknown> = { first: spec.limit ?? 60 };
  const declared = ['$first: Int'];
  const args = ['first: $first'];
  // `$after` and `pageInfo` let the twin page as the REST list does (the result panel's pager).
  if (options.paged) {
    declared.push('$after: String');
    args.push('after: $after');
  }
  if (spec.filter) {
    const { filter } = restFilterToGraphqlFilter(spec.filter, object, model);
    if (!filter) return null;
    variables.filter = filter;
    declared.push(`$filter: ${type}FilterInput`);
    args.push('filter: $filter');
  }
  if (spec.orderBy) {
    const { orderBy } = restOrderByToGraphql(spec.orderBy, object, model);
    if (!orderBy) return null;
    variables.orderBy = orderBy;
    declared.push(`$orderBy: [${type}OrderByInput]`);
    args.push('orderBy: $orderBy');
  }
  const pageInfo = options.paged
    ? '\n    pageInfo {\n      hasNextPage\n      endCursor\n    }'
    : '';
  const query = `query ${type}List(${declared.join(', ')}) {\n  ${object.namePlural}(${args.join(', ')}) {\n    totalCount${pageInfo}\n    edges {\n      node {\n        id\n      }\n    }\n  }\n}\n`;
  return { query, variables };
};
