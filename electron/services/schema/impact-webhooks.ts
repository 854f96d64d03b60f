import type { TwentyClient } from '../twenty-client';

/**
 * Webhooks of any Twenty: `/metadata` `webhooks` (core since 1.1, metadata API in 2.x), else the
 * core REST route `/rest/webhooks` (workspace records in older servers: `{data: {webhooks}}`;
 * deprecated alias in 2.x: a bare array). Old records carry one `operation` string.
 */
export interface WebhookUse {
  id: string;
  /** The description, or the target URL when it has none. */
  label: string;
  operations: string[];
}

type Raw = Record<string, unknown>;

const toWebhookUse = (raw: Raw): WebhookUse => ({
  id: String(raw.id),
  label:
    typeof raw.description === 'string' && raw.description.trim() !== ''
      ? raw.description
      : String(raw.targetUrl ?? raw.id),
  operations: Array.isArray(raw.operations)
    ? raw.operations.map(String)
    : typeof raw.operation === 'string'
      ? [raw.operation]
      : ['*.*'],
});

export const readWebhooks = async (
  client: TwentyClient,
  metadataRoots: Set<string>,
  signal?: AbortSignal,
): Promise<WebhookUse[]> => {
  if (metadataRoots.has('webhooks')) {
    const body = await client.metadataGraphql<{ webhooks: Raw[] }>({
      query: `query AtelierWebhooks { webhooks { id targetUrl operations description } }`,
      ...(signal ? { signal } : {}),
    });
    return body.webhooks.map(toWebhookUse);
  }
  const body = await client.rest.request<Raw[] | { data?: { webhooks?: Raw[] } }>({
    method: 'GET',
    path: '/webhooks',
    query: { limit: 200 },
    ...(signal ? { signal } : {}),
  });
  return (Array.isArray(body) ? body : (body.data?.webhooks ?? [])).map(toWebhookUse);
};

/** Operations of a webhook that concern an object: `person.created`, `person.*`, `*.*`. */
export const operationsOn = (webhook: WebhookUse, nameSingular: string): string[] =>
  webhook.operations.filter((operation) => {
    const [object] = operation.split('.');
    return object === nameSingular || object === '*';
  });
