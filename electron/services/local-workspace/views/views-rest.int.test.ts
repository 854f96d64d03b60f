import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metadataGraphql, metadataItem, rest } from '../testing/twenty-http';
import { startWorkspaceProcess, type WorkspaceProcess } from '../testing/workspace-process';

/** Twenty's view REST controllers over real HTTP (PGlite; storage is shared with /metadata). */
describe('views on /rest/metadata', () => {
  let ws: WorkspaceProcess;
  let objectId: string;
  let stageId: string;

  beforeAll(async () => {
    ws = await startWorkspaceProcess('pglite', ['--no-demo-data']);
    const created = await rest(ws, 'POST', '/rest/metadata/objects', {
      nameSingular: 'gadget',
      namePlural: 'gadgets',
      labelSingular: 'Gadget',
      labelPlural: 'Gadgets',
      icon: 'IconBox',
    });
    objectId = metadataItem(created.body, 'createOneObject').id;
    const stage = await metadataGraphql(
      ws,
      `mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id } }`,
      {
        input: {
          field: {
            objectMetadataId: objectId,
            type: 'SELECT',
            name: 'state',
            label: 'State',
            options: [{ label: 'On', value: 'ON', color: 'green', position: 0 }],
          },
        },
      },
    );
    stageId = stage.data!.createOneField.id;
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it('lists views in the unified metadata page envelope, filtered by object', async () => {
    const response = await rest(ws, 'GET', `/rest/metadata/views?objectMetadataId=${objectId}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      data: [{ name: 'All Gadgets', key: 'INDEX', objectMetadataId: objectId }],
      pageInfo: { hasNextPage: false, hasPreviousPage: false },
      totalCount: 1,
    });
    const all = await rest(ws, 'GET', '/rest/metadata/views?limit=2');
    expect(all.body.data).toHaveLength(2);
    expect(all.body.pageInfo.hasNextPage).toBe(true);
    const fields = await rest(
      ws,
      'GET',
      `/rest/metadata/viewFields?viewId=${response.body.data[0].id}`,
    );
    // The five default columns, then the select field created after the object.
    expect(fields.body.totalCount).toBe(6);
  });

  it('creates, reads, updates and deletes a view and its children', async () => {
    const created = await rest(ws, 'POST', '/rest/metadata/views', {
      name: '  Board   view ',
      icon: 'IconLayoutKanban',
      objectMetadataId: objectId,
      type: 'KANBAN',
      mainGroupByFieldMetadataId: stageId,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Board view',
      type: 'KANBAN',
      visibility: 'WORKSPACE',
    });
    expect(created.body.viewGroups).toBeUndefined();
    const id = created.body.id as string;

    const groups = await rest(ws, 'GET', `/rest/metadata/viewGroups?viewId=${id}`);
    expect(groups.body.data.map((group: any) => group.fieldValue)).toEqual(['ON', '']);

    const sort = await rest(ws, 'POST', '/rest/metadata/viewSorts', {
      viewId: id,
      fieldMetadataId: stageId,
      direction: 'DESC',
    });
    expect(sort.status).toBe(201);
    const patchedSort = await rest(ws, 'PATCH', `/rest/metadata/viewSorts/${sort.body.id}`, {
      direction: 'ASC',
    });
    expect(patchedSort.body.direction).toBe('ASC');

    const patched = await rest(ws, 'PATCH', `/rest/metadata/views/${id}`, { name: 'Renamed' });
    expect(patched).toMatchObject({ status: 200, body: { id, name: 'Renamed' } });
    expect((await rest(ws, 'GET', `/rest/metadata/views/${id}`)).body.name).toBe('Renamed');

    const deleted = await rest(ws, 'DELETE', `/rest/metadata/views/${id}`);
    expect(deleted).toEqual({ status: 200, body: { success: true } });
    const gone = await rest(ws, 'GET', `/rest/metadata/views/${id}`);
    expect(gone).toEqual({
      status: 404,
      body: {
        statusCode: 404,
        error: 'NotFoundException',
        messages: [`View (id: ${id}) not found`],
        code: 'VIEW_NOT_FOUND',
      },
    });
  });

  it("answers errors as Twenty's view controllers do", async () => {
    const missing = '20202020-b7a4-4f8e-9c1d-2e3f4a5b6c7d';
    const patch = await rest(ws, 'PATCH', `/rest/metadata/views/${missing}`, { name: 'x' });
    expect(patch.status).toBe(404);
    expect(patch.body.messages).toEqual(['View to update not found']);
    expect((await rest(ws, 'DELETE', `/rest/metadata/viewFields/${missing}`)).status).toBe(404);

    const invalid = await rest(ws, 'POST', '/rest/metadata/views', {
      name: 'K',
      icon: 'I',
      objectMetadataId: objectId,
      type: 'KANBAN',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({
      statusCode: 400,
      error: 'METADATA_VALIDATION_ERROR',
      message: 'Multiple validation errors occurred while creating view',
      summary: { totalErrors: 1, view: 1 },
    });
    expect(invalid.body.errors.view[0].errors[0].message).toBe(
      'Kanban view must have a main group by field',
    );

    const badBody = await rest(ws, 'POST', '/rest/metadata/viewFilters', { viewId: 'x' });
    expect(badBody.status).toBe(400);
    expect((await rest(ws, 'GET', '/rest/metadata/views', undefined, null)).status).toBe(403);
  });
});
