import type { CatalogBundle } from '@civicpulse/domain';
import type { DataSource } from 'typeorm';
import { createScratchDatabase, type ScratchDatabase } from '../scratch-database';
import { testAdminUrl } from '../test-support/test-admin-url';
import { CatalogBundleRejectedError, CatalogRepository, type ApplyReport } from './catalog.repository';

const square = (lon: number, lat: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon, lat],
      [lon + 0.1, lat],
      [lon + 0.1, lat + 0.1],
      [lon, lat + 0.1],
      [lon, lat],
    ] as [number, number][],
  ],
});

/** A small but complete bundle: the demo city, two districts, three indicators, one project. */
function demoBundle(): CatalogBundle {
  return {
    city: { code: '990100', nameZh: '示范市', nameEn: 'Demo City', timeZone: 'Asia/Shanghai' },
    regions: [
      {
        code: '990100',
        nameZh: '示范市',
        nameEn: 'Demo City',
        level: 'city',
        parentCode: null,
        population: 300000,
        aliases: ['示范市', '990100'],
        boundary: square(116.9, 31),
      },
      {
        code: '990101',
        nameZh: '东湖区',
        nameEn: 'Donghu District',
        level: 'district',
        parentCode: '990100',
        population: 100000,
        aliases: ['东湖区', '东湖'],
        boundary: square(117, 31),
      },
      {
        code: '990102',
        nameZh: '明德区',
        nameEn: 'Mingde District',
        level: 'district',
        parentCode: '990100',
        population: 200000,
        aliases: ['O\'Hare, "quoted"'],
        boundary: null,
      },
    ],
    indicators: [
      {
        code: 'traffic.peak_congestion_delay_index',
        domain: 'traffic',
        nameZh: '高峰拥堵延时指数',
        nameEn: 'Peak-hour congestion delay index',
        unit: 'ratio',
        direction: 'lower_is_better',
        band: null,
        timeAggregation: 'mean',
        regionAggregation: 'weighted_mean',
        regionWeight: 'vehicle_km',
        frequency: 'hour',
        validMin: 1,
        validMax: 3,
        standardRefs: [{ ref: 'GB/T 33171', status: 'verified' }],
      },
      {
        code: 'traffic.pt_motorized_mode_share',
        domain: 'traffic',
        nameZh: '公共交通机动化出行分担率',
        nameEn: 'PT share of motorized trips',
        definitionZh: '公共交通出行量占机动化出行量的比例。',
        definitionEn: 'PT trips / motorized trips.',
        unit: '%',
        direction: 'higher_is_better',
        timeAggregation: 'last',
        regionAggregation: 'ratio_of_sums',
        ratioScale: 100,
        frequency: 'year',
        validMin: 20,
        validMax: 80,
      },
      {
        code: 'health.beds_per_1000',
        domain: 'health',
        nameZh: '每千人口床位数',
        nameEn: 'Beds per 1 000',
        unit: 'per 1 000',
        direction: 'target_band',
        band: { lo: 6, hi: 8.5, tolerance: 1.5 },
        timeAggregation: 'last',
        regionAggregation: 'ratio_of_sums',
        ratioScale: 1000,
        frequency: 'year',
        validMin: 2,
        validMax: 18,
      },
    ],
    departments: [
      { code: 'transport', nameZh: '交通运输局', nameEn: 'Transport Bureau' },
      { code: 'health', nameZh: '卫生健康委员会', nameEn: 'Health Commission' },
      { code: 'data-bureau', nameZh: '政务服务和数据管理局', nameEn: 'Data Administration' },
    ],
    brandProjects: [
      {
        code: 'smart-traffic',
        nameZh: '畅行之城',
        nameEn: 'Smooth-Flow City',
        sloganZh: '畅行示范',
        sloganEn: 'Move freely',
        positioningZh: '定位',
        positioningEn: 'Positioning',
        coreValueZh: '价值',
        coreValueEn: 'Value',
        ownerDepartment: 'transport',
        partnerDepartments: ['health', 'data-bureau'],
        regionCodes: ['990101', '990102'],
        startDate: '2024-01-01',
        endDate: '2026-12-31',
        satisfactionShare: 0.2,
        kpis: [
          {
            indicatorCode: 'traffic.peak_congestion_delay_index',
            weight: 60,
            role: 'outcome',
            baseline: 1.82,
            baselineDate: '2023-12-31',
            target: 1.65,
            targetDate: '2026-12-31',
            regionTargets: [{ regionCode: '990101', target: 1.85 }],
            periodTargets: [{ date: '2024-12-31', target: 1.77 }],
          },
          {
            indicatorCode: 'traffic.pt_motorized_mode_share',
            weight: 40,
            role: 'outcome',
            baseline: 52,
            baselineDate: '2023-12-31',
            target: 58,
            targetDate: '2026-12-31',
          },
        ],
        milestones: [
          { date: '2024-03-28', titleZh: '交通大脑上线', titleEn: 'Traffic brain live' },
          { date: '2025-06-28', titleZh: '地铁4号线开通', titleEn: 'Metro line 4 opens' },
        ],
      },
    ],
  };
}

