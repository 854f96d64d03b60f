import { randomUUID } from 'node:crypto';
import type { FieldRow, ObjectRow } from '../metadata/metadata-types';
import { camelToTitleCase, capitalize, type JsonObject } from './open-api-types';

/**
 * Twenty's `computeSchemaComponents` (open-api/utils/components.utils.ts) with
 * `convertObjectMetadataToSchemaProperties` (engine/utils/convert-object-metadata-to-schema-
 * properties.util.ts): per object `<Name>`, `<Name>ForUpdate` and `<Name>ForResponse`.
 */
export interface ObjectWithFields {
  object: ObjectRow;
  fields: FieldRow[];
}

type Schema = JsonObject;

const relationType = (field: FieldRow): unknown => field.settings?.relationType;

const isFieldAvailable = (field: FieldRow, forResponse: boolean): boolean =>
  forResponse || !['id', 'createdAt', 'updatedAt', 'deletedAt'].includes(field.name);

const optionValues = (field: FieldRow): string[] => (field.options ?? []).map((o) => o.value);

const getFieldProperties = (field: FieldRow): Schema => {
  switch (field.type) {
    case 'UUID':
      return { type: 'string', format: 'uuid' };
    case 'TEXT':
    case 'RICH_TEXT':
      return { type: 'string' };
    case 'DATE_TIME':
      return { type: 'string', format: 'date-time' };
    case 'DATE':
      return { type: 'string', format: 'date' };
    case 'NUMBER': {
      const settings = field.settings ?? {};
      const decimals = settings.decimals;
      return settings.dataType === 'float' || (typeof decimals === 'number' && decimals > 0)
        ? { type: 'number' }
        : { type: 'integer' };
    }
    case 'NUMERIC':
    case 'POSITION':
      return { type: 'number' };
    case 'BOOLEAN':
      return { type: 'boolean' };
    case 'RAW_JSON':
      return { type: 'object' };
    default:
      return { type: 'string' };
  }
};

const str = { type: 'string' };

const fieldSchema = (field: FieldRow, forResponse: boolean): Schema => {
  switch (field.type) {
    case 'MULTI_SELECT':
      return { type: 'array', items: { type: 'string', enum: optionValues(field) } };
    case 'SELECT':
    case 'RATING':
      return { type: 'string', enum: optionValues(field) };
    case 'ARRAY':
      return { type: 'array', items: { type: 'string' } };
    case 'LINKS':
      return {
        type: 'object',
        properties: {
          primaryLinkLabel: str,
          primaryLinkUrl: str,
          secondaryLinks: {
            type: 'array',
            items: {
              type: 'object',
              description: 'A secondary link',
              properties: { url: { type: 'string', format: 'uri' }, label: str },
            },
          },
        },
      };
    case 'CURRENCY':
      return {
        type: 'object',
        properties: { amountMicros: { type: 'number' }, currencyCode: str },
      };
    case 'FULL_NAME':
      return { type: 'object', properties: { firstName: str, lastName: str } };
    case 'ADDRESS':
      return {
        type: 'object',
        properties: {
          addressStreet1: str,
          addressStreet2: str,
          addressCity: str,
          addressPostcode: str,
          addressState: str,
          addressCountry: str,
          addressLat: { type: 'number' },
          addressLng: { type: 'number' },
        },
      };
    case 'ACTOR':
      return {
        type: 'object',
        properties: {
          source: {
            type: 'string',
            enum: ['EMAIL', 'CALENDAR', 'WORKFLOW', 'API', 'IMPORT', 'MANUAL', 'SYSTEM', 'WEBHOOK'],
          },
          ...(forResponse
            ? { workspaceMemberId: { type: 'string', format: 'uuid' }, name: str }
            : {}),
        },
      };
    case 'EMAILS':
      return {
        type: 'object',
        properties: {
          primaryEmail: str,
          additionalEmails: { type: 'array', items: { type: 'string', format: 'email' } },
        },
      };
    case 'PHONES':
      return {
        properties: {
          additionalPhones: { type: 'array', items: str },
          primaryPhoneCountryCode: str,
          primaryPhoneCallingCode: str,
          primaryPhoneNumber: str,
        },
        type: 'object',
      };
    default:
      return getFieldProperties(field);
  }
};

