import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metadataGraphql } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

const OBJECT_FIELDS = `id nameSingular namePlural labelSingular labelPlural description icon isActive isSystem
  isLabelSyncedWithName labelIdentifierFieldMetadataId applicationId createdAt
  fieldsList { id name type label isNullable isSystem isActive defaultValue settings relation { type targetObjectMetadata { nameSingular } targetFieldMetadata { name } } }`;

const CREATE_OBJECT = `mutation Create($input: CreateOneObjectInput!) { createOneObject(input: $input) { ${OBJECT_FIELDS} } }`;
const UPDATE_OBJECT = `mutation Update($input: UpdateOneObjectInput!) { updateOneObject(input: $input) { id nameSingular namePlural labelSingular isActive } }`;
const DELETE_OBJECT = `mutation Delete($input: DeleteOneObjectInput!) { deleteOneObject(input: $input) { id nameSingular } }`;
const LIST_OBJECTS = `query { objects(paging: { first: 1000 }) { edges { node { id nameSingular namePlural isSystem isActive } } pageInfo { hasNextPage } } }`;

const objectInput = (singular: string, plural: string, extra: Record<string, unknown> = {}) => ({
  object: {
    nameSingular: singular,
    namePlural: plural,
    labelSingular: singular.charAt(0).toUpperCase() + singular.slice(1),
    labelPlural: plural.charAt(0).toUpperCase() + plural.slice(1),
    icon: 'IconBox',
    ...extra,
  },
});

const firstError = (response: {
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
}) => response.errors?.[0];
const validationMessages = (
  response: { errors?: Array<{ message: string; extensions?: Record<string, any> }> },
  key = 'objectMetadata',
): string[] =>
  (firstError(response)?.extensions?.errors?.[key] ?? []).flatMap((entry: any) =>
    entry.errors.map((e: any) => e.message),
  );

