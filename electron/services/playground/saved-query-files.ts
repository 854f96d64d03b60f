import type { PlaygroundRequest } from '../../../shared/contract/playground';

/**
 * A saved query as a plain file an admin can keep in git and edit by hand:
 * - GraphQL: `<name>.graphql`, the document as written; a first line `# api: metadata` for the
 *   metadata API; variables beside it in `<name>.variables.json` when there are any.
 * - REST: `<name>.http` in the usual HTTP-file shape: `GET /rest/companies?limit=5`, header
 *   lines, a blank line, the JSON body.
 * Headers of a GraphQL query are not saved (they are rarely part of a query, and may be secret).
 */
const API_LINE = /^# api: (core|metadata)\s*\n/;

export const graphqlFileText = (request: Extract<PlaygroundRequest, { kind: 'graphql' }>) =>
  `${request.api === 'metadata' ? '# api: metadata\n' : ''}${request.query.endsWith('\n') ? request.query : `${request.query}\n`}`;

export const parseGraphqlFile = (
  text: string,
  variables: Record<string, unknown> | null,
): Extract<PlaygroundRequest, { kind: 'graphql' }> => {
  const api = API_LINE.exec(text)?.[1] === 'metadata' ? 'metadata' : 'core';
  return {
    kind: 'graphql',
    api,
    query: text.replace(API_LINE, ''),
    variables,
    operationName: null,
    headers: {},
  };
};

export const httpFileText = (request: Extract<PlaygroundRequest, { kind: 'rest' }>) => {
  const prefix = request.api === 'core' ? '/rest' : '/rest/metadata';
  const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${value}\n`);
  const body =
    request.body !== null && request.method !== 'GET'
      ? `\n${JSON.stringify(request.body, null, 2)}\n`
      : '';
  return `${request.method} ${prefix}${request.path}\n${headers.join('')}${body}`;
};

const REQUEST_LINE = /^(GET|POST|PATCH|PUT|DELETE) (\/rest(?:\/metadata)?)(\/\S*)$/;

export const parseHttpFile = (text: string): Extract<PlaygroundRequest, { kind: 'rest' }> => {
  const [head = '', ...rest] = text.replace(/\r\n/g, '\n').split('\n\n');
  const [requestLine = '', ...headerLines] = head.split('\n').filter((line) => line.trim());
  const match = REQUEST_LINE.exec(requestLine.trim());
  if (!match) throw new Error(`The first line is not "<METHOD> /rest/…": ${requestLine}`);
  const headers = Object.fromEntries(
    headerLines.map((line) => {
      const colon = line.indexOf(':');
      if (colon < 1) throw new Error(`Not a header line: ${line}`);
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    }),
  );
  const bodyText = rest.join('\n\n').trim();
  return {
    kind: 'rest',
    api: match[2] === '/rest/metadata' ? 'metadata' : 'core',
    method: match[1] as Extract<PlaygroundRequest, { kind: 'rest' }>['method'],
    path: match[3]!,
    body: bodyText ? (JSON.parse(bodyText) as unknown) : null,
    headers,
  };
};
