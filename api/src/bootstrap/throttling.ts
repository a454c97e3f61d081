import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerGuard, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { LOGIN_THROTTLE_KEY } from '../auth/auth.decorators';
import type { ApiConfig } from '../config/api-config';

const MINUTE_MS = 60_000;
const reflector = new Reflector();

function isLoginRoute(context: ExecutionContext): boolean {
  return reflector.get<boolean | undefined>(LOGIN_THROTTLE_KEY, context.getHandler()) === true;
}

/**
 * Two limits per client IP: a general one for every route and a strict one that only counts
 * sign-in attempts (password guessing), applied to routes marked @LoginRateLimited().
 */
export function throttlerOptions(config: ApiConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      { name: 'default', ttl: MINUTE_MS, limit: config.rateLimitPerMinute },
      {
        name: 'login',
        ttl: MINUTE_MS,
        limit: config.loginRateLimitPerMinute,
        skipIf: (context) => !isLoginRoute(context),
      },
    ],
    errorMessage: 'Too many requests, try again later',
  };
}

/** The throttler guard; a subclass only so the guard order is explicit in AppModule. */
@Injectable()
export class AppThrottlerGuard extends ThrottlerGuard {}
