/**
 * The shape of an indicator profile: what the demo generator needs to know to draw an indicator.
 * The profiles themselves are in the per-domain files next to this one.
 */

export type Cadence = 'day' | 'month' | 'quarter' | 'school_year' | 'year';
export type ProfileDomain = 'traffic' | 'health' | 'education' | 'satisfaction';

/** What the denominator of a rate counts, which fixes its size for a district. */
export type DenominatorBasis =
  | 'population'
  | 'boardings'
  | 'bus_stops'
  | 'trips_surveyed'
  | 'outpatient_visits'
  | 'open_bed_days'
  | 'ems_calls'
  | 'live_births'
  | 'live_births_3y'
  | 'institutions'
  | 'preschool_children'
  | 'school_age_children'
  | 'pupils'
  | 'preschool_teachers_basis'
  | 'primary_teachers_basis'
  | 'migrant_children'
  | 'classrooms'
  | 'learners'
  | 'senior_cohort'
  | 'compulsory_cohort'
  | 'rated_cases';

export interface RateSpec {
  /** value = numerator / denominator × scale. */
  scale: number;
  numeratorName: string;
  denominatorName: string;
  basis: DenominatorBasis;
  /** Counts are whole numbers; expected counts (tiny populations at risk) are not. */
  integerNumerator: boolean;
}

export interface IndicatorProfile {
  code: string;
  domain: ProfileDomain;
  /** Typical range for a large Chinese city (indicator catalogue); generated values stay inside. */
  min: number;
  max: number;
  better: 'up' | 'down' | 'band';
  /** Target band, for `band` indicators. */
  band?: readonly [number, number];
  /** For `band` indicators: which side of the band a poor value falls (+1 above, −1 below). */
  bandSide?: 1 | -1;
  /** City goodness (0…1) at 2023-01-01 and at 2027-01-01. */
  g0: number;
  g1: number;
  /** Per-observation noise, in units of the typical range. */
  noise: number;
  decimals: number;
  cadence: Cadence;
  /** Seasonal amplitude (in range units) of a winter peak of the raw value. */
  winterPeak?: number;
  /**
   * A flow summed over time (catalogue time aggregation `sum`): the typical range is the yearly
   * total, and each period publishes its share (a month ≈ 1/12 of the year).
   */
  flow?: boolean;
  rate?: RateSpec;
}

/** A rate: value = numerator / denominator × scale. */
export const rate = (
  scale: number,
  numeratorName: string,
  denominatorName: string,
  basis: DenominatorBasis,
  integerNumerator = true,
): RateSpec => ({ scale, numeratorName, denominatorName, basis, integerNumerator });

/** Profile constructors per domain. */
export const traffic = (p: Omit<IndicatorProfile, 'domain'>): IndicatorProfile => ({
  ...p,
  domain: 'traffic',
});
export const health = (p: Omit<IndicatorProfile, 'domain'>): IndicatorProfile => ({ ...p, domain: 'health' });
export const education = (p: Omit<IndicatorProfile, 'domain'>): IndicatorProfile => ({
  ...p,
  domain: 'education',
});
export const satisfaction = (p: Omit<IndicatorProfile, 'domain'>): IndicatorProfile => ({
  ...p,
  domain: 'satisfaction',
});

/** All 45 indicators of the catalogue, in catalogue order. */
