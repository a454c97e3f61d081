import { migrationState, runMigrations, createDataSource } from '@civicpulse/db';
import type { IngestConfig } from '../../config/ingest-config';
import type { CliOutput } from '../cli-output';

/**
 * `migrate`: applies pending migrations under the database's migration lock (a second process
 * waits, then finds nothing to do). The last line is the summary `npm start` shows.
 */
export async function migrateCommand(config: IngestConfig, out: CliOutput): Promise<number> {
  const applied = await runMigrations(config.databaseUrl);
  for (const name of applied) out.line(`applied ${name}`);
  const dataSource = createDataSource({
    url: config.databaseUrl,
    poolSize: 1,
    applicationName: 'civicpulse-ingest-cli',
  });
  await dataSource.initialize();
  try {
    const state = await migrationState(dataSource);
    out.line(
      `migrations: ${applied.length} applied, ${state.pending.length} pending (${state.applied.length} in database)`,
    );
    return state.pending.length === 0 ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}