const TABLES = [
  'city_setting',
  'region',
  'indicator',
  'department',
  'brand_project',
  'brand_project_partner',
  'brand_project_region',
  'brand_kpi',
  'kpi_target_revision',
  'milestone',
  'observation',
];

/** Every row of every table apply touches, in a stable order: equal snapshots mean nothing changed. */
async function snapshot(ds: DataSource): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    result[table] = await ds.query(`SELECT * FROM ${table} AS t ORDER BY (to_jsonb(t))::text`);
  }
  return result;
}

function counts(report: ApplyReport, kind: keyof ApplyReport['counts']): [number, number, number, number] {
  const c = report.counts[kind];
  return [c.inserted, c.updated, c.unchanged, c.deleted];
}

describe('CatalogRepository.apply (Postgres)', () => {
  let database: ScratchDatabase;
  let repository: CatalogRepository;

  beforeEach(async () => {
    database = await createScratchDatabase(testAdminUrl(), { prefix: 'civicpulse_test' });
    repository = new CatalogRepository(database.dataSource);
  });

  afterEach(async () => {
    await database.drop();
  });

  it('inserts everything on an empty database and marks it provisioned', async () => {
    const report = await repository.apply(demoBundle());
    expect(report.changed).toBe(true);
    expect(counts(report, 'regions')).toEqual([3, 0, 0, 0]);
    expect(counts(report, 'indicators')).toEqual([3, 0, 0, 0]);
    expect(counts(report, 'departments')).toEqual([3, 0, 0, 0]);
    expect(counts(report, 'brandProjects')).toEqual([1, 0, 0, 0]);
    expect(counts(report, 'brandKpis')).toEqual([2, 0, 0, 0]);
    expect(counts(report, 'projectPartners')).toEqual([2, 0, 0, 0]);
    expect(counts(report, 'projectRegions')).toEqual([2, 0, 0, 0]);
    expect(counts(report, 'milestones')).toEqual([2, 0, 0, 0]);
    // The migration seeds the demo city's settings, so they are already right.
    expect(counts(report, 'citySettings')).toEqual([0, 0, 2, 0]);
    expect(report.targetRevisions).toBe(2);

    const ds = database.dataSource;
    const regions: Array<{
      code: string;
      parent: string | null;
      provisioned: boolean;
      aliases: string[];
      boundary: unknown;
    }> = await ds.query(
      `SELECT r.code, p.code AS parent, r.provisioned, r.aliases, r.boundary FROM region r LEFT JOIN region p ON p.id = r.parent_id ORDER BY r.code`,
    );
    expect(regions.map((r) => [r.code, r.parent, r.provisioned])).toEqual([
      ['990100', null, true],
      ['990101', '990100', true],
      ['990102', '990100', true],
    ]);
    expect(regions[2].aliases).toEqual(['O\'Hare, "quoted"']);
    expect(regions[1].boundary).toEqual(square(117, 31));
    const [indicator] = await ds.query(`SELECT * FROM indicator WHERE code = 'health.beds_per_1000'`);
    expect(indicator).toMatchObject({
      band_lo: 6,
      band_hi: 8.5,
      band_tolerance: 1.5,
      ratio_scale: 1000,
      provisioned: true,
      standard_refs: [],
    });
    const kpis = await ds.query(
      `SELECT i.code, k.weight, k.target_value, k.target_date::text AS target_date, k.region_targets, k.period_targets, k.sort_order
       FROM brand_kpi k JOIN indicator i ON i.id = k.indicator_id ORDER BY k.sort_order`,
    );
    expect(kpis).toEqual([
      {
        code: 'traffic.peak_congestion_delay_index',
        weight: 60,
        target_value: 1.65,
        target_date: '2026-12-31',
        region_targets: [{ regionCode: '990101', target: 1.85 }],
        period_targets: [{ date: '2024-12-31', target: 1.77 }],
        sort_order: 0,
      },
      {
        code: 'traffic.pt_motorized_mode_share',
        weight: 40,
        target_value: 58,
        target_date: '2026-12-31',
        region_targets: null,
        period_targets: null,
        sort_order: 1,
      },
    ]);
    const revisions = await ds.query(
      `SELECT old_target_value, new_target_value, changed_by_id, reason FROM kpi_target_revision ORDER BY id`,
    );
    expect(revisions).toEqual([
      {
        old_target_value: null,
        new_target_value: 1.65,
        changed_by_id: null,
        reason: 'catalog: initial target from the catalogue',
      },
      {
        old_target_value: null,
        new_target_value: 58,
        changed_by_id: null,
        reason: 'catalog: initial target from the catalogue',
      },
    ]);
  });

  it('is idempotent: a second apply of the same bundle writes nothing and moves no updated_at', async () => {
    await repository.apply(demoBundle());
    const before = await snapshot(database.dataSource);
    const report = await repository.apply(demoBundle());
    expect(report.changed).toBe(false);
    for (const kind of Object.keys(report.counts) as Array<keyof ApplyReport['counts']>) {
      const c = report.counts[kind];
      expect([kind, c.inserted, c.updated, c.deleted]).toEqual([kind, 0, 0, 0]);
    }
    expect(counts(report, 'regions')).toEqual([0, 0, 3, 0]);
    expect(counts(report, 'brandKpis')).toEqual([0, 0, 2, 0]);
    expect(report.targetRevisions).toBe(0);
    expect(await snapshot(database.dataSource)).toEqual(before);
  });

  it('updates changed rows, removes dropped KPIs, records target changes and keeps observations', async () => {
    await repository.apply(demoBundle());
    const ds = database.dataSource;
    await ds.query(
      `INSERT INTO observation (indicator_id, region_id, grain, period_start, value)
       SELECT i.id, r.id, 'year', '2024-01-01T00:00:00+08:00', 55 FROM indicator i, region r
       WHERE i.code = 'traffic.pt_motorized_mode_share' AND r.code = '990101'`,
    );
    const [departmentBefore] = await ds.query(`SELECT updated_at FROM department WHERE code = 'transport'`);

    const bundle = demoBundle();
    bundle.regions[1].nameEn = 'Donghu New District';
    bundle.indicators[0].validMax = 3.5;
    const project = bundle.brandProjects[0];
    project.partnerDepartments = ['health'];
    project.kpis = [{ ...project.kpis[0], target: 1.6 }];
    project.milestones = [
      { date: '2024-03-28', titleZh: '交通大脑上线', titleEn: 'City traffic brain goes live' },
    ];
    const report = await repository.apply(bundle);

    expect(counts(report, 'regions')).toEqual([0, 1, 2, 0]);
    expect(counts(report, 'indicators')).toEqual([0, 1, 2, 0]);
    expect(counts(report, 'departments')).toEqual([0, 0, 3, 0]);
    expect(counts(report, 'brandKpis')).toEqual([0, 1, 0, 1]);
    expect(counts(report, 'projectPartners')).toEqual([0, 0, 1, 1]);
    expect(counts(report, 'milestones')).toEqual([0, 1, 0, 1]);
    expect(report.targetRevisions).toBe(1);

    expect(await ds.query(`SELECT name_en FROM region WHERE code = '990101'`)).toEqual([
      { name_en: 'Donghu New District' },
    ]);
    expect(await ds.query(`SELECT updated_at FROM department WHERE code = 'transport'`)).toEqual([
      departmentBefore,
    ]);
    const kpis = await ds.query(`SELECT i.code FROM brand_kpi k JOIN indicator i ON i.id = k.indicator_id`);
    expect(kpis).toEqual([{ code: 'traffic.peak_congestion_delay_index' }]);
    const [revision] = await ds.query(
      `SELECT old_target_value, old_target_date::text AS old_date, new_target_value, new_target_date::text AS new_date, reason
       FROM kpi_target_revision ORDER BY id DESC LIMIT 1`,
    );
    expect(revision).toEqual({
      old_target_value: 1.65,
      old_date: '2026-12-31',
      new_target_value: 1.6,
      new_date: '2026-12-31',
      reason: 'catalog: target changed in the catalogue',
    });
    // The indicator dropped from the project is still defined, and its data is untouched.
    expect(await ds.query(`SELECT value FROM observation`)).toEqual([{ value: 55 }]);
  });

  it('takes over a row that was created by hand and marks it provisioned', async () => {
    await database.dataSource.query(
      `INSERT INTO department (code, name_zh, name_en) VALUES ('health', '卫生健康委员会', 'Health Commission')`,
    );
    const report = await repository.apply(demoBundle());
    expect(counts(report, 'departments')).toEqual([2, 1, 0, 0]);
    expect(
      await database.dataSource.query(`SELECT provisioned FROM department WHERE code = 'health'`),
    ).toEqual([{ provisioned: true }]);
  });

  it('rejects an inconsistent bundle before writing anything', async () => {
    await repository.apply(demoBundle());
    const before = await snapshot(database.dataSource);
    const bundle = demoBundle();
    bundle.regions[1].nameZh = '改名区';
    bundle.brandProjects[0].kpis[1].indicatorCode = 'traffic.unknown_indicator';
    bundle.brandProjects[0].ownerDepartment = 'no-such-department';
    const error = await repository.apply(bundle).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogBundleRejectedError);
    expect((error as CatalogBundleRejectedError).problems).toEqual([
      'brand project smart-traffic: department "no-such-department" is not in the bundle',
      'brand project smart-traffic: kpis[1] indicator "traffic.unknown_indicator" is not in the bundle',
    ]);
    expect(await snapshot(database.dataSource)).toEqual(before);
  });

  it('rolls everything back when the database refuses a row mid-apply', async () => {
    await repository.apply(demoBundle());
    const before = await snapshot(database.dataSource);
    const bundle = demoBundle();
    // Regions and indicators are written before projects; the project then violates a CHECK.
    bundle.regions[1].nameZh = '改名区';
    bundle.indicators[0].nameEn = 'Renamed';
    bundle.brandProjects[0].satisfactionShare = 1.5;
    await expect(repository.apply(bundle)).rejects.toThrow(/chk_brand_project_satisfaction_share/);
    expect(await snapshot(database.dataSource)).toEqual(before);
  });
});
