import { IngestRunRepository, type IngestRunSummary } from '@civicpulse/db';
import type { CliContext } from '../cli-context';
import type { CliOutput } from '../cli-output';
import { formatTable } from '../text-table';

function time(value: Date | null): string {
  return value ? value.toISOString().replace('T', ' ').slice(0, 19) : '';
}

function duration(run: IngestRunSummary): string {
  if (!run.startedAt) return '';
  const end = run.finishedAt ?? null;
  if (!end) return 'running';
  return `${((end.getTime() - run.startedAt.getTime()) / 1000).toFixed(1)}s`;
}

/** `runs [<source>]`: recent runs, newest first, with counts and the error of failed ones. */
export async function runsCommand(
  ctx: CliContext,
  out: CliOutput,
  source: string | undefined,
  limit: number,
): Promise<number> {
  const runs = await new IngestRunRepository(await ctx.dataSource()).listRecent(limit, source);
  if (runs.length === 0) {
    out.line(source ? `no runs for source '${source}'` : 'no runs yet');
    return 0;
  }
  out.line(
    formatTable(
      [
        'id',
        'source',
        'trigger',
        'status',
        'started (UTC)',
        'took',
        'pages',
        'read',
        'inserted',
        'updated',
        'unchanged',
        'rejected',
        'error',
      ],
      runs.map((r) => [
        String(r.id),
        r.sourceKey,
        r.trigger,
        r.status,
        time(r.startedAt),
        duration(r),
        String(r.pages),
        String(r.rowsRead),
        String(r.rowsInserted),
        String(r.rowsUpdated),
        String(r.rowsUnchanged),
        String(r.rowsRejected),
        r.errorClass ? `${r.errorClass}: ${r.errorMessage ?? ''}` : '',
      ]),
    ),
  );
  return 0;
}
