import type { BrandProject, CatalogBundle, Indicator } from '@civicpulse/domain';
import {
  CatalogRepository,
  type DataSource,
  type ObservationWriteRow,
  ReferenceLookupRepository,
  writeObservationBatch,
} from '@civicpulse/db';
import { insertIngestRun, insertSource } from '@civicpulse/testing';

/**
 * A small city for the API's medium tests. Numbers are chosen so the September 2025 scorecard of
 * `smooth-city` can be computed by hand (see brand-projects.medium-spec.ts):
 * - congestion (lower is better, population-weighted): 1.75·1M + 1.65·0.5M + 1.65·0.5M → 1.70;
 *   990101's 1.75 is the mean of 1.70 (1 Sep) and 1.80 stamped 30 Sep 23:30 +08:00, while 3.00
 *   stamped 1 Oct 00:30 +08:00 (still 30 Sep in UTC) belongs to October;
 * - bus punctuality (rate, ratio of sums): (900 + 70) / (1000 + 100) = 88.18 %, not the 80 % a
 *   mean of rates would give; 990103 has no data;
 * - bed occupancy (target band 85–93, tolerance 10): mean of 96, 98, 97 = 97;
 * - EV chargers: no data at all (its 20 % of the outcome weight leaves coverage at exactly 80 %);
 * - satisfaction (last value, mean over districts): 76, 74, 75 → 75;
 * - new bus lanes (a cumulative KPI of `quiet-project`): 15 km a month in 990101, January–September.
 */
export const FIXTURE = {
  city: '990100',
  districts: ['990101', '990102', '990103'],
  project: 'smooth-city',
  unpublishedProject: 'quiet-project',
  congestion: 'traffic.peak_congestion_delay_index',
  punctuality: 'traffic.bus_on_time_rate',
  occupancy: 'health.bed_occupancy_rate',
  chargers: 'traffic.public_ev_chargers',
  satisfaction: 'satisfaction.transport_satisfaction',
  busLanes: 'traffic.new_bus_lane_km',
  sourceKey: 'fixture.traffic.congestion',
} as const;

const indicator = (
  overrides: Partial<Indicator> & Pick<Indicator, 'code' | 'domain' | 'direction'>,
): Indicator => ({
  nameZh: overrides.code,
  nameEn: overrides.code,
  unit: '%',
  timeAggregation: 'mean',
  regionAggregation: 'mean',
  frequency: 'month',
  validMin: 0,
  validMax: 100,
  standardRefs: [],
  ...overrides,
});

const INDICATORS: Indicator[] = [
  indicator({
    code: FIXTURE.congestion,
    domain: 'traffic',
    direction: 'lower_is_better',
    nameZh: '高峰拥堵延时指数',
    nameEn: 'Peak congestion delay index',
    unit: 'ratio',
    regionAggregation: 'weighted_mean',
    frequency: 'day',
    validMin: 1,
    validMax: 3,
  }),
  indicator({
    code: FIXTURE.punctuality,
    domain: 'traffic',
    direction: 'higher_is_better',
    nameZh: '公交准点率',
    nameEn: 'Bus on-time rate',
    timeAggregation: 'ratio',
    regionAggregation: 'ratio_of_sums',
    ratioScale: 100,
  }),
  indicator({
    code: FIXTURE.occupancy,
    domain: 'health',
    direction: 'target_band',
    nameZh: '病床使用率',
    nameEn: 'Bed occupancy rate',
    band: { lo: 85, hi: 93, tolerance: 10 },
    frequency: 'day',
  }),
  indicator({
    code: FIXTURE.chargers,
    domain: 'traffic',
    direction: 'higher_is_better',
    nameZh: '公共充电桩数量',
    nameEn: 'Public EV chargers',
    unit: 'count',
    timeAggregation: 'last',
    regionAggregation: 'sum',
    validMax: 100000,
  }),
  indicator({
    code: FIXTURE.satisfaction,
    domain: 'satisfaction',
    direction: 'higher_is_better',
    nameZh: '出行满意度',
    nameEn: 'Transport satisfaction',
    unit: 'score',
    timeAggregation: 'last',
  }),
  indicator({
    code: FIXTURE.busLanes,
    domain: 'traffic',
    direction: 'higher_is_better',
    nameZh: '新增公交专用道里程',
    nameEn: 'New bus lanes',
    unit: 'km',
    timeAggregation: 'sum',
    regionAggregation: 'sum',
    validMax: 1000,
  }),
];

const plan = { baselineDate: '2025-01-01', targetDate: '2025-12-31' };

const PROJECT: BrandProject = {
  code: FIXTURE.project,
  nameZh: '畅行之城',
  nameEn: 'Smooth City',
  sloganZh: '畅行示范市',
  sloganEn: 'Move freely',
  positioningZh: '智慧交通品牌',
  positioningEn: 'Smart traffic flagship',
  coreValueZh: '出行更顺畅',
  coreValueEn: 'Smoother journeys',
  ownerDepartment: 'transport',
  partnerDepartments: ['health'],
  regionCodes: [...FIXTURE.districts],
  startDate: '2025-01-01',
  endDate: '2025-12-31',
  satisfactionShare: 0.2,
  kpis: [
    {
      indicatorCode: FIXTURE.congestion,
      weight: 40,
      role: 'outcome',
      baseline: 1.8,
      target: 1.6,
      ...plan,
      regionTargets: [{ regionCode: '990101', target: 1.65 }],
    },
    { indicatorCode: FIXTURE.occupancy, weight: 20, role: 'outcome', baseline: 97, target: 90, ...plan },
    { indicatorCode: FIXTURE.punctuality, weight: 20, role: 'outcome', baseline: 80, target: 90, ...plan },
    { indicatorCode: FIXTURE.chargers, weight: 20, role: 'outcome', baseline: 1000, target: 2000, ...plan },
    {
      indicatorCode: FIXTURE.satisfaction,
      weight: 10,
      role: 'satisfaction',
      baseline: 70,
      target: 80,
      ...plan,
    },
  ],
  milestones: [{ date: '2025-06-30', titleZh: '智能信号上线', titleEn: 'Adaptive signals live' }],
};

