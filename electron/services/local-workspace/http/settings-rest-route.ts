import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext, WorkspaceRuntime } from '../workspace-runtime';
import { controllerMethod } from './http-io';

/**
 * The start of a settings resource's REST controller as Twenty's webhook and API-key controllers
 * share it: `/rest/metadata/<resource>[/<id>]` and its deprecated `/rest/<resource>[/<id>]` alias,
 * the caller authenticated and its settings permission checked, then (on the alias, after the
 * guards, as Twenty's interceptor does) the deprecation headers pointing at the successor.
 */
export interface SettingsRestRequest {
  legacy: boolean;
  id: string | undefined;
  method: string;
  context: RequestContext;
}

const DEPRECATION_DATE = '@1786320000'; // 2026-08-10, RFC 9745 structured date

export const settingsRestPattern = (resource: string): RegExp =>
  new RegExp(`^/rest/(metadata/)?${resource}(?:/([^/]+))?$`);

/** null: not this resource; 'answered': the method was refused; otherwise the request to serve. */
export const openSettingsRestRequest = async (
  req: IncomingMessage,
  res: ServerResponse,
  runtime: WorkspaceRuntime,
  path: string,
  resource: { name: string; pattern: RegExp },
  requirePermission: (context: RequestContext) => Promise<void>,
): Promise<SettingsRestRequest | 'answered' | null> => {
  const match = resource.pattern.exec(path);
  if (!match) return null;
  const legacy = match[1] === undefined;
  const id = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
  const method = controllerMethod(req, res, path, id !== undefined);
  if (method === null) return 'answered';
  const auth = await runtime.tokens.authenticate(req.headers.authorization);
  const context: RequestContext = { runtime, auth };
  await requirePermission(context);
  if (legacy) {
    res.setHeader('Deprecation', DEPRECATION_DATE);
    res.setHeader(
      'Link',
      `</rest/metadata/${resource.name}${id === undefined ? '' : `/${id}`}>; rel="successor-version"`,
    );
  }
  return { legacy, id, method, context };
};
