import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UserRecord, UserRepository } from '@civicpulse/db';
import { ForbiddenError, UnauthorizedError } from '@civicpulse/server-kit';
import { Public, Roles } from './auth.decorators';
import { AuthGuard } from './auth.guard';
import { AuthUserCache } from './auth-user-cache';
import type { TokenService } from './token.service';

class Routes {
  @Public()
  open(): string {
    return 'open';
  }

  @Roles('data_admin')
  sources(): string {
    return 'sources';
  }

  undeclared(): string {
    return 'undeclared';
  }
}

const user = (overrides: Partial<UserRecord> = {}): UserRecord => ({
  id: 7,
  username: 'li',
  displayName: 'Li',
  role: 'operator',
  departmentCode: null,
  active: true,
  createdAt: new Date(0),
  ...overrides,
});

function context(
  handler: keyof Routes,
  authorization?: string,
): { ctx: ExecutionContext; request: Record<string, unknown> } {
  const request: Record<string, unknown> = { headers: authorization ? { authorization } : {} };
  const ctx = {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { ctx, request };
}

const caches = { authUserMs: 5000, versionProbeMs: 1000, scorecardEntries: 10 };

function guard(found: UserRecord | null): AuthGuard {
  const tokens = {
    verify: async (token: string) => (token === 'good' ? 7 : Promise.reject(new UnauthorizedError())),
  } as unknown as TokenService;
  const users = { findById: async () => found } as unknown as UserRepository;
  return new AuthGuard(new Reflector(), tokens, new AuthUserCache(users, { caches }));
}

describe('AuthGuard', () => {
  it('lets public routes through without a token', async () => {
    await expect(guard(null).canActivate(context('open').ctx)).resolves.toBe(true);
  });

  it('requires a bearer token on undeclared routes', async () => {
    await expect(guard(user()).canActivate(context('undeclared').ctx)).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    const { ctx, request } = context('undeclared', 'Bearer good');
    await expect(guard(user()).canActivate(ctx)).resolves.toBe(true);
    expect(request['user']).toEqual({ id: 7, username: 'li', role: 'operator', departmentCode: null });
  });

  it('enforces the role order', async () => {
    await expect(
      guard(user({ role: 'operator' })).canActivate(context('sources', 'Bearer good').ctx),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      guard(user({ role: 'admin' })).canActivate(context('sources', 'Bearer good').ctx),
    ).resolves.toBe(true);
  });

  it('refuses disabled or deleted users and bad tokens', async () => {
    await expect(
      guard(user({ active: false })).canActivate(context('undeclared', 'Bearer good').ctx),
    ).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(guard(null).canActivate(context('undeclared', 'Bearer good').ctx)).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    await expect(guard(user()).canActivate(context('undeclared', 'Bearer bad').ctx)).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    await expect(guard(user()).canActivate(context('undeclared', 'Basic abc').ctx)).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
  });
});
