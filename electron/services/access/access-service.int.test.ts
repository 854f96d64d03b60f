import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AccessOverview,
  AccessPlan,
  CreatedApiKey,
  RoleDraft,
} from '../../../shared/contract/access';
import { roleToDraft } from '../../../shared/access/plan-access-changes';
import { createOsKeychain } from '../../platform/keychain';
import type { Services } from '../create-services';
import { createTestServices } from '../testing/test-services';
import { sessionAccount } from './twenty-session';

// Access admin end to end through the contract against the local workspace over real HTTP: a
// read-only role with a hidden field planned and applied through Twenty's role operations, the
// signed-in session that key minting needs, a key with that role, queries run as that key, a
// rotation and a revocation, and the session kept in the keychain across a restart.
describe('access admin over the contract', () => {
  const keychain = createOsKeychain(`atelier-test-${randomUUID()}`);
  let dataDir: string;
  let services: Services;
  const call = async (method: string, input: unknown = {}): Promise<any> => {
    const result = await services.dispatcher.dispatch(method, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value;
  };
  const failure = async (method: string, input: unknown) => {
    const result = await services.dispatcher.dispatch(method, input);
    if (result.ok) throw new Error(`${method} succeeded`);
    return result.error;
  };
  const start = async () => {
    services = createTestServices(dataDir, keychain);
    await services.localReady;
  };
  const overview = (): Promise<AccessOverview> =>
    call('access.getOverview', { connectionId: 'local' });
  const gql = (query: string, actAs: { apiKeyId: string } | null = null) =>
    call('playground.run', {
      connectionId: 'local',
      request: {
        kind: 'graphql',
        api: 'core',
        query,
        variables: null,
        operationName: null,
        headers: {},
      },
      actAs,
    });

  let readOnlyRoleId: string;
  let reportingKey: CreatedApiKey;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'atelier-access-'));
    await start();
  });
  afterAll(async () => {
    await services?.stop();
    for (const account of ['local-workspace', 'local-workspace-admin', sessionAccount('local')])
      await keychain.delete(account);
    await rm(dataDir, { recursive: true, force: true });
  });

  it("reads the workspace's roles, objects, keys and session", async () => {
    const read = await overview();
    expect(read.rolesProblem).toBeNull();
    expect(read.keysProblem).toBeNull();
    const admin = read.roles.find((role) => role.label === 'Admin')!;
    const member = read.roles.find((role) => role.label === 'Member')!;
    expect(admin).toMatchObject({
      isEditable: false,
      isDefault: false,
      canUpdateAllSettings: true,
    });
    expect(member).toMatchObject({
      isEditable: true,
      isDefault: true,
      canBeAssignedToApiKeys: false,
    });
    expect(read.objects.map((object) => object.nameSingular)).toEqual(
      expect.arrayContaining(['company', 'person', 'opportunity']),
    );
    // The local workspace's own key: Admin, never expires — both worth a warning.
    const localKey = read.apiKeys.find((key) =>
      key.usedByConnections.some((connection) => connection.id === 'local'),
    )!;
    expect(localKey).toMatchObject({ roleLabel: 'Admin' });
    expect(localKey.warnings).toEqual(['no-expiry', 'admin-role']);
    expect(admin.apiKeyIds).toContain(localKey.id);
    expect(read.session).toEqual({
      signedIn: false,
      email: null,
      expiresAt: null,
      localAdminEmail: 'admin@atelier.local',
      sessionRequired: false,
    });
  });

  it('plans a draft with Twenty’s refusals predicted, and applies a valid one step by step', async () => {
    const read = await overview();
    const person = read.objects.find((object) => object.nameSingular === 'person')!;
    const jobTitle = person.fields.find((field) => field.name === 'jobTitle')!;
    const member = read.roles.find((role) => role.label === 'Member')!;
    const readOnly: RoleDraft = {
      ...roleToDraft(member),
      id: 'new:reporting',
      label: 'Read only',
      description: 'Dashboards',
      canUpdateAllObjectRecords: false,
      canSoftDeleteAllObjectRecords: false,
      canDestroyAllObjectRecords: false,
      canBeAssignedToApiKeys: true,
      fieldPermissions: { [jobTitle.id]: { objectMetadataId: person.id, restriction: 'hidden' } },
    };

    const refused: AccessPlan = await call('access.reviewChanges', {
      connectionId: 'local',
      roles: [{ ...readOnly, canReadAllObjectRecords: false, canUpdateAllObjectRecords: true }],
    });
    expect(refused.problems).toEqual([
      {
        roleLabel: 'Read only',
        message: 'Cannot give writing permission without reading permission',
      },
    ]);
    const blocked = await failure('access.applyPlan', { planId: refused.planId });
    expect(blocked.code).toBe('VALIDATION');

    const plan: AccessPlan = await call('access.reviewChanges', {
      connectionId: 'local',
      roles: [readOnly],
    });
    expect(plan.problems).toEqual([]);
    expect(plan.steps.map((step) => step.operation)).toEqual([
      'createOneRole',
      'upsertFieldPermissions',
    ]);
    const result = await call('access.applyPlan', { planId: plan.planId });
    expect(result).toMatchObject({ applied: 2, total: 2, failure: null });
    readOnlyRoleId = result.createdRoleIds['new:reporting'];

    const after = await overview();
    const role = after.roles.find((candidate) => candidate.id === readOnlyRoleId)!;
    expect(role).toMatchObject({
      label: 'Read only',
      description: 'Dashboards',
      canReadAllObjectRecords: true,
      canUpdateAllObjectRecords: false,
      canBeAssignedToApiKeys: true,
      fieldPermissions: { [jobTitle.id]: { objectMetadataId: person.id, restriction: 'hidden' } },
    });
    // A plan is applied once.
    expect((await failure('access.applyPlan', { planId: plan.planId })).code).toBe('NOT_FOUND');
  });

  it("stops at the step Twenty refuses and reports Twenty's message", async () => {
    const read = await overview();
    const member = read.roles.find((role) => role.label === 'Member')!;
    const temp: RoleDraft = { ...roleToDraft(member), id: 'new:temp', label: 'Temporary' };
    const created = await call('access.applyPlan', {
      planId: (await call('access.reviewChanges', { connectionId: 'local', roles: [temp] })).planId,
    });
    const tempId = created.createdRoleIds['new:temp'];
    const live = (await overview()).roles.find((role) => role.id === tempId)!;
    const plan = await call('access.reviewChanges', {
      connectionId: 'local',
      roles: [{ ...roleToDraft(live), description: 'changed', permissionFlags: ['DATA_MODEL'] }],
    });
    expect(plan.steps.map((step: { operation: string }) => step.operation)).toEqual([
      'updateOneRole',
      'upsertPermissionFlags',
    ]);
    // Someone deletes the role between the review and the apply.
    const client = await services.workspaces.client('local');
    await client.metadataGraphql({
      query: 'mutation($id: UUID!) { deleteOneRole(roleId: $id) }',
      variables: { id: tempId },
    });
    const result = await call('access.applyPlan', { planId: plan.planId });
    expect(result).toMatchObject({ applied: 0, total: 2, failure: { message: 'Role not found' } });
    expect(result.failure.step.operation).toBe('updateOneRole');
  });

  it('asks for a signed-in session before minting a key, then creates one with the role', async () => {
    const needs = await failure('access.createApiKey', {
      connectionId: 'local',
      name: 'Reporting',
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      roleId: readOnlyRoleId,
    });
    expect(needs).toMatchObject({ code: 'AUTH', details: { needsSession: true } });
    expect((await overview()).session.sessionRequired).toBe(true);

    const wrong = await failure('access.signIn', {
      connectionId: 'local',
      email: 'admin@atelier.local',
      password: 'not the password',
    });
    expect(wrong.message).toBe('Wrong password');
    const session = await call('access.signIn', {
      connectionId: 'local',
      email: 'admin@atelier.local',
      password: '',
    });
    expect(session).toMatchObject({
      signedIn: true,
      email: 'admin@atelier.local',
      sessionRequired: false,
    });
    expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now() + 86_400_000);

    reportingKey = await call('access.createApiKey', {
      connectionId: 'local',
      name: 'Reporting',
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      roleId: readOnlyRoleId,
      storeToken: true,
      saveAsConnection: 'Reporting key',
    });
    expect(reportingKey.token.split('.')).toHaveLength(3);
    expect(reportingKey.apiKey).toMatchObject({
      name: 'Reporting',
      roleLabel: 'Read only',
      hasStoredToken: true,
      warnings: [],
    });
    const listed = (await overview()).apiKeys.find((key) => key.id === reportingKey.apiKey.id)!;
    expect(listed.usedByConnections).toEqual([
      { id: reportingKey.connectionId, name: 'Reporting key' },
    ]);
    // Its own Access view says why it sees no roles or keys, and the way out.
    const asReporting = await call('access.getOverview', {
      connectionId: reportingKey.connectionId,
    });
    expect(asReporting.rolesProblem).toContain('lacks the "Roles" permission');
    expect(asReporting.keysProblem).toContain('lacks the "API Keys & Webhooks" permission');
    // The new connection works with the key, and as that role.
    const asConnection = await services.workspaces.client(reportingKey.connectionId!);
    const admin = await services.workspaces.client('local');
    await admin.rest.create('people', {
      name: { firstName: 'Ada', lastName: 'L' },
      jobTitle: 'CTO',
    });
    const people = await asConnection.rest.request<{
      data: { people: Array<Record<string, unknown>> };
    }>({ method: 'GET', path: '/people' });
    expect(people.data.people).toHaveLength(1);
    expect(people.data.people[0]).toHaveProperty('name');
    expect(people.data.people[0]).not.toHaveProperty('jobTitle');
  });

  it('runs playground queries as the key: the hidden field and writes are refused as Twenty refuses them', async () => {
    const key = { apiKeyId: reportingKey.apiKey.id };
    const hidden = await gql('{ people { edges { node { id jobTitle } } } }', key);
    expect(hidden.actedAs).toEqual({ apiKeyId: key.apiKeyId, name: 'Reporting' });
    expect(hidden.exchange.body.errors[0]).toMatchObject({
      message:
        'Entity performing the request does not have permission: no permission to read field "jobTitle" on "person"',
      extensions: { code: 'FORBIDDEN', subCode: 'PERMISSION_DENIED' },
    });
    const visible = await gql('{ people { edges { node { id name { firstName } } } } }', key);
    expect(visible.exchange.body.errors).toBeUndefined();
    const write = await gql('mutation { createCompany(data: { name: "Nope" }) { id } }', key);
    expect(write.exchange.body.errors[0].extensions.code).toBe('FORBIDDEN');
    // The same query with the connection's own (Admin) key reads the field.
    const asAdmin = await gql('{ people { edges { node { id jobTitle } } } }');
    expect(asAdmin.actedAs).toBeNull();
    expect(asAdmin.exchange.body.errors).toBeUndefined();

    const effective = await call('access.effectiveAccess', {
      connectionId: 'local',
      subject: { kind: 'apiKey', apiKeyId: key.apiKeyId },
    });
    const person = effective.objects.find((object: any) => object.nameSingular === 'person');
    expect(person).toMatchObject({ read: true, update: false, softDelete: false, destroy: false });
    expect(person.fields.find((field: any) => field.name === 'jobTitle')).toMatchObject({
      read: false,
      update: false,
    });
    expect(person.fields.find((field: any) => field.name === 'name')).toMatchObject({ read: true });
  });

  it('rotates a key (same name and role, connections moved) and revokes the old one', async () => {
    const rotated = await call('access.rotateApiKey', {
      connectionId: 'local',
      apiKeyId: reportingKey.apiKey.id,
    });
    expect(rotated.oldApiKeyId).toBe(reportingKey.apiKey.id);
    expect(rotated.apiKey).toMatchObject({
      name: 'Reporting',
      roleLabel: 'Read only',
      rotatedFromName: 'Reporting',
      hasStoredToken: true,
    });
    expect(rotated.updatedConnections).toEqual([reportingKey.connectionId]);
    // About 30 days again, like the old key's lifetime.
    const days = (Date.parse(rotated.apiKey.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThan(31);

    const base = (await services.workspaces.credentials('local')).baseUrl;
    const asOld = () =>
      fetch(`${base}/rest/companies`, {
        headers: { authorization: `Bearer ${reportingKey.token}` },
      });
    expect((await asOld()).status).toBe(200);
    const revoked = await call('access.revokeApiKey', {
      connectionId: 'local',
      apiKeyId: reportingKey.apiKey.id,
    });
    expect(revoked.revokedAt).not.toBeNull();
    expect((await asOld()).status).toBe(403);
    // The connection that used the old key now works with the new one.
    const moved = await services.workspaces.client(reportingKey.connectionId!);
    await expect(moved.rest.request({ method: 'GET', path: '/companies' })).resolves.toBeTruthy();
    const keys = (await overview()).apiKeys.map((key) => key.id);
    expect(keys).toContain(rotated.apiKey.id);
    expect(keys).not.toContain(reportingKey.apiKey.id);
  });

  it('keeps the session in the keychain only, across a restart, until sign-out', async () => {
    const stored = await keychain.get(sessionAccount('local'));
    const refreshToken = JSON.parse(stored!).refreshToken as string;
    const files = await readdir(dataDir, { recursive: true, withFileTypes: true });
    for (const file of files.filter(
      (entry) => entry.isFile() && /\.(json|log|jsonl)$/.test(entry.name),
    ))
      expect(await readFile(join(file.parentPath, file.name), 'utf8')).not.toContain(refreshToken);

    await services.stop();
    await start();
    expect((await overview()).session).toMatchObject({
      signedIn: true,
      email: 'admin@atelier.local',
    });
    // Minting works again after the restart: the access token is renewed from the refresh token.
    const key = await call('access.createApiKey', {
      connectionId: 'local',
      name: 'After restart',
      expiresAt: null,
      roleId: readOnlyRoleId,
      storeToken: false,
    });
    expect(key.apiKey.warnings).toEqual(['no-expiry']);
    expect(JSON.parse((await keychain.get(sessionAccount('local')))!).refreshToken).not.toBe(
      refreshToken,
    );

    // No token kept: running as the key mints a short-lived one with the session.
    const asMinted = await gql('{ people { edges { node { id jobTitle } } } }', {
      apiKeyId: key.apiKey.id,
    });
    expect(asMinted.actedAs).toEqual({ apiKeyId: key.apiKey.id, name: 'After restart' });
    expect(asMinted.exchange.body.errors[0].message).toContain('"jobTitle" on "person"');

    expect(await call('access.signOut', { connectionId: 'local' })).toMatchObject({
      signedIn: false,
    });
    expect(await keychain.get(sessionAccount('local'))).toBeNull();
    const again = await failure('access.revokeApiKey', {
      connectionId: 'local',
      apiKeyId: key.apiKey.id,
    });
    expect(again).toMatchObject({ code: 'AUTH', details: { needsSession: true } });
  });
});
