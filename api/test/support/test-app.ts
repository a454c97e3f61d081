import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { Role } from '@civicpulse/contracts';
import { UserRepository } from '@civicpulse/db';
import { createTestDatabase, type TestDatabase } from '@civicpulse/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { PasswordHasher } from '../../src/auth/password-hasher';
import { FIRST_ADMIN_OUTPUT } from '../../src/auth/first-admin.service';
import { configureApp } from '../../src/bootstrap/configure-app';
import { CLOCK } from '../../src/measurement/clock';
import { type ApiConfig, buildApiConfig } from '../../src/config/api-config';

/** Password of every user the harness creates. */
export const TEST_PASSWORD = 'correct-horse-battery';

/** A running API on a fresh, migrated database. */
export interface TestApp {
  app: NestExpressApplication;
  db: TestDatabase;
  config: ApiConfig;
  /** Lines the first-admin bootstrap printed. */
  printed: string[];
  http(): ReturnType<typeof request>;
  /** Bearer token of a user with the role (created on first use, department-unscoped). */
  tokenFor(role: Role): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Frozen "now" seen by the API (scorecards of running periods, freshness). */
  now?: Date;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const env = options.env ?? {};
  const db = await createTestDatabase();
  const config = buildApiConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    LOG_LEVEL: 'silent',
    ADMIN_PASSWORD: TEST_PASSWORD,
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    RATE_LIMIT_PER_MINUTE: '100000',
    BODY_LIMIT: '64kb',
    DATABASE_POOL_SIZE: '4',
    // Tests write outside the API (SQL, repositories) and read at once: probe versions on every
    // request. The shared probe has its own tests (scorecard-cache.medium-spec.ts).
    VERSION_PROBE_MS: '0',
    ...env,
  });
  const printed: string[] = [];
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forConfig(config)] })
    .overrideProvider(FIRST_ADMIN_OUTPUT)
    .useValue((line: string) => printed.push(line))
    .overrideProvider(CLOCK)
    .useValue({ now: () => options.now ?? new Date() })
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  configureApp(app, config);
  await app.init();

  const tokens = new Map<Role, string>();
  const http = () => request(app.getHttpServer());
  return {
    app,
    db,
    config,
    printed,
    http,
    async tokenFor(role: Role): Promise<string> {
      const cached = tokens.get(role);
      if (cached) return cached;
      const username = `test-${role.replace('_', '-')}`;
      const users = app.get(UserRepository);
      if (!(await users.findCredentials(username))) {
        await users.create({
          username,
          passwordHash: await app.get(PasswordHasher).hash(TEST_PASSWORD),
          displayName: username,
          role,
          departmentCode: null,
        });
      }
      const res = await http()
        .post('/api/auth/login')
        .send({ username, password: TEST_PASSWORD })
        .expect(200);
      const token = (res.body as { accessToken: string }).accessToken;
      tokens.set(role, token);
      return token;
    },
    async close(): Promise<void> {
      await app.close();
      await db.drop();
    },
  };
}
