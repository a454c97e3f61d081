import { CatalogRepository, ObservationEntity, SourceEntity, type DataSource } from '@civicpulse/db';
import { loadCatalog } from '@civicpulse/catalog';
import path from 'node:path';

/** The repository's catalogue folder (tests run from any working directory). */
export const CATALOG_DIR = path.resolve(__dirname, '../../../catalog');

/** Applies the real catalogue (demo city, indicators) to a test database. */
export async function applyDemoCatalog(dataSource: DataSource): Promise<void> {
  await new CatalogRepository(dataSource).apply(await loadCatalog(CATALOG_DIR));
}

/** Options of the test manifest for the demo portal's monthly health dataset (Socrata). */
export interface HealthSourceOptions {
  /** Fault spec put in front of the path (`/_faults/<spec>/resource/…`). */
  faults?: string;
  /** Base URL instead of the portal's (connection refused tests). */
  baseUrl?: string;
  format?: 'json' | 'csv';
  pageSize?: number;
  timeout?: string;
  retries?: number;
  incremental?: boolean;
  schedule?: string;
}

/**
 * A manifest reading three indicators of the demo portal's `hm7k-2q9x` dataset (360 rows:
 * 10 districts × 36 months of 2023–2025 when the portal publishes until 2025-12-31).
 * `${DEMO_PORTAL_URL}` stays in place, as in the catalogue files.
 */
export function healthManifest(key: string, options: HealthSourceOptions = {}): Record<string, unknown> {
  const base = options.baseUrl ?? `\${DEMO_PORTAL_URL}${options.faults ? `/_faults/${options.faults}` : ''}`;
  return {
    key,
    name: { zh: '医疗月度测试', en: 'Health monthly (test)' },
    owner_department: 'health',
    licence: 'demo data',
    connector: {
      type: 'socrata',
      params: { base_url: base, dataset: 'hm7k-2q9x', format: options.format ?? 'json' },
    },
    ...(options.schedule ? { schedule: { cron: options.schedule, time_zone: 'Asia/Shanghai' } } : {}),
    allowed_hosts: ['127.0.0.1', 'localhost'],
    paging: {
      mode: 'offset',
      page_size: options.pageSize ?? 50,
      timeout: options.timeout ?? '5s',
      retries: options.retries ?? 3,
    },
    ...(options.incremental ? { incremental: { field: 'month', format: 'iso', lookback: '31d' } } : {}),
    mapping: {
      grain: 'month',
      time: { field: 'month', format: 'iso' },
      region: { field: 'district_code', by: 'code' },
      indicators: [
        { code: 'health.appointment_booking_rate', value: 'appointment_booking_rate' },
        { code: 'health.bed_occupancy_rate', value: 'bed_occupancy_rate' },
        { code: 'health.ems_response_time', value: 'ems_response_time_min' },
      ],
    },
  };
}

/** Stores a source with the given manifest (as `catalog apply` would) and returns its key. */
export async function insertHealthSource(
  dataSource: DataSource,
  key: string,
  options: HealthSourceOptions = {},
): Promise<string> {
  const repository = dataSource.getRepository(SourceEntity);
  await repository.save(
    repository.create({
      key,
      nameZh: '医疗月度测试',
      nameEn: 'Health monthly (test)',
      connectorType: 'socrata',
      manifest: healthManifest(key, options),
      schedule: options.schedule ?? null,
      enabled: true,
    }),
  );
  return key;
}

/** The observation table as sorted lines `indicator|region|grain|period|value` (comparable across databases). */
export async function observationTable(dataSource: DataSource): Promise<string[]> {
  const rows = await dataSource
    .getRepository(ObservationEntity)
    .find({ relations: { indicator: true, region: true } });
  return rows
    .map((r) => `${r.indicator?.code}|${r.region?.code}|${r.grain}|${r.periodStart.toISOString()}|${r.value}`)
    .sort();
}
