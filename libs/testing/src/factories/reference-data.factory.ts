import {
  IndicatorEntity,
  IngestRunEntity,
  RegionEntity,
  SourceEntity,
  type DataSource,
  type ObservationWriteRow,
} from '@civicpulse/db';

/** Demo city conventions shared by every test: 示范市 990100 and districts 990101…990110. */
export const DEMO_CITY_CODE = '990100';
export const DEMO_TIME_ZONE = 'Asia/Shanghai';
export const DEMO_DISTRICT_CODES: readonly string[] = Array.from(
  { length: 10 },
  (_, i) => `9901${String(i + 1).padStart(2, '0')}`,
);

let sequence = 0;
/** Unique suffix so factory rows never collide inside one test database. */
function next(): number {
  sequence += 1;
  return sequence;
}

/**
 * Inserts the demo city and its ten districts (populations 300 000 … 1 200 000) and returns
 * their ids by code.
 */
export async function insertDemoRegions(dataSource: DataSource): Promise<Map<string, number>> {
  const repository = dataSource.getRepository(RegionEntity);
  const city = await repository.save(
    repository.create({
      code: DEMO_CITY_CODE,
      nameZh: '示范市',
      nameEn: 'Demo City',
      level: 'city',
      population: 7_500_000,
    }),
  );
  const ids = new Map<string, number>([[city.code, city.id]]);
  for (const [i, code] of DEMO_DISTRICT_CODES.entries()) {
    const district = await repository.save(
      repository.create({
        code,
        nameZh: `第${i + 1}区`,
        nameEn: `District ${i + 1}`,
        level: 'district',
        parentId: city.id,
        population: 300_000 + i * 100_000,
        aliases: [`D${i + 1}`],
      }),
    );
    ids.set(code, district.id);
  }
  return ids;
}

/** An indicator row with plausible defaults (a daily mean index, lower is better). */
export function indicatorRow(overrides: Partial<IndicatorEntity> = {}): Partial<IndicatorEntity> {
  const n = next();
  return {
    code: `test.indicator_${n}`,
    domain: 'traffic',
    nameZh: `测试指标${n}`,
    nameEn: `Test indicator ${n}`,
    unit: 'index',
    direction: 'lower_is_better',
    timeAggregation: 'mean',
    regionAggregation: 'mean',
    frequency: 'day',
    standardRefs: [],
    ...overrides,
  };
}

export async function insertIndicator(
  dataSource: DataSource,
  overrides: Partial<IndicatorEntity> = {},
): Promise<IndicatorEntity> {
  const repository = dataSource.getRepository(IndicatorEntity);
  return repository.save(repository.create(indicatorRow(overrides)));
}

export async function insertSource(
  dataSource: DataSource,
  overrides: Partial<SourceEntity> = {},
): Promise<SourceEntity> {
  const n = next();
  const repository = dataSource.getRepository(SourceEntity);
  return repository.save(
    repository.create({
      key: `test.source_${n}`,
      nameZh: `测试数据源${n}`,
      nameEn: `Test source ${n}`,
      connectorType: 'csv-file',
      manifest: {},
      ...overrides,
    }),
  );
}

export async function insertIngestRun(
  dataSource: DataSource,
  sourceId: number,
  overrides: Partial<IngestRunEntity> = {},
): Promise<IngestRunEntity> {
  const repository = dataSource.getRepository(IngestRunEntity);
  return repository.save(
    repository.create({
      sourceId,
      trigger: 'manual',
      status: 'running',
      startedAt: new Date(),
      ...overrides,
    }),
  );
}

/** A row for `writeObservationBatch`: a daily value stamped at local midnight by default. */
export function observationRow(
  overrides: Partial<ObservationWriteRow> & Pick<ObservationWriteRow, 'indicatorId' | 'regionId'>,
): ObservationWriteRow {
  return {
    grain: 'day',
    periodStart: new Date('2025-01-15T00:00:00+08:00'),
    value: 1,
    quality: 'ok',
    ...overrides,
  };
}
