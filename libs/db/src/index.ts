export type { DataSource, EntityManager } from 'typeorm';
export * from './entities';
export * from './migrations';
export * from './data-source';
export * from './database-admin';
export * from './scratch-database';
export * from './migration-runner';
export * from './schema/schema-drift';
// Ingest bookkeeping: source locks, sources, runs and rejects.
export * from './repositories/source-lock';
export * from './repositories/source.repository';
export * from './repositories/ingest-run.repository';
export * from './repositories/ingest-reject.repository';
export * from './repositories/mapping-reference.repository';
// Alert evaluation (ingest): rule targets from rollups, events, webhook deliveries.
export * from './repositories/alert-evaluation.repository';
// Catalogue apply: regions, indicators, departments, brand projects from the catalogue files.
export * from './repositories/catalog.repository';
// API read/write repositories: brand projects, scorecard rollups, users, audit, target revisions.
export * from './repositories/api-repositories';
export * from './repositories';
