import { localMidnight, toLocal, yearsSinceStart, type LocalDate } from '../city/city-calendar';
import { populationAt, type DemoDistrict } from '../city/demo-city';
import { trafficActivity } from '../city/holidays';
import { gaussian, poisson, smoothNoise, streamSeed } from '../random/counter-random';
import type { DenominatorBasis, IndicatorProfile, RateSpec } from './indicator-profiles';

/** Grain of a generated period, as in the domain model. */
export type PeriodGrain = 'hour' | 'day' | 'month' | 'quarter' | 'year';

/** One period of one series. `index` counts periods of this grain from 2023-01-01. */
export interface Period {
  grain: PeriodGrain;
  index: number;
  /** UTC instant of the period's local start. */
  start: number;
  local: LocalDate;
  weekday: number;
  /** Length of the period in days (fractional for hours). */
  days: number;
}

/** A value with the numerator and denominator it was computed from (rates only). */
export interface MeasuredValue {
  value: number;
  numerator?: number;
  denominator?: number;
}

/** Builds a Period for a local start instant. */
export function periodAt(grain: PeriodGrain, index: number, start: number, days: number): Period {
  const l = toLocal(start);
  return {
    grain,
    index,
    start,
    local: { year: l.year, month: l.month, day: l.day },
    weekday: l.weekday,
    days,
  };
}

/** Share of the way from the 2023 level to the 2027 level at a given time. */
function progress(years: number): number {
  return Math.min(Math.max(years / 4, 0), 1.25);
}

/**
 * Goodness (0 worst … 1 best) of an indicator in a district at an instant: the city trend, the
 * district's standing in the domain, and — in deteriorating districts — a trend running backwards.
 */
export function goodnessAt(profile: IndicatorProfile, district: DemoDistrict, instant: number): number {
  const p = progress(yearsSinceStart(instant));
  const offset = district.offsets[profile.domain];
  const slope = profile.g1 - profile.g0;
  const trend = district.deteriorating.includes(profile.domain) ? -0.8 * slope * p : slope * p;
  return Math.min(Math.max(profile.g0 + offset + trend, 0.02), 0.98);
}

/** Position of a raw value inside the typical range (0 = min, 1 = max) for a goodness. */
export function levelFor(profile: IndicatorProfile, goodness: number): number {
  if (profile.better === 'up') return goodness;
  if (profile.better === 'down') return 1 - goodness;
  const [lo, hi] = profile.band ?? [profile.min, profile.max];
  const centre = ((lo + hi) / 2 - profile.min) / (profile.max - profile.min);
  return centre + (profile.bandSide ?? 1) * (1 - goodness) * 0.75;
}

