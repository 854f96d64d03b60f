/**
 * The fields Twenty gives every new custom object (`name` unless skipped), in Twenty's order.
 * Source: build-default-flat-field-metadatas-for-custom-object.util.ts (Twenty 2.x).
 */
export const BASE_FIELD_NAMES = [
  'id',
  'name',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'createdBy',
  'updatedBy',
  'position',
  'searchVector',
] as const;

export type BaseFieldName = (typeof BASE_FIELD_NAMES)[number];

export const isBaseFieldName = (name: string): name is BaseFieldName =>
  (BASE_FIELD_NAMES as readonly string[]).includes(name);
