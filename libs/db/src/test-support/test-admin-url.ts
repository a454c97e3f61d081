/**
 * Admin URL of the Postgres started by the jest global setup (libs/testing/src/postgres). The
 * db library cannot import @civicpulse/testing (that library depends on this one), so its own
 * medium specs read the variable here.
 */
export function testAdminUrl(): string {
  const url = process.env['CIVICPULSE_TEST_ADMIN_URL'];
  if (!url) throw new Error('CIVICPULSE_TEST_ADMIN_URL is not set: run through libs/db/jest.config.ts');
  return url;
}
