import { daysInMonth, localMonths, toLocal, yearsSinceStart } from '../city/city-calendar';
import { populationAt, type DemoDistrict } from '../city/demo-city';
import { shapeBounds, shapeContains } from '../city/point-in-district';
import { poisson, streamSeed, uniform } from '../random/counter-random';
import { indicatorProfile } from './indicator-profiles';
import { goodnessAt, levelFor } from './indicator-model';

/** A WGS84 point. */
export interface GeoPoint {
  lon: number;
  lat: number;
}

/** A deterministic point inside a district (rejection sampling in its bounding box). */
export function pointInDistrict(district: DemoDistrict, seed: number, index: number): GeoPoint {
  const [minX, minY, maxX, maxY] = shapeBounds(district.shape);
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const lon = minX + (maxX - minX) * uniform(seed, index * 400 + attempt * 2);
    const lat = minY + (maxY - minY) * uniform(seed, index * 400 + attempt * 2 + 1);
    if (shapeContains(district.shape, lon, lat)) return { lon: round6(lon), lat: round6(lat) };
  }
  // Unreachable for sane shapes; the box centre keeps the generator total.
  return { lon: round6((minX + maxX) / 2), lat: round6((minY + maxY) / 2) };
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

export type AccidentSeverity = 'fatal' | 'injury' | 'property';

/** One traffic accident as the traffic police publish it. */
export interface TrafficAccident {
  id: string;
  /** UTC instant of the accident. */
  occurredAt: number;
  /** When the record was last edited (reports are completed one to three days later). */
  editedAt: number;
  severity: AccidentSeverity;
  fatalities: number;
  injuries: number;
  vehicles: number;
  weather: string;
  point: GeoPoint;
  /** Kept for tests; not published (the portal makes consumers locate the point). */
  districtCode: string;
}

/** Relative frequency of accidents by hour of day: peaks with the commute, low at night. */
const HOUR_WEIGHTS = [2, 1, 1, 1, 1, 2, 4, 8, 9, 6, 5, 5, 5, 5, 5, 6, 7, 9, 9, 7, 5, 4, 3, 2];
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
const WEATHER = ['晴', '晴', '晴', '多云', '多云', '阴', '小雨', '中雨', '雾'];

function pickHour(u: number): number {
  let acc = 0;
  for (let h = 0; h < 24; h += 1) {
    acc += HOUR_WEIGHTS[h] / HOUR_TOTAL;
    if (u < acc) return h;
  }
  return 23;
}

/**
 * Traffic accidents of complete months before `until`, in time order across all districts.
 * Fatal accidents follow the district's road-death rate, so counting them reproduces the
 * road-deaths indicator's level.
 */
