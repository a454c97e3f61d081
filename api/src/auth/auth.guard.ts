import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@civicpulse/contracts';
import { ForbiddenError, UnauthorizedError } from '@civicpulse/server-kit';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { type AuthUser, roleAtLeast } from './auth-user';
import { AuthUserCache } from './auth-user-cache';
import { TokenService } from './token.service';

interface GuardedRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthUser;
}

/**
 * Global guard: routes are either @Public() or need a bearer token; @Roles(min) raises the bar.
 * A route that declares neither still needs a signed-in user (viewer), so forgetting a decorator
 * never opens data to the world. The user row is checked on each request (from {@link AuthUserCache},
 * at most a few seconds old, forgotten at once when changed through this API) so that disabling a
 * user or lowering a role takes effect then, not when the token expires.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: AuthUserCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const required = this.reflector.getAllAndOverride<Role | undefined>(ROLES_KEY, targets) ?? 'viewer';

    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const header = request.headers['authorization'];
    const value = Array.isArray(header) ? header[0] : header;
    const match = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
    if (!match) throw new UnauthorizedError();
    const userId = await this.tokens.verify(match[1]);
    const user = await this.users.find(userId);
    if (!user || !user.active) throw new UnauthorizedError('Invalid or expired token');
    request.user = {
      id: user.id,
      username: user.username,
      role: user.role,
      departmentCode: user.departmentCode,
    };
    if (!roleAtLeast(user.role, required)) throw new ForbiddenError(`This action needs the ${required} role`);
    return true;
  }
}
