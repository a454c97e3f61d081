import { Inject, Injectable } from '@nestjs/common';
import { type UserRecord, UserRepository } from '@civicpulse/db';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { BoundedCache } from '../common/bounded-cache';

/** Most users kept at once; beyond this the least recently seen is read again. */
const MAX_USERS = 1000;

/**
 * The user rows the auth guard checks, kept per user id for `AUTH_USER_CACHE_MS` (5 s by
 * default). A user disabled, deleted or demoted through this API is forgotten at once
 * ({@link forget}); a change made by another process (another API instance, SQL) takes effect
 * within that time at most. 0 reads the user on every request.
 */
@Injectable()
export class AuthUserCache {
  private readonly cache: BoundedCache<UserRecord | null>;

  constructor(
    private readonly users: UserRepository,
    @Inject(API_CONFIG) config: Pick<ApiConfig, 'caches'>,
  ) {
    const ttl = config.caches.authUserMs;
    this.cache = new BoundedCache(ttl > 0 ? MAX_USERS : 0, ttl);
  }

  find(id: number): Promise<UserRecord | null> {
    return this.cache.get(String(id), () => this.users.findById(id));
  }

  forget(id: number): void {
    this.cache.delete(String(id));
  }
}
