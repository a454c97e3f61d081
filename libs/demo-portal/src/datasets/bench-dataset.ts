import { localMidnight } from '../city/city-calendar';
import { INDICATOR_PROFILES } from '../generator/indicator-profiles';
import { uniform } from '../random/counter-random';
import { field, type Dataset, type DataRow } from './dataset';
import { DATASET_IDS } from './dataset-ids';

const DISTRICTS = [
  '990101',
  '990102',
  '990103',
  '990104',
  '990105',
  '990106',
  '990107',
  '990108',
  '990109',
  '990110',
];
const START = localMidnight(2020, 1, 1);
const SEED = 0x6a09e667;

/** Column names of the bulk observation rows, in CSV order. */
export const BENCH_COLUMNS = [
  'indicator_code',
  'region_code',
  'grain',
  'period_start',
  'value',
  'numerator',
  'denominator',
] as const;

interface BenchValues {
  indicator: string;
  region: string;
  day: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

function benchValues(index: number): BenchValues {
  const profile = INDICATOR_PROFILES[index % INDICATOR_PROFILES.length];
  const region = DISTRICTS[Math.floor(index / INDICATOR_PROFILES.length) % DISTRICTS.length] ?? '990101';
  const day = Math.floor(index / (INDICATOR_PROFILES.length * DISTRICTS.length));
  const raw = profile.min + (profile.max - profile.min) * (0.1 + 0.8 * uniform(SEED, index));
  const rate = profile.rate;
  if (!rate)
    return {
      indicator: profile.code,
      region,
      day,
      value: Math.round(raw * 1000) / 1000,
      numerator: null,
      denominator: null,
    };
  const denominator = 10_000;
  const numerator = Math.round(((raw * denominator) / rate.scale) * 1000) / 1000;
  return {
    indicator: profile.code,
    region,
    day,
    value: Math.round((numerator / denominator) * rate.scale * 1000) / 1000,
    numerator,
    denominator,
  };
}

let cachedDay = -1;
let cachedDayText = '';

/** Row `index` as a CSV line (hot path of the million-row stream: no intermediate objects). */
export function benchCsvLine(index: number): string {
  const v = benchValues(index);
  if (v.day !== cachedDay) {
    cachedDay = v.day;
    cachedDayText = `${new Date(START + v.day * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
  }
  return `${v.indicator},${v.region},day,${cachedDayText},${v.value},${v.numerator ?? ''},${v.denominator ?? ''}\n`;
}

/**
 * Row `index` of the synthetic bulk dataset: indicator, district and day are derived from the
 * index, so every row is unique on (indicator, region, grain, period) and any page can be
 * computed without generating the pages before it.
 */
export function benchRow(index: number): DataRow {
  const v = benchValues(index);
  return {
    values: {
      indicator_code: v.indicator,
      region_code: v.region,
      grain: 'day',
      period_start: START + v.day * 86_400_000,
      value: v.value,
      numerator: v.numerator,
      denominator: v.denominator,
    },
  };
}

/** The bulk dataset for ingest benchmarks (Socrata-shaped, `$order=:id` paging, no materialisation). */
export function benchDataset(size: number): Dataset {
  return {
    id: DATASET_IDS.benchObservations,
    portal: 'socrata',
    titleZh: '批量观测值（性能测试）',
    titleEn: 'Bulk synthetic observations (benchmark)',
    description:
      'Synthetic daily observations of all indicators and districts, unique per (indicator, region, day).',
    fields: [
      field('indicator_code', 'text'),
      field('region_code', 'text'),
      field('grain', 'text'),
      field('period_start', 'timestamp'),
      field('value', 'number'),
      field('numerator', 'number'),
      field('denominator', 'number'),
    ],
    hasPoints: false,
    size,
    rowAt: benchRow,
    *rows(): Generator<DataRow> {
      for (let i = 0; i < size; i += 1) yield benchRow(i);
    },
  };
}
