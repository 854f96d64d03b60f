import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../services/local-workspace/testing/workspace-process';
import { createTwentyClient, type TwentyClient } from '../services/twenty-client';

/**
 * `atelier import` as a user runs it (a child process) against local workspaces over HTTP: a dry
 * run that writes nothing, a run killed with SIGKILL at a random batch and run again, compared
 * with a clean run of the same file into a fresh workspace, and a rollback.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = resolve(root, 'electron/cli/atelier.ts');
const TSX_LOADER = pathToFileURL(resolve(root, 'node_modules/tsx/dist/loader.mjs')).href;

let killed: WorkspaceProcess;
let clean: WorkspaceProcess;
let dir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const start = (args: string[], workspace: WorkspaceProcess) => {
  const { TWENTY_API_KEY: _ignored, ...inherited } = process.env;
  // Node itself (not the tsx launcher, which would leave its child alive) so SIGKILL kills the run.
  return spawn(process.execPath, ['--import', TSX_LOADER, CLI, ...args], {
    cwd: dir,
    env: { ...inherited, TWENTY_API_KEY: workspace.apiKey },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
};

const finish = (child: ChildProcess): Promise<Run> =>
  new Promise((done, fail) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });

const importArgs = (workspace: WorkspaceProcess, extra: string[] = []) => [
  'import',
  'people.csv',
  '--connection',
  `url:${workspace.url}`,
  '--mapping',
  'people.mapping.json',
  '--work-dir',
  'work',
  '--data-dir',
  'data',
  ...extra,
];

const ROWS = 6000;
const DOMAINS = 150;

/** People by e-mail with their company's domain, as a comparable snapshot. */
const peopleOf = async (client: TwentyClient) => {
  const people: string[] = [];
  for await (const page of client.rest.listAll('people', { depth: 1 }))
    for (const person of page) {
      const company = person.company as { domainName?: { primaryLinkUrl?: string } } | null;
      const name = person.name as { firstName: string; lastName: string };
      people.push(
        [
          (person.emails as { primaryEmail: string }).primaryEmail,
          name.firstName,
          name.lastName,
          person.jobTitle,
          company?.domainName?.primaryLinkUrl ?? '',
        ].join('|'),
      );
    }
  return people.sort();
};
const companiesOf = async (client: TwentyClient) => {
  const domains: string[] = [];
  for await (const page of client.rest.listAll('companies', {}))
    for (const company of page)
      domains.push(
        `${company.name}|${(company.domainName as { primaryLinkUrl: string }).primaryLinkUrl}`,
      );
  return domains.sort();
};

