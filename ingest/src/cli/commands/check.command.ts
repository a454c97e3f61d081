import { isRetryable, previewSource, type MappingContext } from '@civicpulse/connectors';
import { fetchOptionsFor } from '../../runs/connector-batch-reader';
import { loadMappingContext } from '../../sources/mapping-context.loader';
import { loadNamedManifest } from '../../sources/manifest-source';
import type { CliContext } from '../cli-context';
import type { CliOutput } from '../cli-output';

/** Mapping context for commands that only read: the catalogue if the database answers, else empty. */
export async function readOnlyMappingContext(
  ctx: CliContext,
): Promise<{ context: MappingContext; note?: string }> {
  try {
    return { context: await loadMappingContext(await ctx.dataSource(), ctx.config.cityTimeZone) };
  } catch (error) {
    return {
      context: { regions: [], indicators: [], timeZone: ctx.config.cityTimeZone },
      note: `catalogue not available (${error instanceof Error ? error.message : String(error)}); regions and indicators are not checked`,
    };
  }
}

/**
 * `check <source>`: the manifest is valid, and the portal answers with rows of the expected
 * shape (first page only). Writes nothing. Exit 0 when both hold.
 */
export async function checkCommand(ctx: CliContext, out: CliOutput, source: string): Promise<number> {
  const { manifest, origin } = await loadNamedManifest(source, ctx.config.manifestVariables, () =>
    ctx.dataSource(),
  );
  out.line(
    `manifest ${origin}: valid (${manifest.connector.type}, paging ${manifest.paging.mode}${manifest.schedule ? `, schedule "${manifest.schedule.cron}"` : ''})`,
  );
  const { context, note } = await readOnlyMappingContext(ctx);
  if (note) out.line(note);
  try {
    const preview = await previewSource(manifest, context, {
      limit: 10,
      fetch: await fetchOptionsFor(ctx.config),
    });
    out.line(
      `reachable: ${preview.pageCount} page(s), ${preview.rowsRead} row(s) read, ${preview.observations.length} observation(s) mapped, ${preview.rejects.length} reject(s)`,
    );
    out.line(`check ${manifest.key}: ok`);
    return 0;
  } catch (error) {
    const kind = isRetryable(error) ? 'temporary' : 'permanent';
    out.error(
      `not reachable (${kind}): ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    );
    out.line(`check ${manifest.key}: failed`);
    return 1;
  }
}
