import type { RunRequest, RunResult } from '../runs/run-ports';

/** The log line for a finished dispatch: failures as errors, skips as debug-worthy notes. */
export function describeDispatch(
  request: RunRequest,
  result: RunResult | { outcome: 'error'; error: unknown },
): { level: 'log' | 'warn' | 'error'; message: string } {
  const who = `${request.sourceKey} (${request.trigger}${request.runKey ? `, ${request.runKey}` : ''})`;
  if (result.outcome === 'error') {
    const error = result.error;
    return {
      level: 'error',
      message: `${who}: could not run: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    };
  }
  if (result.outcome === 'skipped') return { level: 'log', message: `${who}: skipped (${result.reason})` };
  const counts = `${result.pages} pages, ${result.rowsRead} rows read, ${result.rowsInserted} inserted, ${result.rowsUpdated} updated, ${result.rowsRejected} rejected`;
  if (result.status === 'failed') {
    return {
      level: 'error',
      message: `${who}: run ${result.runId} failed after ${counts}: ${result.errorClass}: ${result.errorMessage}`,
    };
  }
  return {
    level: result.status === 'partial' ? 'warn' : 'log',
    message: `${who}: run ${result.runId} ${result.status}, ${counts}`,
  };
}
