import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metadataGraphql } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

const FIELD_SELECTION = `id name label type isNullable isUnique isActive defaultValue options settings objectMetadataId
  relation { type sourceObjectMetadata { nameSingular } targetObjectMetadata { nameSingular } sourceFieldMetadata { name } targetFieldMetadata { name } }`;
const CREATE_FIELD = `mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { ${FIELD_SELECTION} } }`;
const UPDATE_FIELD = `mutation($input: UpdateOneFieldMetadataInput!) { updateOneField(input: $input) { ${FIELD_SELECTION} } }`;
const DELETE_FIELD = `mutation($input: DeleteOneFieldInput!) { deleteOneField(input: $input) { id name } }`;
const OBJECT_FIELDS = `query($id: UUID!) { object(id: $id) { nameSingular fieldsList { ${FIELD_SELECTION} } } }`;

const errorMessages = (response: any): string[] => {
  const error = response.errors?.[0];
  if (!error) return [];
  const nested = Object.values(error.extensions?.errors ?? {}).flatMap((list: any) =>
    list.flatMap((entry: any) => entry.errors.map((e: any) => e.message)),
  );
  return [error.message, ...nested];
};

/** One entry per field type Twenty lets a user create, with settings/defaults/options as Twenty stores them. */
const CREATABLE: Array<{
  type: string;
  name: string;
  extra?: Record<string, unknown>;
  check?: (field: any) => void;
}> = [
  {
    type: 'TEXT',
    name: 'codename',
    extra: { defaultValue: "'Apollo'", settings: { displayedMaxRows: 2 } },
    check: (f) => expect(f.defaultValue).toBe("'Apollo'"),
  },
  {
    type: 'NUMBER',
    name: 'thrust',
    extra: { defaultValue: 12.5, settings: { decimals: 1, type: 'number' } },
    check: (f) => expect(f.settings).toMatchObject({ decimals: 1 }),
  },
  { type: 'BOOLEAN', name: 'isReusable', extra: { defaultValue: false, isNullable: false } },
  { type: 'DATE', name: 'launchDay' },
  {
    type: 'DATE_TIME',
    name: 'launchAt',
    extra: { defaultValue: 'now', settings: { displayFormat: 'RELATIVE' } },
  },
  {
    type: 'SELECT',
    name: 'stage',
    extra: {
      options: [
        { label: 'Design', value: 'DESIGN', color: 'blue', position: 0 },
        { label: 'Built', value: 'BUILT', color: 'green', position: 1 },
      ],
      defaultValue: "'DESIGN'",
    },
    check: (f) => {
      expect(f.options).toHaveLength(2);
      for (const option of f.options) expect(option.id).toMatch(/^[0-9a-f-]{36}$/);
    },
  },
  {
    type: 'MULTI_SELECT',
    name: 'payloads',
    extra: {
      options: [
        { label: 'Crew', value: 'CREW', color: 'red', position: 0 },
        { label: 'Cargo', value: 'CARGO', color: 'amber', position: 1 },
      ],
      defaultValue: ["'CARGO'"],
    },
  },
  {
    type: 'RATING',
    name: 'score',
    extra: { options: [{ label: 'x', value: 'X', position: 0 }] },
    check: (f) =>
      expect(f.options.map((o: any) => o.value)).toEqual([
        'RATING_1',
        'RATING_2',
        'RATING_3',
        'RATING_4',
        'RATING_5',
      ]),
  },
  {
    type: 'CURRENCY',
    name: 'budget',
    extra: { defaultValue: { amountMicros: null, currencyCode: "'USD'" } },
  },
  { type: 'EMAILS', name: 'contactEmails', extra: { isUnique: true } },
  { type: 'PHONES', name: 'hotline' },
  { type: 'LINKS', name: 'website' },
  { type: 'FULL_NAME', name: 'commander' },
  { type: 'ADDRESS', name: 'launchSite' },
  { type: 'ACTOR', name: 'approvedBy' },
  { type: 'RAW_JSON', name: 'telemetry', extra: { defaultValue: { stages: 2 } } },
  { type: 'ARRAY', name: 'tags' },
  { type: 'RICH_TEXT', name: 'briefing' },
  { type: 'FILES', name: 'blueprints', extra: { settings: { maxNumberOfValues: 3 } } },
  { type: 'UUID', name: 'externalRef', extra: { isUnique: true } },
];

