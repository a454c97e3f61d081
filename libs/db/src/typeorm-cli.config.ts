import { createDataSource } from './data-source';

/**
 * Standalone data source for the TypeORM CLI (`typeorm-ts-node-commonjs -d …`), e.g. to show or
 * revert migrations by hand. Reads DATABASE_URL, the same variable the apps use.
 */
const url = process.env['DATABASE_URL'];
if (!url) {
  throw new Error('DATABASE_URL is not set (postgres://user:password@host:port/database)');
}

export default createDataSource({ url, applicationName: 'civicpulse-cli' });
