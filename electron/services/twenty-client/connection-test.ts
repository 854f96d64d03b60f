import { AppError, isAppError } from '../../../shared/errors/app-error';
import type {
  ConnectionFailureKind,
  ConnectionTestReport,
} from '../../../shared/contract/connection-test';
import { summarizeClientConfig } from './client-config';
import type { RequestInfo } from './error-mapping';
import { performAttempt, type AttemptResult, type FetchLike } from './http-attempt';
import { identifyKey } from './workspace-key';

/**
 * Connection test, step by step, each timed: reachability (`GET /healthz`, no auth: Twenty's
 * terminus endpoint, health.controller.ts), "is it Twenty" (`GET /client-config`, public JSON with
 * `authProviders`/`api`; `appVersion` when the build exposes it), authentication and workspace
 * (`currentWorkspace { id displayName }` on /metadata, then /graphql for v1.x builds), and the key's
 * role (`apiKey(input:{id: <jti>}) { role {…} }`, needs the API-keys settings permission). The
 * result is a value; only the caller's cancellation throws (AppError CANCELLED).
 */
export interface TestConnectionInput {
  baseUrl: string;
  apiKey: string;
  signal?: AbortSignal;
  /** Per request. Default 10 s. */
  timeoutMs?: number;
  fetch?: FetchLike;
}

type Step = ConnectionTestReport['steps'][number];
type Failure = NonNullable<ConnectionTestReport['failure']>;

class StepFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

const NETWORK_KIND: Record<string, ConnectionFailureKind> = {
  DNS: 'DNS',
  REFUSED: 'REFUSED',
  TLS: 'TLS',
  TIMEOUT: 'TIMEOUT',
  RESET: 'NETWORK',
  NETWORK: 'NETWORK',
};

const NETWORK_MESSAGE: Record<ConnectionFailureKind, string> = {
  DNS: 'The host name could not be resolved',
  REFUSED: 'Nothing is listening at that address (connection refused)',
  TLS: 'The HTTPS certificate was not accepted',
  TIMEOUT: 'The server did not answer in time',
  NETWORK: 'The connection failed',
  INVALID_URL: 'Not a valid URL',
  NOT_TWENTY: 'This server does not look like Twenty',
  UNAUTHENTICATED: 'The API key was not accepted',
  FORBIDDEN: 'The API key is not allowed',
  SERVER: 'The server answered with an error',
};

/** What the admin should do next, with Twenty's own words in quotes. */
const keyRejected = (status: number, twentySays: string | undefined): string => {
  const quoted = twentySays ? ` Twenty says: "${twentySays}"` : '';
  return status === 401
    ? `The API key was not accepted.${quoted} Replace it with a key from Settings → APIs & Webhooks of this workspace.`
    : `The API key is not allowed to read this workspace.${quoted} It may be revoked, or its role lacks access.`;
};

/** Network failures in the admin's terms: where we tried to go, what happened, what to check. */
const networkFailure = (
  kind: ConnectionFailureKind,
  url: URL,
  code: string | null,
  raw: string,
): { kind: ConnectionFailureKind; message: string } => {
  const where = url.host;
  const suffix = code ? ` (${code})` : '';
  switch (kind) {
    case 'DNS':
      return {
        kind,
        message: `The host name ${url.hostname} could not be resolved${suffix}. Check the spelling, or your network or VPN.`,
      };
    case 'REFUSED':
      return {
        kind,
        message: `Nothing is listening at ${where}${suffix}. Check the port, and that the server is running.`,
      };
    case 'TLS':
      return {
        kind,
        message: `The HTTPS certificate of ${where} was not accepted${suffix}: ${raw}`,
      };
    default:
      if (/bad port/i.test(raw)) {
        return {
          kind: 'INVALID_URL',
          message: `Port ${url.port} is blocked for HTTP by the fetch standard; use the server's real port.`,
        };
      }
      return { kind, message: `${NETWORK_MESSAGE[kind]} to ${where}${suffix}: ${raw}` };
  }
};

const ROLE_QUERY = `query AtelierKeyRole($id: UUID!) { apiKey(input: { id: $id }) { id name role { label canUpdateAllSettings canReadAllObjectRecords canUpdateAllObjectRecords } } }`;
const WORKSPACE_QUERY = '{ currentWorkspace { id displayName } }';