describe.each(testEngines())('metadata API — fields (%s)', (engine) => {
  let ws: WorkspaceProcess;
  let rocketId: string;
  let personId: string;
  const fieldIds: Record<string, string> = {};

  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine);
    const created = await metadataGraphql(
      ws,
      `mutation($input: CreateOneObjectInput!) { createOneObject(input: $input) { id } }`,
      {
        input: {
          object: {
            nameSingular: 'rocket',
            namePlural: 'rockets',
            labelSingular: 'Rocket',
            labelPlural: 'Rockets',
          },
        },
      },
    );
    rocketId = created.data!.createOneObject.id;
    const objects = await metadataGraphql(
      ws,
      `{ objects(paging:{first:1000}) { edges { node { id nameSingular } } } }`,
    );
    personId = objects.data!.objects.edges.find((e: any) => e.node.nameSingular === 'person').node
      .id;
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it.each(CREATABLE)(
    'creates, reads back, updates and deletes a $type field',
    async ({ type, name, extra, check }) => {
      const created = await metadataGraphql(ws, CREATE_FIELD, {
        input: { field: { objectMetadataId: rocketId, type, name, label: `My ${name}`, ...extra } },
      });
      expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
      const field = created.data!.createOneField;
      expect(field).toMatchObject({
        name,
        type,
        label: `My ${name}`,
        objectMetadataId: rocketId,
        isActive: true,
      });
      check?.(field);
      fieldIds[name] = field.id;

      const read = await metadataGraphql(
        ws,
        `query($id: UUID!) { field(id: $id) { ${FIELD_SELECTION} } }`,
        { id: field.id },
      );
      expect(read.data!.field).toEqual(field);

      const updated = await metadataGraphql(ws, UPDATE_FIELD, {
        input: { id: field.id, update: { label: `Renamed ${name}`, description: 'Updated' } },
      });
      expect(updated.errors).toBeUndefined();
      expect(updated.data!.updateOneField.label).toBe(`Renamed ${name}`);
    },
  );

  it('deletes custom fields and their columns', async () => {
    for (const name of ['tags', 'briefing']) {
      const deleted = await metadataGraphql(ws, DELETE_FIELD, { input: { id: fieldIds[name] } });
      expect(deleted.errors).toBeUndefined();
      expect(deleted.data!.deleteOneField.name).toBe(name);
    }
    const object = await metadataGraphql(ws, OBJECT_FIELDS, { id: rocketId });
    const names = object.data!.object.fieldsList.map((f: any) => f.name);
    expect(names).not.toContain('tags');
    expect(names).toContain('codename');
    // The name is free again once the field (and its column) are gone.
    const recreated = await metadataGraphql(ws, CREATE_FIELD, {
      input: { field: { objectMetadataId: rocketId, type: 'TEXT', name: 'tags', label: 'Tags' } },
    });
    expect(recreated.errors).toBeUndefined();
  });

  it.each([
    ['NUMERIC', 'Field type NUMERIC is not supported for field creation. Use NUMBER instead.'],
    ['POSITION', 'Field type POSITION is a system type and cannot be created manually.'],
    ['TS_VECTOR', 'TS Vector is not supported for field creation'],
  ])('refuses to create %s fields', async (type, message) => {
    const response = await metadataGraphql(ws, CREATE_FIELD, {
      input: {
        field: {
          objectMetadataId: rocketId,
          type,
          name: `bad${type.toLowerCase().replace('_', '')}`,
          label: 'Bad',
        },
      },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('METADATA_VALIDATION_FAILED');
    expect(errorMessages(response)).toContain(message);
  });

  it('enforces name availability, including join and composite columns', async () => {
    const taken = await metadataGraphql(ws, CREATE_FIELD, {
      input: {
        field: { objectMetadataId: rocketId, type: 'TEXT', name: 'codename', label: 'Again' },
      },
    });
    expect(errorMessages(taken)).toContain(
      'Name "codename" is not available as it is already used by another field',
    );
    const composite = await metadataGraphql(ws, CREATE_FIELD, {
      input: {
        field: {
          objectMetadataId: rocketId,
          type: 'TEXT',
          name: 'budgetAmountMicros',
          label: 'Clash',
        },
      },
    });
    expect(errorMessages(composite)).toContain(
      'Name "budgetAmountMicros" is reserved composite field name',
    );
    const badCase = await metadataGraphql(ws, CREATE_FIELD, {
      input: {
        field: { objectMetadataId: rocketId, type: 'TEXT', name: 'Bad_Name', label: 'Bad' },
      },
    });
    expect(errorMessages(badCase)).toContain('Name should be in camelCase');
  });

  it('validates select options and defaults with Twenty’s messages', async () => {
    const base = { objectMetadataId: rocketId, type: 'SELECT', name: 'phase', label: 'Phase' };
    const none = await metadataGraphql(ws, CREATE_FIELD, {
      input: { field: { ...base, options: [] } },
    });
    expect(errorMessages(none)).toContain('Options are required for enum fields');
    const lower = await metadataGraphql(ws, CREATE_FIELD, {
      input: {
        field: { ...base, options: [{ label: 'One', value: 'one', color: 'red', position: 0 }] },
      },
    });
    expect(errorMessages(lower)).toContain(
      'Value must be in UPPER_CASE and follow snake_case "one"',
    );
    const dup = await metadataGraphql(ws, CREATE_FIELD, {
      input: {
        field: {
          ...base,
          options: [
            { label: 'A', value: 'A', color: 'red', position: 0 },
            { label: 'B', value: 'A', color: 'red', position: 1 },
          ],
        },
      },
    });
    expect(errorMessages(dup)).toContain('Duplicated option value');
    const color = await metadataGraphql(ws, CREATE_FIELD, {
      input: {
        field: { ...base, options: [{ label: 'A', value: 'A', color: 'chartreuse', position: 0 }] },
      },
    });
    expect(errorMessages(color)).toContain('Option color must be a supported color');
    const unquoted = await metadataGraphql(ws, CREATE_FIELD, {
      input: {
        field: {
          objectMetadataId: rocketId,
          type: 'TEXT',
          name: 'motto',
          label: 'Motto',
          defaultValue: 'plain',
        },
      },
    });
    expect(errorMessages(unquoted)).toContain('Default value should be as quoted string');
  });

  it('renames and reorders select options, keeping ids', async () => {
    const read = await metadataGraphql(ws, `query($id: UUID!) { field(id: $id) { options } }`, {
      id: fieldIds.stage,
    });
    const [design, built] = read.data!.field.options;
    const update = await metadataGraphql(ws, UPDATE_FIELD, {
      input: {
        id: fieldIds.stage,
        update: {
          options: [
            { ...built, position: 0 },
            { ...design, value: 'DRAFT', label: 'Draft', position: 1 },
          ],
          defaultValue: "'DRAFT'",
        },
      },
    });
    expect(update.errors, JSON.stringify(update.errors)).toBeUndefined();
    expect(update.data!.updateOneField.options.map((o: any) => [o.id, o.value])).toEqual([
      [built.id, 'BUILT'],
      [design.id, 'DRAFT'],
    ]);
  });

  it('creates a MANY_TO_ONE relation with its inverse and join column', async () => {
    const created = await metadataGraphql(ws, CREATE_FIELD, {
      input: {
        field: {
          objectMetadataId: rocketId,
          type: 'RELATION',
          name: 'pilot',
          label: 'Pilot',
          relationCreationPayload: {
            type: 'MANY_TO_ONE',
            targetObjectMetadataId: personId,
            targetFieldLabel: 'Piloted rockets',
            targetFieldIcon: 'IconRocket',
          },
        },
      },
    });
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const field = created.data!.createOneField;
    expect(field.settings).toMatchObject({
      relationType: 'MANY_TO_ONE',
      onDelete: 'SET_NULL',
      joinColumnName: 'pilotId',
    });
    expect(field.relation).toMatchObject({
      type: 'MANY_TO_ONE',
      sourceObjectMetadata: { nameSingular: 'rocket' },
      targetObjectMetadata: { nameSingular: 'person' },
      targetFieldMetadata: { name: 'pilotedRockets' },
    });
    const person = await metadataGraphql(ws, OBJECT_FIELDS, { id: personId });
    const inverse = person.data!.object.fieldsList.find((f: any) => f.name === 'pilotedRockets');
    expect(inverse).toMatchObject({
      type: 'RELATION',
      label: 'Piloted rockets',
      settings: { relationType: 'ONE_TO_MANY' },
    });
    expect(inverse.relation).toMatchObject({
      type: 'ONE_TO_MANY',
      targetObjectMetadata: { nameSingular: 'rocket' },
      targetFieldMetadata: { name: 'pilot' },
    });
    // The join column name is taken now.
    const clash = await metadataGraphql(ws, CREATE_FIELD, {
      input: {
        field: { objectMetadataId: rocketId, type: 'TEXT', name: 'pilotId', label: 'Pilot id' },
      },
    });
    expect(errorMessages(clash)).toContain(
      'Name "pilotId" is not available as it is already used by another join column name',
    );
    fieldIds.pilot = field.id;
  });

  it('creates a ONE_TO_MANY relation from the other side', async () => {
    const created = await metadataGraphql(ws, CREATE_FIELD, {
      input: {
        field: {
          objectMetadataId: personId,
          type: 'RELATION',
          name: 'designedRockets',
          label: 'Designed rockets',
          relationCreationPayload: {
            type: 'ONE_TO_MANY',
            targetObjectMetadataId: rocketId,
            targetFieldLabel: 'Designer',
            targetFieldIcon: 'IconUser',
          },
        },
      },
    });
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const rocket = await metadataGraphql(ws, OBJECT_FIELDS, { id: rocketId });
    const designer = rocket.data!.object.fieldsList.find((f: any) => f.name === 'designer');
    expect(designer.settings).toMatchObject({
      relationType: 'MANY_TO_ONE',
      joinColumnName: 'designerId',
    });
  });

  it('refuses malformed relation payloads and forbidden relation updates', async () => {
    const malformed = await metadataGraphql(ws, CREATE_FIELD, {
      input: {
        field: {
          objectMetadataId: rocketId,
          type: 'RELATION',
          name: 'crew',
          label: 'Crew',
          relationCreationPayload: { type: 'MANY_TO_ONE' },
        },
      },
    });
    expect(errorMessages(malformed)).toContain('Relation creation payload is invalid');
    const forbidden = await metadataGraphql(ws, UPDATE_FIELD, {
      input: { id: fieldIds.pilot, update: { isUnique: true } },
    });
    expect(forbidden.errors?.[0]).toMatchObject({
      message: 'Forbidden updated properties for relation field metadata: isUnique',
      extensions: { code: 'FORBIDDEN' },
    });
    const onDelete = await metadataGraphql(ws, UPDATE_FIELD, {
      input: { id: fieldIds.pilot, update: { settings: { onDelete: 'CASCADE' } } },
    });
    expect(onDelete.errors, JSON.stringify(onDelete.errors)).toBeUndefined();
    expect(onDelete.data!.updateOneField.settings).toMatchObject({
      onDelete: 'CASCADE',
      relationType: 'MANY_TO_ONE',
      joinColumnName: 'pilotId',
    });
  });

  it('deletes both sides of a relation together', async () => {
    const deleted = await metadataGraphql(ws, DELETE_FIELD, { input: { id: fieldIds.pilot } });
    expect(deleted.errors).toBeUndefined();
    const person = await metadataGraphql(ws, OBJECT_FIELDS, { id: personId });
    expect(person.data!.object.fieldsList.map((f: any) => f.name)).not.toContain('pilotedRockets');
  });

  it('creates a many-to-many through a junction object', async () => {
    const junction = await metadataGraphql(
      ws,
      `mutation($input: CreateOneObjectInput!) { createOneObject(input: $input) { id } }`,
      {
        input: {
          object: {
            nameSingular: 'crewAssignment',
            namePlural: 'crewAssignments',
            labelSingular: 'Crew assignment',
            labelPlural: 'Crew assignments',
          },
        },
      },
    );
    const junctionId = junction.data!.createOneObject.id;
    for (const [name, target, inverseLabel] of [
      ['rocket', rocketId, 'Crew assignments'],
      ['astronaut', personId, 'Rocket assignments'],
    ] as const) {
      const side = await metadataGraphql(ws, CREATE_FIELD, {
        input: {
          field: {
            objectMetadataId: junctionId,
            type: 'RELATION',
            name,
            label: name,
            relationCreationPayload: {
              type: 'MANY_TO_ONE',
              targetObjectMetadataId: target,
              targetFieldLabel: inverseLabel,
              targetFieldIcon: 'IconLink',
            },
          },
        },
      });
      expect(side.errors, JSON.stringify(side.errors)).toBeUndefined();
    }
    const fields = await metadataGraphql(ws, OBJECT_FIELDS, { id: junctionId });
    const joins = fields.data!.object.fieldsList.filter(
      (f: any) => f.type === 'RELATION' && f.settings?.relationType === 'MANY_TO_ONE',
    );
    expect(joins.map((f: any) => f.settings.joinColumnName).sort()).toEqual(
      expect.arrayContaining(['astronautId', 'rocketId']),
    );

    // Twenty shows the one-to-many side as a many-to-many once it names the junction's other field.
    const joinTo = (name: string) => joins.find((f: any) => f.name === name);
    const rocketFields = await metadataGraphql(ws, OBJECT_FIELDS, { id: rocketId });
    const crew = rocketFields.data!.object.fieldsList.find(
      (f: any) => f.name === 'crewAssignments',
    );
    const setJunction = (id: string, settings: Record<string, unknown>) =>
      metadataGraphql(ws, UPDATE_FIELD, { input: { id, update: { settings } } });
    const linked = await setJunction(crew.id, {
      ...crew.settings,
      junctionTargetFieldId: joinTo('astronaut').id,
    });
    expect(linked.errors, JSON.stringify(linked.errors)).toBeUndefined();
    expect(linked.data!.updateOneField.settings).toEqual({
      relationType: 'ONE_TO_MANY',
      junctionTargetFieldId: joinTo('astronaut').id,
    });

    const refused = async (id: string, settings: Record<string, unknown>) =>
      errorMessages(await setJunction(id, settings));
    // On the many-to-one side.
    expect(
      await refused(joinTo('rocket').id, {
        ...joinTo('rocket').settings,
        junctionTargetFieldId: joinTo('astronaut').id,
      }),
    ).toContain('Junction configuration can only be set on ONE_TO_MANY relations');
    // A field that is not on the junction object.
    const personFields = await metadataGraphql(ws, OBJECT_FIELDS, { id: personId });
    const elsewhere = personFields.data!.object.fieldsList.find((f: any) => f.name === 'company');
    expect(
      await refused(crew.id, { relationType: 'ONE_TO_MANY', junctionTargetFieldId: elsewhere.id }),
    ).toContain(`Junction target field ${elsewhere.id} is not on the junction object`);
    // A field of the junction that is not a relation.
    const plain = fields.data!.object.fieldsList.find((f: any) => f.name === 'name');
    expect(
      await refused(crew.id, { relationType: 'ONE_TO_MANY', junctionTargetFieldId: plain.id }),
    ).toContain(`Junction target field ${plain.id} is not a relation field`);
    // An id no field has: Twenty fails resolving it, before validation.
    const unknown = '6f1d8b0e-3c1a-4a55-9d7e-2b8f5c0e9a11';
    const missing = await setJunction(crew.id, {
      relationType: 'ONE_TO_MANY',
      junctionTargetFieldId: unknown,
    });
    expect(missing.errors?.[0]).toMatchObject({
      message: `Field metadata universal identifier not found for id: ${unknown}`,
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('protects standard fields and the label identifier', async () => {
    const person = await metadataGraphql(ws, OBJECT_FIELDS, { id: personId });
    const jobTitle = person.data!.object.fieldsList.find((f: any) => f.name === 'jobTitle');
    const rename = await metadataGraphql(ws, UPDATE_FIELD, {
      input: { id: jobTitle.id, update: { name: 'position2' } },
    });
    expect(rename.errors?.[0]).toMatchObject({
      message: 'Cannot edit standard field metadata properties: name',
      extensions: { code: 'FORBIDDEN' },
    });
    const relabel = await metadataGraphql(ws, UPDATE_FIELD, {
      input: { id: jobTitle.id, update: { label: 'Role title' } },
    });
    expect(relabel.errors).toBeUndefined();
    const remove = await metadataGraphql(ws, DELETE_FIELD, { input: { id: jobTitle.id } });
    expect(errorMessages(remove)).toContain("Standard Fields can't be deleted");
  });

  it('deactivates and reactivates a field', async () => {
    const off = await metadataGraphql(ws, UPDATE_FIELD, {
      input: { id: fieldIds.codename, update: { isActive: false } },
    });
    expect(off.data!.updateOneField.isActive).toBe(false);
    const on = await metadataGraphql(ws, UPDATE_FIELD, {
      input: { id: fieldIds.codename, update: { isActive: true } },
    });
    expect(on.data!.updateOneField.isActive).toBe(true);
  });

  it('creates a MORPH_RELATION: one field per target sharing a morphId, inverses on each target', async () => {
    const objects = await metadataGraphql(
      ws,
      `{ objects(paging:{first:1000}) { edges { node { id nameSingular } } } }`,
    );
    const companyId = objects.data!.objects.edges.find(
      (e: any) => e.node.nameSingular === 'company',
    ).node.id;
    const created = await metadataGraphql(
      ws,
      `mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id name type morphRelations { type targetObjectMetadata { nameSingular } targetFieldMetadata { name } } } }`,
      {
        input: {
          field: {
            objectMetadataId: rocketId,
            type: 'MORPH_RELATION',
            name: 'sponsor',
            label: 'Sponsor',
            morphRelationsCreationPayload: [
              {
                type: 'MANY_TO_ONE',
                targetObjectMetadataId: personId,
                targetFieldLabel: 'Sponsored rockets',
                targetFieldIcon: 'IconRocket',
              },
              {
                type: 'MANY_TO_ONE',
                targetObjectMetadataId: companyId,
                targetFieldLabel: 'Sponsored rockets',
                targetFieldIcon: 'IconRocket',
              },
            ],
          },
        },
      },
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const field = created.data!.createOneField;
    expect(field).toMatchObject({ name: 'sponsorPerson', type: 'MORPH_RELATION' });
    expect(
      field.morphRelations.map((r: any) => r.targetObjectMetadata.nameSingular).sort(),
    ).toEqual(['company', 'person']);
    const rocket = await metadataGraphql(
      ws,
      `query($id: UUID!) { object(id: $id) { fieldsList { name type morphId settings } } }`,
      { id: rocketId },
    );
    const morphs = rocket.data!.object.fieldsList.filter((f: any) => f.type === 'MORPH_RELATION');
    expect(morphs.map((f: any) => f.name).sort()).toEqual(['sponsorCompany', 'sponsorPerson']);
    expect(new Set(morphs.map((f: any) => f.morphId)).size).toBe(1);
    expect(morphs.map((f: any) => f.settings.joinColumnName).sort()).toEqual([
      'sponsorCompanyId',
      'sponsorPersonId',
    ]);
    const sameTarget = await metadataGraphql(ws, CREATE_FIELD, {
      input: {
        field: {
          objectMetadataId: rocketId,
          type: 'MORPH_RELATION',
          name: 'selfish',
          label: 'Selfish',
          morphRelationsCreationPayload: [
            {
              type: 'MANY_TO_ONE',
              targetObjectMetadataId: rocketId,
              targetFieldLabel: 'Self',
              targetFieldIcon: 'IconX',
            },
          ],
        },
      },
    });
    expect(errorMessages(sameTarget)).toContain(
      'Morph relation creation payloads must not target source object metadata',
    );
  });

  it('rolls back metadata when Postgres refuses the change', async () => {
    // people hold demo records, so a NOT NULL column without a default cannot be added.
    const before = await metadataGraphql(ws, OBJECT_FIELDS, { id: personId });
    const refused = await metadataGraphql(ws, CREATE_FIELD, {
      input: {
        field: {
          objectMetadataId: personId,
          type: 'TEXT',
          name: 'mandatoryNote',
          label: 'Mandatory note',
          isNullable: false,
        },
      },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(refused.errors?.[0]?.message).toMatch(
      /^Schema change failed in the database: .*mandatoryNote.*null values/,
    );
    const after = await metadataGraphql(ws, OBJECT_FIELDS, { id: personId });
    expect(after.data!.object.fieldsList.map((f: any) => f.name)).not.toContain('mandatoryNote');
    expect(after.data!.object.fieldsList).toHaveLength(before.data!.object.fieldsList.length);
    // The same name is still free: nothing was left behind in metadata or in the table.
    const retry = await metadataGraphql(ws, CREATE_FIELD, {
      input: {
        field: {
          objectMetadataId: personId,
          type: 'TEXT',
          name: 'mandatoryNote',
          label: 'Mandatory note',
          isNullable: false,
          defaultValue: "''",
        },
      },
    });
    expect(retry.errors, JSON.stringify(retry.errors)).toBeUndefined();
  });

  it('answers malformed JSON and empty documents on /metadata', async () => {
    const malformed = await fetch(`${ws.url}/metadata`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ws.apiKey}` },
      body: '{"query": ',
    });
    expect(malformed.status).toBe(400);
    const empty = await metadataGraphql(ws, '');
    expect(empty.status).toBe(400);
    const syntax = await metadataGraphql(ws, '{ objects { ');
    expect(syntax.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('reports validation errors in Twenty’s envelope: one entry per failing entity', async () => {
    const response = await metadataGraphql(ws, CREATE_FIELD, {
      input: {
        field: { objectMetadataId: rocketId, type: 'TEXT', name: 'Bad_Name', label: 'Bad' },
      },
    });
    const extensions = response.errors![0]!.extensions as any;
    expect(response.errors![0]!.message).toBe(
      'Multiple validation errors occurred while creating fields',
    );
    expect(extensions.summary).toEqual({ fieldMetadata: 1, totalErrors: 1 });
    expect(extensions.message).toBe('Validation failed for 1 fieldMetadata');
    const [entry] = extensions.errors.fieldMetadata;
    expect(entry).toMatchObject({
      metadataName: 'fieldMetadata',
      status: 'fail',
      type: 'create',
      flatEntityMinimalInformation: { name: 'Bad_Name', objectMetadataId: rocketId },
    });
    expect(entry.flatEntityMinimalInformation.universalIdentifier).toEqual(expect.any(String));
    for (const error of entry.errors) expect(error.userFriendlyMessage).toEqual(expect.any(String));
    // Transpilation-stage failures (payload shape) come alone, singular, with the id only.
    const tsVector = await metadataGraphql(ws, CREATE_FIELD, {
      input: {
        field: { objectMetadataId: rocketId, type: 'TS_VECTOR', name: 'vec', label: 'Vec' },
      },
    });
    expect(tsVector.errors![0]!.message).toBe(
      'Multiple validation errors occurred while creating field',
    );
    const [transpiled] = (tsVector.errors![0]!.extensions as any).errors.fieldMetadata;
    expect(Object.keys(transpiled.flatEntityMinimalInformation)).toEqual(['id']);
    expect(transpiled.status).toBeUndefined();
  });

  it('words option and default-value failures as Twenty does', async () => {
    const base = { objectMetadataId: rocketId, type: 'SELECT', name: 'grade', label: 'Grade' };
    const option = (extra: Record<string, unknown>) => ({
      label: 'A',
      value: 'A',
      color: 'red',
      position: 0,
      ...extra,
    });
    expect(
      errorMessages(
        await metadataGraphql(ws, CREATE_FIELD, {
          input: { field: { ...base, options: [option({ label: '' })] } },
        }),
      ),
    ).toContain('Option label must be a string of at least one character');
    expect(
      errorMessages(
        await metadataGraphql(ws, CREATE_FIELD, {
          input: { field: { ...base, options: [option({ value: '' })] } },
        }),
      ),
    ).toContain('Option value must be a string of at least one character');
    expect(
      errorMessages(
        await metadataGraphql(ws, CREATE_FIELD, {
          input: { field: { ...base, options: [option({ label: null })] } },
        }),
      ),
    ).toContain('Option label is required');
    const nullId = errorMessages(
      await metadataGraphql(ws, CREATE_FIELD, {
        input: { field: { ...base, type: 'MULTI_SELECT', options: [option({ id: null })] } },
      }),
    );
    expect(nullId).toEqual(
      expect.arrayContaining(['Option id is required', 'Option id is invalid']),
    );
    const unquoted = errorMessages(
      await metadataGraphql(ws, CREATE_FIELD, {
        input: { field: { ...base, options: [option({})], defaultValue: 'invalid' } },
      }),
    );
    expect(unquoted).toEqual(
      expect.arrayContaining([
        'Default value should be as quoted string',
        'Default value "invalid" must be one of the option values',
      ]),
    );
    const multi = { ...base, type: 'MULTI_SELECT', options: [option({})] };
    expect(
      errorMessages(
        await metadataGraphql(ws, CREATE_FIELD, {
          input: { field: { ...multi, defaultValue: 'invalid' } },
        }),
      ),
    ).toContain('Default value for multi-select must be an array got invalid');
    expect(
      errorMessages(
        await metadataGraphql(ws, CREATE_FIELD, {
          input: { field: { ...multi, defaultValue: [] } },
        }),
      ),
    ).toContain('If defined default value must contain at least one value');
    expect(
      errorMessages(
        await metadataGraphql(ws, CREATE_FIELD, {
          input: { field: { ...multi, defaultValue: ["'NOPE'"] } },
        }),
      ),
    ).toContain(`Default value "'NOPE'" must be one of the option values`);
  });

  it('deletes every field of a morph relation together, with their inverses', async () => {
    const rocket = await metadataGraphql(
      ws,
      `query($id: UUID!) { object(id: $id) { fieldsList { id name type } } }`,
      { id: rocketId },
    );
    const morph = rocket.data!.object.fieldsList.find((f: any) => f.name === 'sponsorCompany');
    const deleted = await metadataGraphql(ws, DELETE_FIELD, { input: { id: morph.id } });
    expect(deleted.errors).toBeUndefined();
    const after = await metadataGraphql(
      ws,
      `query($id: UUID!) { object(id: $id) { fieldsList { name } } }`,
      { id: rocketId },
    );
    const names = after.data!.object.fieldsList.map((f: any) => f.name);
    expect(names).not.toContain('sponsorCompany');
    expect(names).not.toContain('sponsorPerson');
    const person = await metadataGraphql(ws, OBJECT_FIELDS, { id: personId });
    expect(person.data!.object.fieldsList.map((f: any) => f.name)).not.toContain(
      'sponsoredRockets',
    );
    const unknown = await metadataGraphql(ws, DELETE_FIELD, {
      input: { id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' },
    });
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'Field to delete not found',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('leaves the model unchanged when a change fails', async () => {
    const before = await metadataGraphql(ws, OBJECT_FIELDS, { id: rocketId });
    await metadataGraphql(ws, CREATE_FIELD, {
      input: {
        field: {
          objectMetadataId: rocketId,
          type: 'SELECT',
          name: 'broken',
          label: 'Broken',
          options: [{ label: 'A', value: 'a', color: 'red', position: 0 }],
        },
      },
    });
    const after = await metadataGraphql(ws, OBJECT_FIELDS, { id: rocketId });
    expect(after.data!.object.fieldsList).toEqual(before.data!.object.fieldsList);
  });

  it('deletes a field of every type it created, columns included', async () => {
    const remaining = CREATABLE.filter(({ name }) => !['tags', 'briefing'].includes(name));
    for (const { name } of remaining) {
      const deleted = await metadataGraphql(ws, DELETE_FIELD, { input: { id: fieldIds[name] } });
      expect(deleted.errors, `${name}: ${JSON.stringify(deleted.errors)}`).toBeUndefined();
    }
    const object = await metadataGraphql(ws, OBJECT_FIELDS, { id: rocketId });
    const names = object.data!.object.fieldsList.map((f: any) => f.name);
    for (const { name } of remaining) expect(names).not.toContain(name);
    // Every name can be reused, so no column or enum type was left behind.
    for (const { type, name, extra } of remaining) {
      const again = await metadataGraphql(ws, CREATE_FIELD, {
        input: {
          field: { objectMetadataId: rocketId, type, name, label: `Again ${name}`, ...extra },
        },
      });
      expect(again.errors, `${name}: ${JSON.stringify(again.errors)}`).toBeUndefined();
    }
  });
});
