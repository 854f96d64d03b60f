import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertValue } from '../../../shared/schema/convert-value';
import { diffSchemas } from '../../../shared/schema/diff-schema';
import { planChanges } from '../../../shared/schema/plan-changes';
import { emptySchemaDocument, type SchemaDocument } from '../../../shared/schema/schema-document';
import { schemaDoc } from '../../../shared/schema/schema-test-fixtures';
import { createTwentyClient, type TwentyClient } from '../twenty-client';
import { startFaultProxy, type FaultProxy } from '../twenty-client/testing/fault-proxy';
import { applyAll, runPlan, useLocalWorkspace } from './apply-plan-testing';
import { previewTypeChange } from './preview-type-change';
import { readSchema } from './read-schema';

/**
 * The data steps on the local workspace over HTTP: a type change's copy through the core API
 * (pages of 200, progress) and its preview, an option merge's move, each failing half-way
 * (through the fault proxy) with an exact report, and the same plan applied again.
 */
const local = useLocalWorkspace();
let proxy: FaultProxy;
let client: TwentyClient;
let viaProxy: TwentyClient;

beforeAll(async () => {
  client = local.client;
  proxy = await startFaultProxy(local.ws.url);
  viaProxy = createTwentyClient({ baseUrl: proxy.url, apiKey: local.ws.apiKey, rateLimit: null });
});

afterAll(async () => {
  viaProxy?.close();
  await proxy?.close();
});

const gauge = (name: string, type: 'TEXT' | 'NUMBER') =>
  schemaDoc([
    {
      nameSingular: name,
      namePlural: `${name}s`,
      labelSingular: name,
      labelPlural: `${name}s`,
      fields: [{ name: 'reading', label: 'Reading', type }],
    },
  ]);

const run = runPlan;
const migrate = (from: SchemaDocument, to: SchemaDocument) => applyAll(client, from, to);

/** `count` records in id order, so pages are known: every 10th reading does not convert. */
const seed = async (plural: string, count: number) => {
  const ids = Array.from({ length: count }, () => randomUUID()).sort();
  const readings = ids.map((_, i) => (i % 10 === 3 ? 'n/a' : i % 10 === 5 ? null : String(i % 7)));
  await client.rest.createMany(
    plural,
    ids.map((id, i) => ({ id, reading: readings[i] })),
  );
  return { ids, readings };
};

const readings = async (plural: string, field: string) => {
  const values = new Map<string, unknown>();
  for await (const page of client.rest.listAll(plural, { limit: 200 }))
    for (const record of page) values.set(String(record.id), record[field]);
  return values;
};

