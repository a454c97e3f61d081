import { JwtService } from '@nestjs/jwt';
import { UnauthorizedError } from '@civicpulse/server-kit';
import type { ApiConfig } from '../config/api-config';
import { TokenService } from './token.service';

const config = {
  jwt: { secret: 's'.repeat(40), expiresInSeconds: 60, generated: false },
} as unknown as ApiConfig;

describe('TokenService', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('accepts its own tokens, again and again, and refuses others', async () => {
    const tokens = new TokenService(new JwtService({}), config);
    const token = await tokens.issue(7, 'li');
    await expect(tokens.verify(token)).resolves.toBe(7);
    await expect(tokens.verify(token)).resolves.toBe(7);
    const foreign = await new TokenService(new JwtService({}), {
      ...config,
      jwt: { ...config.jwt, secret: 't'.repeat(40) },
    }).issue(7, 'li');
    await expect(tokens.verify(foreign)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(tokens.verify(`${token.slice(0, -2)}xx`)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('refuses a token once it expires, even one it accepted before', async () => {
    jest.useFakeTimers({ now: new Date('2025-11-15T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const tokens = new TokenService(new JwtService({}), config);
    const token = await tokens.issue(7, 'li');
    await expect(tokens.verify(token)).resolves.toBe(7);
    jest.setSystemTime(new Date('2025-11-15T10:01:00Z'));
    await expect(tokens.verify(token)).rejects.toBeInstanceOf(UnauthorizedError);
  });
});