export const convertObjectMetadataToSchemaProperties = (
  fields: FieldRow[],
  forResponse: boolean,
): Record<string, Schema> => {
  const properties: Record<string, Schema> = {};
  for (const field of fields) {
    if (!isFieldAvailable(field, forResponse) || field.type === 'TS_VECTOR') continue;
    if (field.type === 'RELATION' && relationType(field) === 'MANY_TO_ONE') {
      properties[`${field.name}Id`] = { type: 'string', format: 'uuid' };
      continue;
    }
    if (field.type === 'RELATION' && relationType(field) === 'ONE_TO_MANY') continue;
    const property = fieldSchema(field, forResponse);
    if (field.description) property.description = field.description;
    properties[field.name] = property;
  }
  return properties;
};

const isRequired = (field: FieldRow): boolean =>
  !field.isNullable && (field.defaultValue === null || field.defaultValue === undefined);

/**
 * Twenty's `generateRandomFieldValue` fills examples with faker data; ours are fixed
 * placeholders of the same shapes (UNSURE: values differ, they are random in Twenty anyway).
 */
export const generateFieldExample = (field: FieldRow): unknown => {
  switch (field.type) {
    case 'UUID':
      return randomUUID();
    case 'TEXT':
      return field.name;
    case 'PHONES':
      return {
        primaryPhoneNumber: '06 10 20 30 40',
        primaryPhoneCallingCode: '+33',
        primaryPhoneCountryCode: 'FR',
        additionalPhones: [],
      };
    case 'EMAILS':
      return { primaryEmail: 'tim@apple.dev', additionalEmails: null };
    case 'DATE':
    case 'DATE_TIME':
      return new Date(Date.now() + 86_400_000).toISOString();
    case 'BOOLEAN':
      return false;
    case 'NUMBER':
      return 42.5;
    case 'NUMERIC':
      return 42;
    case 'LINKS':
      return { primaryLinkLabel: '', primaryLinkUrl: 'https://example.com', secondaryLinks: [] };
    case 'CURRENCY':
      return { amountMicros: 500_000_000, currencyCode: 'EUR' };
    case 'FULL_NAME':
      return { firstName: 'Tim', lastName: 'Cook' };
    case 'RATING':
      return 'RATING_5';
    case 'SELECT':
      return field.options?.[0]?.value ?? null;
    case 'MULTI_SELECT':
      return field.options?.[0]?.value !== undefined ? [field.options[0].value] : [];
    case 'RELATION':
    case 'MORPH_RELATION':
      return null;
    case 'POSITION':
      return 1;
    case 'ADDRESS':
      return {
        addressStreet1: '1 Infinite Loop',
        addressStreet2: 'Suite 100',
        addressCity: 'Cupertino',
        addressState: 'California',
        addressCountry: 'United States',
        addressPostcode: '95014',
        addressLat: 37.33,
        addressLng: -122.03,
      };
    case 'RAW_JSON':
      return {};
    case 'RICH_TEXT':
      return '';
    case 'ACTOR':
      return { source: 'MANUAL', context: {}, name: 'Tim Cook', workspaceMemberId: null };
    case 'ARRAY':
      return [];
    default:
      return null;
  }
};

const EXAMPLE_TYPES = [
  'EMAILS',
  'LINKS',
  'CURRENCY',
  'FULL_NAME',
  'SELECT',
  'MULTI_SELECT',
  'PHONES',
];

const getSchemaComponentsExample = ({ object, fields }: ObjectWithFields): JsonObject => {
  const example: JsonObject = {};
  for (const field of fields) {
    if (isRequired(field)) {
      if (field.type !== 'TS_VECTOR') example[field.name] = generateFieldExample(field);
    } else if (field.type === 'TEXT') {
      if (field.name === 'name')
        example[field.name] = `${camelToTitleCase(object.nameSingular)} name`;
    } else if (EXAMPLE_TYPES.includes(field.type)) {
      example[field.name] = generateFieldExample(field);
    }
  }
  return example;
};

const getSchemaComponentsRelationProperties = (
  fields: FieldRow[],
  objectsById: Map<string, ObjectRow>,
): Record<string, Schema> => {
  const properties: Record<string, Schema> = {};
  for (const field of fields) {
    if (field.type !== 'RELATION' && field.type !== 'MORPH_RELATION') continue;
    const target = field.relationTargetObjectMetadataId
      ? objectsById.get(field.relationTargetObjectMetadataId)
      : undefined;
    if (!target) continue;
    const ref = `#/components/schemas/${capitalize(target.nameSingular)}ForResponse`;
    let property: Schema = {};
    if (relationType(field) === 'MANY_TO_ONE')
      property = { type: 'object', oneOf: [{ $ref: ref }] };
    else if (relationType(field) === 'ONE_TO_MANY')
      property = { type: 'array', items: { $ref: ref } };
    if (field.description) property.description = field.description;
    if (Object.keys(property).length) properties[field.name] = property;
  }
  return properties;
};

