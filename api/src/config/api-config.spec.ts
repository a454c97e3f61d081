import { ConfigError } from '@civicpulse/server-kit';
import { buildApiConfig } from './api-config';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/civicpulse' };

function issuesOf(env: Record<string, string>): string[] {
  try {
    buildApiConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((i) => i.key).sort();
    throw error;
  }
  return [];
}

describe('API config', () => {
  it('applies defaults', () => {
    const config = buildApiConfig(base);
    expect(config).toMatchObject({
      port: 3000,
      timeZone: 'Asia/Shanghai',
      cityCode: '990100',
      corsOrigins: [],
      webDistDir: null,
      admin: { username: 'admin', password: null },
    });
    expect(config.jwt.generated).toBe(true);
    expect(config.jwt.secret.length).toBeGreaterThanOrEqual(32);
  });

  it('generates a different secret per process start', () => {
    expect(buildApiConfig(base).jwt.secret).not.toBe(buildApiConfig(base).jwt.secret);
  });

  it('parses CORS origins and keeps a given secret', () => {
    const config = buildApiConfig({
      ...base,
      CORS_ORIGINS: 'https://a.example, https://b.example',
      JWT_SECRET: 'x'.repeat(40),
    });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.jwt).toMatchObject({ secret: 'x'.repeat(40), generated: false });
  });

  it('reports every invalid key at once, including the production-only secret', () => {
    expect(issuesOf({ NODE_ENV: 'production', PORT: 'abc', CITY_TIME_ZONE: 'Mars/Olympus' })).toEqual([
      'CITY_TIME_ZONE',
      'DATABASE_URL',
      'JWT_SECRET',
      'PORT',
    ]);
  });

  it('reads the session lifetime as a duration', () => {
    expect(buildApiConfig({ ...base, JWT_TTL: '30m' }).jwt.expiresInSeconds).toBe(1800);
    expect(buildApiConfig(base).jwt.expiresInSeconds).toBe(8 * 3600);
    expect(issuesOf({ ...base, JWT_TTL: '8 hours' })).toEqual(['JWT_TTL']);
    expect(issuesOf({ ...base, JWT_TTL: '10s' })).toEqual(['JWT_TTL']);
  });

  it('rejects weak admin passwords and non-postgres URLs', () => {
    expect(issuesOf({ DATABASE_URL: 'mysql://x', ADMIN_PASSWORD: 'short' })).toEqual([
      'ADMIN_PASSWORD',
      'DATABASE_URL',
    ]);
  });
});
