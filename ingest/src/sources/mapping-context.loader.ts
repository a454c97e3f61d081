import { buildMappingContext, type MappingContext } from '@civicpulse/connectors';
import { MappingReferenceRepository, type DataSource } from '@civicpulse/db';

/** Loads the catalogue's regions and indicators as the mapping step of a run needs them. */
export async function loadMappingContext(dataSource: DataSource, timeZone: string): Promise<MappingContext> {
  const references = new MappingReferenceRepository(dataSource);
  const [regions, indicators] = await Promise.all([references.regions(), references.indicators()]);
  return buildMappingContext(timeZone, regions, indicators);
}
