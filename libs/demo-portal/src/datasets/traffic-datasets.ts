import { localMidnight, toLocal } from '../city/city-calendar';
import type { DemoDistrict } from '../city/demo-city';
import { dayKind } from '../city/holidays';
import { generateAccidents, pointInDistrict } from '../generator/event-points';
import { indicatorProfile } from '../generator/indicator-profiles';
import { measure, periodAt } from '../generator/indicator-model';
import { recentHours } from '../generator/periods';
import { gaussian, streamSeed } from '../random/counter-random';
import { field, type Dataset, type DataRow } from './dataset';
import { DATASET_IDS } from './dataset-ids';
import { indicatorFields, wideRows, type IndicatorColumns } from './wide-series';

export interface DatasetContext {
  districts: ReadonlyArray<DemoDistrict>;
  until: number;
  /** Days of hourly traffic published (the feed keeps a rolling window). */
  hourlyDays: number;
}

const DAILY: IndicatorColumns[] = [
  { indicator: 'traffic.peak_congestion_delay_index', value: 'peak_delay_index' },
  { indicator: 'traffic.road_tpi', value: 'road_tpi' },
  { indicator: 'traffic.peak_avg_speed', value: 'peak_avg_speed_kmh' },
  { indicator: 'traffic.pt_epayment_rate', value: 'epay_rate', counts: true },
];
const MONTHLY: IndicatorColumns[] = [
  { indicator: 'traffic.avg_commute_time', value: 'avg_commute_min' },
  { indicator: 'traffic.pt_trips_per_capita', value: 'trips_per_capita', counts: true },
  { indicator: 'traffic.bus_realtime_arrival_rate', value: 'realtime_arrival_rate', counts: true },
  { indicator: 'traffic.road_deaths_per_100k', value: 'road_deaths_per_100k', counts: true },
];
const YEARLY: IndicatorColumns[] = [
  { indicator: 'traffic.commute_within_45min_share', value: 'share_within_45min', counts: true },
  { indicator: 'traffic.extreme_commute_share', value: 'extreme_commute_share', counts: true },
  { indicator: 'traffic.pt_motorized_mode_share', value: 'pt_mode_share', counts: true },
  { indicator: 'traffic.green_travel_share', value: 'green_travel_share', counts: true },
  { indicator: 'traffic.pt_stop_coverage_500m', value: 'stop_coverage_500m', counts: true },
  { indicator: 'traffic.rail_km_per_100k', value: 'rail_km_per_100k', counts: true },
];

const districtFields = [field('district_code', 'text'), field('district_name', 'text')];

/** CKAN resource: one row per district and day. */
function trafficDaily(ctx: DatasetContext): Dataset {
  return {
    id: DATASET_IDS.trafficDaily,
    portal: 'ckan',
    titleZh: '道路交通运行日报',
    titleEn: 'Daily road traffic performance by district',
    description:
      'Weekday peak (07–09, 17–19) delay index, TPI and speed; daily public-transport boardings and e-payment.',
    fields: [
      ...districtFields,
      field('stat_date', 'timestamp'),
      field('day_type', 'text'),
      ...indicatorFields(DAILY),
    ],
    hasPoints: false,
    *rows(): Generator<DataRow> {
      for (const r of wideRows('day', DAILY, ctx.districts, ctx.until)) {
        const values = {
          district_code: r.district.code,
          district_name: r.district.nameZh,
          stat_date: r.period.start,
          day_type: dayKind(r.period.local, r.period.weekday),
          ...r.cells,
        };
        yield { values, updatedAt: r.period.start + 86_400_000 + 6 * 3_600_000 };
      }
    },
  };
}

/** CKAN resource: one row per district and month (`stat_month` as `2024-01` text). */
function trafficMonthly(ctx: DatasetContext): Dataset {
  return {
    id: DATASET_IDS.trafficMonthly,
    portal: 'ckan',
    titleZh: '交通出行月度统计',
    titleEn: 'Monthly travel statistics by district',
    description:
      'Average commute time, public-transport boardings, real-time bus arrival coverage and road deaths.',
    fields: [...districtFields, field('stat_month', 'text'), ...indicatorFields(MONTHLY)],
    hasPoints: false,
    *rows(): Generator<DataRow> {
      for (const r of wideRows('month', MONTHLY, ctx.districts, ctx.until)) {
        const l = r.period.local;
        yield {
          values: {
            district_code: r.district.code,
            district_name: r.district.nameZh,
            stat_month: `${l.year}-${String(l.month).padStart(2, '0')}`,
            ...r.cells,
          },
        };
      }
    },
  };
}

/** CKAN resource: one row per district and calendar year (annual traffic report). */
function trafficYearly(ctx: DatasetContext): Dataset {
  return {
    id: DATASET_IDS.trafficYearly,
    portal: 'ckan',
    titleZh: '城市交通发展年度报告指标',
    titleEn: 'Annual urban transport report indicators by district',
    description: 'Commute survey shares, mode shares, stop coverage and rail network length.',
    fields: [...districtFields, field('year', 'integer'), ...indicatorFields(YEARLY)],
    hasPoints: false,
    *rows(): Generator<DataRow> {
      for (const r of wideRows('year', YEARLY, ctx.districts, ctx.until)) {
        yield {
          values: {
            district_code: r.district.code,
            district_name: r.district.nameZh,
            year: r.period.local.year,
            ...r.cells,
          },
        };
      }
    },
  };
}

