import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metadataGraphql } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

/**
 * Exact error bodies of metadata validation failures, as Twenty's metadata integration specs and
 * snapshots give them (docs/twenty-fidelity.md, "Metadata validation details").
 */
const CREATE_OBJECT = `mutation($input: CreateOneObjectInput!) { createOneObject(input: $input) { id } }`;
const CREATE_FIELD = `mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id name } }`;
const UPDATE_FIELD = `mutation($input: UpdateOneFieldMetadataInput!) { updateOneField(input: $input) { id name } }`;
const INVALID_NAME =
  'Name is not valid: it must start with lowercase letter and contain only alphanumeric letters';
const LISTING = {
  namePlural: 'listingas',
  nameSingular: 'listinga',
  labelPlural: 'Listings',
  labelSingular: 'Listing',
  description: 'Listing object',
  icon: 'IconListNumbers',
  isLabelSyncedWithName: false,
};

type Response = Awaited<ReturnType<typeof metadataGraphql>>;
const firstError = (response: Response) => response.errors?.[0] as any;
/** The `errors` of the first failing entity of `metadataName`. */
const entityErrors = (response: Response, metadataName = 'fieldMetadata', index = 0): any[] =>
  firstError(response)?.extensions?.errors?.[metadataName]?.[index]?.errors ?? [];

