import { SourceRepository } from '@civicpulse/db';
import { readManifestDirectory } from '../../sources/manifest-files';
import { buildSourceDefinitions } from '../../sources/source-definitions';
import { catalogGateway } from '../../sources/catalog-gateway';
import { validateSourceManifest } from '../../sources/manifest-validator';
import type { CliContext } from '../cli-context';
import type { CliOutput } from '../cli-output';

/**
 * `catalog apply --dir <dir>`: validates the whole catalogue and every source manifest first, then
 * applies the catalogue and syncs the sources in one transaction. A bad file fails the command
 * before anything is written, naming the file, the key and the problem.
 */
export async function catalogApplyCommand(ctx: CliContext, out: CliOutput, dir: string): Promise<number> {
  const bundle = await catalogGateway.load(dir);
  const definitions = buildSourceDefinitions(
    readManifestDirectory(dir),
    ctx.config.manifestVariables,
    validateSourceManifest,
  );
  const dataSource = await ctx.dataSource();
  const { catalogSummary, sources } = await dataSource.transaction(async (manager) => {
    const catalogSummary = await catalogGateway.apply(dataSource, bundle, manager);
    const sources = await new SourceRepository(dataSource).syncProvisioned(definitions, manager);
    return { catalogSummary, sources };
  });
  out.line(
    `catalog: ${catalogSummary}; sources: ${definitions.length} in files (${sources.created} created, ${sources.updated} updated, ${sources.unchanged} unchanged, ${sources.disabled} disabled)`,
  );
  return 0;
}
