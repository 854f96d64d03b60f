import type { EntityValidationError } from '../metadata-errors';
import type { FieldRow } from '../metadata-types';
import { UUID_TEXT as UUID } from '../../../../../shared/domain/uuid';

/**
 * `settings.junctionTargetFieldId` on a ONE_TO_MANY relation: the field on the junction object
 * whose targets Twenty shows as a many-to-many. Rules and messages of Twenty's
 * validate-junction-target-settings.util.ts (docs/twenty-data-model-rules.md §6.3).
 */
const INVALID = 'INVALID_FIELD_INPUT';

export const junctionTargetOf = (field: FieldRow): unknown => field.settings?.junctionTargetFieldId;

export const validateJunctionTarget = (
  field: FieldRow,
  fields: ReadonlyMap<string, FieldRow>,
): EntityValidationError[] => {
  const id = junctionTargetOf(field);
  if (id === undefined || id === null || (typeof id === 'string' && id.length === 0)) return [];
  if (field.settings?.relationType !== 'ONE_TO_MANY')
    return [
      {
        code: INVALID,
        message: 'Junction configuration can only be set on ONE_TO_MANY relations',
        userFriendlyMessage: 'Junction configuration is only valid for ONE_TO_MANY relations',
      },
    ];
  if (typeof id !== 'string' || !UUID.test(id))
    return [
      {
        code: INVALID,
        message: `Invalid junction target field ID: ${String(id)}`,
        userFriendlyMessage: 'Invalid junction target field ID',
        value: id,
      },
    ];
  const target = fields.get(id);
  if (!target)
    return [
      {
        code: 'FIELD_METADATA_NOT_FOUND',
        message: `Junction target field not found: ${id}`,
        userFriendlyMessage: 'Junction target field not found',
        value: id,
      },
    ];
  if (target.objectMetadataId !== field.relationTargetObjectMetadataId)
    return [
      {
        code: INVALID,
        message: `Junction target field ${id} is not on the junction object`,
        userFriendlyMessage: 'Junction target field must be on the junction object',
        value: id,
      },
    ];
  if (target.type !== 'RELATION' && target.type !== 'MORPH_RELATION')
    return [
      {
        code: INVALID,
        message: `Junction target field ${id} is not a relation field`,
        userFriendlyMessage: 'Junction target field must be a relation field',
        value: id,
      },
    ];
  // A MORPH_RELATION is polymorphic: no MANY_TO_ONE check (as Twenty).
  if (target.type === 'RELATION' && target.settings?.relationType !== 'MANY_TO_ONE')
    return [
      {
        code: INVALID,
        message: `Junction target field ${id} is not a MANY_TO_ONE relation`,
        userFriendlyMessage: 'Junction target field must be a MANY_TO_ONE relation',
        value: id,
      },
    ];
  return [];
};