const validateUrl = (baseUrl: string): string => {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new StepFailure({ kind: 'INVALID_URL', message: `"${baseUrl}" is not a URL` });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new StepFailure({
      kind: 'INVALID_URL',
      message: `Use an http:// or https:// address, not ${url.protocol}`,
    });
  if (!url.hostname)
    throw new StepFailure({ kind: 'INVALID_URL', message: 'The URL has no host name' });
  if (url.username || url.password)
    throw new StepFailure({
      kind: 'INVALID_URL',
      message: 'Put the API key in the key field, not in the URL',
    });
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
};

const graphqlErrors = (result: AttemptResult) => {
  const body = result.json as {
    errors?: Array<{ message?: string; extensions?: { code?: string } }>;
  };
  return Array.isArray(body?.errors) ? body.errors : [];
};

export const testConnection = async (input: TestConnectionInput): Promise<ConnectionTestReport> => {
  const testedAt = new Date().toISOString();
  const timeoutMs = input.timeoutMs ?? 10_000;
  const doFetch = input.fetch ?? ((url, init) => fetch(url, init));
  const steps: Step[] = [];
  const report: Omit<ConnectionTestReport, 'ok' | 'steps' | 'testedAt'> = {
    latencyMs: null,
    serverVersion: null,
    workspace: null,
    role: null,
  };

  const call = async (
    baseUrl: string,
    endpoint: RequestInfo['endpoint'],
    method: string,
    path: string,
    body?: unknown,
  ): Promise<AttemptResult> => {
    try {
      return await performAttempt({
        url: `${baseUrl}${path}`,
        method,
        headers: {
          Accept: 'application/json',
          ...(endpoint === 'public' ? {} : { Authorization: `Bearer ${input.apiKey}` }),
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: input.signal,
        timeoutMs,
        fetch: doFetch,
        info: { method, path, endpoint },
      });
    } catch (error) {
      if (isAppError(error) && error.code === 'CANCELLED') throw error;
      if (isAppError(error) && error.code === 'TIMEOUT')
        throw new StepFailure({
          kind: 'TIMEOUT',
          message: `${NETWORK_MESSAGE.TIMEOUT} (${timeoutMs} ms, ${method} ${path})`,
        });
      const details = isAppError(error) ? (error.details ?? {}) : {};
      const kind = NETWORK_KIND[String(details.networkKind)] ?? 'NETWORK';
      const code = typeof details.networkCode === 'string' ? details.networkCode : null;
      throw new StepFailure(networkFailure(kind, new URL(baseUrl), code, (error as Error).message));
    }
  };

  const step = async <T>(name: Step['step'], run: () => Promise<{ value: T; message: string }>) => {
    const started = performance.now();
    try {
      const { value, message } = await run();
      steps.push({ step: name, ok: true, message, durationMs: performance.now() - started });
      return value;
    } catch (error) {
      const durationMs = performance.now() - started;
      if (error instanceof StepFailure)
        steps.push({ step: name, ok: false, message: error.failure.message, durationMs });
      throw error;
    }
  };

  try {
    const baseUrl = await step('reachability', async () => {
      const url = validateUrl(input.baseUrl);
      const started = performance.now();
      const health = await call(url, 'public', 'GET', '/healthz');
      report.latencyMs = Math.round((performance.now() - started) * 10) / 10;
      if ([502, 503, 504].includes(health.status))
        throw new StepFailure({
          kind: 'SERVER',
          status: health.status,
          message: `GET /healthz answered ${health.status}: the server behind this address is down or starting`,
        });
      return {
        value: url,
        message: `GET /healthz answered ${health.status} in ${report.latencyMs} ms`,
      };
    });

    await step('twenty', async () => {
      const config = await call(baseUrl, 'public', 'GET', '/client-config');
      if (config.status >= 500)
        throw new StepFailure({
          kind: 'SERVER',
          status: config.status,
          message: `GET /client-config answered ${config.status}`,
        });
      const summary = summarizeClientConfig(config.json);
      if (config.status !== 200 || !summary.looksLikeTwenty)
        throw new StepFailure({
          kind: 'NOT_TWENTY',
          ...(config.status !== 200 ? { status: config.status } : {}),
          message: `GET /client-config answered ${config.status}${config.json === undefined ? ' without JSON' : ''}, not Twenty's public configuration`,
        });
      report.serverVersion = summary.appVersion;
      return {
        value: summary,
        message: summary.appVersion
          ? `Twenty ${summary.appVersion}`
          : 'Twenty (this build does not publish its version)',
      };
    });

    const workspace = await step('authentication', async () => {
      let lastErrors: ReturnType<typeof graphqlErrors> = [];
      for (const path of ['/metadata', '/graphql'] as const) {
        const answer = await call(
          baseUrl,
          path === '/metadata' ? 'metadata' : 'graphql',
          'POST',
          path,
          {
            query: WORKSPACE_QUERY,
          },
        );
        if (answer.status === 401 || answer.status === 403) {
          const body = answer.json as { messages?: string[] } | undefined;
          throw new StepFailure({
            kind: answer.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN',
            status: answer.status,
            message: keyRejected(answer.status, body?.messages?.[0]),
          });
        }
        if (answer.status >= 500)
          throw new StepFailure({
            kind: 'SERVER',
            status: answer.status,
            message: `${path} answered ${answer.status}`,
          });
        const errors = graphqlErrors(answer);
        const data = (
          answer.json as {
            data?: { currentWorkspace?: { id?: string; displayName?: string | null } };
          }
        )?.data?.currentWorkspace;
        if (errors.length === 0 && data?.id)
          return {
            value: { id: data.id, displayName: data.displayName ?? null },
            message: `The key is valid (${path})`,
          };
        const auth = errors.find((e) =>
          ['UNAUTHENTICATED', 'FORBIDDEN'].includes(String(e.extensions?.code)),
        );
        if (auth)
          throw new StepFailure({
            kind: auth.extensions?.code === 'UNAUTHENTICATED' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
            message: keyRejected(
              auth.extensions?.code === 'UNAUTHENTICATED' ? 401 : 403,
              auth.message,
            ),
          });
        lastErrors = errors;
      }
      throw new StepFailure({
        kind: 'SERVER',
        message: `currentWorkspace could not be read: ${lastErrors[0]?.message ?? 'no data'}`,
      });
    });

    await step('workspace', async () => {
      report.workspace = workspace;
      return {
        value: workspace,
        message: `Workspace ${workspace.displayName ?? '(no name)'} (${workspace.id})`,
      };
    });

    await step('permissions', async () => {
      const { apiKeyId } = identifyKey(input.apiKey);
      if (!apiKeyId)
        return {
          value: null,
          message: 'Role not read: this key is not a Twenty API-key token, so its id is unknown',
        };
      const answer = await call(baseUrl, 'metadata', 'POST', '/metadata', {
        query: ROLE_QUERY,
        variables: { id: apiKeyId },
      });
      const errors = graphqlErrors(answer);
      const role = (
        answer.json as { data?: { apiKey?: { role?: Record<string, unknown> | null } | null } }
      )?.data?.apiKey?.role;
      if (errors.length > 0 || !role || typeof role.label !== 'string')
        return {
          value: null,
          message: `Role not read: ${errors[0]?.message ?? `answer ${answer.status} without a role`} (reading API keys needs the "API keys and webhooks" settings permission)`,
        };
      const flag = (name: string) =>
        typeof role[name] === 'boolean' ? (role[name] as boolean) : null;
      report.role = {
        label: role.label,
        canUpdateAllSettings: flag('canUpdateAllSettings'),
        canReadAllObjectRecords: flag('canReadAllObjectRecords'),
        canUpdateAllObjectRecords: flag('canUpdateAllObjectRecords'),
      };
      return { value: report.role, message: `Role ${role.label}` };
    });
    return { ok: true, testedAt, ...report, steps };
  } catch (error) {
    if (error instanceof StepFailure)
      return { ok: false, testedAt, failure: error.failure, ...report, steps };
    if (error instanceof AppError) throw error;
    throw new AppError('INTERNAL', error instanceof Error ? error.message : String(error));
  }
};
