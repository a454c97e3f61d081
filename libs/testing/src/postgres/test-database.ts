import { createScratchDatabase, type ScratchDatabase } from '@civicpulse/db';

/** A fresh database for one test file: `{ url, dataSource, drop }`. */
export type TestDatabase = ScratchDatabase;

export interface TestDatabaseOptions {
  /** Leave the schema empty (for tests of the migrations themselves). Default: migrate. */
  migrate?: boolean;
}

export class TestPostgresNotStartedError extends Error {
  constructor() {
    super(
      'CIVICPULSE_TEST_ADMIN_URL is not set: add libs/testing/src/postgres/global-setup.mjs and ' +
        'global-teardown.mjs as globalSetup/globalTeardown in the jest config (or set DATABASE_URL).',
    );
    this.name = 'TestPostgresNotStartedError';
  }
}

/** The admin URL exported by the jest global setup. */
export function testAdminUrl(): string {
  const url = process.env['CIVICPULSE_TEST_ADMIN_URL'];
  if (!url) throw new TestPostgresNotStartedError();
  return url;
}

/**
 * Creates a uniquely named database on the test server, runs every migration and returns an
 * initialised data source. Each test file gets its own database, so files run in parallel
 * workers without seeing each other's rows. Call `drop()` in afterAll.
 */
export function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  return createScratchDatabase(testAdminUrl(), { migrate: options.migrate, prefix: 'civicpulse_test' });
}