describe('type change on the local workspace', () => {
  it('previews, then copies 450 records page by page with progress, converting each value', async () => {
    const from = gauge('meter', 'TEXT');
    const to = gauge('meter', 'NUMBER');
    await migrate(emptySchemaDocument(), from);
    const { ids, readings: seeded } = await seed('meters', 450);
    const fromField = from.objects[0]!.fields[0]!;
    const toField = to.objects[0]!.fields[0]!;

    const preview = await previewTypeChange(client, {
      objectName: 'meter',
      from: fromField,
      to: toField,
      sampleLimit: 2,
    });
    expect(preview).toEqual({
      total: 450,
      empty: 45,
      converted: 360,
      lost: 45,
      samples: [
        { recordId: ids[3], value: 'n/a', reason: '`n/a` is not a number' },
        { recordId: ids[13], value: 'n/a', reason: '`n/a` is not a number' },
      ],
    });

    const plan = planChanges(diffSchemas(from, to));
    const { report, progress } = await run(client, plan);
    expect(report).toEqual({ applied: plan.steps.map((step) => step.id), skipped: [] });
    expect(progress.filter(([id]) => id === 'copy-field-values:meter.reading')).toEqual([
      ['copy-field-values:meter.reading', 'running'],
      ['copy-field-values:meter.reading', 'running', { done: 200, total: 450 }],
      ['copy-field-values:meter.reading', 'running', { done: 400, total: 450 }],
      ['copy-field-values:meter.reading', 'running', { done: 450, total: 450 }],
      ['copy-field-values:meter.reading', 'applied'],
    ]);
    expect(await readSchema(client)).toEqual(to);
    const after = await readings('meters', 'reading');
    expect(ids.map((id) => after.get(id))).toEqual(
      seeded.map((value) => {
        const converted = convertValue(value, fromField, toField);
        return converted.ok ? converted.value : null;
      }),
    );
    await migrate(to, emptySchemaDocument());
  });

  it('stops half-way with an exact report and the partial copy in the new field; the same plan applied again finishes', async () => {
    const from = gauge('dial', 'TEXT');
    const to = gauge('dial', 'NUMBER');
    await migrate(emptySchemaDocument(), from);
    const { ids, readings: seeded } = await seed('dials', 300);
    const plan = planChanges(diffSchemas(from, to));
    expect(plan.steps.map((step) => step.id)).toEqual([
      'create-field:dial.readingNext',
      'copy-field-values:dial.reading',
      'deactivate-field:dial.reading',
      'delete-field:dial.reading',
      'rename-field:dial.readingNext',
    ]);
    // The first write of the second page (it names the page's first record) is refused.
    proxy.schedule(
      {
        kind: 'respond',
        status: 400,
        body: { statusCode: 400, error: 'BadRequestException', messages: ['Disk full'] },
      },
      (request) =>
        request.method === 'PATCH' && decodeURIComponent(request.path).includes(ids[200]!),
    );
    const first = await run(viaProxy, plan);
    expect(proxy.pending()).toBe(0);
    expect(first.report).toEqual({
      applied: ['create-field:dial.readingNext'],
      failed: {
        step: 'copy-field-values:dial.reading',
        error:
          'Copying `reading` into `readingNext` on `dial` stopped after 200 of 300 record(s): Disk full. `readingNext` holds a partial copy; `reading` is unchanged. Apply the plan again to copy from the start.',
        code: 'BadRequestException',
        progress: { done: 200, total: 300 },
      },
      skipped: [
        'deactivate-field:dial.reading',
        'delete-field:dial.reading',
        'rename-field:dial.readingNext',
      ],
    });
    const partial = await readings('dials', 'readingNext');
    const copied = ids.filter((id) => partial.get(id) !== null);
    expect(copied.every((id) => ids.indexOf(id) < 200)).toBe(true);
    expect(copied.length).toBe(
      seeded.slice(0, 200).filter((v) => v !== null && v !== 'n/a').length,
    );
    expect(
      [...(await readings('dials', 'reading')).values()].filter((v) => v !== null).length,
    ).toBe(seeded.filter((v) => v !== null).length);

    // Fail again later, at the delete: the copy is done and the old field deactivated.
    proxy.schedule(
      {
        kind: 'respond',
        status: 200,
        body: { errors: [{ message: 'Try later', extensions: { code: 'BAD_USER_INPUT' } }] },
      },
      (request) => request.body.includes('AtelierDeleteField'),
    );
    const second = await run(viaProxy, plan);
    expect(second.report).toEqual({
      applied: [
        'create-field:dial.readingNext',
        'copy-field-values:dial.reading',
        'deactivate-field:dial.reading',
      ],
      failed: { step: 'delete-field:dial.reading', error: 'Try later', code: 'BAD_USER_INPUT' },
      skipped: ['rename-field:dial.readingNext'],
    });

    // The same plan once more: what is done is recognised, the rest runs.
    const third = await run(client, plan);
    expect(third.report).toEqual({ applied: plan.steps.map((step) => step.id), skipped: [] });
    expect(third.progress.some(([id, , data]) => id.startsWith('copy') && data)).toBe(false);
    expect(await readSchema(client)).toEqual(to);
    const after = await readings('dials', 'reading');
    expect(ids.map((id) => after.get(id))).toEqual(
      seeded.map((value) => (value === null || value === 'n/a' ? null : Number(value))),
    );
    // And once the migration is complete, applying it again changes nothing and fails nothing.
    expect((await run(client, plan)).report.failed).toBeUndefined();
    await migrate(to, emptySchemaDocument());
  });

  it('names soft-deleted records this server will not update (Twenty updates them)', async () => {
    const from = gauge('valve', 'TEXT');
    const to = gauge('valve', 'NUMBER');
    await migrate(emptySchemaDocument(), from);
    const records = await client.rest.createMany('valves', [{ reading: '1' }, { reading: '2' }]);
    await client.rest.delete('valves', String(records[1]!.id), { soft: true });
    expect(
      await previewTypeChange(client, {
        objectName: 'valve',
        from: from.objects[0]!.fields[0]!,
        to: to.objects[0]!.fields[0]!,
      }),
    ).toEqual({ total: 2, empty: 0, converted: 2, lost: 0, samples: [] });
    const { report } = await run(client, planChanges(diffSchemas(from, to)));
    expect(report.failed).toEqual({
      step: 'copy-field-values:valve.reading',
      error: `Copying \`reading\` into \`readingNext\` on \`valve\` stopped after 0 of 2 record(s): 1 soft-deleted record(s) were not updated (${String(records[1]!.id)}): this server does not update records in the trash. Restore them or empty the trash, then apply again. \`readingNext\` holds a partial copy; \`reading\` is unchanged. Apply the plan again to copy from the start.`,
      progress: { done: 0, total: 2 },
    });
    await client.rest.delete('valves', String(records[1]!.id));
    const live = await readSchema(client);
    await migrate(live, emptySchemaDocument());
  });

  it('moves merged option values page by page; a failure half-way is reported, the same plan finishes it', async () => {
    const doc = (options: string[]) =>
      schemaDoc([
        {
          nameSingular: 'crate',
          namePlural: 'crates',
          labelSingular: 'Crate',
          labelPlural: 'Crates',
          fields: [
            {
              name: 'size',
              label: 'Size',
              type: 'SELECT',
              options: options.map((value, position) => ({
                label: value,
                value,
                color: 'red',
                position,
              })),
            },
          ],
        },
      ]);
    const from = doc(['SMALL', 'MEDIUM', 'LARGE']);
    const to = doc(['SMALL', 'LARGE']);
    await migrate(emptySchemaDocument(), from);
    const ids = Array.from({ length: 250 }, () => randomUUID()).sort();
    await client.rest.createMany(
      'crates',
      ids.map((id, i) => ({ id, size: i === 0 ? 'SMALL' : 'MEDIUM' })),
    );
    const plan = planChanges(
      diffSchemas(from, to, {
        objects: {},
        fields: {},
        options: { 'crate.size': { MEDIUM: 'LARGE' } },
      }),
    );
    expect(plan.steps.map((step) => [step.id, step.destructive])).toEqual([
      ['move-option-values:crate.size', true],
      ['update-field:crate.size', false],
    ]);
    proxy.schedule(
      {
        kind: 'respond',
        status: 400,
        body: { statusCode: 400, error: 'BadRequestException', messages: ['Locked'] },
      },
      (request) =>
        request.method === 'PATCH' && decodeURIComponent(request.path).includes(ids[201]!),
    );
    const first = await run(viaProxy, plan);
    expect(first.report).toEqual({
      applied: [],
      failed: {
        step: 'move-option-values:crate.size',
        error:
          'Moving the values of `size` on `crate` stopped after 200 of 249 record(s): Locked. The records moved hold their new value; the options are unchanged. Apply the plan again to move the rest.',
        code: 'BadRequestException',
        progress: { done: 200, total: 249 },
      },
      skipped: ['update-field:crate.size'],
    });
    const sizes = await readings('crates', 'size');
    expect([...sizes.values()].filter((v) => v === 'LARGE').length).toBe(200);
    const second = await run(client, plan);
    expect(second.report).toEqual({ applied: plan.steps.map((step) => step.id), skipped: [] });
    expect(second.progress.filter(([, , data]) => data)).toEqual([
      ['move-option-values:crate.size', 'running', { done: 0, total: 49 }],
      ['move-option-values:crate.size', 'running', { done: 49, total: 49 }],
    ]);
    expect(await readSchema(client)).toEqual(to);
    const after = await readings('crates', 'size');
    expect(ids.map((id) => after.get(id))).toEqual(
      ids.map((_, i) => (i === 0 ? 'SMALL' : 'LARGE')),
    );
    await migrate(to, emptySchemaDocument());
  });
});
