/**
 * How the demo generator draws each of the 45 catalogue indicators (see profiles/): its typical
 * range (from the indicator catalogue), which way is good, where the city stands in 2023 and where
 * it gets to by 2027 on a 0…1 "goodness" scale, the cadence it is published at, and — for rates —
 * the numerator/denominator pair that lets rates be re-aggregated as a ratio of sums.
 */
import { EDUCATION_PROFILES } from './profiles/education-profiles';
import { HEALTH_PROFILES } from './profiles/health-profiles';
import type { IndicatorProfile } from './profiles/profile-types';
import { SATISFACTION_PROFILES } from './profiles/satisfaction-profiles';
import { TRAFFIC_PROFILES } from './profiles/traffic-profiles';

export type {
  Cadence,
  DenominatorBasis,
  IndicatorProfile,
  ProfileDomain,
  RateSpec,
} from './profiles/profile-types';

/** All 45 indicators of the catalogue, in catalogue order. */
export const INDICATOR_PROFILES: ReadonlyArray<IndicatorProfile> = [
  ...TRAFFIC_PROFILES,
  ...HEALTH_PROFILES,
  ...EDUCATION_PROFILES,
  ...SATISFACTION_PROFILES,
];

const BY_CODE = new Map(INDICATOR_PROFILES.map((p) => [p.code, p]));

/** Thrown when a caller names an indicator the demo city does not publish. */
export class UnknownIndicatorError extends Error {
  constructor(readonly code: string) {
    super(`Unknown indicator code: ${code}`);
    this.name = 'UnknownIndicatorError';
  }
}

/** The profile of one indicator. */
export function indicatorProfile(code: string): IndicatorProfile {
  const profile = BY_CODE.get(code);
  if (!profile) throw new UnknownIndicatorError(code);
  return profile;
}
