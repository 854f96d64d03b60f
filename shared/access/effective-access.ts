import type { AccessObject, EffectiveAccess, Role } from '../contract/access';
import {
  appliesFieldPermissions,
  isFlagGranted,
  objectRecordAccess,
  PERMISSION_FLAGS,
} from './role-rules';

/**
 * What a role lets its holders do with every object and field, as Twenty computes it: object
 * access from the role-wide switches and overrides (`role-rules.ts`), then the field restrictions
 * on top (a field is readable only where its object is).
 */
export const effectiveAccess = (role: Role, objects: readonly AccessObject[]): EffectiveAccess => {
  const flags = new Set(role.permissionFlags);
  return {
    roleId: role.id,
    roleLabel: role.label,
    objects: objects.map((object) => {
      const access = objectRecordAccess(role, flags, role.objectPermissions[object.id], object);
      const fieldRules = appliesFieldPermissions(object.nameSingular);
      return {
        objectId: object.id,
        nameSingular: object.nameSingular,
        label: object.labelSingular,
        isSystem: object.isSystem,
        ...access,
        fields: object.fields.map((field) => {
          const restriction = fieldRules ? role.fieldPermissions[field.id]?.restriction : undefined;
          return {
            fieldId: field.id,
            name: field.name,
            label: field.label,
            read: access.read && restriction !== 'hidden',
            update: access.update && restriction === undefined,
          };
        }),
      };
    }),
    flags: PERMISSION_FLAGS.map(({ key, kind }) => ({
      key,
      kind,
      granted: isFlagGranted(role, flags, key),
    })),
  };
};
