import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import type {
  AccessObject,
  AccessOverview,
  AccessPlan,
  AccessSubject,
  ApiKeyInfo,
  ApplyAccessResult,
  CreatedApiKey,
  EffectiveAccess,
  Role,
  RoleDraft,
  SessionStatus,
} from '../../../shared/contract/access';
import type { WorkspaceModel } from '../../../shared/contract/data-model';
import { effectiveAccess } from '../../../shared/access/effective-access';
import {
  isNewRoleId,
  planAccessChanges,
  type PlannedStep,
} from '../../../shared/access/plan-access-changes';
import { PERMISSION_FLAGS } from '../../../shared/access/role-rules';
import { keyWarnings, NEVER_AFTER_MS } from '../../../shared/access/key-warnings';
import { AppError, isAppError } from '../../../shared/errors/app-error';
import type { SecretStore } from '../../platform/keychain';
import type { Logger } from '../../platform/logging/logger';
import { createJsonFileStore } from '../../platform/settings/json-file-store';
import type { JobRegistry } from '../jobs/job-registry';
import { createTwentyClient, type TwentyClient } from '../twenty-client';
import { identifyKey } from '../twenty-client/workspace-key';
import type { WorkspacesService } from '../workspaces/workspaces-service';
import { findConnection } from '../workspaces/writable-connection';
import { needsSession, type TwentySessions } from './twenty-session';
import {
  readRoleApiShape,
  readRoles,
  stepRequest,
  unknownSettings,
  unsupportedOperations,
  type RoleApiShape,
} from './twenty-roles';
import {
  createApiKey,
  generateApiKeyToken,
  listApiKeys,
  neverExpiresAt,
  revokeApiKey,
  type TwentyApiKey,
} from './twenty-api-keys';

/**
 * Access admin (issue 10) for one connection at a time: roles read and changed through Twenty's
 * role operations as a reviewed plan, API keys created / rotated / revoked (with the signed-in
 * session recent servers demand), tokens kept in the keychain for "try as this key", and what a
 * key or role may do. Tokens reach the renderer once, when a key is created or rotated.
 */
export interface AccessDeps {
  dataDir: string;
  secrets: SecretStore;
  logger: Logger;
  jobs: JobRegistry;
  workspaces: Pick<WorkspacesService, 'list' | 'client' | 'credentials' | 'add' | 'replaceKey'>;
  sessions: TwentySessions;
  /** The data model (objects and fields with their ids), live when reachable. */
  model(connectionId: string): Promise<WorkspaceModel>;
  /** The local workspace's admin sign-in (password from the keychain); null elsewhere. */
  localAdmin(connectionId: string): Promise<{ email: string; password: string } | null>;
}

const rotationsSchema = z.object({
  rotations: z.array(
    z.object({
      connectionId: z.string(),
      newKeyId: z.string(),
      oldKeyId: z.string(),
      oldName: z.string(),
      at: z.string(),
    }),
  ),
  storedTokens: z.array(z.object({ connectionId: z.string(), apiKeyId: z.string() })),
});

const tokenAccount = (connectionId: string, apiKeyId: string) =>
  `api-key-token:${connectionId}:${apiKeyId}`;

/** Twenty 2.x refuses API keys for key minting and revoking ("RequireAccessTokenGuard"). */
const SESSION_REFUSAL = /requires a session access token|not available to this caller/i;
const TRY_AS_TOKEN_MS = 60 * 60_000;

/** Why roles or keys could not be read, with the way out when it is a missing permission. */
const readProblem = (error: Error, what: string, flag: string): string =>
  isAppError(error) && error.code === 'PERMISSION'
    ? `This connection's key may not read ${what}: its role lacks the "${flag}" permission (Twenty: ${error.message}). Sign in to Twenty as an admin (API keys tab) or use a key with an admin role.`
    : `Could not read ${what}: ${error.message}`;

