import { Injectable } from '@nestjs/common';
import type { UserDto } from '@civicpulse/contracts';
import { AuditLogRepository, type UserChanges, UserRepository } from '@civicpulse/db';
import { ConflictError, NotFoundError, ValidationError } from '@civicpulse/server-kit';
import type { AuthUser } from '../auth/auth-user';
import { AuthUserCache } from '../auth/auth-user-cache';
import { PasswordHasher } from '../auth/password-hasher';
import { toUserDto } from '../auth/user-view';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto';

/** User administration (admin only); every change is audited. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly audit: AuditLogRepository,
    private readonly hasher: PasswordHasher,
    private readonly signedIn: AuthUserCache,
  ) {}

  async list(): Promise<UserDto[]> {
    return (await this.users.list()).map(toUserDto);
  }

  async create(actor: AuthUser, request: CreateUserDto): Promise<UserDto> {
    await this.assertDepartment(request.departmentCode ?? null);
    const created = await this.users.create({
      username: request.username,
      passwordHash: await this.hasher.hash(request.password),
      displayName: request.displayName ?? request.username,
      role: request.role,
      departmentCode: request.departmentCode ?? null,
    });
    if (!created) {
      throw new ConflictError(`Username '${request.username}' is taken`, [
        { field: 'username', problem: 'already exists' },
      ]);
    }
    const dto = toUserDto(created);
    await this.audit.append({
      actorId: actor.id,
      actorName: actor.username,
      action: 'user.create',
      entityType: 'app_user',
      entityId: String(created.id),
      after: { username: dto.username, role: dto.role, departmentCode: dto.departmentCode },
    });
    return dto;
  }

  async update(actor: AuthUser, id: number, request: UpdateUserDto): Promise<UserDto> {
    const before = await this.users.findById(id);
    if (!before) throw new NotFoundError('User', String(id));
    if (request.departmentCode !== undefined) await this.assertDepartment(request.departmentCode);
    const losesAdmin =
      before.role === 'admin' && ((request.role && request.role !== 'admin') || request.disabled === true);
    if (losesAdmin && before.active && (await this.users.countActiveAdmins()) <= 1) {
      // Locking everyone out of administration is never what was meant.
      throw new ConflictError('The last active admin cannot be demoted or disabled');
    }
    const changes: UserChanges = {
      role: request.role,
      displayName: request.displayName,
      departmentCode: request.departmentCode,
      active: request.disabled === undefined ? undefined : !request.disabled,
      passwordHash: request.password === undefined ? undefined : await this.hasher.hash(request.password),
    };
    const after = await this.users.update(id, changes);
    // The auth guard sees a disabled or demoted user on the very next request.
    this.signedIn.forget(id);
    if (!after) throw new NotFoundError('User', String(id));
    const view = (u: UserDto) => ({
      role: u.role,
      departmentCode: u.departmentCode,
      disabled: u.disabled,
      displayName: u.displayName,
    });
    await this.audit.append({
      actorId: actor.id,
      actorName: actor.username,
      action: request.password === undefined ? 'user.update' : 'user.update_with_password',
      entityType: 'app_user',
      entityId: String(id),
      before: view(toUserDto(before)),
      after: view(toUserDto(after)),
    });
    return toUserDto(after);
  }

  private async assertDepartment(code: string | null): Promise<void> {
    if (code !== null && !(await this.users.departmentExists(code))) {
      throw ValidationError.field('departmentCode', `unknown department '${code}'`);
    }
  }
}
