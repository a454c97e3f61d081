/**
 * The five traffic-light colours of the scorecard, best first. They follow the trajectory
 * categories one to one: achieved → green, on track → yellow, needs acceleration → orange,
 * limited → red, deteriorating → dark red.
 */
export const STATUS_COLOURS = ['green', 'yellow', 'orange', 'red', 'dark_red'] as const;
export type StatusColour = (typeof STATUS_COLOURS)[number];

/** Severity rank of a colour: 0 for green … 4 for dark red. */
export function colourSeverity(colour: StatusColour): number {
  return STATUS_COLOURS.indexOf(colour);
}

/** The worse (more severe) of two colours. */
export function worseColour(a: StatusColour, b: StatusColour): StatusColour {
  return colourSeverity(a) >= colourSeverity(b) ? a : b;
}

/**
 * Thresholds of the score → colour mapping, as ratios of the score to the score expected
 * by now (100 × expected progress). They are the trajectory thresholds of scoring.md, so a
 * score reads the same colour as a KPI whose progress ratio R equals it.
 */
export const SCORE_COLOUR_THRESHOLDS = {
  /** score / expected ≥ 0.95 → yellow (on track). */
  onTrack: 0.95,
  /** score / expected ≥ 0.6 → orange (needs acceleration); below → red. */
  needsAcceleration: 0.6,
} as const;

/**
 * Colour of a 0–100 score, given the share of the plan period elapsed (`expectedProgress`,
 * default 1 = judged against the full target).
 *
 * - score ≥ 100 → green (target reached);
 * - score ≤ 0 → dark red (no progress from the baseline, or worse — scores are clamped at 0,
 *   so "no movement" and "moved the wrong way" cannot be told apart here);
 * - nothing expected yet (expectedProgress ≤ 0) → yellow;
 * - otherwise r = score / (100 × expectedProgress): r ≥ 0.95 yellow, r ≥ 0.6 orange, else red.
 *
 * `NaN` has no colour and yields `null` (a caller with no score should not ask).
 */
export function colourForScore(score: number, expectedProgress = 1): StatusColour | null {
  if (Number.isNaN(score)) {
    return null;
  }
  if (score >= 100) {
    return 'green';
  }
  if (score <= 0) {
    return 'dark_red';
  }
  const expected = Number.isFinite(expectedProgress) ? Math.min(1, expectedProgress) : 1;
  if (expected <= 0) {
    return 'yellow';
  }
  const ratio = score / (100 * expected);
  if (ratio >= SCORE_COLOUR_THRESHOLDS.onTrack) {
    return 'yellow';
  }
  if (ratio >= SCORE_COLOUR_THRESHOLDS.needsAcceleration) {
    return 'orange';
  }
  return 'red';
}
