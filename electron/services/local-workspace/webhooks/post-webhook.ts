import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * One webhook POST with Twenty's client settings: a single attempt, a 5 s timeout covering the
 * whole exchange, any answer accepted as a result (success is decided by the caller). Loopback and
 * LAN targets are allowed: reaching a receiver on this machine is what the local workspace is for.
 */
export interface PostResult {
  statusCode: number | null;
  responseBody: string | null;
  error: string | null;
}

export const USER_AGENT = 'Atelier-Local-Workspace (Twenty-compatible webhooks)';

export interface WebhookHttpClient {
  post(
    url: string,
    headers: Record<string, string>,
    body: string,
    options: { timeoutMs: number; responseBodyLimit: number; signal: AbortSignal },
  ): Promise<PostResult>;
  close(): void;
}

const readLimited = (response: IncomingMessage, limit: number): Promise<string> =>
  new Promise((resolve, reject) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      if (text.length < limit) text += chunk.slice(0, limit - text.length);
    });
    response.on('end', () => resolve(text));
    response.on('error', reject);
    response.on('aborted', () => reject(new Error('the target closed the connection')));
  });

export const createWebhookHttpClient = (maxSockets: number): WebhookHttpClient => {
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets });
  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets });
  return {
    post: (url, headers, body, { timeoutMs, responseBodyLimit, signal }) =>
      new Promise<PostResult>((resolve) => {
        let settled = false;
        const settle = (result: PostResult) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          resolve(result);
        };
        const fail = (error: unknown) =>
          settle({
            statusCode: null,
            responseBody: null,
            error: error instanceof Error ? error.message : String(error),
          });
        let target: URL;
        try {
          target = new URL(url);
        } catch {
          return fail(new Error(`Invalid URL: ${url}`));
        }
        const https = target.protocol === 'https:';
        const request = (https ? httpsRequest : httpRequest)(target, {
          method: 'POST',
          agent: https ? httpsAgent : httpAgent,
          headers: {
            ...headers,
            'User-Agent': USER_AGENT,
            'Content-Length': String(Buffer.byteLength(body)),
          },
        });
        // Same words as axios, which Twenty's delivery job uses.
        const timer = setTimeout(
          () => request.destroy(new Error(`timeout of ${timeoutMs}ms exceeded`)),
          timeoutMs,
        );
        const onAbort = () =>
          request.destroy(new Error('aborted: the local workspace is stopping'));
        signal.addEventListener('abort', onAbort);
        if (signal.aborted) onAbort();
        request.on('error', fail);
        request.on('response', (response) => {
          readLimited(response, responseBodyLimit).then(
            (text) =>
              settle({ statusCode: response.statusCode ?? null, responseBody: text, error: null }),
            (error: unknown) => {
              request.destroy();
              fail(error);
            },
          );
        });
        request.end(body);
      }),
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
};
