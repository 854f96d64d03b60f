import type { FieldMetadataType } from '../../../../shared/domain/field-metadata-type';
import type { BaseFieldName } from '../metadata/base-fields';

/**
 * Declarative description of one of Twenty's standard objects, from which the local workspace
 * builds its metadata rows and tables when a data dir is created. The base fields every object
 * carries (id, createdAt, updatedAt, deletedAt, createdBy, updatedBy, position, searchVector)
 * are NOT listed here: the seeder adds them (see build-base-fields.ts) unless `baseFields` narrows them.
 */
export interface StandardSelectOption {
  label: string;
  value: string;
  color: string;
  position: number;
}

export interface StandardRelationDefinition {
  /** Relation type from this field's side. */
  type: 'MANY_TO_ONE' | 'ONE_TO_MANY';
  /** nameSingular of the target object. */
  target: string;
  /** Name of the inverse field on the target object (it must be listed there too). */
  inverse: string;
  /** MANY_TO_ONE only: Twenty's onDelete action. */
  onDelete?: 'CASCADE' | 'RESTRICT' | 'SET_NULL' | 'NO_ACTION';
}

export interface StandardFieldDefinition {
  name: string;
  label: string;
  type: FieldMetadataType;
  /** Twenty's standard universal identifier for this field (twenty-sdk STANDARD_OBJECTS), when known. */
  universalIdentifier?: string;
  description?: string;
  icon?: string;
  /** Defaults as Twenty stores them: string defaults as quoted SQL literals ("'NEW'"). */
  defaultValue?: unknown;
  options?: StandardSelectOption[];
  settings?: Record<string, unknown>;
  isNullable?: boolean; // default true
  isSystem?: boolean; // default false
  isUnique?: boolean; // default false
  isActive?: boolean; // default true
  isUIReadOnly?: boolean; // default false
  /** RELATION fields: the relation. MORPH_RELATION fields: one entry per target. */
  relation?: StandardRelationDefinition;
  morphRelations?: StandardRelationDefinition[];
  /** For MORPH_RELATION: sibling fields sharing a morphId are listed separately with this key. */
  morphGroup?: string;
}

export interface StandardObjectDefinition {
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
  description?: string;
  icon?: string;
  universalIdentifier?: string;
  isSystem?: boolean; // default false
  isSearchable?: boolean; // default false
  /** Name of the field used as record title (TEXT or FULL_NAME; UUID for system objects). */
  labelIdentifierFieldName: string;
  imageIdentifierFieldName?: string;
  /** Which base fields this object has; default: all eight. */
  baseFields?: Array<Exclude<BaseFieldName, 'name'>>;
  /** Field names whose values feed searchVector (Twenty's SEARCH_FIELDS_FOR_*). */
  searchFields?: string[];
  duplicateCriteria?: string[][];
  fields: StandardFieldDefinition[];
}
