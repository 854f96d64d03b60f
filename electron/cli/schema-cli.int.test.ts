import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TWENTY_DEFAULT_RATE_LIMIT } from '../../shared/contract/connections';
import { projectDoc, schemaDoc } from '../../shared/schema/schema-test-fixtures';
import {
  emptySchemaDocument,
  serialiseSchemaDocument,
  type SchemaDocument,
} from '../../shared/schema/schema-document';
import { parseSchemaFile, serialiseSchemaFile } from '../../shared/schema/schema-file-format';
import { createOsKeychain } from '../platform/keychain';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../services/local-workspace/testing/workspace-process';
import { readSchema } from '../services/schema/read-schema';
import { createTwentyClient } from '../services/twenty-client';
import { startFaultProxy } from '../services/twenty-client/testing/fault-proxy';
import type { ConnectionSettings } from '../services/workspaces/connection-settings';

/** The CLI as a user runs it (a child process) against two local workspaces over HTTP. */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = resolve(root, 'node_modules/.bin/tsx');
const CLI = resolve(root, 'electron/cli/atelier.ts');
const keychainService = `atelier-test-cli-${randomUUID()}`;
const keychain = createOsKeychain(keychainService);
const CONNECTION_ID = `conn-${randomUUID()}`;

let a: WorkspaceProcess;
let b: WorkspaceProcess;
let dir: string;
const printed: string[] = [];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const atelier = (args: string[], env: Record<string, string> = {}): Promise<Run> =>
  new Promise((done, fail) => {
    const { TWENTY_API_KEY: _ignored, ...inherited } = process.env;
    const child = spawn(TSX, [CLI, ...args], {
      cwd: dir,
      env: { ...inherited, ATELIER_KEYCHAIN_SERVICE: keychainService, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      printed.push(stdout, stderr);
      done({ code, stdout, stderr });
    });
  });

const keyOf = (ws: WorkspaceProcess) => ({ TWENTY_API_KEY: ws.apiKey });
const urlOf = (ws: WorkspaceProcess) => `url:${ws.url}`;

const schemaOf = async (ws: WorkspaceProcess): Promise<SchemaDocument> => {
  const client = createTwentyClient({ baseUrl: ws.url, apiKey: ws.apiKey, rateLimit: null });
  try {
    return await readSchema(client);
  } finally {
    client.close();
  }
};

const file = async (name: string, doc: SchemaDocument): Promise<string> => {
  await writeFile(join(dir, name), serialiseSchemaDocument(doc));
  return name;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atelier-cli-'));
  [a, b] = await Promise.all([
    startWorkspaceProcess('pglite', ['--no-demo-data']),
    startWorkspaceProcess('pglite', ['--no-demo-data']),
  ]);
  await file('project.json', projectDoc());
  await file('empty.json', emptySchemaDocument());
}, 120_000);

