// jest globalSetup: one Postgres for the whole jest run, shared by every test file.
// - DATABASE_URL set: use that server (it must allow CREATE DATABASE); nothing is started.
// - otherwise: start an embedded cluster on a free port (see embedded-cluster.mjs).
// The admin URL is exported as CIVICPULSE_TEST_ADMIN_URL; createTestDatabase() makes one fresh
// database per caller from it. Several projects of one jest run share one cluster (ref-counted).
import { startEmbeddedCluster } from './embedded-cluster.mjs';

const STATE = Symbol.for('civicpulse.testPostgres');

export default async function globalSetup() {
  const shared = globalThis[STATE];
  if (shared) {
    shared.users += 1;
    return;
  }
  if (process.env.DATABASE_URL) {
    process.env.CIVICPULSE_TEST_ADMIN_URL = process.env.DATABASE_URL;
    globalThis[STATE] = { users: 1, stop: async () => undefined };
    return;
  }
  const cluster = await startEmbeddedCluster();
  process.env.CIVICPULSE_TEST_ADMIN_URL = cluster.adminUrl;
  globalThis[STATE] = { users: 1, stop: cluster.stop };
}
