import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metadataGraphql, rest } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

describe.each(testEngines())('metadata REST (%s)', (engine) => {
  let ws: WorkspaceProcess;
  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine);
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it('lists objects with their fields in Twenty’s envelope, paginated by id', async () => {
    const all = await rest(ws, 'GET', '/rest/metadata/objects');
    expect(all.status).toBe(200);
    // A new workspace answers Twenty's default "new format direct" envelope: the list is `data`.
    expect(Array.isArray(all.body.data)).toBe(true);
    expect(all.body.totalCount).toBe(all.body.data.length);
    const person = all.body.data.find((o: any) => o.nameSingular === 'person');
    expect(person.fields.find((f: any) => f.name === 'emails')).toMatchObject({ type: 'EMAILS' });

    const first = await rest(ws, 'GET', '/rest/metadata/objects?limit=5');
    expect(first.body.data).toHaveLength(5);
    expect(first.body.pageInfo).toMatchObject({
      hasNextPage: true,
      endCursor: first.body.data[4].id,
    });
    const second = await rest(
      ws,
      'GET',
      `/rest/metadata/objects?limit=5&starting_after=${first.body.pageInfo.endCursor}`,
    );
    const ids = [...first.body.data, ...second.body.data].map((o: any) => o.id);
    expect(new Set(ids).size).toBe(10);
    expect([...ids].sort().reverse()).toEqual(ids);
    const both = await rest(
      ws,
      'GET',
      `/rest/metadata/objects?starting_after=${ids[0]}&ending_before=${ids[1]}`,
    );
    expect(both.status).toBe(400);
    expect(first.body.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: ids[0],
      endCursor: ids[4],
    });
    expect(second.body.pageInfo.hasPreviousPage).toBe(true);
    // Backwards from the second page's start: the first page again, in the same order.
    const back = await rest(
      ws,
      'GET',
      `/rest/metadata/objects?limit=5&ending_before=${second.body.pageInfo.startCursor}`,
    );
    expect(back.body.data.map((o: any) => o.id)).toEqual(ids.slice(0, 5));
    expect(back.body.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const malformed = await rest(ws, 'GET', '/rest/metadata/fields?starting_after=not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body.messages).toEqual(['Invalid cursor: not-a-uuid']);
    const fractional = await rest(ws, 'GET', '/rest/metadata/objects?limit=1.5');
    expect(fractional.body.messages).toEqual(["limit '1.5' is invalid. Should be an integer"]);
    const upper = await rest(ws, 'GET', `/rest/metadata/objects/${ids[2].toUpperCase()}`);
    expect(upper.status).toBe(200);
    expect(upper.body.id).toBe(ids[2]);
  });

  it('creates (201), reads, updates and deletes an object and a field', async () => {
    const created = await rest(ws, 'POST', '/rest/metadata/objects', {
      nameSingular: 'invoice',
      namePlural: 'invoices',
      labelSingular: 'Invoice',
      labelPlural: 'Invoices',
    });
    expect(created.status).toBe(201);
    const object = created.body;
    expect(object.fields.map((f: any) => f.name)).toContain('name');

    const field = await rest(ws, 'POST', '/rest/metadata/fields', {
      objectMetadataId: object.id,
      type: 'CURRENCY',
      name: 'total',
      label: 'Total',
    });
    expect(field.status).toBe(201);
    const fieldId = field.body.id;

    const one = await rest(ws, 'GET', `/rest/metadata/fields/${fieldId}`);
    expect(one.body).toMatchObject({ id: fieldId, name: 'total', type: 'CURRENCY' });

    const patched = await rest(ws, 'PATCH', `/rest/metadata/fields/${fieldId}`, {
      label: 'Grand total',
    });
    expect(patched.status).toBe(200);
    expect(patched.body.label).toBe('Grand total');

    const put = await rest(ws, 'PUT', `/rest/metadata/objects/${object.id}`, {
      labelPlural: 'All invoices',
    });
    expect(put.body.labelPlural).toBe('All invoices');

    const deletedField = await rest(ws, 'DELETE', `/rest/metadata/fields/${fieldId}`);
    expect(deletedField.body.id).toBe(fieldId);

    await rest(ws, 'PATCH', `/rest/metadata/objects/${object.id}`, { isActive: false });
    const deleted = await rest(ws, 'DELETE', `/rest/metadata/objects/${object.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: object.id, nameSingular: 'invoice' });
    expect(deleted.body.fields).toBeUndefined();
  });

  it('answers bad input with Twenty’s statuses', async () => {
    const unknownObject = await rest(
      ws,
      'GET',
      '/rest/metadata/objects/1b4e28ba-2fa1-41d2-883f-0016d3cca427',
    );
    expect(unknownObject.status).toBe(404);
    const unknownField = await rest(
      ws,
      'PATCH',
      '/rest/metadata/fields/1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      { label: 'x' },
    );
    expect(unknownField.status).toBe(400);
    const notUuid = await rest(ws, 'GET', '/rest/metadata/objects/not-a-uuid');
    expect(notUuid.status).toBe(400);
    const malformed = await rest(ws, 'POST', '/rest/metadata/objects', '{"nameSingular": ');
    expect(malformed.status).toBe(400);
    const wrongType = await rest(ws, 'POST', '/rest/metadata/objects', {
      nameSingular: 42,
      namePlural: 'xs',
      labelSingular: 'X',
      labelPlural: 'Xs',
    });
    expect(wrongType.status).toBe(400);
    const invalid = await rest(ws, 'POST', '/rest/metadata/objects', {
      nameSingular: 'Bad Name',
      namePlural: 'badNames',
      labelSingular: 'B',
      labelPlural: 'Bs',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ statusCode: 400, error: 'METADATA_VALIDATION_ERROR' });
    expect(invalid.body.errors.objectMetadata[0].errors.map((e: any) => e.message)).toContain(
      'Name should be in camelCase',
    );
    const unknownRoute = await rest(ws, 'GET', '/rest/metadata/widgets');
    expect(unknownRoute.status).toBe(404);
    const oversized = await rest(
      ws,
      'POST',
      '/rest/metadata/objects',
      JSON.stringify({ description: 'x'.repeat(11 * 1024 * 1024) }),
    );
    expect(oversized.status).toBe(413);
  });
});

/** `--feature-flag IS_REST_METADATA_API_NEW_FORMAT_DIRECT=false`: Twenty's legacy envelopes. */
describe('metadata REST, legacy envelope (flag off)', () => {
  let ws: WorkspaceProcess;
  beforeAll(async () => {
    ws = await startWorkspaceProcess('pglite', [
      '--no-demo-data',
      '--feature-flag',
      'IS_REST_METADATA_API_NEW_FORMAT_DIRECT=false',
    ]);
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it('wraps lists and items in their keys', async () => {
    const list = await rest(ws, 'GET', '/rest/metadata/objects?limit=2');
    expect(list.body.data.objects).toHaveLength(2);
    expect(list.body.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const one = await rest(ws, 'GET', `/rest/metadata/objects/${list.body.data.objects[0].id}`);
    expect(one.body.data.object.id).toBe(list.body.data.objects[0].id);
    const created = await rest(ws, 'POST', '/rest/metadata/objects', {
      nameSingular: 'receipt',
      namePlural: 'receipts',
      labelSingular: 'Receipt',
      labelPlural: 'Receipts',
    });
    expect(created.status).toBe(201);
    const id = created.body.data.createOneObject.id;
    const updated = await rest(ws, 'PATCH', `/rest/metadata/objects/${id}`, { isActive: false });
    expect(updated.body.data.updateOneObject.isActive).toBe(false);
    const deleted = await rest(ws, 'DELETE', `/rest/metadata/objects/${id}`);
    expect(deleted.body.data.deleteOneObject.id).toBe(id);
    const flags = await metadataGraphql(ws, '{ currentWorkspace { featureFlags { key value } } }');
    expect(flags.data!.currentWorkspace.featureFlags).toContainEqual({
      key: 'IS_REST_METADATA_API_NEW_FORMAT_DIRECT',
      value: false,
    });
  });
});