afterAll(async () => {
  await keychain.delete(`connection:${CONNECTION_ID}`).catch(() => false);
  await Promise.all([a?.dispose(), b?.dispose()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm run atelier -- schema', () => {
  it('dry-runs, then applies a schema file to a workspace', async () => {
    const dry = await atelier(['schema', 'apply', 'project.json', '--to', urlOf(a)], keyOf(a));
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Plan (4 steps):');
    expect(dry.stdout).toContain('  1. Create object `project` (Project / Projects)');
    expect(dry.stdout).toContain('Dry run: nothing was changed.');
    expect(await schemaOf(a)).toEqual(emptySchemaDocument());

    const run = await atelier(
      ['schema', 'apply', 'project.json', '--to', urlOf(a), '--yes'],
      keyOf(a),
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('[1/4] Create object `project`');
    expect(run.stdout).toContain('Report (4 applied):');
    expect(run.stdout).toContain('  applied  create-object:project');
    expect(await schemaOf(a)).toEqual(projectDoc());
  });

  it('exports a workspace to a file or to stdout, info on stderr only', async () => {
    const [toFile, toStdout] = await Promise.all([
      atelier(['schema', 'export', urlOf(a), '--out', 'a.json'], keyOf(a)),
      atelier(['schema', 'export', urlOf(a)], keyOf(a)),
    ]);
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toBe('');
    expect(toFile.stderr).toContain('Wrote a.json: 1 object(s), 3 custom field(s)');
    const expected = serialiseSchemaDocument(projectDoc());
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe(expected);
    expect(toStdout.code).toBe(0);
    expect(toStdout.stdout).toBe(expected);
  });

  it('diffs a workspace and a file: the object shows as added, exit 1', async () => {
    const [text, json] = await Promise.all([
      atelier(['schema', 'diff', urlOf(b), 'a.json'], keyOf(b)),
      atelier(['schema', 'diff', urlOf(b), 'a.json', '--json'], keyOf(b)),
    ]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`Changes from ${urlOf(b)} to a.json (4):`);
    expect(text.stdout).toContain('  + object project (Project / Projects)');
    expect(text.stdout).toContain('  + relation project.owner → person');
    expect(text.stdout).toContain('  4. Create relation `owner` on `project`');
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as {
      changes: Array<{ kind: string }>;
      plan: { steps: Array<{ id: string }> };
    };
    expect(parsed.changes[0]?.kind).toBe('objectAdded');
    expect(parsed.plan.steps.map((step) => step.id)).toEqual([
      'create-object:project',
      'create-field:project.budget',
      'create-field:project.stage',
      'create-field:project.owner',
    ]);
  });

  it('copies the exported file to another workspace; the two then diff as equal, exit 0', async () => {
    const run = await atelier(['schema', 'apply', 'a.json', '--to', urlOf(b), '--yes'], keyOf(b));
    expect(run.code).toBe(0);
    // Two url: sources with their own keys, each from its own variable.
    const diff = await atelier(
      ['schema', 'diff', urlOf(a), urlOf(b), '--from-key-env', 'KEY_A', '--to-key-env', 'KEY_B'],
      { KEY_A: a.apiKey, KEY_B: b.apiKey },
    );
    expect(diff.stdout).toBe(`No differences between ${urlOf(a)} and ${urlOf(b)}.\n`);
    expect(diff.code).toBe(0);
    const again = await atelier(['schema', 'apply', 'a.json', '--to', urlOf(b)], keyOf(b));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing to apply');
  });

  it('refuses a destructive plan unless --allow-destructive', async () => {
    const refused = await atelier(
      ['schema', 'apply', 'empty.json', '--to', urlOf(b), '--yes'],
      keyOf(b),
    );
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('[destructive] Delete object `project`');
    expect(refused.stderr).toContain('Add --allow-destructive');
    expect(await schemaOf(b)).toEqual(projectDoc());

    const allowed = await atelier(
      ['schema', 'apply', 'empty.json', '--to', urlOf(b), '--yes', '--allow-destructive'],
      keyOf(b),
    );
    expect(allowed.code).toBe(0);
    expect(await schemaOf(b)).toEqual(emptySchemaDocument());
  });

  it('edits an exported YAML file and applies it: a detected rename and a type change keep the values', async () => {
    expect(
      (await atelier(['schema', 'apply', 'project.json', '--to', urlOf(b), '--yes'], keyOf(b)))
        .code,
    ).toBe(0);
    const client = createTwentyClient({ baseUrl: b.url, apiKey: b.apiKey, rateLimit: null });
    try {
      const [record] = await client.rest.createMany('projects', [
        { stage: 'LIVE', budget: { amountMicros: 1500000, currencyCode: 'EUR' } },
      ]);
      const exported = await atelier(['schema', 'export', urlOf(b), '--out', 'b.yaml'], keyOf(b));
      expect(exported.code).toBe(0);
      const yaml = await readFile(join(dir, 'b.yaml'), 'utf8');
      expect(yaml.startsWith('format: atelier.schema\n')).toBe(true);
      const edited = yaml
        .replace('name: stage\n', 'name: phase\n')
        .replace('type: CURRENCY', 'type: NUMBER');
      await writeFile(join(dir, 'b-edited.yml'), edited);
      const run = await atelier(
        [
          'schema',
          'apply',
          'b-edited.yml',
          '--to',
          urlOf(b),
          '--yes',
          '--allow-destructive',
          '--detect-renames',
        ],
        keyOf(b),
      );
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Renames detected (1):\n  field project.stage → phase\n');
      expect(run.stdout).toContain('Rename field `stage` on `project` to `phase`');
      expect(run.stderr).toMatch(/\[\d\/\d\] {3}1 of 1 record\(s\)/);
      expect(run.stdout).toContain('Report (6 applied):');
      expect(await client.rest.get('projects', String(record!.id))).toMatchObject({
        phase: 'LIVE',
        budget: 1.5,
      });
      const diff = await atelier(['schema', 'diff', urlOf(b), 'b-edited.yml'], keyOf(b));
      expect(diff.stdout).toContain('No differences');

      // A type change that stops after the old field is deleted: applied again with
      // --detect-renames, the temporary field becomes the wanted one, its values kept.
      const proxy = await startFaultProxy(b.url);
      try {
        proxy.schedule(
          { kind: 'respond', status: 502, body: 'Bad gateway' },
          (request) =>
            request.body.includes('AtelierUpdateField') && request.body.includes('"name":"phase"'),
        );
        const text = parseSchemaFile(edited);
        Object.assign(
          text.objects[0]!.fields.find((f) => f.name === 'phase')!,
          {
            type: 'TEXT',
            options: null,
            defaultValue: null,
          },
        );
        await writeFile(join(dir, 'b-text.yml'), serialiseSchemaFile(text, 'yaml'));
        const args = ['schema', 'apply', 'b-text.yml', '--yes', '--allow-destructive'];
        const failed = await atelier([...args, '--to', `url:${proxy.url}`], keyOf(b));
        expect(failed.code).toBe(1);
        expect(failed.stderr).toContain('Step 5 of 5 failed (rename-field:project.phaseNext)');
        expect(failed.stderr).toContain('Apply again with --detect-renames');
        const again = await atelier([...args, '--to', urlOf(b), '--detect-renames'], keyOf(b));
        expect(again.code).toBe(0);
        expect(again.stdout).toContain('  field project.phaseNext → phase\n');
        expect(await client.rest.get('projects', String(record!.id))).toMatchObject({
          phase: 'LIVE',
        });
        expect(
          (await atelier(['schema', 'diff', urlOf(b), 'b-text.yml'], keyOf(b))).stdout,
        ).toContain('No differences');
      } finally {
        await proxy.close();
      }
    } finally {
      client.close();
    }
  });

  it('refuses a plan with unsupported steps, naming the reason', async () => {
    const project = projectDoc().objects[0]!;
    const retyped = schemaDoc([
      {
        ...project,
        fields: project.fields.map((f) =>
          f.name === 'owner' ? { ...f, type: 'TEXT', relation: null } : f,
        ),
      },
    ]);
    await file('retyped.json', retyped);
    const run = await atelier(
      ['schema', 'apply', 'retyped.json', '--to', urlOf(a), '--yes'],
      keyOf(a),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[unsupported] Change the type of `owner`');
    expect(run.stdout).toMatch(/reason: Twenty cannot change a relation field's type/);
    expect(run.stderr).toContain('Refusing to apply: 1 step(s) cannot be done');
    expect(await schemaOf(a)).toEqual(projectDoc());
  });

  it("stops at a failed step, naming it and Twenty's message; the report is exact", async () => {
    const project = projectDoc().objects[0]!;
    const taken = schemaDoc([
      {
        ...project,
        fields: [
          ...project.fields,
          { name: 'createdAt', label: 'Created again', type: 'TEXT' },
          { name: 'notes', label: 'Notes', type: 'TEXT' },
        ],
      },
    ]);
    await file('taken.json', taken);
    const run = await atelier(
      ['schema', 'apply', 'taken.json', '--to', urlOf(a), '--yes'],
      keyOf(a),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /Step 1 of 2 failed \(create-field:project\.createdAt\): .*Name "createdAt" is not available/,
    );
    expect(run.stdout).toContain('Report (0 applied, 1 failed, 1 skipped):');
    expect(run.stdout).toContain('  skipped  create-field:project.notes');
    expect(await schemaOf(a)).toEqual(projectDoc());
  });

  it('reads a saved connection of the app: settings.json + the OS keychain', async () => {
    const dataDir = join(dir, 'data');
    const now = new Date().toISOString();
    const settings: ConnectionSettings = {
      version: 1,
      activeId: 'local',
      localLastTest: null,
      connections: [
        {
          id: CONNECTION_ID,
          name: 'Staging',
          baseUrl: a.url,
          rateLimit: TWENTY_DEFAULT_RATE_LIMIT,
          readOnly: false,
          lastTest: null,
          createdAt: now,
          updatedAt: now,
        },
      ],
    };
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify(settings));
    await keychain.set(`connection:${CONNECTION_ID}`, a.apiKey);

    const [exported, missing] = await Promise.all([
      atelier(['schema', 'export', 'connection:Staging', '--data-dir', dataDir]),
      atelier(['schema', 'diff', 'connection:Production', 'a.json', '--data-dir', dataDir]),
    ]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(serialiseSchemaDocument(projectDoc()));
    expect(exported.stderr).toContain(`connection:Staging (${a.url})`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No saved connection named "Production"');
    expect(missing.stderr).toContain('(saved: "Staging")');

    await keychain.delete(`connection:${CONNECTION_ID}`);
    const keyless = await atelier([
      'schema',
      'export',
      'connection:Staging',
      '--data-dir',
      dataDir,
    ]);
    expect(keyless.code).toBe(2);
    expect(keyless.stderr).toContain('The key of "Staging" is missing from the OS keychain');
  });

  // More command-line errors are checked in process by run-cli.test.ts.
  it('explains an unusable source and exits 2', async () => {
    const cases: Array<[string[], string]> = [
      [['schema', 'export', 'url:not a url'], 'url:not a url is not a workspace URL'],
      [
        ['schema', 'diff', urlOf(a), 'a.json'],
        'needs its API key in the environment variable TWENTY_API_KEY',
      ],
      [['schema', 'apply', 'nowhere.json', '--to', urlOf(a)], 'No such file: nowhere.json'],
    ];
    const runs = await Promise.all(cases.map(([args]) => atelier(args)));
    runs.forEach((run, index) => {
      const [args, message] = cases[index]!;
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr).toContain(message);
      expect(run.stdout).toBe('');
    });
  });

  it('never prints an API key', () => {
    expect(printed.length).toBeGreaterThan(30);
    for (const text of printed) {
      expect(text).not.toContain(a.apiKey);
      expect(text).not.toContain(b.apiKey);
    }
  });
});
