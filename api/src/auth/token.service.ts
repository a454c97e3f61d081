import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UnauthorizedError } from '@civicpulse/server-kit';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import type { AccessTokenClaims } from './auth-user';

/** Most checked tokens remembered at once (least recently used forgotten first). */
const MAX_VERIFIED = 1000;

/** Issues and checks access tokens (HS256 JWT). */
@Injectable()
export class TokenService {
  /**
   * Checks tokens with the secret built once as a key object: given the secret as a string, the
   * JWT library would build that key again on every request.
   */
  private readonly verifier: JwtService;
  /**
   * Tokens already found valid, with their user id and expiry: the same bytes carry the same
   * signature, so a client sending its token again needs only the expiry checked.
   */
  private readonly verified = new Map<string, { id: number; expiresAtMs: number }>();

  constructor(
    private readonly jwt: JwtService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.verifier = new JwtService({
      secret: createSecretKey(Buffer.from(config.jwt.secret, 'utf8')),
      verifyOptions: { algorithms: ['HS256'] },
    });
  }

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
    const known = this.verified.get(token);
    if (known) {
      this.verified.delete(token);
      if (Date.now() < known.expiresAtMs) {
        this.verified.set(token, known);
        return known.id;
      }
    }
    let claims: unknown;
    try {
      claims = this.verifier.verify<object>(token);
    } catch {
      throw new UnauthorizedError('Invalid or expired token');
    }
    const sub =
      typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>)['sub'] : undefined;
    const id = typeof sub === 'string' && /^\d+$/.test(sub) ? Number(sub) : NaN;
    if (!Number.isSafeInteger(id)) throw new UnauthorizedError('Invalid or expired token');
    const exp = (claims as Record<string, unknown>)['exp'];
    if (typeof exp === 'number') {
      this.verified.set(token, { id, expiresAtMs: exp * 1000 });
      if (this.verified.size > MAX_VERIFIED) {
        const oldest = this.verified.keys().next().value;
        if (oldest !== undefined) this.verified.delete(oldest);
      }
    }
    return id;
  }
}
