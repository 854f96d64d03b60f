import { randomUUID } from 'node:crypto';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../../shared/contract/connections';
import type { Job } from '../../../shared/contract/jobs';
import type { Replica } from '../../../shared/contract/replica';
import { createOsKeychain } from '../../platform/keychain';
import type { Services } from '../create-services';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../local-workspace/testing/workspace-process';
import { createTestServices } from '../testing/test-services';
import { createTwentyClient } from '../twenty-client';
import { allRecords, seedSource } from './replica-testing';

// Replicas and transfers through the contract, as the renderer uses them: a remote (a second
// local workspace over real HTTP) pulled into a replica that is a connection of its own, a pull
// stopped half-way and resumed, a refresh, snapshots and copies with the admin's guards.
describe('replicas over the contract', () => {
  const keychain = createOsKeychain(`atelier-test-${randomUUID()}`);
  let dataDir: string;
  let services: Services;
  let remote: WorkspaceProcess;
  let remoteId: string;
  const call = async (method: string, input: unknown): Promise<any> => {
    const result = await services.dispatcher.dispatch(method, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value;
  };
  const remoteClient = () => createTwentyClient({ baseUrl: remote.url, apiKey: remote.apiKey });
  const connections = async (): Promise<Connection[]> =>
    (await call('workspaces.listConnections', {})).connections;
  const count = async (connectionId: string, plural: string) => {
    const answer = await call('playground.run', {
      connectionId,
      request: { kind: 'rest', api: 'core', method: 'GET', path: `/${plural}?limit=1` },
    });
    return answer.exchange.body.totalCount as number;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'atelier-replica-service-'));
    services = createTestServices(dataDir, keychain);
    // Unlimited on the server: the connection's own limit (set per test) is what paces a pull.
    remote = await startWorkspaceProcess('pglite', ['--no-demo-data', '--rate-limit', 'off']);
    await seedSource(remoteClient());
    await services.localReady;
    remoteId = (
      await call('workspaces.addConnection', {
        name: 'Production',
        baseUrl: remote.url,
        apiKey: remote.apiKey,
      })
    ).id;
  }, 180_000);
  afterAll(async () => {
    await services?.stop();
    await remote?.dispose();
    for (const account of [
      'local-workspace',
      'local-workspace-admin',
      `connection:${remoteId}`,
      `replica:${remoteId}`,
      `replica-admin:${remoteId}`,
    ])
      await keychain.delete(account).catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('pulls chosen objects with a record cap into a replica that is a connection', async () => {
    const replica: Replica = await call('replica.pull', {
      connectionId: remoteId,
      objects: [{ name: 'company', recordCap: 10 }, { name: 'gadget' }],
    });
    expect(replica).toMatchObject({ of: remoteId, state: 'ready', jobId: null });
    expect(replica.lastRun?.objects.find((o) => o.name === 'company')?.written).toBe(10);

    const listed = (await connections()).find((c) => c.id === replica.connectionId)!;
    expect(listed).toMatchObject({
      kind: 'replica',
      replicaOf: remoteId,
      name: 'Production (replica)',
      readOnly: false,
      status: { state: 'ready' },
    });
    expect(listed.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(listed.baseUrl).not.toBe(remote.url);

    // The custom model came along; only the chosen objects' records, companies capped.
    expect(await count(replica.connectionId, 'companies')).toBe(10);
    expect(await count(replica.connectionId, 'gadgets')).toBe(61);
    expect(await count(replica.connectionId, 'widgets')).toBe(0);
    // A replica is ours: a write there needs no confirmation.
    const created = await call('playground.run', {
      connectionId: replica.connectionId,
      request: { kind: 'rest', api: 'core', method: 'POST', path: '/widgets', body: { name: 'W' } },
    });
    expect(created.exchange.status).toBe(201);
    // Its admin can sign in (the password is in the keychain): key minting works there too.
    const overview = await call('access.getOverview', { connectionId: replica.connectionId });
    expect(overview.session.localAdminEmail).toBe('admin@atelier.local');
    const session = await call('access.signIn', {
      connectionId: replica.connectionId,
      email: 'admin@atelier.local',
      password: '',
    });
    expect(session.signedIn).toBe(true);
    const admin = overview.roles.find((role: { label: string }) => role.label === 'Admin');
    const key = await call('access.createApiKey', {
      connectionId: replica.connectionId,
      name: 'Replica key',
      expiresAt: null,
      roleId: admin.id,
      storeToken: false,
    });
    expect(key.apiKey.roleLabel).toBe('Admin');
  }, 120_000);

  it('a pull stopped half-way resumes without duplicates and refresh sees changes', async () => {
    // Everything this time; cancelled from inside the first progress report of records, so the
    // engine meets the cancel at its very next check, however fast the machine.
    // Twenty's default 100 per minute would make this a three-minute test; a self-hosted limit.
    await call('workspaces.updateConnection', {
      id: remoteId,
      rateLimit: { shortLimit: 100, shortTtlMs: 1000, longLimit: 6000, longTtlMs: 60_000 },
    });
    let cancelled: string | null = null;
    const stopListening = services.events.listen((event, payload) => {
      const job = payload as Job;
      if (event !== 'jobs.onJobUpdated' || cancelled || job.kind !== 'replica') return;
      if (job.status !== 'running' || !/records/.test(job.message)) return;
      cancelled = job.id;
      services.jobs.cancel(job.id);
    });
    const pulling = call('replica.pull', { connectionId: remoteId, objects: null });
    const stopped = expect(pulling).rejects.toMatchObject({ code: 'CANCELLED' });
    await stopped;
    stopListening();
    expect(cancelled).not.toBeNull();
    const { replicas } = await call('replica.listReplicas', {});
    expect(replicas[0]).toMatchObject({ state: 'interrupted', jobId: null });
    expect(replicas[0].message).toMatch(/resume/);

    const done: Replica = await call('replica.pull', { connectionId: remoteId, objects: null });
    expect(done.state).toBe('ready');
    const replicaClient = createTwentyClient({
      baseUrl: (await connections()).find((c) => c.id === done.connectionId)!.baseUrl,
      apiKey: (await services.workspaces.credentials(done.connectionId)).apiKey,
    });
    for (const plural of ['companies', 'people', 'gadgets', 'noteTargets']) {
      const source = await allRecords(remoteClient(), plural);
      const copied = await allRecords(replicaClient, plural);
      expect([...copied.keys()].sort(), plural).toEqual(expect.arrayContaining([...source.keys()]));
      expect(copied.size, plural).toBe(source.size);
    }

    // A change on the remote reaches the replica with a refresh.
    const [company] = [...(await allRecords(remoteClient(), 'companies')).keys()];
    await remoteClient().rest.update('companies', company!, { name: 'Renamed on the remote' });
    const refreshed: Replica = await call('replica.refresh', { connectionId: remoteId });
    expect(refreshed.lastRun?.kind).toBe('refresh');
    const answer = await call('playground.run', {
      connectionId: done.connectionId,
      request: { kind: 'rest', api: 'core', method: 'GET', path: `/companies/${company}` },
    });
    expect(answer.exchange.body.data.company.name).toBe('Renamed on the remote');
  }, 240_000);

  it('exports a snapshot, imports it elsewhere, and guards copies into other workspaces', async () => {
    const exported = await call('replica.exportSnapshot', { connectionId: remoteId, name: 'prod' });
    expect(exported.path).toBe(join(dataDir, 'snapshots', 'prod.atelier-snapshot.jsonl.gz'));
    expect(exported.records).toBeGreaterThan(130);
    expect(await call('replica.listSnapshots', {})).toEqual([
      expect.objectContaining({ name: 'prod', path: exported.path }),
    ]);
    await expect(
      call('replica.importSnapshot', { path: 'prod.gz', targetConnectionId: 'local' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    const imported = await call('replica.importSnapshot', {
      path: exported.path,
      targetConnectionId: 'local',
    });
    expect(imported.kind).toBe('import');
    expect(await count('local', 'gadgets')).toBe(61);

    // Into a remote only when confirmed, and never into a read-only one.
    await expect(
      call('replica.copyWorkspace', { sourceConnectionId: 'local', targetConnectionId: remoteId }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { needsConfirmation: true } });
    await call('workspaces.updateConnection', { id: remoteId, readOnly: true });
    await expect(
      call('replica.copyWorkspace', {
        sourceConnectionId: 'local',
        targetConnectionId: remoteId,
        confirm: true,
      }),
    ).rejects.toMatchObject({ code: 'PERMISSION' });
    await call('workspaces.updateConnection', { id: remoteId, readOnly: false });
  }, 240_000);

  it('removing the remote connection removes its replica and its data', async () => {
    const { replicas } = await call('replica.listReplicas', {});
    const replicaId = replicas[0].connectionId;
    await call('workspaces.selectConnection', { id: replicaId });
    await call('workspaces.removeConnection', { id: remoteId });
    const list = await call('workspaces.listConnections', {});
    expect(list.connections.map((c: Connection) => c.id)).toEqual(['local']);
    expect(list.activeId).toBe('local');
    expect((await call('replica.listReplicas', {})).replicas).toEqual([]);
    await expect(access(join(dataDir, 'replicas', remoteId))).rejects.toThrow();
    expect(await keychain.get(`replica:${remoteId}`)).toBeNull();
    expect(await keychain.get(`replica-admin:${remoteId}`)).toBeNull();
  }, 60_000);
});
