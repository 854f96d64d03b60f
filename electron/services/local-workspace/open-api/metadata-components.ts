import { FIELD_METADATA_TYPES } from '../../../../shared/domain/field-metadata-type';
import { capitalize, type ItemNames, type JsonObject } from './open-api-types';

/** Twenty's `computeMetadataSchemaComponents` (open-api/utils/components.utils.ts). */
type Props = Record<string, JsonObject>;

const s = { type: 'string' };
const b = { type: 'boolean' };
const n = { type: 'number' };
const uuid = { type: 'string', format: 'uuid' };
const dt = { type: 'string', format: 'date-time' };
const en = (values: string[], def?: string): JsonObject => ({
  type: 'string',
  enum: values,
  ...(def !== undefined ? { default: def } : {}),
});
const AGG = ['AVG', 'COUNT', 'MAX', 'MIN', 'SUM'];
const OPERANDS = [
  'IS',
  'IS_NOT_NULL',
  'IS_NOT',
  'LESS_THAN_OR_EQUAL',
  'GREATER_THAN_OR_EQUAL',
  'IS_BEFORE',
  'IS_AFTER',
  'CONTAINS',
  'DOES_NOT_CONTAIN',
  'IS_EMPTY',
  'IS_NOT_EMPTY',
  'IS_RELATIVE',
  'IS_IN_PAST',
  'IS_IN_FUTURE',
  'IS_TODAY',
  'VECTOR_SEARCH',
];
const WIDGET_TYPES = ['VIEW', 'IFRAME', 'FIELDS', 'GRAPH'];
const tail = { workspaceId: uuid, createdAt: dt, updatedAt: dt, deletedAt: dt };
const value = { type: 'object', description: 'Filter value (JSON format)' };
const configuration = { type: 'object', description: 'Widget-specific configuration' };
const gridPosition = { $ref: '#/components/schemas/GridPosition' };

const obj = (description: string, properties: Props, required?: string[]): JsonObject => ({
  type: 'object',
  description,
  properties,
  ...(required ? { required } : {}),
});

/** The four schemas (plus the two lists) of one metadata entity. */
const entity = (
  schemas: Record<string, JsonObject>,
  item: ItemNames,
  create: JsonObject,
  update: JsonObject,
  response: JsonObject,
): void => {
  const name = capitalize(item.nameSingular);
  const list = (ref: string): JsonObject => ({
    type: 'array',
    description: `A list of ${item.namePlural}`,
    items: { $ref: `#/components/schemas/${ref}` },
  });
  schemas[name] = create;
  schemas[capitalize(item.namePlural)] = list(name);
  schemas[`${name}ForUpdate`] = update;
  schemas[`${name}ForResponse`] = response;
  schemas[`${capitalize(item.namePlural)}ForResponse`] = list(`${name}ForResponse`);
};

const fieldBase = (withImmutableFields: boolean, withRequiredFields: boolean): JsonObject => ({
  type: 'object',
  description: 'A field',
  properties: {
    ...(withImmutableFields
      ? { type: { type: 'string', enum: [...FIELD_METADATA_TYPES] }, objectMetadataId: uuid }
      : {}),
    name: s,
    label: s,
    description: s,
    icon: s,
    defaultValue: {},
    isNullable: b,
    settings: { type: 'object' },
    options: {
      type: 'array',
      description: 'For enum field types like SELECT or MULTI_SELECT',
      items: {
        type: 'object',
        properties: {
          color: s,
          label: s,
          value: { type: 'string', pattern: '^[A-Z0-9]+_[A-Z0-9]+$', example: 'OPTION_1' },
          position: n,
        },
      },
    },
  },
  ...(withRequiredFields ? { required: ['type', 'name', 'label', 'objectMetadataId'] } : {}),
});

