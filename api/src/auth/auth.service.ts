import { Injectable } from '@nestjs/common';
import type { LoginRequest, LoginResponse, UserDto } from '@civicpulse/contracts';
import { UserRepository } from '@civicpulse/db';
import { NotFoundError, UnauthorizedError } from '@civicpulse/server-kit';
import type { AuthUser } from './auth-user';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';
import { toUserDto } from './user-view';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
  ) {}

  /** Same answer for unknown user, wrong password and disabled user: no account probing. */
  async login(request: LoginRequest): Promise<LoginResponse> {
    const user = await this.users.findCredentials(request.username);
    const ok = await this.hasher.verify(request.password, user?.passwordHash ?? null);
    if (!user || !ok || !user.active) throw new UnauthorizedError('Wrong username or password');
    const accessToken = await this.tokens.issue(user.id, user.username);
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.tokens.expiresInSeconds,
      user: toUserDto(user),
    };
  }

  async me(current: AuthUser): Promise<UserDto> {
    const user = await this.users.findById(current.id);
    if (!user) throw new NotFoundError('User', current.username);
    return toUserDto(user);
  }
}