describe('atelier import (CLI)', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'atelier-import-cli-'));
    [killed, clean] = await Promise.all([
      startWorkspaceProcess('pglite', ['--no-demo-data', '--rate-limit', 'off']),
      startWorkspaceProcess('pglite', ['--no-demo-data', '--rate-limit', 'off']),
    ]);
    const rows: string[][] = [['First name', 'Last name', 'E-mail', 'Title', 'Company website']];
    for (let i = 0; i < ROWS; i++)
      rows.push([
        `First${i}`,
        `Last ${i % 97}`,
        `person${i}@example${i % 7}.com`,
        i % 11 === 0 ? '' : `Role ${i % 13}`,
        `https://www.company${i % DOMAINS}.com/`,
      ]);
    rows.push(['Again', 'Zero', 'PERSON0@example0.com', 'Duplicate', 'company0.com']);
    await writeFile(join(dir, 'people.csv'), Papa.unparse(rows));
    await writeFile(
      join(dir, 'people.mapping.json'),
      JSON.stringify({
        version: 1,
        object: 'person',
        fields: {
          name: {
            kind: 'columns',
            parts: { firstName: { column: 'First name' }, lastName: { column: 'Last name' } },
          },
          emails: { kind: 'column', column: 'E-mail' },
          jobTitle: { kind: 'column', column: 'Title' },
          company: {
            kind: 'lookup',
            column: 'Company website',
            object: 'company',
            by: 'domainName',
            createMissing: true,
          },
        },
        dedupe: { key: 'emails', duplicates: 'first' },
      }),
    );
  }, 180_000);
  afterAll(async () => {
    await killed?.dispose();
    await clean?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('dry run: checks and plans against the workspace, writes nothing', async () => {
    const run = await finish(start(importArgs(killed, ['--dry-run']), killed));
    expect(run.stderr).toContain(`${(ROWS + 1).toLocaleString('en-US')} rows: 0 with errors`);
    expect(run.stdout).toContain(
      `Dry run (nothing written): would have ${ROWS.toLocaleString('en-US')} created, 0 updated, 1 skipped, 0 failed, ${DOMAINS} linked records created`,
    );
    expect(run.code).toBe(0);
    const client = createTwentyClient({
      baseUrl: killed.url,
      apiKey: killed.apiKey,
      rateLimit: null,
    });
    expect((await client.rest.list('people', { limit: 1 })).totalCount).toBe(0);
    expect((await client.rest.list('companies', { limit: 1 })).totalCount).toBe(0);
  }, 120_000);

  it('a run killed with SIGKILL at a random batch and run again equals a clean run', async () => {
    const batches = Math.ceil(ROWS / 200);
    const killAfter = 2 + Math.floor(Math.random() * (batches - 6));
    const child = start(importArgs(killed), killed);
    const ended = finish(child);
    // Wait until the journal holds `killAfter` finished batches, then kill without warning.
    for (;;) {
      const folders = await readdir(join(dir, 'work')).catch(() => [] as string[]);
      const journal = folders.find((name) => !name.endsWith('dry-run'));
      const text = journal
        ? await readFile(join(dir, 'work', journal, 'journal.jsonl'), 'utf8').catch(() => '')
        : '';
      if ((text.match(/"t":"done"/g) ?? []).length >= killAfter) break;
      if (child.exitCode !== null)
        throw new Error(`The run ended before the kill: ${(await ended).stderr}`);
      await new Promise((wait) => setTimeout(wait, 20));
    }
    child.kill('SIGKILL');
    expect((await ended).code, `killed after ${killAfter} batches`).toBe(null);

    const resumed = await finish(start(importArgs(killed), killed));
    expect(resumed.stderr).toContain('Carrying on the run');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('1 skipped, 0 failed');

    const cleanRun = await finish(start(importArgs(clean, ['--work-dir', 'work-clean']), clean));
    expect(cleanRun.code, cleanRun.stderr).toBe(0);

    const a = createTwentyClient({ baseUrl: killed.url, apiKey: killed.apiKey, rateLimit: null });
    const b = createTwentyClient({ baseUrl: clean.url, apiKey: clean.apiKey, rateLimit: null });
    const [peopleA, peopleB] = await Promise.all([peopleOf(a), peopleOf(b)]);
    expect(peopleA.length, `killed after ${killAfter} batches`).toBe(ROWS);
    expect(peopleA).toEqual(peopleB);
    expect(await companiesOf(a)).toEqual(await companiesOf(b));
    expect((await companiesOf(a)).length).toBe(DOMAINS);

    const results = Papa.parse<string[]>(
      await readFile(
        join(
          dir,
          'work',
          (await readdir(join(dir, 'work'))).find((n) => !n.endsWith('dry-run'))!,
          'results.csv',
        ),
        'utf8',
      ),
      { skipEmptyLines: true },
    ).data;
    expect(results[0]).toEqual(['file', 'line', 'status', 'record id', 'reason']);
    expect(results.length - 1).toBe(ROWS + 1);
    expect(results.filter((row) => row[2] === 'created')).toHaveLength(ROWS);
    expect(results.find((row) => row[2] === 'skipped')![4]).toContain('Duplicate of line 2');

    const rolledBack = await finish(start(importArgs(killed, ['--rollback']), killed));
    expect(rolledBack.code, rolledBack.stderr).toBe(0);
    expect(rolledBack.stdout).toContain(
      `Rolled back: ${(ROWS + DOMAINS).toLocaleString('en-US')} records deleted`,
    );
    expect((await a.rest.list('people', { limit: 1 })).totalCount).toBe(0);
    expect((await a.rest.list('companies', { limit: 1 })).totalCount).toBe(0);
  }, 300_000);
});
