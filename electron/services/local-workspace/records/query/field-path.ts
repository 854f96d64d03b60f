import {
  COMPOSITE_TYPES,
  computeCompositeColumnName,
  isCompositeFieldType,
} from '../../../../../shared/domain/composite-types';
import type { FieldMetadataType } from '../../../../../shared/domain/field-metadata-type';
import { isManyToOne, joinColumnNameOf } from '../../metadata/field-columns';
import type { ObjectShape } from '../record-shape';

/**
 * Resolves an API field path (`name.firstName`, `companyId`, `stage`) to the column holding it
 * and the type that decides how it compares. Returns null for paths the object does not have.
 */
export interface ResolvedColumn {
  column: string;
  type: FieldMetadataType;
  fieldName: string;
  isComposite: boolean;
}

export const resolveFieldPath = (shape: ObjectShape, path: string[]): ResolvedColumn | null => {
  const [head, sub, ...rest] = path;
  if (!head || rest.length > 0) return null;
  const field = shape.byName.get(head);
  if (field) {
    if (isCompositeFieldType(field.type)) {
      if (!sub) return { column: head, type: field.type, fieldName: head, isComposite: true };
      const subField = COMPOSITE_TYPES[field.type].find((candidate) => candidate.name === sub);
      if (!subField) return null;
      return {
        column: computeCompositeColumnName(head, sub),
        type: subField.type,
        fieldName: head,
        isComposite: false,
      };
    }
    if (
      sub ||
      field.type === 'RELATION' ||
      field.type === 'MORPH_RELATION' ||
      field.type === 'TS_VECTOR'
    )
      return null;
    return { column: head, type: field.type, fieldName: head, isComposite: false };
  }
  if (sub) return null;
  const relation = shape.fields.find(
    (candidate) => isManyToOne(candidate) && joinColumnNameOf(candidate) === head,
  );
  return relation
    ? { column: head, type: 'UUID', fieldName: relation.name, isComposite: false }
    : null;
};
