import { MetadataApiClient } from 'twenty-client-sdk/metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metadataGraphql } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

/** Views as Twenty 2.x serves them on /metadata: provisioning, rules, cascades (real HTTP). */
const VIEW = `id name key type icon position isCustom objectMetadataId mainGroupByFieldMetadataId
  kanbanAggregateOperation kanbanAggregateOperationFieldMetadataId calendarFieldMetadataId calendarEndFieldMetadataId
  viewFields { id fieldMetadataId position size isVisible }
  viewFilters { id fieldMetadataId operand value }
  viewSorts { id fieldMetadataId direction }
  viewGroups { id fieldValue position isVisible }`;

type Gql = { data: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };

describe.each(testEngines())('views on /metadata (%s)', (engine) => {
  let ws: WorkspaceProcess;
  const gql = (query: string, variables?: Record<string, unknown>) =>
    metadataGraphql(ws, query, variables) as Promise<Gql>;
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const response = await gql(query, variables);
    expect(response.errors).toBeUndefined();
    return response.data;
  };
  const validationMessages = (response: Gql, key: string): string[] =>
    (response.errors?.[0]?.extensions?.errors?.[key] ?? []).flatMap((entry: any) =>
      entry.errors.map((error: any) => error.message),
    );

  const createObject = async (singular: string) => {
    const plural = `${singular}s`;
    const data = await ok(
      `mutation($input: CreateOneObjectInput!) { createOneObject(input: $input) { id labelIdentifierFieldMetadataId fieldsList { id name } } }`,
      {
        input: {
          object: {
            nameSingular: singular,
            namePlural: plural,
            labelSingular: singular[0]!.toUpperCase() + singular.slice(1),
            labelPlural: plural[0]!.toUpperCase() + plural.slice(1),
            icon: 'IconBox',
          },
        },
      },
    );
    return data.createOneObject as {
      id: string;
      labelIdentifierFieldMetadataId: string;
      fieldsList: Array<{ id: string; name: string }>;
    };
  };
  const createField = async (objectMetadataId: string, field: Record<string, unknown>) =>
    (
      await ok(
        `mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id name options } }`,
        { input: { field: { objectMetadataId, ...field } } },
      )
    ).createOneField as { id: string; name: string; options: Array<{ id: string; value: string }> };
  const stageField = (objectMetadataId: string) =>
    createField(objectMetadataId, {
      type: 'SELECT',
      name: 'stage',
      label: 'Stage',
      options: [
        { label: 'New', value: 'NEW', color: 'green', position: 0 },
        { label: 'Won', value: 'WON', color: 'blue', position: 1 },
      ],
    });
  const viewsOf = async (objectMetadataId: string) =>
    (
      await ok(`query($id: String) { getViews(objectMetadataId: $id) { ${VIEW} } }`, {
        id: objectMetadataId,
      })
    ).getViews as any[];
  const createView = (input: Record<string, unknown>) =>
    gql(`mutation($input: CreateViewInput!) { createView(input: $input) { ${VIEW} } }`, { input });
  const getView = async (id: string) =>
    (await ok(`query($id: String!) { getView(id: $id) { ${VIEW} } }`, { id })).getView;

  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine, ['--no-demo-data']);
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it('gives a new custom object its INDEX view "All <plural>" with its five default fields', async () => {
    const rocket = await createObject('rocket');
    const [view, ...others] = await viewsOf(rocket.id);
    expect(others).toHaveLength(0);
    expect(view).toMatchObject({
      name: 'All Rockets',
      key: 'INDEX',
      type: 'TABLE',
      icon: 'IconList',
      position: 0,
      isCustom: true,
    });
    const names = new Map(rocket.fieldsList.map((field) => [field.id, field.name]));
    expect(view.viewFields.map((row: any) => names.get(row.fieldMetadataId))).toEqual([
      'name',
      'createdAt',
      'updatedAt',
      'createdBy',
      'updatedBy',
    ]);
    expect(view.viewFields[0]).toMatchObject({ position: 0, size: 180, isVisible: true });
    // The name follows the object's label.
    await ok(`mutation($input: UpdateOneObjectInput!) { updateOneObject(input: $input) { id } }`, {
      input: { id: rocket.id, update: { labelPlural: 'Spaceships' } },
    });
    expect((await getView(view.id)).name).toBe('All Spaceships');
  });

  it('serves the INDEX views of standard objects with Twenty 2.43 columns', async () => {
    const objects = await ok(
      `{ objects(paging: { first: 1000 }) { edges { node { id nameSingular fieldsList { id name } } } } }`,
    );
    const company = objects.objects.edges.find((e: any) => e.node.nameSingular === 'company').node;
    const [view] = await viewsOf(company.id);
    const names = new Map(company.fieldsList.map((field: any) => [field.id, field.name]));
    expect(view.name).toBe('All Companies');
    expect(view.viewFields.map((row: any) => names.get(row.fieldMetadataId))).toEqual([
      'name',
      'domainName',
      'createdBy',
      'accountOwner',
      'createdAt',
      'linkedinLink',
      'address',
    ]);
    const tables = await ok(`{ getViews(viewTypes: [KANBAN]) { id } }`);
    expect(tables.getViews).toEqual([]);
  });

  it('appends a field created later to the INDEX view', async () => {
    const probe = await createObject('probe');
    const field = await createField(probe.id, { type: 'NUMBER', name: 'mass', label: 'Mass' });
    const [view] = await viewsOf(probe.id);
    expect(view.viewFields.at(-1)).toMatchObject({ fieldMetadataId: field.id, position: 5 });
  });

  it('creates kanban views with one group per option, and refuses bad group-by fields', async () => {
    const deal = await createObject('deal');
    const stage = await stageField(deal.id);
    const text = await createField(deal.id, { type: 'TEXT', name: 'note', label: 'Note' });
    const kanban = await createView({
      name: 'By stage',
      icon: 'IconLayoutKanban',
      objectMetadataId: deal.id,
      type: 'KANBAN',
      mainGroupByFieldMetadataId: stage.id,
    });
    expect(kanban.errors).toBeUndefined();
    expect(kanban.data.createView.viewGroups.map((group: any) => group.fieldValue)).toEqual([
      'NEW',
      'WON',
      '',
    ]);
    expect(kanban.data.createView).toMatchObject({ position: 0, isCustom: true, key: null });

    const noGroup = await createView({
      name: 'K',
      icon: 'I',
      objectMetadataId: deal.id,
      type: 'KANBAN',
    });
    expect(noGroup.errors?.[0]?.extensions?.code).toBe('METADATA_VALIDATION_FAILED');
    expect(noGroup.errors?.[0]?.message).toBe(
      'Multiple validation errors occurred while creating view',
    );
    expect(validationMessages(noGroup, 'view')).toEqual([
      'Kanban view must have a main group by field',
    ]);
    const onText = await createView({
      name: 'K',
      icon: 'I',
      objectMetadataId: deal.id,
      type: 'KANBAN',
      mainGroupByFieldMetadataId: text.id,
    });
    expect(validationMessages(onText, 'view')).toEqual([
      'Kanban main group by field must be a SELECT field',
    ]);
    const nowhere = await createView({
      name: 'X',
      icon: 'I',
      objectMetadataId: '20202020-0000-4000-8000-000000000000',
    });
    expect(validationMessages(nowhere, 'view')).toEqual(['Object metadata not found']);
  });

  it('keeps the label identifier column first, visible and undeletable', async () => {
    const ship = await createObject('ship');
    const [view] = await viewsOf(ship.id);
    const labelRow = view.viewFields.find(
      (row: any) => row.fieldMetadataId === ship.labelIdentifierFieldMetadataId,
    );
    const hide = await gql(
      `mutation($input: UpdateViewFieldInput!) { updateViewField(input: $input) { id } }`,
      { input: { id: labelRow.id, update: { isVisible: false } } },
    );
    expect(validationMessages(hide, 'viewField')).toEqual([
      'Label identifier view field has to be visible',
    ]);
    const remove = await gql(
      `mutation($input: DestroyViewFieldInput!) { destroyViewField(input: $input) { id } }`,
      { input: { id: labelRow.id } },
    );
    expect(validationMessages(remove, 'viewField')).toEqual([
      'Label identifier view field cannot be deleted',
    ]);
    const hull = await createField(ship.id, { type: 'TEXT', name: 'hull', label: 'Hull' });
    const duplicate = await gql(
      `mutation($input: CreateViewFieldInput!) { createViewField(input: $input) { id } }`,
      { input: { viewId: view.id, fieldMetadataId: hull.id, position: 9 } },
    );
    expect(validationMessages(duplicate, 'viewField')).toEqual([
      'View field with same fieldMetadataUniversalIdentifier and viewUniversalIdentifier already exists',
    ]);
    const missing = await gql(
      `mutation($input: UpdateViewFieldInput!) { updateViewField(input: $input) { id } }`,
      { input: { id: '20202020-0000-4000-8000-000000000001', update: { size: 3 } } },
    );
    expect(missing.errors?.[0]).toMatchObject({
      message: 'View field to update not found',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('validates select filter values and soft-deletes views', async () => {
    const lead = await createObject('lead');
    const stage = await stageField(lead.id);
    const table = (
      await createView({ name: 'Open leads', icon: 'IconList', objectMetadataId: lead.id })
    ).data.createView;
    const bad = await gql(
      `mutation($input: CreateViewFilterInput!) { createViewFilter(input: $input) { id } }`,
      { input: { viewId: table.id, fieldMetadataId: stage.id, operand: 'IS', value: ['LOST'] } },
    );
    expect(validationMessages(bad, 'viewFilter')).toEqual([
      'Filter on "Stage" uses option(s) LOST that do not exist. Allowed values: NEW, WON.',
    ]);
    const deleted = await ok(`mutation($id: String!) { deleteView(id: $id) }`, { id: table.id });
    expect(deleted.deleteView).toBe(true);
    expect(await getView(table.id)).toBeNull();
    expect((await viewsOf(lead.id)).map((view) => view.id)).not.toContain(table.id);
    const [index] = await viewsOf(lead.id);
    const lastOne = await gql(`mutation($id: String!) { destroyView(id: $id) }`, { id: index.id });
    // The soft-deleted view still counts, so the INDEX view is not the only one.
    expect(lastOne.errors).toBeUndefined();
    const only = await gql(`mutation($id: String!) { destroyView(id: $id) }`, { id: table.id });
    expect(validationMessages(only, 'view')).toEqual([
      'Cannot delete the only view for this object',
    ]);
  });

  it('cascades field deactivation, option changes, field and object deletion to views', async () => {
    const job = await createObject('errand');
    const stage = await stageField(job.id);
    const cost = await createField(job.id, { type: 'NUMBER', name: 'cost', label: 'Cost' });
    const due = await createField(job.id, { type: 'DATE_TIME', name: 'due', label: 'Due' });
    const [index] = await viewsOf(job.id);
    const kanban = (
      await createView({
        name: 'Board',
        icon: 'IconLayoutKanban',
        objectMetadataId: job.id,
        type: 'KANBAN',
        mainGroupByFieldMetadataId: stage.id,
        kanbanAggregateOperation: 'SUM',
        kanbanAggregateOperationFieldMetadataId: cost.id,
      })
    ).data.createView;
    const calendar = (
      await createView({
        name: 'Agenda',
        icon: 'IconCalendar',
        objectMetadataId: job.id,
        type: 'CALENDAR',
        calendarLayout: 'MONTH',
        calendarFieldMetadataId: due.id,
      })
    ).data.createView;
    const filter = (
      await ok(
        `mutation($input: CreateViewFilterInput!) { createViewFilter(input: $input) { id } }`,
        {
          input: {
            viewId: index.id,
            fieldMetadataId: stage.id,
            operand: 'IS',
            value: ['NEW', 'WON'],
          },
        },
      )
    ).createViewFilter;
    await ok(`mutation($input: CreateViewSortInput!) { createViewSort(input: $input) { id } }`, {
      input: { viewId: index.id, fieldMetadataId: cost.id, direction: 'DESC' },
    });

    // Option WON renamed to DONE (same id), NEW removed, LATE added.
    const [newOption, wonOption] = stage.options;
    await ok(
      `mutation($input: UpdateOneFieldMetadataInput!) { updateOneField(input: $input) { id } }`,
      {
        input: {
          id: stage.id,
          update: {
            options: [
              { id: wonOption!.id, label: 'Done', value: 'DONE', color: 'blue', position: 0 },
              { label: 'Late', value: 'LATE', color: 'red', position: 1 },
            ],
          },
        },
      },
    );
    expect(newOption).toBeDefined();
    const board = await getView(kanban.id);
    expect(board.viewGroups.map((group: any) => group.fieldValue)).toEqual(['DONE', '', 'LATE']);
    const afterOptions = await getView(index.id);
    expect(afterOptions.viewFilters).toEqual([
      expect.objectContaining({ id: filter.id, value: ['DONE'] }),
    ]);

    // Deactivating cost resets the kanban aggregate; its column leaves the INDEX view; sorts stay.
    await ok(
      `mutation($input: UpdateOneFieldMetadataInput!) { updateOneField(input: $input) { id } }`,
      {
        input: { id: cost.id, update: { isActive: false } },
      },
    );
    expect(await getView(kanban.id)).toMatchObject({
      kanbanAggregateOperation: null,
      kanbanAggregateOperationFieldMetadataId: null,
    });
    const afterDeactivation = await getView(index.id);
    expect(afterDeactivation.viewFields.map((row: any) => row.fieldMetadataId)).not.toContain(
      cost.id,
    );
    expect(afterDeactivation.viewSorts).toHaveLength(1);

    // Deactivating the group-by and calendar fields deletes the views built on them.
    for (const id of [stage.id, due.id])
      await ok(
        `mutation($input: UpdateOneFieldMetadataInput!) { updateOneField(input: $input) { id } }`,
        {
          input: { id, update: { isActive: false } },
        },
      );
    expect(await getView(kanban.id)).toBeNull();
    expect(await getView(calendar.id)).toBeNull();
    expect((await getView(index.id)).viewFilters).toEqual([]);

    // Deleting cost takes its sort; deleting the object takes every view.
    await ok(`mutation($input: DeleteOneFieldInput!) { deleteOneField(input: $input) { id } }`, {
      input: { id: cost.id },
    });
    expect((await getView(index.id)).viewSorts).toEqual([]);
    await ok(`mutation($input: UpdateOneObjectInput!) { updateOneObject(input: $input) { id } }`, {
      input: { id: job.id, update: { isActive: false } },
    });
    await ok(`mutation($input: DeleteOneObjectInput!) { deleteOneObject(input: $input) { id } }`, {
      input: { id: job.id },
    });
    expect(await viewsOf(job.id)).toEqual([]);
    expect((await ok(`{ getViewFields(viewId: "${index.id}") { id } }`)).getViewFields).toEqual([]);
  });

  it("leaves the data model's version alone and works through twenty-client-sdk", async () => {
    const version = async () =>
      (await ok(`{ currentWorkspace { metadataVersion } }`)).currentWorkspace.metadataVersion;
    const client = new MetadataApiClient({
      url: `${ws.url}/metadata`,
      headers: { Authorization: `Bearer ${ws.apiKey}` },
    });
    const task = await createObject('chore');
    const before = await version();
    const { createView: created } = await client.mutation({
      createView: {
        __args: {
          input: { name: 'Mine', icon: 'IconUser', objectMetadataId: task.id, position: 2 },
        },
        id: true,
        name: true,
        visibility: true,
        groupLoadLimit: true,
      },
    });
    expect(created).toMatchObject({ name: 'Mine', visibility: 'WORKSPACE', groupLoadLimit: 8 });
    const { getViews } = await client.query({
      getViews: { __args: { objectMetadataId: task.id }, name: true, position: true },
    });
    expect(getViews).toEqual([
      { name: 'All Chores', position: 0 },
      { name: 'Mine', position: 2 },
    ]);
    expect(await version()).toBe(before);
  });
});
