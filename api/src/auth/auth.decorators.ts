import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@civicpulse/contracts';
import type { AuthUser } from './auth-user';

export const PUBLIC_KEY = 'civicpulse:public';
export const ROLES_KEY = 'civicpulse:min-role';
export const LOGIN_THROTTLE_KEY = 'civicpulse:login-throttle';

/** The route needs no token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** The route needs a signed-in user with at least this role (roles are ordered). */
export const Roles = (minimum: Role): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, minimum);

/** The route is subject to the strict login rate limit. */
export const LoginRateLimited = (): MethodDecorator => SetMetadata(LOGIN_THROTTLE_KEY, true);

interface RequestWithUser {
  user?: AuthUser;
}

/** The signed-in user (set by AuthGuard); only on routes that are not @Public(). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<RequestWithUser>().user;
  if (!user) throw new Error('CurrentUser used on a route without authentication');
  return user;
});
