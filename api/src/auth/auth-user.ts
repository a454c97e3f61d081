import { ROLES, type Role } from '@civicpulse/contracts';

/** The signed-in user attached to a request by the auth guard. */
export interface AuthUser {
  id: number;
  username: string;
  role: Role;
  /** Department scope; null = every department. */
  departmentCode: string | null;
}

/** Claims carried in the access token. Role is re-read from the database on each request. */
export interface AccessTokenClaims {
  sub: string;
  username: string;
}

/** True when `role` is at least `required` in the order viewer < operator < data_admin < admin. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/**
 * True when a user may act on something owned by `departmentCode`: unscoped users may act
 * everywhere, scoped users only inside their department.
 */
export function inDepartmentScope(user: AuthUser, departmentCode: string | null): boolean {
  return user.departmentCode === null || user.departmentCode === departmentCode;
}