const computeSchemaComponent = (
  item: ObjectWithFields,
  objectsById: Map<string, ObjectRow>,
  forResponse: boolean,
  forUpdate: boolean,
): Schema => {
  const result: Schema = {
    type: 'object',
    // `description: undefined` disappears in JSON, as in Twenty's response.
    description: item.object.description ?? undefined,
    properties: convertObjectMetadataToSchemaProperties(item.fields, forResponse),
    ...(!forResponse ? { example: getSchemaComponentsExample(item) } : {}),
  };
  if (forResponse && !forUpdate) {
    result.properties = {
      ...(result.properties as JsonObject),
      ...getSchemaComponentsRelationProperties(item.fields, objectsById),
    };
  }
  if (forResponse || forUpdate) return result;
  const required = item.fields.filter(isRequired).map((field) => field.name);
  if (required.length) result.required = required;
  return result;
};

export const computeSchemaComponents = (
  items: ObjectWithFields[],
  objectsById: Map<string, ObjectRow>,
): Record<string, Schema> => {
  const schemas: Record<string, Schema> = {};
  for (const item of items) {
    const name = capitalize(item.object.nameSingular);
    schemas[name] = computeSchemaComponent(item, objectsById, false, false);
    schemas[`${name}ForUpdate`] = computeSchemaComponent(item, objectsById, false, true);
    schemas[`${name}ForResponse`] = computeSchemaComponent(item, objectsById, true, false);
  }
  return schemas;
};

/** Twenty's `computeWebhooks` (computeWebhooks.utils.ts). */
export const computeWebhooks = (
  type: 'created' | 'updated' | 'deleted',
  item: { nameSingular: string },
): JsonObject => ({
  post: {
    tags: [item.nameSingular],
    security: [],
    parameters: [
      {
        in: 'header',
        name: 'X-Twenty-Webhook-Signature',
        schema: { type: 'string' },
        description:
          'HMAC SHA256 signature of the request payload using the webhook secret. To compute the signature:\n' +
          '1. Concatenate `X-Twenty-Webhook-Timestamp`, a colon (:), and the JSON string of the request payload.\n' +
          '2. Compute the HMAC SHA256 hash using the shared secret as the key.\n' +
          '3. Send the resulting hex digest as this header value.\n' +
          'Example (Node.js):\n```javascript\n' +
          'const crypto = require("crypto");\n' +
          'const timestamp = "1735066639761";\n' +
          'const payload = JSON.stringify({...});\n' +
          'const secret = "your-secret";\n' +
          'const stringToSign = `${timestamp}:${JSON.stringify(payload)}`;\n' +
          'const signature = crypto.createHmac("sha256", secret)\n  .update(stringToSign)\n  .digest("hex");\n```',
        required: false,
      },
      {
        in: 'header',
        name: 'X-Twenty-Webhook-Timestamp',
        schema: { type: 'string' },
        description:
          'Unix timestamp of when the webhook was sent. This timestamp is included in the HMAC signature generation to prevent replay attacks.',
        required: false,
      },
      {
        in: 'header',
        name: 'X-Twenty-Webhook-Nonce',
        schema: { type: 'string' },
        description:
          'Unique identifier for this webhook request to prevent replay attacks. Consumers should ensure this nonce is not reused.',
        required: false,
      },
    ],
    requestBody: {
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              targetUrl: { type: 'string', example: 'https://example.com/incomingWebhook' },
              eventName: { type: 'string', example: `${item.nameSingular}.${type}` },
              objectMetadata: {
                type: 'object',
                properties: {
                  id: { type: 'string', example: '370985db-22d8-4463-8e5f-2271d30913bd' },
                  nameSingular: { type: 'string', enum: [item.nameSingular] },
                },
              },
              workspaceId: { type: 'string', example: '872cfcf1-c79f-42bc-877d-5829f06eb3f9' },
              userId: { type: 'string', example: '170ba418-85a2-4f91-8565-9cd714c6703a' },
              workspaceMemberId: {
                type: 'string',
                example: '9062a1e3-e066-49ba-8c4a-d869b6a0ca12',
              },
              webhookId: { type: 'string', example: '90056586-1228-4e03-a507-70140aa85c05' },
              eventDate: { type: 'string', example: '2024-02-14T11:27:01.779Z' },
              record: {
                $ref: `#/components/schemas/${capitalize(item.nameSingular)}ForResponse`,
              },
              ...(type === 'updated' && {
                updatedFields: { type: 'array', items: { type: 'string' } },
              }),
            },
          },
        },
      },
    },
    responses: {
      '200': {
        description: 'Return a 200 status to indicate that the data was received successfully',
      },
    },
  },
});
