import { isFlagGranted } from '../../../../shared/access/role-rules';
import type { RequestContext } from '../workspace-runtime';
import { loadRolePermissions } from '../roles/role-permissions';

/**
 * Twenty's `SettingsPermissionGuard(<flag>)`: the caller's role grants the settings flag through
 * `canUpdateAllSettings` or by having the flag assigned (docs/twenty-permissions.md §1.4, §4.7).
 * Callers throw their endpoint's own refusal.
 */
export const hasSettingsPermission = async (
  context: Pick<RequestContext, 'runtime' | 'auth'>,
  flag: string,
): Promise<boolean> => {
  const { roleId } = context.auth;
  const role = roleId ? await loadRolePermissions(context.runtime.engine, roleId) : null;
  return role !== null && isFlagGranted(role.roleWide, role.permissionFlags, flag);
};
