/**
 * Starts the demo portal from the command line:
 *   npx tsx libs/demo-portal/src/cli.ts --port 8790 [--host 127.0.0.1] [--until 2026-06-30]
 *     [--faults 500x2,slow=200] [--ods-rate-limit 50]
 * Prints `DEMO_PORTAL_URL=<url>` on stdout once listening, so a parent process can read it.
 */
import { parseFaultPath } from './faults/fault-plan';
import { startDemoPortal, type DemoPortalOptions } from './server/demo-portal-server';

/** Raised for a command-line argument the CLI does not understand. */
class CliArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliArgumentError';
  }
}

function parseArgs(argv: ReadonlyArray<string>): DemoPortalOptions {
  const options: DemoPortalOptions = {};
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new CliArgumentError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port':
        options.port = Number(value());
        break;
      case '--host':
        options.host = value();
        break;
      case '--until':
        options.until = value();
        break;
      case '--faults':
        options.faults = parseFaultPath(value());
        break;
      case '--ods-rate-limit':
        options.odsRateLimit = { limit: Number(value()) };
        break;
      case '--catalog':
        options.catalogDir = value();
        break;
      default:
        throw new CliArgumentError(`unknown argument ${argv[i]}`);
    }
  }
  if (options.port !== undefined && (!Number.isInteger(options.port) || options.port < 0))
    throw new CliArgumentError('--port must be an integer');
  return options;
}

async function main(): Promise<void> {
  const portal = await startDemoPortal(parseArgs(process.argv.slice(2)));
  process.stdout.write(`DEMO_PORTAL_URL=${portal.url}\n`);
  const stop = (): void => {
    portal.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `demo portal failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
