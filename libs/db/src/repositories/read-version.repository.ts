import type { DataSource } from 'typeorm';

/**
 * Fingerprints of what the API caches. Each one changes whenever a committed row of its tables
 * is inserted, updated or deleted — by any process (the API, the ingest worker, the catalogue
 * CLI) and whether or not the writer maintains `updated_at`.
 */
export interface ReadVersions {
  /** Projects, KPIs, targets, milestones, departments, indicators, regions, sources, settings. */
  catalogue: string;
  /** Rollups (every ingest batch rewrites the touched year buckets) and recent ingest runs. */
  data: string;
  /** Open alert events and the alert rules (which indicator, so which domain, each watches). */
  alerts: string;
}

/** Catalogue tables whose rows feed the cached projects, indicators, regions and lineage. */
const CATALOGUE_TABLES = [
  'brand_project',
  'brand_kpi',
  'brand_project_region',
  'brand_project_partner',
  'kpi_target_revision',
  'milestone',
  'department',
  'indicator',
  'region',
  'source',
  'city_setting',
] as const;

/**
 * Runs the state of newer than this many ids back are fingerprinted one by one; older runs
 * rarely change state, and the caches' time-to-live bounds how long such a change could go
 * unseen.
 */
const RECENT_RUNS = 500;

/**
 * `count(*)` catches deletions; the sum of `xmin` (the id of the transaction that wrote each row
 * version) changes with every insert or update. Both are cheap on these small tables.
 */
const tableFingerprint = (table: string, where = 'true') =>
  `(SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM ${table} WHERE ${where})`;

/** One round trip answering "did anything the API caches change?". */
export class ReadVersionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async versions(): Promise<ReadVersions> {
    const catalogue = CATALOGUE_TABLES.map((table) => tableFingerprint(table)).join(` || '/' || `);
    const rows: ReadVersions[] = await this.dataSource.query(
      `SELECT ${catalogue} AS catalogue,
              ${tableFingerprint('rollup_year')} || '/' ||
              ${tableFingerprint('ingest_run', `id > (SELECT coalesce(max(id), 0) - ${RECENT_RUNS} FROM ingest_run)`)}
                AS data,
              ${tableFingerprint('alert_event', `state = 'open'`)} || '/' || ${tableFingerprint('alert_rule')} AS alerts`,
    );
    return { catalogue: rows[0].catalogue, data: rows[0].data, alerts: rows[0].alerts };
  }
}
