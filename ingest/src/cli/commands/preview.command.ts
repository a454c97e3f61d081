import { previewSource } from '@civicpulse/connectors';
import { fetchOptionsFor } from '../../runs/connector-batch-reader';
import { loadNamedManifest } from '../../sources/manifest-source';
import type { CliContext } from '../cli-context';
import type { CliOutput } from '../cli-output';
import { formatTable } from '../text-table';
import { readOnlyMappingContext } from './check.command';

/** `2025-01-01T00:00:00+08:00`-style local time of an instant in `timeZone`. */
function localTime(instant: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
  return text;
}

/**
 * `preview <source> [--limit N]`: reads at most N rows, maps them, and prints the observations
 * and rejects as tables. Writes nothing (no run, no cursor, no rows).
 */
export async function previewCommand(
  ctx: CliContext,
  out: CliOutput,
  source: string,
  limit: number,
): Promise<number> {
  const { manifest, origin } = await loadNamedManifest(source, ctx.config.manifestVariables, () =>
    ctx.dataSource(),
  );
  const { context, note } = await readOnlyMappingContext(ctx);
  if (note) out.line(note);
  const preview = await previewSource(manifest, context, { limit, fetch: await fetchOptionsFor(ctx.config) });
  out.line(`preview of ${origin}: first ${preview.rowsRead} row(s) in ${preview.pageCount} page(s)`);
  out.line('');
  out.line(`observations (${preview.observations.length}):`);
  out.line(
    formatTable(
      [
        'indicator',
        'region',
        'grain',
        `period start (${context.timeZone})`,
        'value',
        'numerator',
        'denominator',
      ],
      preview.observations.map((o) => [
        o.indicatorCode,
        o.regionCode,
        o.grain,
        localTime(o.periodStart, context.timeZone),
        String(o.value),
        o.numerator === undefined ? '' : String(o.numerator),
        o.denominator === undefined ? '' : String(o.denominator),
      ]),
    ),
  );
  out.line('');
  out.line(`rejects (${preview.rejects.length}):`);
  if (preview.rejects.length > 0) {
    out.line(
      formatTable(
        ['row', 'reason', 'message', 'raw'],
        preview.rejects.map((r) => [String(r.rowNumber), r.reasonCode, r.message, JSON.stringify(r.raw)]),
      ),
    );
  }
  out.line(
    `preview ${manifest.key}: ${preview.observations.length} observation(s), ${preview.rejects.length} reject(s); nothing written`,
  );
  return 0;
}