export function* generateAccidents(
  districts: ReadonlyArray<DemoDistrict>,
  until: number,
): Generator<TrafficAccident> {
  const deaths = indicatorProfile('traffic.road_deaths_per_100k');
  let sequence = 0;
  for (const month of localMonths(until)) {
    const days = daysInMonth(month.year, month.month);
    const monthEnd = month.start + days * 86_400_000;
    if (monthEnd > until) return;
    const batch: TrafficAccident[] = [];
    for (const district of districts) {
      const seed = streamSeed(`accidents|${district.code}`);
      const pop = populationAt(district, yearsSinceStart(month.start));
      const congestion = 1.3 - district.offsets.traffic;
      const count = poisson(seed, month.index, (pop / 100_000) * 4.5 * congestion);
      const deathRate =
        deaths.min + (deaths.max - deaths.min) * levelFor(deaths, goodnessAt(deaths, district, month.start));
      const fatalShare = Math.min(0.5, ((deathRate * pop) / 100_000 / 12 / Math.max(count, 1)) * 0.9);
      for (let i = 0; i < count; i += 1) {
        const k = month.index * 10_000 + i;
        const day = Math.floor(uniform(seed ^ 0x1111, k) * days);
        const hour = pickHour(uniform(seed ^ 0x2222, k));
        const minute = Math.floor(uniform(seed ^ 0x3333, k) * 60);
        const occurredAt = month.start + day * 86_400_000 + hour * 3_600_000 + minute * 60_000;
        const u = uniform(seed ^ 0x4444, k);
        const severity: AccidentSeverity = u < fatalShare ? 'fatal' : u < 0.7 ? 'injury' : 'property';
        batch.push({
          id: '',
          occurredAt,
          editedAt: occurredAt + (1 + Math.floor(uniform(seed ^ 0x5555, k) * 3)) * 86_400_000,
          severity,
          fatalities: severity === 'fatal' ? 1 + (uniform(seed ^ 0x6666, k) < 0.1 ? 1 : 0) : 0,
          injuries:
            severity === 'property'
              ? 0
              : Math.floor(uniform(seed ^ 0x7777, k) * 3) + (severity === 'injury' ? 1 : 0),
          vehicles: 1 + Math.floor(uniform(seed ^ 0x8888, k) * 3),
          weather: WEATHER[Math.floor(uniform(seed ^ 0x9999, k) * WEATHER.length)] ?? '晴',
          point: pointInDistrict(district, seed, k),
          districtCode: district.code,
        });
      }
    }
    batch.sort((a, b) => a.occurredAt - b.occurredAt || a.districtCode.localeCompare(b.districtCode));
    for (const accident of batch) {
      sequence += 1;
      const l = toLocal(accident.occurredAt);
      accident.id = `SG${l.year}${String(l.month).padStart(2, '0')}${String(sequence).padStart(6, '0')}`;
      yield accident;
    }
  }
}

/** A school as the education bureau's school directory lists it. */
export interface School {
  id: string;
  nameZh: string;
  kind: '幼儿园' | '小学' | '初中' | '高中' | '九年一贯制';
  ownership: '公办' | '民办';
  pupils: number;
  teachers: number;
  openedYear: number;
  point: GeoPoint;
  districtCode: string;
  districtNameZh: string;
}

const KINDS: ReadonlyArray<School['kind']> = [
  '幼儿园',
  '幼儿园',
  '幼儿园',
  '小学',
  '小学',
  '小学',
  '初中',
  '初中',
  '高中',
  '九年一贯制',
];
const KIND_NAMES: Record<School['kind'], string> = {
  幼儿园: '幼儿园',
  小学: '小学',
  初中: '中学',
  高中: '高级中学',
  九年一贯制: '实验学校',
};
const PUPILS: Record<School['kind'], number> = {
  幼儿园: 260,
  小学: 1400,
  初中: 1100,
  高中: 1600,
  九年一贯制: 1900,
};

/** The school directory: about one school per 9 000 residents, placed inside each district. */
export function* generateSchools(districts: ReadonlyArray<DemoDistrict>): Generator<School> {
  for (const district of districts) {
    const seed = streamSeed(`schools|${district.code}`);
    const count = Math.round(district.population / 9000);
    const ordinal = new Map<string, number>();
    for (let i = 0; i < count; i += 1) {
      const kind = KINDS[Math.floor(uniform(seed, i) * KINDS.length)] ?? '小学';
      const n = (ordinal.get(kind) ?? 0) + 1;
      ordinal.set(kind, n);
      const pupils = Math.round(PUPILS[kind] * (0.6 + 0.8 * uniform(seed ^ 0xabc, i)));
      // Outer districts behind on education have fewer teachers per pupil.
      const ratio = (kind === '幼儿园' ? 11 : 15) * (1 - district.offsets.education * 0.5);
      yield {
        id: `${district.code}${String(i + 1).padStart(4, '0')}`,
        nameZh: `${district.nameZh.replace(/区$/, '')}第${n}${KIND_NAMES[kind]}`,
        kind,
        ownership: uniform(seed ^ 0xdef, i) < 0.18 ? '民办' : '公办',
        pupils,
        teachers: Math.max(5, Math.round(pupils / ratio)),
        openedYear: 1950 + Math.floor(uniform(seed ^ 0x123, i) * 73),
        point: pointInDistrict(district, seed, i),
        districtCode: district.code,
        districtNameZh: district.nameZh,
      };
    }
  }
}