const QUIET: BrandProject = {
  ...PROJECT,
  code: FIXTURE.unpublishedProject,
  nameZh: '静默项目',
  nameEn: 'Quiet project',
  partnerDepartments: [],
  // A cumulative KPI: paced on the year to date against the annual target pro-rated to date.
  kpis: [
    PROJECT.kpis[0],
    {
      indicatorCode: FIXTURE.busLanes,
      weight: 1,
      role: 'outcome',
      baseline: 100,
      target: 200,
      cumulative: true,
      ...plan,
    },
  ],
  milestones: [],
};

export const FIXTURE_BUNDLE: CatalogBundle = {
  city: { code: FIXTURE.city, nameZh: '示范市', nameEn: 'Demo City', timeZone: 'Asia/Shanghai' },
  regions: [
    {
      code: FIXTURE.city,
      nameZh: '示范市',
      nameEn: 'Demo City',
      level: 'city',
      population: 2_000_000,
      boundary: null,
    },
    ...FIXTURE.districts.map((code, i) => ({
      code,
      nameZh: `第${i + 1}区`,
      nameEn: `District ${i + 1}`,
      level: 'district' as const,
      parentCode: FIXTURE.city,
      population: i === 0 ? 1_000_000 : 500_000,
      boundary: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [120 + i, 30],
            [121 + i, 30],
            [121 + i, 31],
            [120 + i, 30],
          ],
        ] as [number, number][][],
      },
    })),
  ],
  indicators: INDICATORS,
  departments: [
    { code: 'transport', nameZh: '交通运输局', nameEn: 'Transport Bureau' },
    { code: 'health', nameZh: '卫生健康委', nameEn: 'Health Commission' },
  ],
  brandProjects: [PROJECT, QUIET],
};

const at = (iso: string): Date => new Date(iso);

/** Applies the catalogue and writes the observations (rollups maintained by the writer). */
export async function seedFixtureCity(dataSource: DataSource): Promise<void> {
  await new CatalogRepository(dataSource).apply(FIXTURE_BUNDLE);
  const lookup = new ReferenceLookupRepository(dataSource);
  const ind = await lookup.findIndicatorIdsByCode(INDICATORS.map((i) => i.code));
  const reg = await lookup.findRegionIdsByCode([...FIXTURE.districts]);
  const row = (
    code: string,
    region: string,
    grain: ObservationWriteRow['grain'],
    start: string,
    value: number,
    extra: Partial<ObservationWriteRow> = {},
  ): ObservationWriteRow => ({
    indicatorId: ind.get(code) as number,
    regionId: reg.get(region) as number,
    grain,
    periodStart: at(start),
    value,
    ...extra,
  });
  const source = await insertSource(dataSource, { key: FIXTURE.sourceKey, schedule: '0 6 * * *' });
  const run = await insertIngestRun(dataSource, source.id, {
    status: 'succeeded',
    finishedAt: at('2025-10-01T06:05:00+08:00'),
  });
  const options = { runId: run.id, sourceId: source.id, timeZone: 'Asia/Shanghai' };
  await writeObservationBatch(
    dataSource,
    [
      row(FIXTURE.congestion, '990101', 'hour', '2025-09-01T08:00:00+08:00', 1.7),
      row(FIXTURE.congestion, '990101', 'hour', '2025-09-30T23:30:00+08:00', 1.8),
      row(FIXTURE.congestion, '990101', 'hour', '2025-10-01T00:30:00+08:00', 3.0),
      row(FIXTURE.congestion, '990102', 'day', '2025-09-15T00:00:00+08:00', 1.65),
      row(FIXTURE.congestion, '990103', 'day', '2025-09-15T00:00:00+08:00', 1.65),
      row(FIXTURE.congestion, '990101', 'day', '2025-08-15T00:00:00+08:00', 1.78),
    ],
    options,
  );
  await writeObservationBatch(
    dataSource,
    [
      row(FIXTURE.punctuality, '990101', 'month', '2025-09-01T00:00:00+08:00', 90, {
        numerator: 900,
        denominator: 1000,
      }),
      row(FIXTURE.punctuality, '990102', 'month', '2025-09-01T00:00:00+08:00', 70, {
        numerator: 70,
        denominator: 100,
      }),
      row(FIXTURE.occupancy, '990101', 'day', '2025-09-10T00:00:00+08:00', 96),
      row(FIXTURE.occupancy, '990102', 'day', '2025-09-10T00:00:00+08:00', 98),
      row(FIXTURE.occupancy, '990103', 'day', '2025-09-10T00:00:00+08:00', 97),
      row(FIXTURE.satisfaction, '990101', 'month', '2025-09-01T00:00:00+08:00', 76),
      row(FIXTURE.satisfaction, '990102', 'month', '2025-09-01T00:00:00+08:00', 74),
      row(FIXTURE.satisfaction, '990103', 'month', '2025-09-01T00:00:00+08:00', 75),
      // 15 km a month, January to September: 135 km by the end of Q3 (45 km inside Q3).
      ...Array.from({ length: 9 }, (_, m) =>
        row(
          FIXTURE.busLanes,
          '990101',
          'month',
          `2025-${String(m + 1).padStart(2, '0')}-01T00:00:00+08:00`,
          15,
        ),
      ),
    ],
    { runId: null, sourceId: null, timeZone: 'Asia/Shanghai' },
  );
}
