import type { ObservationPoint } from '@civicpulse/domain';
import type { DemoDistrict } from '../city/demo-city';
import { INDICATOR_PROFILES, indicatorProfile, type IndicatorProfile } from './indicator-profiles';
import { measure } from './indicator-model';
import { publishedPeriods } from './periods';

export interface ObservationStreamOptions {
  /** Districts to generate for (see loadDemoDistricts). */
  districts: ReadonlyArray<DemoDistrict>;
  /** Generate periods published before this instant (ms). */
  until: number;
  /** Restrict to these indicator codes (default: all 45). */
  indicators?: ReadonlyArray<string>;
}

/**
 * Every published observation of the demo city, one indicator and district at a time. A
 * generator: callers that only count or stream rows never hold the history in memory.
 */
export function* generateObservations(options: ObservationStreamOptions): Generator<ObservationPoint> {
  const profiles: ReadonlyArray<IndicatorProfile> = options.indicators
    ? options.indicators.map(indicatorProfile)
    : INDICATOR_PROFILES;
  for (const profile of profiles) {
    for (const district of options.districts) {
      for (const period of publishedPeriods(profile.cadence, options.until)) {
        const m = measure(profile, district, period);
        yield {
          indicatorCode: profile.code,
          regionCode: district.code,
          grain: period.grain,
          periodStart: new Date(period.start),
          value: m.value,
          numerator: m.numerator ?? null,
          denominator: m.denominator ?? null,
          quality: 'ok',
        };
      }
    }
  }
}
