import type { UserDto } from '@civicpulse/contracts';
import type { UserRecord } from '@civicpulse/db';

/** The public view of a user record (never the hash). */
export function toUserDto(user: UserRecord): UserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    departmentCode: user.departmentCode,
    disabled: !user.active,
    createdAt: user.createdAt.toISOString(),
  };
}
