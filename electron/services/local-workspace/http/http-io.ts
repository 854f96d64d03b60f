import type { IncomingMessage, ServerResponse } from 'node:http';

/** Small request/response helpers shared by every route of the local workspace. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024; // Twenty's JSON body limit (10 MB)

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(
      typeof body === 'object' && body && 'message' in body
        ? String((body as { message: unknown }).message)
        : `HTTP ${status}`,
    );
  }
}

export const sendJson = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
};

export const readBody = (req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () =>
      tooLarge
        ? reject(
            new HttpError(413, {
              statusCode: 413,
              message: 'request entity too large',
              error: 'Payload Too Large',
            }),
          )
        : resolve(Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });

/** Parses a JSON body; Express/Nest answer malformed JSON with 400 and the parser's message. */
export const readJsonBody = async (req: IncomingMessage): Promise<unknown> => {
  const raw = await readBody(req);
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new HttpError(400, {
      statusCode: 400,
      message: (error as Error).message,
      error: 'Bad Request',
    });
  }
};

/** Nest's answer for a route it does not know. */
export const notFoundRoute = (res: ServerResponse, method: string, path: string): void =>
  sendJson(res, 404, { message: `Cannot ${method} ${path}`, error: 'Not Found', statusCode: 404 });

/**
 * The method of a REST controller call on `/collection` (GET, POST) or `/collection/:id` (GET,
 * PATCH, DELETE); any other method gets Nest's 404 here and null back.
 */
export const controllerMethod = (
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  hasId: boolean,
): string | null => {
  const method = req.method ?? 'GET';
  if ((hasId ? ['GET', 'PATCH', 'DELETE'] : ['GET', 'POST']).includes(method)) return method;
  notFoundRoute(res, method, path);
  return null;
};
