import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreGraphql, rest } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

/** Query parameters and paging arguments read as Twenty reads them (docs/fidelity-audit.md). */
describe.each(testEngines())('query parameters (%s)', (engine) => {
  let ws: WorkspaceProcess;
  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine);
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it('refuses both REST cursors at once, and takes empty limit and depth as absent', async () => {
    const first = await rest(ws, 'GET', '/rest/people?limit=2');
    const cursor = first.body.pageInfo.endCursor;
    const both = await rest(
      ws,
      'GET',
      `/rest/people?starting_after=${cursor}&ending_before=${cursor}`,
    );
    expect(both.status).toBe(400);
    expect(both.body.messages).toEqual(['Cannot provide both before and after']);
    const empty = await rest(ws, 'GET', '/rest/people?limit=&depth=');
    expect(empty.status).toBe(200);
    expect(empty.body.data.people.length).toBe(Math.min(60, empty.body.totalCount));
    expect(empty.body.data.people[0].company).toBeUndefined();
    const depthOne = await rest(ws, 'GET', '/rest/people?limit=1&depth=1.0');
    expect(depthOne.status).toBe(200);
    expect(depthOne.body.data.people[0]).toHaveProperty('company');
  });

  it('names an unknown sort field, routes /rest/restore/… and lists every valid path', async () => {
    const unknown = await rest(ws, 'GET', '/rest/people?order_by=nickname');
    expect(unknown.status).toBe(400);
    expect(unknown.body.messages).toEqual(['Field "nickname" does not exist or is not sortable']);
    const person = (await rest(ws, 'POST', '/rest/people', { jobTitle: 'Restorable' })).body.data
      .createPerson;
    await rest(ws, 'DELETE', `/rest/people/${person.id}?soft_delete=true`);
    const restored = await rest(ws, 'PATCH', `/rest/restore/people/${person.id}`);
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body.data.restorePerson).toMatchObject({ id: person.id, deletedAt: null });
    const badPath = await rest(ws, 'GET', `/rest/people/${person.id}/extra/more`);
    expect(badPath.body.messages).toEqual([
      `Query path '/rest/people/${person.id}/extra/more' invalid. Valid examples: /rest/companies/id or /rest/companies or /rest/batch/companies or /rest/restore/companies/id`,
    ]);
  });

  it('merges repeated fields= parameters', async () => {
    const found = await rest(ws, 'GET', '/rest/people?limit=1&fields=jobTitle&fields=emails');
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(Object.keys(found.body.data.people[0]).sort()).toEqual(['emails', 'id', 'jobTitle']);
  });

  it('names paging conflicts with Twenty’s sub-codes', async () => {
    const cases: [string, string, string][] = [
      ['first: 1, last: 1', 'Cannot provide both first and last', 'ARGS_CONFLICT'],
      ['before: "a", after: "b"', 'Cannot provide both before and after', 'ARGS_CONFLICT'],
      ['first: -1', 'First argument must be non-negative', 'INVALID_ARGS_FIRST'],
      ['last: -1', 'Last argument must be non-negative', 'INVALID_ARGS_LAST'],
    ];
    for (const [args, message, subCode] of cases) {
      const response = await coreGraphql(ws, `{ people(${args}) { totalCount } }`);
      expect(response.errors?.[0]?.message, args).toBe(message);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', subCode });
    }
  });
});

/** Twenty's RecordPositionService: new records go first unless told otherwise. */
describe.each(testEngines())('record positions (%s)', (engine) => {
  let ws: WorkspaceProcess;
  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine, ['--no-demo-data']);
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it('puts created records first, "last" last, and keeps given numbers', async () => {
    const position = async (name: string) =>
      (
        await rest(
          ws,
          'GET',
          `/rest/opportunities?filter=${encodeURIComponent(`name[eq]:${name}`)}`,
        )
      ).body.data.opportunities[0].position as number;
    const one = await rest(ws, 'POST', '/rest/opportunities', { name: 'one' });
    expect(one.body.data.createOpportunity.position).toBe(0); // empty table: 1 - 0 - 1
    const batch = await rest(ws, 'POST', '/rest/batch/opportunities', [
      { name: 'two' },
      { name: 'three' },
      { name: 'fixed', position: 10 },
    ]);
    expect(batch.status, JSON.stringify(batch.body)).toBe(201);
    expect(batch.body.data.createOpportunities.map((o: any) => o.name)).toEqual([
      'two',
      'three',
      'fixed',
    ]);
    expect([await position('two'), await position('three'), await position('fixed')]).toEqual([
      -1, -2, 10,
    ]);
    const last = await coreGraphql(
      ws,
      `mutation { createOpportunity(data: { name: "last", position: "last" }) { position } }`,
    );
    expect(last.data!.createOpportunity.position).toBe(11);
    const moved = await rest(
      ws,
      'PATCH',
      `/rest/opportunities/${one.body.data.createOpportunity.id}`,
      { position: 'first' },
    );
    expect(moved.body.data.updateOpportunity.position).toBe(-3);
    const ordered = await rest(ws, 'GET', '/rest/opportunities?order_by=position');
    expect(ordered.body.data.opportunities.map((o: any) => o.name)).toEqual([
      'one',
      'three',
      'two',
      'fixed',
      'last',
    ]);
  });
});
