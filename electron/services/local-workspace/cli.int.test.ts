import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { metadataGraphql, rest } from './testing/twenty-http';
import { startWorkspaceProcess, testEngines } from './testing/workspace-process';

const TSX = resolve(__dirname, '../../../node_modules/.bin/tsx');
const CLI = resolve(__dirname, 'cli.ts');

describe.each(testEngines())('workspace CLI lifecycle (%s)', (engine) => {
  it('serves /healthz, stops cleanly on SIGTERM and reopens the same data', async () => {
    let ws = await startWorkspaceProcess(engine);
    try {
      const health = await fetch(`${ws.url}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
      const created = await metadataGraphql(
        ws,
        `mutation($input: CreateOneObjectInput!) { createOneObject(input: $input) { id } }`,
        {
          input: {
            object: {
              nameSingular: 'spaceship',
              namePlural: 'spaceships',
              labelSingular: 'Spaceship',
              labelPlural: 'Spaceships',
            },
          },
        },
      );
      const id = created.data!.createOneObject.id;
      const createField = (field: Record<string, unknown>) =>
        metadataGraphql(
          ws,
          `mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id } }`,
          { input: { field: { objectMetadataId: id, ...field } } },
        );
      await createField({ type: 'NUMBER', name: 'crewSize', label: 'Crew size' });
      await createField({
        type: 'SELECT',
        name: 'hull',
        label: 'Hull',
        options: [{ label: 'Steel', value: 'STEEL', color: 'gray', position: 0 }],
      });
      const objects = await metadataGraphql(
        ws,
        `{ objects(paging:{first:1000}) { edges { node { id nameSingular } } } }`,
      );
      const personId = objects.data!.objects.edges.find(
        (e: any) => e.node.nameSingular === 'person',
      ).node.id;
      await createField({
        type: 'RELATION',
        name: 'captain',
        label: 'Captain',
        relationCreationPayload: {
          type: 'MANY_TO_ONE',
          targetObjectMetadataId: personId,
          targetFieldLabel: 'Commands',
          targetFieldIcon: 'IconShip',
        },
      });
      expect(await ws.stop()).toBe(0);
      expect(ws.output()).toContain('Stopped.');

      ws = await ws.restart();
      const reread = await metadataGraphql(
        ws,
        `query($id: UUID!) { object(id: $id) { nameSingular fieldsList { name options relation { targetFieldMetadata { name } } } } }`,
        { id },
      );
      expect(reread.data!.object.nameSingular).toBe('spaceship');
      const fields = Object.fromEntries(
        reread.data!.object.fieldsList.map((f: any) => [f.name, f]),
      );
      expect(fields.crewSize).toBeDefined();
      expect(fields.hull.options.map((o: any) => o.value)).toEqual(['STEEL']);
      expect(fields.captain.relation.targetFieldMetadata.name).toBe('commands');
      // Demo data is seeded only once, not again on restart.
      const counts = await metadataGraphql(
        ws,
        '{ objectRecordCounts { objectNamePlural totalCount } }',
      );
      const companies = counts.data!.objectRecordCounts.find(
        (c: any) => c.objectNamePlural === 'companies',
      );
      expect(companies.totalCount).toBeGreaterThan(0);
    } finally {
      await ws.dispose();
    }
  });
});

describe('workspace CLI without --api-key', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  const run = (
    dataDir: string,
  ): Promise<{ url: string; output: string; stop: () => Promise<void> }> =>
    new Promise((resolvePromise, reject) => {
      const child = spawn(TSX, [CLI, '--port', '0', '--data-dir', dataDir], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const url = /ready at (\S+)/.exec(output)?.[1];
        if (url && output.includes('Try:')) {
          resolvePromise({
            url,
            output,
            stop: () =>
              new Promise((done) => {
                child.once('exit', () => done());
                child.kill('SIGINT');
              }),
          });
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });

  it('mints a key on first start, prints it once, and the key works', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'atelier-cli-'));
    dirs.push(dataDir);
    const first = await run(dataDir);
    const token = /API key \(shown once, keep it safe\): (\S+)/.exec(first.output)?.[1];
    expect(token).toBeDefined();
    const response = await rest(
      { url: first.url, apiKey: token! },
      'GET',
      '/rest/metadata/objects?limit=1',
    );
    expect(response.status).toBe(200);
    await first.stop();
    const second = await run(dataDir);
    expect(second.output).not.toContain(token!);
    const again = await rest(
      { url: second.url, apiKey: token! },
      'GET',
      '/rest/metadata/objects?limit=1',
    );
    expect(again.status).toBe(200);
    await second.stop();
  });

  it('explains a port that is already taken', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'atelier-cli-'));
    dirs.push(dataDir);
    const first = await run(dataDir);
    const port = new URL(first.url).port;
    const otherDir = await mkdtemp(join(tmpdir(), 'atelier-cli-'));
    dirs.push(otherDir);
    const output = await new Promise<string>((done) => {
      const child = spawn(TSX, [CLI, '--port', port, '--data-dir', otherDir], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (c: Buffer) => (text += c.toString()));
      child.stderr.on('data', (c: Buffer) => (text += c.toString()));
      child.once('exit', () => done(text));
    });
    expect(output).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    await first.stop();
  });
});
