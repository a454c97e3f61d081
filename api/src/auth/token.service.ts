import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UnauthorizedError } from '@civicpulse/server-kit';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import type { AccessTokenClaims } from './auth-user';

/** Issues and checks access tokens (HS256 JWT). */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  get expiresInSeconds(): number {
    return this.config.jwt.expiresInSeconds;
  }

  async issue(userId: number, username: string): Promise<string> {
    const claims: AccessTokenClaims = { sub: String(userId), username };
    return this.jwt.signAsync(claims, {
      secret: this.config.jwt.secret,
      expiresIn: this.config.jwt.expiresInSeconds,
      algorithm: 'HS256',
    });
  }

  /** Returns the user id of a valid token; throws UnauthorizedError otherwise. */
  async verify(token: string): Promise<number> {
    let claims: unknown;
    try {
      claims = await this.jwt.verifyAsync(token, { secret: this.config.jwt.secret, algorithms: ['HS256'] });
    } catch {
      throw new UnauthorizedError('Invalid or expired token');
    }
    const sub =
      typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>)['sub'] : undefined;
    const id = typeof sub === 'string' && /^\d+$/.test(sub) ? Number(sub) : NaN;
    if (!Number.isSafeInteger(id)) throw new UnauthorizedError('Invalid or expired token');
    return id;
  }
}
