import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { emptySchemaDocument, serialiseSchemaDocument } from '../../shared/schema/schema-document';
import { serialiseSchemaFile } from '../../shared/schema/schema-file-format';
import { projectDoc } from '../../shared/schema/schema-test-fixtures';
import { createCliIo } from './cli-io';
import { runCli } from './run-cli';

/** The command line in process, for what needs no workspace: files, usage, exit codes. */
let dir: string;

const run = async (argv: string[], env: Record<string, string> = {}) => {
  let stdout = '';
  let stderr = '';
  const io = createCliIo(
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
    env,
    dir,
  );
  const code = await runCli(argv, { io, defaultDataDir: join(dir, 'no-data') });
  return { code, stdout, stderr };
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atelier-cli-unit-'));
  await writeFile(join(dir, 'project.json'), serialiseSchemaDocument(projectDoc()));
  await writeFile(join(dir, 'empty.json'), serialiseSchemaDocument(emptySchemaDocument()));
  await writeFile(join(dir, 'not-schema.json'), '{"objects": 3}');
  await writeFile(join(dir, 'not-json.json'), '{');
  await writeFile(join(dir, 'project.yaml'), serialiseSchemaFile(projectDoc(), 'yaml'));
  await writeFile(
    join(dir, 'bad.yml'),
    'format: atelier.schema\nversion: 1\nobjects:\n  - fields: 3\n',
  );
  const renamed = projectDoc();
  Object.assign(renamed.objects[0]!, { nameSingular: 'venture', namePlural: 'ventures' });
  await writeFile(join(dir, 'renamed.yml'), serialiseSchemaFile(renamed, 'yaml'));
  const field = projectDoc();
  field.objects[0]!.fields.find((f) => f.name === 'budget')!.name = 'cost';
  await writeFile(join(dir, 'field.yml'), serialiseSchemaFile(field, 'yaml'));
  // Hand-written: defaults omitted, keys and fields out of order, the relation from its other end.
  await writeFile(
    join(dir, 'hand.json'),
    JSON.stringify({
      version: 1,
      format: 'atelier.schema',
      objects: [
        {
          nameSingular: 'person',
          standard: true,
          fields: [
            {
              name: 'projects',
              label: 'Projects',
              type: 'RELATION',
              icon: 'IconBriefcase',
              relation: {
                type: 'ONE_TO_MANY',
                targetObject: 'project',
                inverseName: 'owner',
                inverseLabel: 'Owner',
                inverseIcon: 'IconUser',
                onDelete: 'SET_NULL',
              },
            },
          ],
        },
        {
          labelPlural: 'Projects',
          labelSingular: 'Project',
          namePlural: 'projects',
          nameSingular: 'project',
          icon: 'IconBriefcase',
          fields: [
            {
              name: 'stage',
              label: 'Stage',
              type: 'SELECT',
              defaultValue: "'DRAFT'",
              options: [
                { value: 'LIVE', label: 'Live', color: 'green', position: 1 },
                { value: 'DRAFT', label: 'Draft', color: 'gray', position: 0 },
              ],
            },
            { type: 'CURRENCY', name: 'budget', label: 'Budget' },
          ],
        },
      ],
    }),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runCli', () => {
  it('prints the usage on --help (exit 0) and with a missing command (exit 2)', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run atelier -- schema <command>');
    const commandHelp = await run(['schema', 'apply', '--help']);
    expect(commandHelp.stdout).toContain('--allow-destructive');
    const missing = await run([]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Error: Missing command');
    expect(missing.stderr).toContain('Usage:');
  });

  it.each([
    [['schema', 'frobnicate'], 'Unknown schema command "frobnicate"'],
    [['table', 'export'], 'Unknown command "table"'],
    [['schema', 'export'], 'Missing <source>'],
    [['schema', 'diff', 'project.json'], 'Missing <to>'],
    [['schema', 'export', 'project.json', 'extra.json'], 'Unexpected argument: extra.json'],
    [['schema', 'export', 'project.json', '--bogus'], "Unknown option '--bogus'"],
    [['schema', 'apply', 'project.json'], 'Missing --to <workspace>'],
    [['schema', 'apply', 'project.json', '--to', 'empty.json'], '--to names a workspace'],
    [['schema', 'export', 'connection:'], 'connection: needs the name of a saved connection'],
    [['schema', 'export', 'connection:Staging'], 'No saved connections'],
    [
      ['schema', 'diff', 'project.json', 'https://crm.example.com'],
      'write url:https://crm.example.com',
    ],
    [['schema', 'diff', 'project.json', 'url:ftp://x'], 'not a workspace URL'],
    [
      ['schema', 'export', 'not-schema.json'],
      'not-schema.json is not an Atelier schema file: line 1: format: Invalid input: expected "atelier.schema"',
    ],
    [
      ['schema', 'export', 'not-json.json'],
      'not-json.json is not an Atelier schema file: line 1: not JSON',
    ],
    [
      ['schema', 'export', 'bad.yml'],
      'bad.yml is not an Atelier schema file: line 4: objects[0].nameSingular: Invalid input: expected string, received undefined',
    ],
    [
      ['schema', 'export', 'project.json', '--format', 'xml'],
      '--format is json or yaml, not "xml"',
    ],
    // Two unusable sources: the first one's error, whichever fails first.
    [['schema', 'diff', 'nowhere.json', 'url:http://127.0.0.1:9'], 'No such file: nowhere.json'],
    [['schema', 'export', '.'], '. is a directory'],
    [['schema', 'export', 'url:http://127.0.0.1:9'], 'in the environment variable TWENTY_API_KEY'],
    [
      ['schema', 'export', 'url:http://127.0.0.1:9', '--key-env', 'PROD_KEY'],
      'in the environment variable PROD_KEY',
    ],
  ])('%j exits 2: %s', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('exports a file in canonical form (a hand-written file becomes the exported text)', async () => {
    const result = await run(['schema', 'export', 'hand.json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(serialiseSchemaDocument(projectDoc()));
  });

  it('reads YAML files and writes YAML by --format or by the --out extension', async () => {
    const yaml = serialiseSchemaFile(projectDoc(), 'yaml');
    expect(await run(['schema', 'export', 'project.yaml'])).toMatchObject({
      code: 0,
      stdout: serialiseSchemaDocument(projectDoc()),
    });
    expect((await run(['schema', 'export', 'project.json', '--format', 'yaml'])).stdout).toBe(yaml);
    expect((await run(['schema', 'export', 'hand.json', '--out', 'out.yml'])).code).toBe(0);
    expect(await readFile(join(dir, 'out.yml'), 'utf8')).toBe(yaml);
    expect((await run(['schema', 'diff', 'project.yaml', 'project.json'])).code).toBe(0);
  });

  it('diff --detect-renames lists the renames and plans them instead of drop and re-create', async () => {
    const plain = await run(['schema', 'diff', 'project.json', 'renamed.yml']);
    expect(plain.stdout).toContain('Delete object `project`');
    const detected = await run([
      'schema',
      'diff',
      'project.json',
      'renamed.yml',
      '--detect-renames',
    ]);
    expect(detected.code).toBe(1);
    expect(detected.stdout).toContain(
      ['Renames detected (1):', '  object project → venture', ''].join('\n'),
    );
    expect(detected.stdout).toContain('Rename object `project` to `venture`');
    expect(detected.stdout).not.toContain('Delete object');
    const json = JSON.parse(
      (await run(['schema', 'diff', 'project.json', 'field.yml', '--detect-renames', '--json']))
        .stdout,
    );
    expect(json.renames).toEqual({
      objects: {},
      fields: { 'project.budget': 'cost' },
      options: {},
    });
    expect(json.plan.steps.map((step: { id: string }) => step.id)).toEqual([
      'rename-field:project.budget',
    ]);
  });

  it('diffs two files like diff(1): 0 same, 1 different, with the plan', async () => {
    const same = await run(['schema', 'diff', 'hand.json', 'project.json']);
    expect(same).toEqual({
      code: 0,
      stdout: 'No differences between hand.json and project.json.\n',
      stderr: '',
    });
    const removal = await run(['schema', 'diff', 'project.json', 'empty.json']);
    expect(removal.code).toBe(1);
    expect(removal.stdout).toBe(
      [
        'Changes from project.json to empty.json (1):',
        '  - object project and its 3 custom field(s)',
        '',
        'Plan (2 steps: 1 destructive):',
        '  1. Deactivate object `project` (Twenty deletes inactive objects only)',
        '  2. [destructive] Delete object `project` — its table, its 3 custom field(s), its records and the relations pointing at it are dropped',
        '',
      ].join('\n'),
    );
  });

  it('a workspace that cannot be reached: diff exits 2, export exits 1, the key redacted', async () => {
    const env = { TWENTY_API_KEY: 'secret-key-123456' };
    const [diff, exported] = await Promise.all([
      run(['schema', 'diff', 'url:http://127.0.0.1:9', 'project.json'], env),
      run(['schema', 'export', 'url:http://127.0.0.1:9'], env),
    ]);
    expect(diff.code).toBe(2);
    expect(diff.stderr).toContain('Could not read the schema of url:http://127.0.0.1:9');
    expect(exported.code).toBe(1);
    for (const text of [diff.stdout, diff.stderr, exported.stdout, exported.stderr])
      expect(text).not.toContain(env.TWENTY_API_KEY);
  });
});

describe('createCliIo', () => {
  it('redacts every registered secret from both streams', () => {
    const lines: string[] = [];
    const io = createCliIo({ stdout: (t) => lines.push(t), stderr: (t) => lines.push(t) }, {}, '.');
    io.addSecret('tok_abcdefgh');
    io.out('key tok_abcdefgh here');
    io.err('twice tok_abcdefgh tok_abcdefgh');
    expect(lines).toEqual(['key [redacted] here\n', 'twice [redacted] [redacted]\n']);
  });
});