const clampLevel = (level: number): number => Math.min(Math.max(level, 0.01), 0.99);
const roundTo = (value: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

/** Winter-peak seasonal term (peaks in January, lowest in July). */
function winterTerm(month: number): number {
  return Math.cos((2 * Math.PI * (month - 1)) / 12);
}

/** Noise stream of one series. */
function seriesSeed(profile: IndicatorProfile, district: DemoDistrict, grain: PeriodGrain): number {
  return streamSeed(`${profile.code}|${district.code}|${grain}`);
}

/**
 * The raw level (0…1 in the typical range) of an indicator for a period: trend + season + traffic
 * calendar + noise. Traffic delay indices follow the day's activity (weekends and Spring Festival
 * are lighter), and speeds rise when the roads empty.
 */
export function rawLevel(profile: IndicatorProfile, district: DemoDistrict, period: Period): number {
  const mid = period.start + (period.days * 86_400_000) / 2;
  let level = levelFor(profile, goodnessAt(profile, district, mid));
  if (profile.winterPeak) level += profile.winterPeak * winterTerm(period.local.month);
  const seed = seriesSeed(profile, district, period.grain);
  level += profile.noise * (gaussian(seed, period.index) + smoothNoise(seed ^ 0x2545f491, period.index, 7));
  if (profile.domain === 'traffic' && period.grain === 'day' && profile.cadence === 'day' && !profile.rate) {
    const activity = trafficActivity(period.local, period.weekday);
    level = profile.better === 'up' ? 1 - (1 - level) * activity : level * Math.pow(activity, 0.9);
  }
  return clampLevel(level);
}

/** Size of a rate's denominator (or fixed numerator) for a district and period. */
export function basisSize(basis: DenominatorBasis, district: DemoDistrict, period: Period): number {
  const pop = populationAt(district, yearsSinceStart(period.start));
  const month = period.local.month;
  const monthDays = period.days;
  switch (basis) {
    case 'population':
      return pop;
    case 'boardings':
      return Math.round(
        pop * 0.45 * trafficActivity(period.local, period.weekday) * Math.max(period.days, 1),
      );
    case 'bus_stops':
      return Math.round(pop / 650);
    case 'trips_surveyed':
      return Math.round(12_000 + pop / 100);
    case 'outpatient_visits':
      return Math.round(pop * 0.018 * monthDays * (1 + 0.15 * winterTerm(month)));
    case 'open_bed_days':
      return Math.round(pop * 0.0072) * monthDays;
    case 'ems_calls':
      return Math.round(pop * 0.0001 * monthDays * (1 + 0.2 * winterTerm(month)));
    case 'live_births':
      return Math.round(pop * 0.0068);
    case 'live_births_3y':
      return Math.round(pop * 0.0068 * 3);
    case 'institutions':
      return Math.round(pop / 1800);
    case 'preschool_children':
      return Math.round(pop * 0.032);
    case 'school_age_children':
      return Math.round(pop * 0.11);
    case 'pupils':
      return Math.round(pop * 0.065);
    case 'preschool_teachers_basis':
      return Math.round(pop * 0.032);
    case 'primary_teachers_basis':
      return Math.round(pop * 0.065);
    case 'migrant_children':
      return Math.round(pop * 0.025);
    case 'classrooms':
      return Math.round(pop * 0.0025);
    case 'learners':
      return Math.round(pop * 0.15);
    case 'senior_cohort':
      return Math.round(pop * 0.033);
    case 'compulsory_cohort':
      return Math.round(pop * 0.011);
    case 'rated_cases':
      return Math.round(pop * 0.00012 * monthDays * (1 + 0.1 * winterTerm(month)));
  }
}

/** Bases that fix the numerator (children, pupils) and derive the denominator (teachers). */
const NUMERATOR_BASES: ReadonlySet<DenominatorBasis> = new Set([
  'preschool_teachers_basis',
  'primary_teachers_basis',
]);

/**
 * The published value of an indicator for a district and period, with its numerator and
 * denominator for rates. Values stay inside the indicator's typical range and, for rates, equal
 * numerator / denominator × scale rounded to the published decimals.
 */
export function measure(profile: IndicatorProfile, district: DemoDistrict, period: Period): MeasuredValue {
  const target = profile.min + (profile.max - profile.min) * rawLevel(profile, district, period);
  const rate = profile.rate;
  if (!rate) return { value: roundTo(target, profile.decimals) };
  const base = basisSize(rate.basis, district, period);
  if (profile.flow) return flowMeasure(profile, rate, target, base, district, period);
  const inRange = (v: number): boolean => v >= profile.min && v <= profile.max;
  let numerator: number;
  let denominator: number;
  if (NUMERATOR_BASES.has(rate.basis)) {
    numerator = base;
    denominator = Math.max(1, Math.round((numerator * rate.scale) / target));
    while (!inRange((numerator / denominator) * rate.scale) && denominator > 1) {
      denominator += (numerator / denominator) * rate.scale > profile.max ? 1 : -1;
    }
  } else {
    denominator = base;
    const exact = (target * denominator) / rate.scale;
    numerator = rate.integerNumerator ? Math.round(exact) : roundTo(exact, 3);
    const step = rate.integerNumerator ? 1 : 0.001;
    for (let i = 0; i < 50 && !inRange((numerator / denominator) * rate.scale); i += 1) {
      numerator += (numerator / denominator) * rate.scale > profile.max ? -step : step;
      numerator = roundTo(numerator, 3);
    }
  }
  const value = Math.min(
    Math.max(roundTo((numerator / denominator) * rate.scale, profile.decimals), profile.min),
    profile.max,
  );
  return { value, numerator, denominator };
}

/**
 * A flow's share for one period: the yearly rate pro-rated to the period's days, counted as a
 * whole number of events (small counts such as road deaths drawn from a Poisson distribution).
 */
function flowMeasure(
  profile: IndicatorProfile,
  rate: RateSpec,
  yearly: number,
  denominator: number,
  district: DemoDistrict,
  period: Period,
): MeasuredValue {
  const expected = (((yearly * period.days) / 365.25) * denominator) / rate.scale;
  const numerator =
    expected < 50
      ? poisson(streamSeed(`${profile.code}|${district.code}|events`), period.index, expected)
      : Math.round(expected);
  return { value: roundTo((numerator / denominator) * rate.scale, profile.decimals), numerator, denominator };
}

/** Start of a school year (1 September) as a local instant. */
export function schoolYearStart(year: number): number {
  return localMidnight(year, 9, 1);
}
