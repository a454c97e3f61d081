// jest globalTeardown: stops the cluster global-setup.mjs started once its last user is done.
const STATE = Symbol.for('civicpulse.testPostgres');

export default async function globalTeardown() {
  const shared = globalThis[STATE];
  if (!shared) return;
  shared.users -= 1;
  if (shared.users > 0) return;
  globalThis[STATE] = undefined;
  await shared.stop();
}
