import { ConfigError } from '@civicpulse/server-kit';
import { loadIngestConfig } from '../config/ingest-config';
import { CliContext } from './cli-context';
import { CliUsageError, USAGE, type CliCommand } from './cli-command';
import type { CliOutput } from './cli-output';
import { catalogApplyCommand } from './commands/catalog-apply.command';
import { checkCommand } from './commands/check.command';
import { migrateCommand } from './commands/migrate.command';
import { previewCommand } from './commands/preview.command';
import { backfillCommand, runCommand } from './commands/run.command';
import { runsCommand } from './commands/runs.command';
import { schemaCheckCommand } from './commands/schema-check.command';

/** Exit codes: 0 ok, 1 the command failed, 2 bad command line, 78 bad configuration (EX_CONFIG). */
export const EXIT = { ok: 0, failed: 1, usage: 2, config: 78 } as const;

type DataCommand = Exclude<CliCommand, { kind: 'worker' } | { kind: 'help' }>;

async function dispatch(command: DataCommand, ctx: CliContext, out: CliOutput): Promise<number> {
  switch (command.kind) {
    case 'migrate':
      return migrateCommand(ctx.config, out);
    case 'catalog-apply':
      return catalogApplyCommand(ctx, out, command.dir);
    case 'check':
      return checkCommand(ctx, out, command.source);
    case 'preview':
      return previewCommand(ctx, out, command.source, command.limit);
    case 'run':
      return runCommand(ctx, out, command.source);
    case 'backfill':
      return backfillCommand(ctx, out, command.source, command.from, command.to);
    case 'runs':
      return runsCommand(ctx, out, command.source, command.limit);
    case 'schema-check':
      return schemaCheckCommand(ctx, out);
  }
}

/** Prints an error for a person at a terminal: the named class and its message, no stack. */
export function describeFailure(error: unknown): string {
  if (error instanceof AggregateError) {
    return [error.message, ...error.errors.map((e: unknown) => describeFailure(e))].join('\n');
  }
  if (error instanceof Error)
    return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  return String(error);
}

/**
 * Runs one data-team command and returns the exit code. Never throws: every failure becomes a
 * message on stderr and a non-zero code.
 */
export async function runCli(
  command: Exclude<CliCommand, { kind: 'worker' }>,
  env: Record<string, string | undefined>,
  out: CliOutput,
): Promise<number> {
  if (command.kind === 'help') {
    out.line(USAGE);
    return EXIT.ok;
  }
  let ctx: CliContext;
  try {
    ctx = new CliContext(loadIngestConfig(env));
  } catch (error) {
    if (error instanceof ConfigError) {
      out.error(error.message);
      return EXIT.config;
    }
    throw error;
  }
  try {
    return await dispatch(command, ctx, out);
  } catch (error) {
    if (error instanceof CliUsageError) {
      out.error(error.message);
      return EXIT.usage;
    }
    out.error(`✖ ${describeFailure(error)}`);
    return EXIT.failed;
  } finally {
    await ctx.close().catch(() => undefined);
  }
}
