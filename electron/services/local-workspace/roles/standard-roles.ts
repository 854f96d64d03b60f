/**
 * The roles of a new workspace (docs/twenty-permissions.md §1.5). Admin carries Twenty's own
 * universal identifier (`STANDARD_ROLE.admin`); Member is created by Twenty as a custom role with a
 * random one and found through `workspace.defaultRoleId`. Our `core."workspace"` has no
 * `defaultRoleId`, so the seeded Member carries a fixed identifier (Twenty's former Member
 * standardId) and that marks the workspace default role.
 */
export const ADMIN_ROLE_UNIVERSAL_IDENTIFIER = '20202020-02c2-43f2-b94d-cab1f2b532eb';
export const MEMBER_ROLE_UNIVERSAL_IDENTIFIER = '20202020-0001-0001-0001-000000000002';