describe.each(testEngines())('metadata API — objects (%s)', (engine) => {
  let ws: WorkspaceProcess;
  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine);
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it('lists the seeded standard objects with their fields', async () => {
    const response = await metadataGraphql(ws, LIST_OBJECTS);
    expect(response.errors).toBeUndefined();
    const names = response.data!.objects.edges.map((edge: any) => edge.node.nameSingular);
    for (const name of [
      'person',
      'company',
      'opportunity',
      'note',
      'task',
      'workspaceMember',
      'attachment',
    ])
      expect(names).toContain(name);
    expect(response.data!.objects.pageInfo.hasNextPage).toBe(false);
  });

  it('pages objects 10 at a time by default, as nestjs-query does', async () => {
    const response = await metadataGraphql(
      ws,
      `{ objects { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(response.data!.objects.edges).toHaveLength(10);
    expect(response.data!.objects.pageInfo.hasNextPage).toBe(true);
    const next = await metadataGraphql(
      ws,
      `query($after: ConnectionCursor) { objects(paging: { first: 10, after: $after }) { edges { node { id } } } }`,
      {
        after: response.data!.objects.pageInfo.endCursor,
      },
    );
    const firstIds = response.data!.objects.edges.map((e: any) => e.node.id);
    const nextIds = next.data!.objects.edges.map((e: any) => e.node.id);
    expect(nextIds.some((id: string) => firstIds.includes(id))).toBe(false);
  });

  it('creates a custom object with Twenty’s default fields and system relations', async () => {
    const response = await metadataGraphql(ws, CREATE_OBJECT, {
      input: objectInput('rocket', 'rockets', { description: 'Launch vehicles' }),
    });
    expect(response.errors).toBeUndefined();
    const object = response.data!.createOneObject;
    expect(object).toMatchObject({
      nameSingular: 'rocket',
      namePlural: 'rockets',
      labelSingular: 'Rocket',
      isActive: true,
      isSystem: false,
      isLabelSyncedWithName: false,
    });
    const byName = Object.fromEntries(object.fieldsList.map((f: any) => [f.name, f]));
    expect(Object.keys(byName)).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'createdAt',
        'updatedAt',
        'deletedAt',
        'createdBy',
        'updatedBy',
        'position',
        'searchVector',
      ]),
    );
    expect(byName.id).toMatchObject({
      type: 'UUID',
      isNullable: false,
      isSystem: true,
      defaultValue: 'uuid',
    });
    expect(byName.name).toMatchObject({ type: 'TEXT', isNullable: true });
    expect(byName.createdAt).toMatchObject({ type: 'DATE_TIME', defaultValue: 'now' });
    expect(byName.createdBy).toMatchObject({ type: 'ACTOR', isNullable: false });
    expect(object.labelIdentifierFieldMetadataId).toBe(byName.name.id);
    for (const relation of ['timelineActivities', 'attachments', 'noteTargets', 'taskTargets']) {
      expect(byName[relation]?.relation?.type).toBe('ONE_TO_MANY');
    }
    expect(byName.attachments.relation.targetFieldMetadata.name).toBe('targetRocket');
  });

  it('makes a new object visible to the next request', async () => {
    await metadataGraphql(ws, CREATE_OBJECT, { input: objectInput('satellite', 'satellites') });
    const response = await metadataGraphql(
      ws,
      `{ objects(paging:{first:1000}, filter: { isSystem: { is: false } }) { edges { node { nameSingular } } } }`,
    );
    expect(response.data!.objects.edges.map((e: any) => e.node.nameSingular)).toContain(
      'satellite',
    );
  });

  it.each([
    ['Rocket', 'rocketsA', 'Name should be in camelCase'],
    [
      '1rocket',
      'rocketsB',
      'Name is not valid: it must start with lowercase letter and contain only alphanumeric letters',
    ],
    ['a'.repeat(64), 'rocketsC', 'Name is too long'],
    [
      'role',
      'rolesX',
      'This name is reserved. Use a different name or the system will add "Custom" suffix.',
    ],
    ['gizmo', 'gizmo', 'The singular and plural names cannot be the same for an object'],
  ])('refuses nameSingular %j with Twenty’s message', async (singular, plural, message) => {
    const response = await metadataGraphql(ws, CREATE_OBJECT, {
      input: objectInput(singular, plural),
    });
    expect(response.data).toBeNull();
    expect(firstError(response)?.extensions?.code).toBe('METADATA_VALIDATION_FAILED');
    expect(validationMessages(response)).toContain(message);
  });

  it('refuses names with SQL in them before anything reaches the database', async () => {
    const response = await metadataGraphql(ws, CREATE_OBJECT, {
      input: objectInput('x"; DROP TABLE person; --', 'xs'),
    });
    expect(firstError(response)).toMatchObject({
      message: 'nameSingular has failed the name validation check',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const people = await metadataGraphql(
      ws,
      `{ objects(paging:{first:1000}) { edges { node { nameSingular } } } }`,
    );
    expect(people.data!.objects.edges.map((e: any) => e.node.nameSingular)).toContain('person');
  });

  it('refuses labels that are empty or identical, and duplicate names', async () => {
    const empty = await metadataGraphql(ws, CREATE_OBJECT, {
      // '' is refused by the DTO (BAD_USER_INPUT); whitespace only by the metadata validators.
      input: objectInput('widget', 'widgets', { labelSingular: '   ' }),
    });
    expect(validationMessages(empty)).toContain('Object label is too short');
    const same = await metadataGraphql(ws, CREATE_OBJECT, {
      input: objectInput('widget', 'widgets', { labelSingular: 'Widget', labelPlural: 'widget' }),
    });
    expect(validationMessages(same)).toContain(
      'The singular and plural labels cannot be the same for an object',
    );
    const duplicate = await metadataGraphql(ws, CREATE_OBJECT, {
      input: objectInput('person', 'persons'),
    });
    expect(
      firstError(duplicate)?.extensions?.errors?.objectMetadata?.[0]?.errors?.[0],
    ).toMatchObject({ code: 'OBJECT_ALREADY_EXISTS', message: 'Object already exists' });
  });

  it('refuses empty names at the DTO, and bad UUIDs the way Twenty’s scalar does', async () => {
    const empty = await metadataGraphql(ws, CREATE_OBJECT, {
      input: objectInput('widget', '', { labelPlural: 'Widgets' }),
    });
    expect(firstError(empty)).toMatchObject({
      message: 'namePlural has failed the name validation check, namePlural should not be empty',
      extensions: { code: 'BAD_USER_INPUT', userFriendlyMessage: 'An error occurred.' },
    });
    const list = await metadataGraphql(ws, LIST_OBJECTS);
    const person = list.data!.objects.edges.find((e: any) => e.node.nameSingular === 'person').node;
    const badUuid = await metadataGraphql(ws, UPDATE_OBJECT, {
      input: { id: person.id, update: { labelIdentifierFieldMetadataId: 'not-a-uuid' } },
    });
    expect(firstError(badUuid)).toMatchObject({
      message: 'Invalid UUID',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', value: 'not-a-uuid' },
    });
  });

  it('names every forbidden standard property present, alphabetically', async () => {
    const list = await metadataGraphql(
      ws,
      `{ objects(paging: { first: 1000 }) { edges { node { id nameSingular shortcut labelIdentifierFieldMetadataId } } } }`,
    );
    const company = list.data!.objects.edges.find(
      (e: any) => e.node.nameSingular === 'company',
    ).node;
    expect(company.shortcut).toBe('C');
    const same = await metadataGraphql(ws, UPDATE_OBJECT, {
      input: {
        id: company.id,
        update: { labelIdentifierFieldMetadataId: company.labelIdentifierFieldMetadataId },
      },
    });
    expect(firstError(same)?.message).toBe(
      'Cannot edit standard object metadata properties: labelIdentifierFieldMetadataId',
    );
    const several = await metadataGraphql(ws, UPDATE_OBJECT, {
      input: {
        id: company.id,
        update: { namePlural: 'firms', isActive: false, isLabelSyncedWithName: false },
      },
    });
    expect(firstError(several)).toMatchObject({
      message: 'Cannot edit standard object metadata properties: isLabelSyncedWithName, namePlural',
      extensions: { userFriendlyMessage: 'Invalid object input.' },
    });
  });

  it('moves the label identifier of a custom object and rebuilds its search vector', async () => {
    const created = await metadataGraphql(ws, CREATE_OBJECT, {
      input: objectInput('comet', 'comets'),
    });
    const id = created.data!.createOneObject.id;
    const field = await metadataGraphql(
      ws,
      `mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id } }`,
      {
        input: {
          field: { objectMetadataId: id, type: 'TEXT', name: 'designation', label: 'Designation' },
        },
      },
    );
    const moved = await metadataGraphql(ws, UPDATE_OBJECT, {
      input: { id, update: { labelIdentifierFieldMetadataId: field.data!.createOneField.id } },
    });
    expect(moved.errors, JSON.stringify(moved.errors)).toBeUndefined();
    const read = await metadataGraphql(
      ws,
      `query($id: UUID!) { object(id: $id) { labelIdentifierFieldMetadataId fieldsList { name settings } } }`,
      { id },
    );
    expect(read.data!.object.labelIdentifierFieldMetadataId).toBe(field.data!.createOneField.id);
    const searchVector = read.data!.object.fieldsList.find((f: any) => f.name === 'searchVector');
    expect(searchVector.settings.asExpression).toContain('designation');
    const numberField = await metadataGraphql(
      ws,
      `mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id } }`,
      {
        input: { field: { objectMetadataId: id, type: 'NUMBER', name: 'period', label: 'Period' } },
      },
    );
    const refused = await metadataGraphql(ws, UPDATE_OBJECT, {
      input: {
        id,
        update: { labelIdentifierFieldMetadataId: numberField.data!.createOneField.id },
      },
    });
    expect(firstError(refused)).toMatchObject({
      message: 'Failed to compute search vector column expression for field period',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('rejects input fields the schema does not declare', async () => {
    const response = await metadataGraphql(ws, CREATE_OBJECT, {
      input: objectInput('comet', 'comets', { isCustom: true }),
    });
    expect(firstError(response)?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('renames a custom object and keeps its data table usable', async () => {
    const created = await metadataGraphql(ws, CREATE_OBJECT, {
      input: objectInput('probe', 'probes'),
    });
    const id = created.data!.createOneObject.id;
    const renamed = await metadataGraphql(ws, UPDATE_OBJECT, {
      input: {
        id,
        update: {
          nameSingular: 'lander',
          namePlural: 'landers',
          labelSingular: 'Lander',
          labelPlural: 'Landers',
        },
      },
    });
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data!.updateOneObject).toMatchObject({
      nameSingular: 'lander',
      namePlural: 'landers',
    });
    const read = await metadataGraphql(
      ws,
      `query($id: UUID!) { object(id: $id) { nameSingular fieldsList { name } } }`,
      { id },
    );
    expect(read.data!.object.nameSingular).toBe('lander');
  });

  it('protects standard objects: no rename, no delete', async () => {
    const list = await metadataGraphql(ws, LIST_OBJECTS);
    const person = list.data!.objects.edges.find((e: any) => e.node.nameSingular === 'person').node;
    const rename = await metadataGraphql(ws, UPDATE_OBJECT, {
      input: { id: person.id, update: { namePlural: 'humans' } },
    });
    expect(firstError(rename)).toMatchObject({
      message: 'Cannot edit standard object metadata properties: namePlural',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const relabel = await metadataGraphql(ws, UPDATE_OBJECT, {
      input: { id: person.id, update: { labelPlural: 'Humans' } },
    });
    expect(relabel.errors).toBeUndefined();
    const removal = await metadataGraphql(ws, DELETE_OBJECT, { input: { id: person.id } });
    expect(validationMessages(removal)).toContain('Standard objects cannot be deleted');
  });

  it('deletes a custom object only after it is deactivated, with its relations', async () => {
    const created = await metadataGraphql(ws, CREATE_OBJECT, {
      input: objectInput('asteroid', 'asteroids'),
    });
    const id = created.data!.createOneObject.id;
    const active = await metadataGraphql(ws, DELETE_OBJECT, { input: { id } });
    expect(validationMessages(active)).toContain('Active objects cannot be deleted');
    await metadataGraphql(ws, UPDATE_OBJECT, { input: { id, update: { isActive: false } } });
    const deleted = await metadataGraphql(ws, DELETE_OBJECT, { input: { id } });
    expect(deleted.data!.deleteOneObject).toMatchObject({ id, nameSingular: 'asteroid' });
    const missing = await metadataGraphql(ws, `query($id: UUID!) { object(id: $id) { id } }`, {
      id,
    });
    expect(firstError(missing)?.extensions?.code).toBe('NOT_FOUND');
    const attachments = await metadataGraphql(
      ws,
      `{ objects(paging:{first:1000}) { edges { node { nameSingular fieldsList { name } } } } }`,
    );
    const attachment = attachments.data!.objects.edges.find(
      (e: any) => e.node.nameSingular === 'attachment',
    ).node;
    expect(attachment.fieldsList.map((f: any) => f.name)).not.toContain('targetAsteroid');
  });

  it('rejects documents over Twenty’s complexity limits', async () => {
    const duplicate = await metadataGraphql(
      ws,
      `{ a: objects { edges { node { id } } } b: objects { edges { node { id } } } }`,
    );
    expect(firstError(duplicate)).toMatchObject({
      message: 'Duplicate root resolver: "objects"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