export const computeMetadataSchemaComponents = (items: ItemNames[]): Record<string, JsonObject> => {
  const schemas: Record<string, JsonObject> = {};
  for (const item of items) {
    switch (item.nameSingular) {
      case 'object': {
        const create = obj('An object', {
          nameSingular: s,
          namePlural: s,
          labelSingular: s,
          labelPlural: s,
          description: s,
          icon: s,
          labelIdentifierFieldMetadataId: uuid,
          imageIdentifierFieldMetadataId: uuid,
        });
        entity(schemas, item, create, obj('An object', { isActive: b }), {
          ...create,
          properties: {
            ...(create.properties as Props),
            id: uuid,
            dataSourceId: uuid,
            isCustom: b,
            isActive: b,
            isSystem: b,
            createdAt: dt,
            updatedAt: dt,
            fields: {
              type: 'object',
              properties: {
                edges: {
                  type: 'object',
                  properties: {
                    node: {
                      type: 'array',
                      items: { $ref: '#/components/schemas/FieldForResponse' },
                    },
                  },
                },
              },
            },
          },
        });
        break;
      }
      case 'field': {
        const create = fieldBase(true, true);
        entity(schemas, item, create, fieldBase(false, false), {
          ...fieldBase(true, false),
          properties: {
            ...(create.properties as Props),
            id: uuid,
            isCustom: b,
            isActive: b,
            isSystem: b,
            createdAt: dt,
            updatedAt: dt,
          },
        });
        break;
      }
      case 'webhook':
        entity(
          schemas,
          item,
          obj(
            'A webhook',
            {
              targetUrl: s,
              operations: { type: 'array', items: s, default: ['*.*'] },
              description: s,
              secret: s,
            },
            ['targetUrl'],
          ),
          obj('A webhook for update', {
            targetUrl: s,
            operations: { type: 'array', items: s, default: [] },
            description: s,
            secret: s,
          }),
          obj('A webhook', {
            id: uuid,
            targetUrl: s,
            operations: { type: 'array', items: s },
            description: s,
            secret: s,
            ...tail,
          }),
        );
        break;
      case 'apiKey':
        entity(
          schemas,
          item,
          obj('An API key', { name: s, expiresAt: dt, roleId: uuid }, [
            'name',
            'expiresAt',
            'roleId',
          ]),
          obj('An API key for update', {
            name: s,
            expiresAt: dt,
            revokedAt: {
              type: 'string',
              format: 'date-time',
              description: 'Set to null to clear revocation. Defaults to null if not provided.',
            },
          }),
          obj('An API key', {
            id: uuid,
            name: s,
            expiresAt: dt,
            revokedAt: dt,
            roleId: uuid,
            workspaceId: uuid,
            createdAt: dt,
            updatedAt: dt,
          }),
        );
        break;
      case 'view': {
        const common = (defaults: boolean): Props => ({
          type: en(['TABLE', 'KANBAN'], defaults ? 'TABLE' : undefined),
          key: defaults ? { type: 'string', default: 'INDEX' } : s,
          icon: s,
          position: defaults ? { type: 'number', default: 0 } : n,
          isCompact: defaults ? { type: 'boolean', default: false } : b,
          openRecordIn: en(['SIDE_PANEL', 'RECORD_PAGE'], defaults ? 'SIDE_PANEL' : undefined),
          kanbanAggregateOperation: en(AGG),
          kanbanAggregateOperationFieldMetadataId: uuid,
          anyFieldFilterValue: s,
        });
        entity(
          schemas,
          item,
          obj('A view', { name: s, objectMetadataId: uuid, ...common(true) }, [
            'name',
            'objectMetadataId',
            'icon',
          ]),
          obj('A view for update', { name: s, ...common(false) }),
          obj('A view', {
            id: uuid,
            name: s,
            objectMetadataId: uuid,
            ...common(false),
            ...tail,
          }),
        );
        break;
      }
      case 'viewField': {
        const editable: Props = { isVisible: b, size: n, position: n, aggregateOperation: en(AGG) };
        entity(
          schemas,
          item,
          obj(
            'A view field',
            {
              fieldMetadataId: uuid,
              viewId: uuid,
              isVisible: { type: 'boolean', default: true },
              size: { type: 'number', default: 0 },
              position: { type: 'number', default: 0 },
              aggregateOperation: en(AGG),
            },
            ['fieldMetadataId', 'viewId'],
          ),
          obj('A view field for update', editable),
          obj('A view field', {
            id: uuid,
            fieldMetadataId: uuid,
            viewId: uuid,
            ...editable,
            ...tail,
          }),
        );
        break;
      }
      case 'viewFilter': {
        const rest: Props = {
          value,
          viewFilterGroupId: uuid,
          positionInViewFilterGroup: n,
          subFieldName: s,
        };
        entity(
          schemas,
          item,
          obj(
            'A view filter',
            { fieldMetadataId: uuid, viewId: uuid, operand: en(OPERANDS, 'CONTAINS'), ...rest },
            ['fieldMetadataId', 'viewId', 'value'],
          ),
          obj('A view filter for update', { operand: en(OPERANDS), ...rest }),
          obj('A view filter', {
            id: uuid,
            fieldMetadataId: uuid,
            viewId: uuid,
            operand: en(OPERANDS),
            ...rest,
            ...tail,
          }),
        );
        break;
      }
      case 'viewSort':
        entity(
          schemas,
          item,
          obj(
            'A view sort',
            { fieldMetadataId: uuid, viewId: uuid, direction: en(['ASC', 'DESC'], 'ASC') },
            ['fieldMetadataId', 'viewId'],
          ),
          obj('A view sort for update', { direction: en(['ASC', 'DESC']) }),
          obj('A view sort', {
            id: uuid,
            fieldMetadataId: uuid,
            viewId: uuid,
            direction: en(['ASC', 'DESC']),
            ...tail,
          }),
        );
        break;
      case 'viewGroup':
        entity(
          schemas,
          item,
          obj(
            'A view group',
            {
              fieldMetadataId: uuid,
              viewId: uuid,
              fieldValue: s,
              isVisible: { type: 'boolean', default: true },
              position: { type: 'number', default: 0 },
            },
            ['fieldMetadataId', 'viewId', 'fieldValue'],
          ),
          obj('A view group for update', { fieldValue: s, isVisible: b, position: n }),
          obj('A view group', {
            id: uuid,
            fieldMetadataId: uuid,
            viewId: uuid,
            fieldValue: s,
            isVisible: b,
            position: n,
            ...tail,
          }),
        );
        break;
      case 'viewFilterGroup':
        entity(
          schemas,
          item,
          obj(
            'A view filter group',
            {
              viewId: uuid,
              parentViewFilterGroupId: uuid,
              logicalOperator: en(['AND', 'OR', 'NOT'], 'AND'),
              positionInViewFilterGroup: n,
            },
            ['viewId'],
          ),
          obj('A view filter group for update', {
            parentViewFilterGroupId: uuid,
            logicalOperator: en(['AND', 'OR', 'NOT']),
            positionInViewFilterGroup: n,
          }),
          obj('A view filter group', {
            id: uuid,
            viewId: uuid,
            parentViewFilterGroupId: uuid,
            logicalOperator: en(['AND', 'OR', 'NOT']),
            positionInViewFilterGroup: n,
            ...tail,
          }),
        );
        break;
      case 'pageLayout': {
        const types = ['RECORD_INDEX', 'RECORD_PAGE', 'DASHBOARD'];
        entity(
          schemas,
          item,
          obj(
            'A page layout',
            { name: s, type: en(types, 'RECORD_PAGE'), objectMetadataId: uuid },
            ['name'],
          ),
          obj('A page layout for update', { name: s, type: en(types), objectMetadataId: uuid }),
          obj('A page layout', {
            id: uuid,
            name: s,
            type: en(types),
            objectMetadataId: uuid,
            tabs: {
              type: 'array',
              items: { $ref: '#/components/schemas/PageLayoutTabForResponse' },
            },
            ...tail,
          }),
        );
        break;
      }
      case 'pageLayoutTab':
        entity(
          schemas,
          item,
          obj(
            'A page layout tab',
            { title: s, position: { type: 'number', default: 0 }, pageLayoutId: uuid },
            ['title', 'pageLayoutId'],
          ),
          obj('A page layout tab for update', { title: s, position: n }),
          obj('A page layout tab', {
            id: uuid,
            title: s,
            position: n,
            pageLayoutId: uuid,
            ...tail,
          }),
        );
        break;
      case 'pageLayoutWidget': {
        schemas.GridPosition = obj(
          'Grid position for widget placement',
          {
            row: { type: 'number', minimum: 0 },
            column: { type: 'number', minimum: 0 },
            rowSpan: { type: 'number', minimum: 1 },
            columnSpan: { type: 'number', minimum: 1 },
          },
          ['row', 'column', 'rowSpan', 'columnSpan'],
        );
        const createTypes = [
          ...WIDGET_TYPES,
          'TIMELINE',
          'TASKS',
          'NOTES',
          'FILES',
          'EMAILS',
          'CALENDAR',
        ];
        entity(
          schemas,
          item,
          obj(
            'A page layout widget',
            {
              pageLayoutTabId: uuid,
              title: s,
              type: en(createTypes, 'VIEW'),
              objectMetadataId: uuid,
              gridPosition,
              configuration,
            },
            ['pageLayoutTabId', 'title', 'gridPosition'],
          ),
          obj('A page layout widget for update', {
            title: s,
            type: en(WIDGET_TYPES),
            objectMetadataId: uuid,
            gridPosition,
            configuration,
          }),
          obj('A page layout widget', {
            id: uuid,
            pageLayoutTabId: uuid,
            title: s,
            type: en(WIDGET_TYPES),
            objectMetadataId: uuid,
            gridPosition,
            configuration,
            ...tail,
          }),
        );
        break;
      }
    }
  }
  return schemas;
};
