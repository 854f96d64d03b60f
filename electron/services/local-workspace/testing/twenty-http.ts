import type { WorkspaceProcess } from './workspace-process';

/** Thin test helpers over fetch: GraphQL on /metadata and JSON REST calls, as a client would send. */
export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

const graphqlAt =
  (path: '/metadata' | '/graphql') =>
  async <T = Record<string, any>>(
    ws: Pick<WorkspaceProcess, 'url' | 'apiKey'>,
    query: string,
    variables?: Record<string, unknown>,
    token: string | null = ws.apiKey,
  ): Promise<GraphqlResponse<T>> => {
    const response = await fetch(`${ws.url}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphqlResponse<T>, 'status'>;
    return { status: response.status, ...body };
  };

/** GraphQL on Twenty's metadata API. */
export const metadataGraphql = graphqlAt('/metadata');
/** GraphQL on Twenty's core (records) API. */
export const coreGraphql = graphqlAt('/graphql');

export const rest = async (
  ws: Pick<WorkspaceProcess, 'url' | 'apiKey'>,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = ws.apiKey,
): Promise<{ status: number; body: any }> => {
  const response = await fetch(`${ws.url}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
};

/** A `/rest/metadata` list in either of Twenty's envelopes (new: `data: […]`; legacy: `data.objects`). */
export const metadataListItems = (body: any, legacyKey: 'objects' | 'fields'): any[] =>
  Array.isArray(body?.data) ? body.data : (body?.data?.[legacyKey] ?? []);

/** A `/rest/metadata` item in either envelope (new: the bare item; legacy: `data.<key>`). */
export const metadataItem = (body: any, legacyKey: string): any =>
  body?.data && legacyKey in body.data ? body.data[legacyKey] : body;
