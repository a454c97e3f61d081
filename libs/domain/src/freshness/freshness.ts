import { DEFAULT_TIME_ZONE } from '../period/time-zone';
import { addCadence, type Cadence, parseCadence } from './cadence';

/** `fresh`: within the cadence; `stale`: past it; `never`: nothing observed or run yet. */
export const FRESHNESS_STATES = ['fresh', 'stale', 'never'] as const;
export type FreshnessState = (typeof FRESHNESS_STATES)[number];

/** Input of {@link assessFreshness}. */
export interface FreshnessInput {
  /** Last observation time or last successful run time, whichever the caller judges. */
  lastAt: Date | null | undefined;
  now: Date;
  /** Expected cadence: a parsed {@link Cadence}, an ISO-8601 duration or a number of hours. */
  cadence: Cadence | string | number;
  /** Extra allowance after the cadence before calling the data stale (e.g. publication lag). */
  grace?: Cadence | string | number | null;
  timeZone?: string;
}

/** Result of {@link assessFreshness}. */
export interface FreshnessAssessment {
  state: FreshnessState;
  lastAt: Date | null;
  /** When the next value or run is due (last + cadence + grace); null if never seen. */
  nextDueAt: Date | null;
  /** now − lastAt in milliseconds; null if never seen. */
  ageMs: number | null;
  /** How long past due, in milliseconds (0 when fresh or never seen). */
  overdueMs: number;
}

const toCadence = (c: Cadence | string | number): Cadence => (typeof c === 'object' ? c : parseCadence(c));

/**
 * Staleness of a series or a source: stale once `now` is strictly after
 * `lastAt + cadence (+ grace)`, computed on the local calendar of `timeZone` so a monthly
 * cadence means "same day next month".
 */
export function assessFreshness(input: FreshnessInput): FreshnessAssessment {
  const lastAt = input.lastAt ?? null;
  if (!lastAt) {
    return { state: 'never', lastAt: null, nextDueAt: null, ageMs: null, overdueMs: 0 };
  }
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  let nextDueAt = addCadence(lastAt, toCadence(input.cadence), timeZone);
  if (input.grace !== undefined && input.grace !== null) {
    nextDueAt = addCadence(nextDueAt, toCadence(input.grace), timeZone);
  }
  const overdue = input.now.getTime() - nextDueAt.getTime();
  return {
    state: overdue > 0 ? 'stale' : 'fresh',
    lastAt,
    nextDueAt,
    ageMs: input.now.getTime() - lastAt.getTime(),
    overdueMs: Math.max(0, overdue),
  };
}

/** The worse of two freshness states (never > stale > fresh), e.g. to summarise a project. */
export function worseFreshnessState(a: FreshnessState, b: FreshnessState): FreshnessState {
  return FRESHNESS_STATES.indexOf(a) >= FRESHNESS_STATES.indexOf(b) ? a : b;
}
