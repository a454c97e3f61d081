import { migrationState, pendingSchemaChanges } from '@civicpulse/db';
import type { CliOutput } from '../cli-output';
import type { CliContext } from '../cli-context';

/**
 * `schema check`: fails when the entities describe a schema the migrations do not create
 * (TypeORM's schema builder would run statements) or when migrations are pending.
 */
export async function schemaCheckCommand(ctx: CliContext, out: CliOutput): Promise<number> {
  const dataSource = await ctx.dataSource();
  const state = await migrationState(dataSource);
  if (state.pending.length > 0) {
    out.error(
      `schema check: ${state.pending.length} migration(s) pending: ${state.pending.join(', ')} (run 'migrate' first)`,
    );
    return 1;
  }
  const drift = await pendingSchemaChanges(dataSource);
  if (drift.up.length > 0) {
    out.error(`schema check: entities and migrations disagree; the schema builder would run:`);
    for (const statement of drift.up) out.error(`  ${statement.sql};`);
    out.line(`schema: drift, ${drift.up.length} statement(s)`);
    return 1;
  }
  out.line(`schema: entities and migrations agree (${state.applied.length} migrations applied)`);
  return 0;
}