/** Hourly shape of congestion relative to the daily peak (1 = peak-period mean). */
const WORKDAY_HOURS = [
  0.05, 0.03, 0.02, 0.02, 0.05, 0.2, 0.6, 1.05, 1.1, 0.75, 0.55, 0.55, 0.5, 0.5, 0.55, 0.65, 0.85, 1.05, 1.0,
  0.7, 0.5, 0.35, 0.2, 0.1,
];
const RESTDAY_HOURS = [
  0.08, 0.05, 0.03, 0.02, 0.03, 0.08, 0.2, 0.35, 0.5, 0.65, 0.75, 0.75, 0.7, 0.65, 0.7, 0.75, 0.8, 0.75, 0.65,
  0.55, 0.45, 0.35, 0.25, 0.15,
];

/** ArcGIS layer: hourly readings of each district's traffic monitoring centre. */
function trafficHourly(ctx: DatasetContext): Dataset {
  const delay = indicatorProfile('traffic.peak_congestion_delay_index');
  const tpi = indicatorProfile('traffic.road_tpi');
  const speed = indicatorProfile('traffic.peak_avg_speed');
  return {
    id: DATASET_IDS.trafficHourly,
    portal: 'arcgis',
    titleZh: '交通运行小时监测',
    titleEn: 'Hourly traffic monitoring by district',
    description: `Hourly delay index, TPI, mean speed and vehicle-km for the last ${ctx.hourlyDays} days; PEAK marks workday peak hours. Night hours run free-flow, below the peak-period typical ranges.`,
    fields: [
      field('OBJECTID', 'integer'),
      field('DISTRICT_CODE', 'text'),
      field('DISTRICT_NAME', 'text'),
      field('HOUR_START', 'timestamp'),
      field('PEAK', 'text'),
      field('DELAY_INDEX', 'number'),
      field('TPI', 'number'),
      field('AVG_SPEED_KMH', 'number'),
      field('VEHICLE_KM', 'integer'),
    ],
    hasPoints: true,
    *rows(): Generator<DataRow> {
      let objectId = 0;
      const stations = new Map(
        ctx.districts.map((d) => [d.code, pointInDistrict(d, streamSeed(`station|${d.code}`), 0)]),
      );
      for (const hour of recentHours(ctx.until, ctx.hourlyDays)) {
        const l = toLocal(hour.start);
        const dayStart = localMidnight(l.year, l.month, l.day);
        const dayIndex = Math.floor(hour.index / 24);
        const day = periodAt('day', dayIndex, dayStart, 1);
        const rest = dayKind(day.local, day.weekday) !== 'workday';
        const shape = (rest ? RESTDAY_HOURS : WORKDAY_HOURS)[l.hour] ?? 0.5;
        for (const district of ctx.districts) {
          const seed = streamSeed(`hourly|${district.code}`);
          const jitter = 1 + 0.05 * gaussian(seed, hour.index);
          const peakDelay = measure(delay, district, day).value;
          const delayIndex = Math.max(1, 1 + (peakDelay - 1) * shape * jitter);
          const peakTpi = measure(tpi, district, day).value;
          const freeFlow = measure(speed, district, day).value * peakDelay;
          objectId += 1;
          yield {
            values: {
              OBJECTID: objectId,
              DISTRICT_CODE: district.code,
              DISTRICT_NAME: district.nameZh,
              HOUR_START: hour.start,
              // Workday peak periods 07–09 and 17–19 (the delay index is defined over them).
              PEAK: rest
                ? ''
                : l.hour === 7 || l.hour === 8
                  ? 'morning'
                  : l.hour === 17 || l.hour === 18
                    ? 'evening'
                    : '',
              DELAY_INDEX: Math.round(delayIndex * 1000) / 1000,
              TPI: Math.round(Math.min(10, Math.max(0, peakTpi * shape * jitter)) * 100) / 100,
              AVG_SPEED_KMH: Math.round((freeFlow / delayIndex) * 10) / 10,
              VEHICLE_KM: Math.round(district.trafficWeight * 2_400_000 * (0.1 + shape) * jitter),
            },
            point: stations.get(district.code),
          };
        }
      }
    },
  };
}

/** ArcGIS layer: one point per traffic accident, without a district (consumers locate it). */
function trafficAccidents(ctx: DatasetContext): Dataset {
  return {
    id: DATASET_IDS.trafficAccidents,
    portal: 'arcgis',
    titleZh: '道路交通事故点位',
    titleEn: 'Road traffic accidents (points)',
    description:
      'One point per reported accident; LAST_EDITED_DATE moves when the police complete the report.',
    fields: [
      field('OBJECTID', 'integer'),
      field('ACCIDENT_ID', 'text'),
      field('OCCURRED_AT', 'timestamp'),
      field('SEVERITY', 'text'),
      field('FATALITIES', 'integer'),
      field('INJURIES', 'integer'),
      field('VEHICLES', 'integer'),
      field('WEATHER', 'text'),
      field('LAST_EDITED_DATE', 'timestamp'),
    ],
    hasPoints: true,
    *rows(): Generator<DataRow> {
      let objectId = 0;
      for (const a of generateAccidents(ctx.districts, ctx.until)) {
        objectId += 1;
        yield {
          values: {
            OBJECTID: objectId,
            ACCIDENT_ID: a.id,
            OCCURRED_AT: a.occurredAt,
            SEVERITY: a.severity,
            FATALITIES: a.fatalities,
            INJURIES: a.injuries,
            VEHICLES: a.vehicles,
            WEATHER: a.weather,
            LAST_EDITED_DATE: a.editedAt,
          },
          point: a.point,
          updatedAt: a.editedAt,
        };
      }
    },
  };
}

/** The traffic datasets: CKAN daily/monthly/yearly resources and two ArcGIS layers. */
export function trafficDatasets(ctx: DatasetContext): Dataset[] {
  return [
    trafficDaily(ctx),
    trafficMonthly(ctx),
    trafficYearly(ctx),
    trafficHourly(ctx),
    trafficAccidents(ctx),
  ];
}
