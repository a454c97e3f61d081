// TypeORM loads the driver dynamically; importing it here keeps it in the bundle's package.json.
import 'pg';
import 'reflect-metadata';
import { parseCommandLine, CliUsageError, USAGE } from './cli/cli-command';
import { EXIT, runCli } from './cli/cli';
import { processOutput } from './cli/cli-output';
import { startWorker } from './worker/start-worker';

async function main(): Promise<void> {
  const out = processOutput();
  let command;
  try {
    command = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CliUsageError) {
      out.error(`${error.message}\n\n${USAGE}`);
      process.exitCode = EXIT.usage;
      return;
    }
    throw error;
  }
  if (command.kind === 'worker') {
    process.exitCode = await startWorker(process.env, out);
    return;
  }
  process.exitCode = await runCli(command, process.env, out);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = EXIT.failed;
});
