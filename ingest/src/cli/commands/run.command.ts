import { createRunService } from '../../runs/run-service.factory';
import type { RunResult, RunWindow } from '../../runs/run-ports';
import type { CliContext } from '../cli-context';
import type { CliOutput } from '../cli-output';
import { ProgressReporter } from '../progress-reporter';
import type { IngestTrigger } from '@civicpulse/db';
import { localDateStart } from '../../runs/run-window';

async function execute(
  ctx: CliContext,
  out: CliOutput,
  sourceKey: string,
  trigger: IngestTrigger,
  window?: RunWindow,
  runKey?: string,
): Promise<number> {
  const service = createRunService(await ctx.dataSource(), ctx.config);
  const progress = new ProgressReporter(out);
  const shutdown = new AbortController();
  const onSignal = (): void => shutdown.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let result: RunResult;
  try {
    result = await service.run({
      sourceKey,
      trigger,
      window,
      runKey,
      onProgress: progress.update,
      signal: shutdown.signal,
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.finish();
  }
  return report(out, sourceKey, result);
}

/** Prints the closing summary line; exit 0 for succeeded/partial, 1 for failed, 3 when skipped. */
export function report(out: CliOutput, sourceKey: string, result: RunResult): number {
  if (result.outcome === 'skipped') {
    const why =
      result.reason === 'locked'
        ? 'another ingest process is running this source'
        : result.reason === 'duplicate'
          ? `this trigger already ran (run ${result.runId ?? '?'})`
          : 'the source is disabled';
    out.line(`run ${sourceKey}: skipped, ${why}`);
    return 3;
  }
  if (result.interruptedRunsClosed > 0) {
    out.line(`closed ${result.interruptedRunsClosed} interrupted run(s) of ${sourceKey} as failed`);
  }
  if (result.status === 'failed') {
    out.error(`run ${result.runId} of ${sourceKey} failed: ${result.errorClass}: ${result.errorMessage}`);
  }
  out.line(
    `run ${result.runId} ${sourceKey}: ${result.status}, ${result.pages} pages, ${result.rowsRead} rows read, ` +
      `${result.rowsInserted} inserted, ${result.rowsUpdated} updated, ${result.rowsUnchanged} unchanged, ${result.rowsRejected} rejected`,
  );
  return result.status === 'failed' ? 1 : 0;
}

/** `run <source>`: one incremental run now. */
export function runCommand(ctx: CliContext, out: CliOutput, sourceKey: string): Promise<number> {
  return execute(ctx, out, sourceKey, 'cli');
}

/** `backfill <source> --from --to`: reload a window of history (dates in the city's calendar). */
export function backfillCommand(
  ctx: CliContext,
  out: CliOutput,
  sourceKey: string,
  from: string,
  to: string,
): Promise<number> {
  const window: RunWindow = {
    from: localDateStart(from, ctx.config.cityTimeZone),
    // `to` is inclusive: the window ends at the start of the following day.
    to: localDateStart(to, ctx.config.cityTimeZone, 1),
  };
  // No run key: a data team re-running a window means it (the merge makes it harmless).
  return execute(ctx, out, sourceKey, 'backfill', window);
}