describe.each(testEngines())('metadata API — validation error details (%s)', (engine) => {
  let ws: WorkspaceProcess;
  let objectId: string;
  let targetId: string;

  const createObject = async (object: Record<string, unknown>) =>
    metadataGraphql(ws, CREATE_OBJECT, { input: { object } });
  const createField = async (field: Record<string, unknown>) =>
    metadataGraphql(ws, CREATE_FIELD, {
      input: { field: { objectMetadataId: objectId, ...field } },
    });

  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine);
    const created = await createObject({
      nameSingular: 'listing',
      namePlural: 'listings',
      labelSingular: 'Listing',
      labelPlural: 'Listings',
      isLabelSyncedWithName: true,
    });
    objectId = created.data!.createOneObject.id;
    const target = await createObject({
      nameSingular: 'targetObject',
      namePlural: 'targetObjects',
      labelSingular: 'Target object',
      labelPlural: 'Target objects',
    });
    targetId = target.data!.createOneObject.id;
    for (const name of ['fieldName', 'fieldNameBisId']) {
      const field = await createField({ type: 'TEXT', name, label: name });
      expect(field.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  describe('createOneObject (D5)', () => {
    it('a whitespace-only nameSingular fails the metadata validation, not the DTO', async () => {
      const response = await createObject({ ...LISTING, nameSingular: '                 ' });
      expect(firstError(response).extensions.code).toBe('METADATA_VALIDATION_FAILED');
      expect(entityErrors(response, 'objectMetadata').map((error) => error.message)).toEqual([
        'Name is too short',
        INVALID_NAME,
      ]);
    });

    it.each(['labelSingular', 'labelPlural'])('an empty %s is refused by the DTO', async (key) => {
      const response = await createObject({ ...LISTING, [key]: '' });
      expect(firstError(response).extensions.code).toBe('BAD_USER_INPUT');
      expect(firstError(response).message).toContain(`${key} should not be empty`);
    });

    it('a whitespace-only label is still "Object label is too short"', async () => {
      const response = await createObject({ ...LISTING, labelPlural: '   ' });
      expect(firstError(response).extensions.code).toBe('METADATA_VALIDATION_FAILED');
      expect(entityErrors(response, 'objectMetadata')).toEqual([
        expect.objectContaining({
          code: 'INVALID_OBJECT_INPUT',
          message: 'Object label is too short',
        }),
      ]);
    });
  });

  describe('createOneField (D6, D7)', () => {
    it('NUMERIC and POSITION carry the refused type as value', async () => {
      const numeric = await createField({ type: 'NUMERIC', name: 'numericField', label: 'N' });
      expect(entityErrors(numeric)).toEqual([
        {
          code: 'INVALID_FIELD_INPUT',
          message: 'Field type NUMERIC is not supported for field creation. Use NUMBER instead.',
          userFriendlyMessage: 'Field type NUMERIC is not supported. Use Number instead.',
          value: 'NUMERIC',
        },
      ]);
      const position = await createField({ type: 'POSITION', name: 'positionField', label: 'P' });
      expect(entityErrors(position)).toEqual([
        {
          code: 'INVALID_FIELD_INPUT',
          message: 'Field type POSITION is a system type and cannot be created manually.',
          userFriendlyMessage:
            'Field type POSITION is a system type and cannot be created manually.',
          value: 'POSITION',
        },
      ]);
    });

    it('TS_VECTOR has no user-facing message of its own', async () => {
      const response = await createField({ type: 'TS_VECTOR', name: 'tsField', label: 'T' });
      expect(firstError(response).message).toBe(
        'Multiple validation errors occurred while creating field',
      );
      expect(entityErrors(response)).toEqual([
        { code: 'INVALID_FIELD_INPUT', message: 'TS Vector is not supported for field creation' },
      ]);
      expect(firstError(response).extensions.userFriendlyMessage).toBe(
        'Metadata validation failed',
      );
    });

    it('an unsynced name/label reports the label as value', async () => {
      const response = await createField({
        type: 'TEXT',
        name: 'testField3',
        label: 'Different Label',
        isLabelSyncedWithName: true,
      });
      expect(firstError(response).message).toBe(
        'Multiple validation errors occurred while creating fields',
      );
      expect(entityErrors(response)).toEqual([
        {
          code: 'NAME_NOT_SYNCED_WITH_LABEL',
          message: 'Name is not synced with label',
          userFriendlyMessage: 'Field name is not synced with field label',
          value: 'Different Label',
        },
      ]);
      expect(firstError(response).extensions.userFriendlyMessage).toBe(
        'Field name is not synced with field label',
      );
    });
  });

  describe('updateOneField name (D8)', () => {
    const SYNC_ERROR = {
      code: 'FIELD_MUTATION_NOT_ALLOWED',
      message: 'Name is not synced with label.',
      userFriendlyMessage: 'Updated field name is not synced with label',
    };
    let fieldId: string;

    beforeAll(async () => {
      const created = await createField({
        type: 'TEXT',
        name: 'testName',
        label: 'Test name',
        isLabelSyncedWithName: true,
      });
      fieldId = created.data!.createOneField.id;
      const other = await createField({ type: 'TEXT', name: 'otherTestName', label: 'Test name' });
      expect(other.errors).toBeUndefined();
    });

    it('refuses a name out of sync with the label', async () => {
      const response = await metadataGraphql(ws, UPDATE_FIELD, {
        input: { id: fieldId, update: { name: 'newName', isLabelSyncedWithName: true } },
      });
      expect(firstError(response).message).toBe(
        'Multiple validation errors occurred while updating field',
      );
      expect(entityErrors(response)).toEqual([SYNC_ERROR]);
    });

    it('reports an unavailable name before the sync error', async () => {
      const response = await metadataGraphql(ws, UPDATE_FIELD, {
        input: { id: fieldId, update: { name: 'otherTestName' } },
      });
      const notAvailable =
        'Name "otherTestName" is not available as it is already used by another field';
      expect(entityErrors(response)).toEqual([
        {
          code: 'NOT_AVAILABLE',
          message: notAvailable,
          userFriendlyMessage: notAvailable,
          value: 'otherTestName',
        },
        SYNC_ERROR,
      ]);
      expect(firstError(response).extensions.userFriendlyMessage).toBe(notAvailable);
      expect(firstError(response).extensions.message).toBe('Validation failed for 1 fieldMetadata');
    });
  });

  describe('SELECT / MULTI_SELECT options (D9)', () => {
    const OPTION = { label: 'Option 1', value: 'OPTION_1', color: 'green', position: 1 };
    const ID = 'fd1f11fd-3f05-4a33-bddf-800c3412ce98';

    it('a duplicated option id reports the whole options array', async () => {
      const options = [
        { ...OPTION, id: ID },
        { ...OPTION, label: 'Option 2', value: 'OPTION_2', position: 2, id: ID },
      ];
      const response = await createField({ type: 'SELECT', name: 'dupIds', label: 'D', options });
      expect(entityErrors(response)).toEqual([
        {
          code: 'INVALID_FIELD_INPUT',
          message: 'Duplicated option id',
          userFriendlyMessage: 'Duplicated option id',
          value: options,
        },
      ]);
    });

    it('empty options carry an empty array; a null label carries no value', async () => {
      const empty = await createField({
        type: 'SELECT',
        name: 'noOptions',
        label: 'N',
        options: [],
      });
      expect(entityErrors(empty)).toEqual([
        {
          code: 'INVALID_FIELD_INPUT',
          message: 'Options are required for enum fields',
          userFriendlyMessage: 'Options are required for enum fields',
          value: [],
        },
      ]);
      const noLabel = await createField({
        type: 'SELECT',
        name: 'noLabel',
        label: 'N',
        options: [{ ...OPTION, label: null }],
      });
      expect(entityErrors(noLabel)).toEqual([
        {
          code: 'INVALID_FIELD_INPUT',
          message: 'Option label is required',
          userFriendlyMessage: 'Option label is required',
        },
      ]);
    });

    it('each malformed MULTI_SELECT default gets both select checks', async () => {
      const response = await createField({
        type: 'MULTI_SELECT',
        name: 'badDefaults',
        label: 'B',
        options: [OPTION],
        defaultValue: ['invalid', 'format'],
      });
      expect(entityErrors(response).map((error) => [error.message, error.value])).toEqual([
        ['Default value should be as quoted string', 'invalid'],
        ['Default value "invalid" must be one of the option values', 'invalid'],
        ['Default value should be as quoted string', 'format'],
        ['Default value "format" must be one of the option values', 'format'],
      ]);
    });
  });

  describe('relation creation (D10)', () => {
    const payload = (extra: Record<string, unknown> = {}) => ({
      targetFieldLabel: 'defaultTargetFieldLabel',
      type: 'MANY_TO_ONE',
      targetObjectMetadataId: targetId,
      targetFieldIcon: 'IconBuildingSkyscraper',
      ...extra,
    });
    const createRelation = (relationCreationPayload: Record<string, unknown>, name = 'fieldname') =>
      createField({
        type: 'RELATION',
        name,
        label: 'Relation field',
        isLabelSyncedWithName: false,
        relationCreationPayload,
      });

    it('an unknown target object echoes the payload', async () => {
      const relationCreationPayload = payload({
        targetObjectMetadataId: '20202020-1c25-4d02-bf25-6aeccf7ea419',
      });
      const response = await createRelation(relationCreationPayload);
      expect(entityErrors(response)).toEqual([
        {
          code: 'FIELD_METADATA_RELATION_MALFORMED',
          message: 'Object metadata relation target not found for relation creation payload',
          userFriendlyMessage: 'Object targeted by field to create not found',
          value: relationCreationPayload,
        },
      ]);
    });

    it.each([
      ['without type', { type: undefined }],
      ['with a wrong type', { type: 'wrong' }],
    ])('an invalid payload (%s) echoes the payload', async (_title, extra) => {
      const relationCreationPayload = JSON.parse(JSON.stringify(payload(extra)));
      const response = await createRelation(relationCreationPayload);
      expect(entityErrors(response)).toEqual([
        {
          code: 'FIELD_METADATA_RELATION_MALFORMED',
          message: 'Relation creation payload is invalid',
          userFriendlyMessage: 'Invalid relation creation payload',
          value: relationCreationPayload,
        },
      ]);
    });

    it('an empty targetFieldIcon is accepted; the taken name is what fails', async () => {
      const response = await createRelation(payload({ targetFieldIcon: '' }), 'fieldNameBisId');
      expect(firstError(response).extensions.code).toBe('METADATA_VALIDATION_FAILED');
      expect(firstError(response).message).toBe(
        'Multiple validation errors occurred while creating fields',
      );
      const message =
        'Name "fieldNameBisId" is not available as it is already used by another field';
      expect(entityErrors(response)).toContainEqual({
        code: 'NOT_AVAILABLE',
        message,
        userFriendlyMessage: message,
        value: 'fieldNameBisId',
      });
    });
  });
});
