/** Roles in increasing power: each role can do what the previous ones can. */
export const ROLES = ['viewer', 'operator', 'data_admin', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** POST /api/auth/login body. */
export interface LoginRequest {
  username: string;
  password: string;
}

/** POST /api/auth/login response. Send the token as `Authorization: Bearer <accessToken>`. */
export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the token expires. */
  expiresIn: number;
  user: UserDto;
}

/** GET /api/auth/me and user management items. */
export interface UserDto {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** Department code the user is scoped to; null = all departments. */
  departmentCode: string | null;
  disabled: boolean;
  createdAt: string;
}

/** POST /api/admin/users */
export interface CreateUserRequest {
  username: string;
  password: string;
  displayName?: string;
  role: Role;
  departmentCode?: string | null;
}

/** PATCH /api/admin/users/:id */
export interface UpdateUserRequest {
  role?: Role;
  departmentCode?: string | null;
  displayName?: string;
  disabled?: boolean;
  password?: string;
}

/** GET /api/admin/audit-log item. */
export interface AuditLogEntryDto {
  id: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}
