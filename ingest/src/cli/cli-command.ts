import { parseArgs } from 'node:util';

/** A parsed command line: what the process was asked to do. */
export type CliCommand =
  | { kind: 'worker' }
  | { kind: 'help'; topic?: string }
  | { kind: 'migrate' }
  | { kind: 'catalog-apply'; dir: string }
  | { kind: 'check'; source: string }
  | { kind: 'preview'; source: string; limit: number }
  | { kind: 'run'; source: string }
  | { kind: 'backfill'; source: string; from: string; to: string }
  | { kind: 'runs'; source?: string; limit: number }
  | { kind: 'schema-check' };

/** The command line is wrong; the message says how, and the process exits with code 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export const USAGE = `Usage: node dist/ingest/main.js [command] [options]

Without a command the ingest worker starts (scheduler + /health).

Commands:
  migrate                          run all pending migrations (under an advisory lock)
  catalog apply [--dir catalog]    validate and apply the catalogue, and sync catalog/sources/*.yaml
  check <source>                   validate a source's manifest and reach its portal; writes nothing
  preview <source> [--limit N]     show the first N mapped observations and rejects; writes nothing
  run <source>                     run a source now (incremental from its saved cursor)
  backfill <source> --from YYYY-MM-DD --to YYYY-MM-DD
                                   load a window of history for a source
  runs [<source>] [--limit N]      list recent ingest runs (all sources, or one)
  schema check                     fail when entities and migrations disagree

<source> is a source key (e.g. demo.traffic.congestion) or a path to a manifest .yaml file
(check and preview only).

Options:
  -h, --help                       show this help
`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function positiveInt(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new CliUsageError(`--${option} expects a positive whole number, got '${value}'`);
  }
  return Number(value);
}

function requireSource(command: string, positionals: string[]): string {
  const source = positionals[0];
  if (!source)
    throw new CliUsageError(`'${command}' needs a source key, e.g. ${command} demo.traffic.congestion`);
  return source;
}

function noExtra(command: string, positionals: string[], allowed: number): void {
  if (positionals.length > allowed) {
    throw new CliUsageError(`'${command}' got unexpected argument '${positionals[allowed]}'`);
  }
}

/**
 * Parses the arguments after `node main.js`. No arguments means "start the worker". Throws
 * CliUsageError with a message meant for the person at the terminal.
 */
export function parseCommandLine(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        dir: { type: 'string' },
        limit: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
      },
    });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help')
    return { kind: 'help', topic: command === 'help' ? rest[0] : command };
  if (command === undefined) {
    const given = Object.keys(values).filter((k) => values[k as keyof typeof values] !== undefined);
    if (given.length > 0) throw new CliUsageError(`option --${given[0]} needs a command`);
    return { kind: 'worker' };
  }

  const unexpected = (allowed: readonly string[]): void => {
    for (const key of Object.keys(values)) {
      if (values[key as keyof typeof values] !== undefined && !allowed.includes(key)) {
        throw new CliUsageError(`'${command}' does not take --${key}`);
      }
    }
  };

  switch (command) {
    case 'migrate':
      unexpected([]);
      noExtra(command, rest, 0);
      return { kind: 'migrate' };
    case 'catalog': {
      if (rest[0] !== 'apply')
        throw new CliUsageError(`unknown catalog subcommand '${rest[0] ?? ''}' (expected: catalog apply)`);
      unexpected(['dir']);
      noExtra('catalog apply', rest.slice(1), 0);
      return { kind: 'catalog-apply', dir: values.dir ?? 'catalog' };
    }
    case 'check':
      unexpected([]);
      noExtra(command, rest, 1);
      return { kind: 'check', source: requireSource(command, rest) };
    case 'preview':
      unexpected(['limit']);
      noExtra(command, rest, 1);
      return {
        kind: 'preview',
        source: requireSource(command, rest),
        limit: positiveInt('limit', values.limit, 20),
      };
    case 'run':
      unexpected([]);
      noExtra(command, rest, 1);
      return { kind: 'run', source: requireSource(command, rest) };
    case 'backfill': {
      unexpected(['from', 'to']);
      noExtra(command, rest, 1);
      const source = requireSource(command, rest);
      const { from, to } = values;
      if (!from || !to) throw new CliUsageError(`'backfill' needs --from YYYY-MM-DD and --to YYYY-MM-DD`);
      for (const [name, value] of [
        ['from', from],
        ['to', to],
      ] as const) {
        if (!isRealDate(value))
          throw new CliUsageError(`--${name} expects a date YYYY-MM-DD, got '${value}'`);
      }
      if (from > to) throw new CliUsageError(`--from ${from} is after --to ${to}`);
      return { kind: 'backfill', source, from, to };
    }
    case 'runs':
      unexpected(['limit']);
      noExtra(command, rest, 1);
      return { kind: 'runs', source: rest[0], limit: positiveInt('limit', values.limit, 20) };
    case 'schema': {
      if (rest[0] !== 'check')
        throw new CliUsageError(`unknown schema subcommand '${rest[0] ?? ''}' (expected: schema check)`);
      unexpected([]);
      noExtra('schema check', rest.slice(1), 0);
      return { kind: 'schema-check' };
    }
    default:
      throw new CliUsageError(`unknown command '${command}'. Run with --help to list commands.`);
  }
}