const toAccessObjects = (model: WorkspaceModel): AccessObject[] =>
  model.objects
    .filter((object) => object.isActive)
    .map((object) => ({
      id: object.id,
      nameSingular: object.nameSingular,
      labelSingular: object.labelSingular,
      labelPlural: object.labelPlural,
      isSystem: object.isSystem,
      isCustom: object.isCustom,
      fields: object.fields
        .filter((field) => field.isActive)
        .map(({ id, name, label, type, isSystem }) => ({ id, name, label, type, isSystem })),
    }))
    .sort((a, b) => a.labelSingular.localeCompare(b.labelSingular));

export const createAccessService = (deps: AccessDeps) => {
  const { secrets, logger, workspaces, sessions } = deps;
  const records = createJsonFileStore(
    join(deps.dataDir, 'access', 'keys.json'),
    rotationsSchema,
    () => ({ rotations: [], storedTokens: [] }),
    (message) => logger.warn(message),
  );
  const plans = new Map<
    string,
    { connectionId: string; steps: PlannedStep[]; problems: number; shape: RoleApiShape }
  >();
  const shapes = new Map<string, RoleApiShape>();
  const sessionRequired = new Set<string>();
  const sessionClients = new Map<string, TwentyClient>();
  const tryAsTokens = new Map<string, { token: string; until: number }>();
  const tryAsClients = new Map<string, TwentyClient>();

  const clientWithToken = async (
    connectionId: string,
    token: string,
    cache: Map<string, TwentyClient>,
  ) => {
    const key = `${connectionId}\n${token}`;
    const cached = cache.get(key);
    if (cached) return cached;
    for (const [other, client] of cache)
      if (other.startsWith(`${connectionId}\n`)) {
        client.close();
        cache.delete(other);
      }
    const creds = await workspaces.credentials(connectionId);
    const client = createTwentyClient({
      baseUrl: creds.baseUrl,
      apiKey: token,
      rateLimit: creds.rateLimit,
    });
    cache.set(key, client);
    return client;
  };

  const sessionClient = async (connectionId: string) => {
    const { baseUrl } = await workspaces.credentials(connectionId);
    return clientWithToken(
      connectionId,
      await sessions.accessToken(connectionId, baseUrl),
      sessionClients,
    );
  };

  const signedIn = async (connectionId: string) => (await sessions.status(connectionId)).signedIn;

  /** Key minting and revoking: the session when there is one, else the key until Twenty refuses it. */
  const keyOperation = async <T>(
    connectionId: string,
    what: string,
    run: (client: TwentyClient) => Promise<T>,
  ) => {
    if (await signedIn(connectionId)) return run(await sessionClient(connectionId));
    try {
      return await run(await workspaces.client(connectionId));
    } catch (error) {
      if (isAppError(error) && SESSION_REFUSAL.test(error.message)) {
        sessionRequired.add(connectionId);
        throw needsSession(
          `${what} needs a signed-in Twenty user on this server (it refuses API keys for it): sign in to go on`,
        );
      }
      throw error;
    }
  };

  /** Role reads and writes: the connection's key (Twenty accepts it with ROLES), else the session. */
  const roleOperation = async <T>(
    connectionId: string,
    run: (client: TwentyClient) => Promise<T>,
  ) => {
    try {
      return await run(await workspaces.client(connectionId));
    } catch (error) {
      const refused =
        isAppError(error) && (error.code === 'PERMISSION' || SESSION_REFUSAL.test(error.message));
      if (refused && (await signedIn(connectionId))) return run(await sessionClient(connectionId));
      throw error;
    }
  };

  const writable = async (connectionId: string) => {
    const connection = await findConnection(workspaces, connectionId);
    if (connection.readOnly)
      throw new AppError(
        'PERMISSION',
        `"${connection.name}" is read-only in Atelier: turn read-only off in Connections to change its access`,
      );
    return connection;
  };

  /** Which Atelier connections authenticate with which API key (a key JWT's `jti`). */
  const connectionsByKey = async () => {
    const byKey = new Map<string, Array<{ id: string; name: string }>>();
    for (const connection of (await workspaces.list()).connections) {
      const apiKey = await workspaces.credentials(connection.id).then(
        (creds) => creds.apiKey,
        () => null,
      );
      const keyId = apiKey ? identifyKey(apiKey).apiKeyId : null;
      if (keyId)
        byKey.set(keyId, [
          ...(byKey.get(keyId) ?? []),
          { id: connection.id, name: connection.name },
        ]);
    }
    return byKey;
  };

  const toKeyInfos = async (connectionId: string, keys: TwentyApiKey[]): Promise<ApiKeyInfo[]> => {
    const { rotations, storedTokens } = await records.read();
    const used = await connectionsByKey();
    return keys.map((key) => {
      const rotation = rotations.find(
        (entry) => entry.connectionId === connectionId && entry.newKeyId === key.id,
      );
      return {
        id: key.id,
        name: key.name,
        expiresAt: key.expiresAt,
        revokedAt: key.revokedAt ?? null,
        createdAt: key.createdAt,
        updatedAt: key.updatedAt,
        roleId: key.role?.id ?? null,
        roleLabel: key.role?.label ?? null,
        rotatedAt: rotation?.at ?? null,
        rotatedFromName: rotation?.oldName ?? null,
        usedByConnections: used.get(key.id) ?? [],
        hasStoredToken: storedTokens.some(
          (entry) => entry.connectionId === connectionId && entry.apiKeyId === key.id,
        ),
        warnings: keyWarnings(key),
      };
    });
  };

  const readKeys = (connectionId: string) =>
    signedIn(connectionId).then(async (session) =>
      listApiKeys(
        session ? await sessionClient(connectionId) : await workspaces.client(connectionId),
      ),
    );

  const sessionStatus = async (connectionId: string): Promise<SessionStatus> => {
    const [status, local] = await Promise.all([
      sessions.status(connectionId),
      deps.localAdmin(connectionId),
    ]);
    return {
      ...status,
      localAdminEmail: local?.email ?? null,
      sessionRequired: sessionRequired.has(connectionId),
    };
  };

  /** The server's role API shape, read once per connection (again before each review). */
  const roleShape = async (connectionId: string, fresh = false) => {
    let shape = fresh ? undefined : shapes.get(connectionId);
    if (!shape) {
      shape = await roleOperation(connectionId, readRoleApiShape);
      shapes.set(connectionId, shape);
    }
    return shape;
  };

  const readRolesAndObjects = async (connectionId: string, fresh = false) => {
    const shape = await roleShape(connectionId, fresh);
    const [roles, model] = await Promise.all([
      roleOperation(connectionId, (client) => readRoles(client, shape)),
      deps.model(connectionId),
    ]);
    return { roles, objects: toAccessObjects(model), shape };
  };

  const storeToken = async (connectionId: string, apiKeyId: string, token: string) => {
    logger.registerSecret(token);
    await secrets.set(tokenAccount(connectionId, apiKeyId), token);
    const state = await records.read();
    state.storedTokens = [
      ...state.storedTokens.filter(
        (entry) => !(entry.connectionId === connectionId && entry.apiKeyId === apiKeyId),
      ),
      { connectionId, apiKeyId },
    ];
    await records.write(state);
  };

  const dropToken = async (connectionId: string, apiKeyId: string) => {
    await secrets.delete(tokenAccount(connectionId, apiKeyId));
    tryAsTokens.delete(`${connectionId}:${apiKeyId}`);
    const state = await records.read();
    state.storedTokens = state.storedTokens.filter(
      (entry) => !(entry.connectionId === connectionId && entry.apiKeyId === apiKeyId),
    );
    await records.write(state);
  };

  const mintKey = async (
    connectionId: string,
    input: { name: string; expiresAt: string | null; roleId: string },
  ) =>
    keyOperation(connectionId, 'Creating an API key', async (client) => {
      const expiresAt = input.expiresAt
        ? new Date(input.expiresAt).toISOString()
        : neverExpiresAt();
      const key = await createApiKey(client, { name: input.name, expiresAt, roleId: input.roleId });
      const token = await generateApiKeyToken(client, key.id, expiresAt);
      logger.registerSecret(token);
      return { key, token };
    });

  return {
    async overview(connectionId: string): Promise<AccessOverview> {
      await findConnection(workspaces, connectionId);
      const [rolesRead, keysRead, session] = await Promise.all([
        readRolesAndObjects(connectionId).then(
          (value) => ({ value, problem: null }),
          (error: Error) => ({ value: null, problem: readProblem(error, 'roles', 'Roles') }),
        ),
        readKeys(connectionId).then(
          (value) => ({ value, problem: null }),
          (error: Error) => ({
            value: null,
            problem: readProblem(error, 'API keys', 'API Keys & Webhooks'),
          }),
        ),
        sessionStatus(connectionId),
      ]);
      return {
        connectionId,
        roles: rolesRead.value?.roles ?? [],
        objects: rolesRead.value?.objects ?? [],
        permissionFlags: PERMISSION_FLAGS.map(({ key, kind, label }) => ({ key, kind, label })),
        apiKeys: keysRead.value ? await toKeyInfos(connectionId, keysRead.value) : [],
        session,
        rolesProblem: rolesRead.problem,
        keysProblem: keysRead.problem,
        readAt: new Date().toISOString(),
      };
    },

    async reviewChanges(input: {
      connectionId: string;
      roles: RoleDraft[];
      deletedRoleIds: string[];
    }): Promise<AccessPlan> {
      await writable(input.connectionId);
      const { roles, objects, shape } = await readRolesAndObjects(input.connectionId, true);
      const plan = planAccessChanges({
        live: roles,
        objects,
        drafts: input.roles,
        deletedRoleIds: input.deletedRoleIds,
      });
      const planId = randomUUID();
      // What this Twenty version cannot take: missing operations block, unknown settings warn.
      for (const message of unsupportedOperations(
        shape,
        plan.steps.map((step) => step.operation),
      ))
        plan.problems.push({ roleLabel: 'This server', message });
      const settingKeys = plan.steps.flatMap((step) =>
        step.kind === 'updateRole'
          ? Object.keys((step.variables.updateRoleInput as { update: object }).update)
          : step.kind === 'createRole'
            ? Object.entries(step.variables.createRoleInput as Record<string, unknown>)
                .filter(([, value]) => value === true)
                .map(([key]) => key)
            : [],
      );
      const unknown = unknownSettings(shape, [...new Set(settingKeys)]);
      if (unknown.length)
        plan.warnings.push(
          `This Twenty version does not have ${unknown.join(', ')}: left out of what is sent.`,
        );
      plans.set(planId, {
        connectionId: input.connectionId,
        steps: plan.steps,
        problems: plan.problems.length,
        shape,
      });
      return {
        planId,
        connectionId: input.connectionId,
        steps: plan.steps.map(({ variables: _variables, ...step }) => step),
        problems: plan.problems,
        warnings: plan.warnings,
      };
    },

    async applyPlan(planId: string): Promise<ApplyAccessResult> {
      const plan = plans.get(planId);
      if (!plan)
        throw new AppError('NOT_FOUND', 'This plan is no longer known: review the changes again');
      plans.delete(planId);
      if (plan.problems)
        throw new AppError(
          'VALIDATION',
          'Twenty would refuse this plan: fix the problems in the draft and review it again',
        );
      await writable(plan.connectionId);
      return deps.jobs.run(
        { kind: 'access-apply', title: 'Applying access changes', total: plan.steps.length },
        async (job) => {
          const created: Record<string, string> = {};
          const realId = (id: string) => created[id] ?? id;
          let applied = 0;
          for (const step of plan.steps) {
            job.progress(applied, plan.steps.length, step.summary);
            // A new role's later steps name it by the id Twenty gave it.
            const variables = JSON.parse(
              JSON.stringify(step.variables).replace(/"(new:[^"]*)"/g, (match, id: string) =>
                created[id] ? JSON.stringify(created[id]) : match,
              ),
            ) as Record<string, unknown>;
            try {
              const request = stepRequest(plan.shape, step.operation, variables);
              const data = request
                ? await roleOperation(plan.connectionId, (client) =>
                    client.metadataGraphql<Record<string, unknown>>(request),
                  )
                : {};
              if (step.kind === 'createRole' && isNewRoleId(step.roleId))
                created[step.roleId] = (data.createOneRole as { id: string }).id;
              applied += 1;
            } catch (error) {
              const details = isAppError(error) ? error.details : undefined;
              const inner = details?.validationMessages as string[] | undefined;
              logger.warn('Access change refused', { step: step.operation, role: step.roleLabel });
              const { variables: _variables, ...failed } = step;
              return {
                applied,
                total: plan.steps.length,
                failure: {
                  step: { ...failed, roleId: realId(step.roleId) },
                  message: inner?.length ? inner.join('; ') : (error as Error).message,
                },
                createdRoleIds: created,
              };
            }
          }
          job.progress(applied, plan.steps.length, `${applied} change(s) applied`);
          return { applied, total: plan.steps.length, failure: null, createdRoleIds: created };
        },
      );
    },

    async effectiveAccess(connectionId: string, subject: AccessSubject): Promise<EffectiveAccess> {
      const { roles, objects } = await readRolesAndObjects(connectionId);
      let role: Role | undefined;
      if (subject.kind === 'role')
        role = roles.find((candidate) => candidate.id === subject.roleId);
      else {
        const key = (await readKeys(connectionId)).find(
          (candidate) => candidate.id === subject.apiKeyId,
        );
        if (!key) throw new AppError('NOT_FOUND', 'No such API key in this workspace');
        if (!key.role) throw new AppError('NOT_FOUND', `API key ${key.name} has no role assigned`);
        role = roles.find((candidate) => candidate.id === key.role!.id);
      }
      if (!role) throw new AppError('NOT_FOUND', 'Role not found');
      return effectiveAccess(role, objects);
    },

    async createApiKey(input: {
      connectionId: string;
      name: string;
      expiresAt: string | null;
      roleId: string;
      storeToken: boolean;
      saveAsConnection: string | null;
    }): Promise<CreatedApiKey> {
      await writable(input.connectionId);
      const { key, token } = await mintKey(input.connectionId, input);
      if (input.storeToken) await storeToken(input.connectionId, key.id, token);
      let connectionId: string | null = null;
      if (input.saveAsConnection) {
        const creds = await workspaces.credentials(input.connectionId);
        const added = await workspaces.add({
          name: input.saveAsConnection,
          baseUrl: creds.baseUrl,
          apiKey: token,
          rateLimit: creds.rateLimit,
        });
        connectionId = added.id;
      }
      logger.info('API key created', { connectionId: input.connectionId, apiKeyId: key.id });
      const [apiKey] = await toKeyInfos(input.connectionId, [key]);
      return { apiKey: apiKey!, token, connectionId };
    },

    async rotateApiKey(input: {
      connectionId: string;
      apiKeyId: string;
      expiresAt?: string | null;
    }) {
      await writable(input.connectionId);
      const old = (await readKeys(input.connectionId)).find((key) => key.id === input.apiKeyId);
      if (!old) throw new AppError('NOT_FOUND', 'No such API key in this workspace');
      if (!old.role)
        throw new AppError('VALIDATION', `API key ${old.name} has no role to give the new key`);
      const lifetime = Date.parse(old.expiresAt) - Date.parse(old.createdAt);
      const expiresAt =
        input.expiresAt !== undefined
          ? input.expiresAt
          : lifetime > NEVER_AFTER_MS
            ? null
            : new Date(Date.now() + lifetime).toISOString();
      const { key, token } = await mintKey(input.connectionId, {
        name: old.name,
        expiresAt,
        roleId: old.role.id,
      });
      const state = await records.read();
      state.rotations.push({
        connectionId: input.connectionId,
        newKeyId: key.id,
        oldKeyId: old.id,
        oldName: old.name,
        at: new Date().toISOString(),
      });
      await records.write(state);
      const hadToken = state.storedTokens.some(
        (entry) => entry.connectionId === input.connectionId && entry.apiKeyId === old.id,
      );
      if (hadToken) await storeToken(input.connectionId, key.id, token);
      // Connections that authenticate with the old key move to the new one (not the local one:
      // its key belongs to the embedded workspace).
      const updatedConnections: string[] = [];
      const connections = (await workspaces.list()).connections;
      for (const user of (await connectionsByKey()).get(old.id) ?? []) {
        if (connections.find((connection) => connection.id === user.id)?.kind !== 'remote')
          continue;
        await workspaces.replaceKey({ id: user.id, apiKey: token });
        updatedConnections.push(user.id);
      }
      logger.info('API key rotated', {
        connectionId: input.connectionId,
        oldKeyId: old.id,
        newKeyId: key.id,
      });
      const [apiKey] = await toKeyInfos(input.connectionId, [key]);
      return {
        apiKey: apiKey!,
        token,
        connectionId: null,
        oldApiKeyId: old.id,
        updatedConnections,
      };
    },

    async revokeApiKey(input: { connectionId: string; apiKeyId: string }): Promise<ApiKeyInfo> {
      await writable(input.connectionId);
      const revoked = await keyOperation(input.connectionId, 'Revoking an API key', (client) =>
        revokeApiKey(client, input.apiKeyId),
      );
      if (!revoked) throw new AppError('NOT_FOUND', 'No such API key in this workspace');
      await dropToken(input.connectionId, input.apiKeyId);
      logger.info('API key revoked', {
        connectionId: input.connectionId,
        apiKeyId: input.apiKeyId,
      });
      const [info] = await toKeyInfos(input.connectionId, [revoked]);
      return info!;
    },

    async signIn(input: {
      connectionId: string;
      email: string;
      password: string;
      origin: string | null;
    }) {
      const creds = await workspaces.credentials(input.connectionId);
      let password = input.password;
      if (password) logger.registerSecret(password);
      else {
        const local = await deps.localAdmin(input.connectionId);
        if (!local || local.email.toLowerCase() !== input.email.toLowerCase())
          throw new AppError('INVALID_INPUT', 'Enter the password of this Twenty user');
        password = local.password;
      }
      await sessions.signIn({ ...input, password, baseUrl: creds.baseUrl });
      sessionRequired.delete(input.connectionId);
      return sessionStatus(input.connectionId);
    },

    async signOut(connectionId: string) {
      const creds = await workspaces.credentials(connectionId);
      await sessions.signOut(connectionId, creds.baseUrl);
      for (const [key, client] of sessionClients)
        if (key.startsWith(`${connectionId}\n`)) {
          client.close();
          sessionClients.delete(key);
        }
      return sessionStatus(connectionId);
    },

    /** "Try as this key": a client that authenticates as one of the workspace's API keys. */
    async clientAs(
      connectionId: string,
      apiKeyId: string,
    ): Promise<{ client: TwentyClient; name: string }> {
      const key = (await readKeys(connectionId)).find((candidate) => candidate.id === apiKeyId);
      if (!key) throw new AppError('NOT_FOUND', 'No such API key in this workspace (revoked?)');
      const cacheKey = `${connectionId}:${apiKeyId}`;
      let token = await secrets.get(tokenAccount(connectionId, apiKeyId));
      if (!token) {
        const cached = tryAsTokens.get(cacheKey);
        if (cached && cached.until - 60_000 > Date.now()) token = cached.token;
        else {
          // No token kept: mint a short-lived one for the same key (Twenty signs per request).
          const until = Math.min(Date.parse(key.expiresAt), Date.now() + TRY_AS_TOKEN_MS);
          token = await keyOperation(
            connectionId,
            'Running as an API key without a kept token',
            (client) => generateApiKeyToken(client, apiKeyId, new Date(until).toISOString()),
          );
          tryAsTokens.set(cacheKey, { token, until });
        }
      }
      logger.registerSecret(token);
      return { client: await clientWithToken(connectionId, token, tryAsClients), name: key.name };
    },
  };
};

export type AccessService = ReturnType<typeof createAccessService>;
