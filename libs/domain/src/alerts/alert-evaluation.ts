import { addCadence, type Cadence, parseCadence } from '../freshness/cadence';
import type { Frequency } from '../model/indicator';
import { DEFAULT_TIME_ZONE } from '../period/time-zone';
import { type BilingualText, formatAlertInstant, formatAlertNumber, formatSignedPercent } from './alert-text';

/** What an alert rule watches for. */
export const ALERT_CONDITION_KINDS = ['above', 'below', 'change_pct', 'stale'] as const;
export type AlertConditionKind = (typeof ALERT_CONDITION_KINDS)[number];

/** The part of an alert rule that decides whether it fires. */
export interface AlertCondition {
  kind: AlertConditionKind;
  /**
   * `above` / `below`: the bound (strictly above / below fires). `change_pct`: a signed percent —
   * positive fires on a rise of more than it, negative on a fall of more than it, zero on any
   * change. Unused by `stale`.
   */
  threshold: number | null;
  /**
   * `change_pct`: how far back the comparison value lies. `stale`: how long after the end of the
   * latest period a newer one may take to arrive. In seconds; null counts as zero for `stale`.
   */
  windowSeconds: number | null;
}

/** Names used in the message. */
export interface AlertSubject {
  indicatorNameZh: string;
  indicatorNameEn: string;
  regionNameZh: string;
  regionNameEn: string;
}

/** A value and the start of the period it describes. */
export interface AlertPoint {
  value: number;
  periodStart: Date;
}

/** What is known about one indicator in one region when a rule is evaluated. */
export interface AlertFacts {
  /** The latest value; null when the region has no data for the indicator. */
  latest: AlertPoint | null;
  /** `change_pct` only: the value in force `windowSeconds` before the latest period. */
  comparison: AlertPoint | null;
  now: Date;
  /** Expected length of one period of the indicator (see {@link cadenceOfFrequency}). */
  cadence: Cadence | string;
  timeZone?: string;
}

/** Why a rule could not be decided; an open event then stays as it is. */
export type AlertUnknownReason = 'no_data' | 'no_comparison' | 'zero_base' | 'no_threshold';

/**
 * `firing`: the condition holds (an event should be open). `clear`: it does not (an open event
 * should be resolved). `unknown`: the facts do not allow a decision.
 */
export type AlertVerdict =
  | { state: 'firing'; value: number; message: BilingualText }
  | { state: 'clear'; value: number }
  | { state: 'unknown'; reason: AlertUnknownReason };

const FREQUENCY_CADENCE: Record<Frequency, string> = {
  hour: 'PT1H',
  day: 'P1D',
  month: 'P1M',
  quarter: 'P3M',
  year: 'P1Y',
};

/** The length of one period of an indicator of this frequency, as an ISO-8601 duration. */
export function cadenceOfFrequency(frequency: Frequency): string {
  return FREQUENCY_CADENCE[frequency];
}

// Percent changes are compared after rounding away binary noise: 1.5 → 1.8 is +20 %, not +20.000000000000018 %.
const roundPercent = (percent: number): number => Math.round(percent * 1e6) / 1e6;

/** Signed change in percent of `base`; null when `base` is zero and the value moved. */
export function percentChange(base: number, value: number): number | null {
  if (base === 0) return value === 0 ? 0 : null;
  return roundPercent(((value - base) / Math.abs(base)) * 100);
}

function exceedsChange(change: number, threshold: number): boolean {
  if (threshold > 0) return change > threshold;
  if (threshold < 0) return change < threshold;
  return change !== 0;
}

/**
 * Decides one rule for one region. Pure: the caller reads the facts (from rollups) and acts on the
 * verdict (opens or resolves events). Missing data never fires and never resolves.
 */
export function evaluateAlert(
  condition: AlertCondition,
  subject: AlertSubject,
  facts: AlertFacts,
): AlertVerdict {
  const latest = facts.latest;
  if (!latest) return { state: 'unknown', reason: 'no_data' };
  const timeZone = facts.timeZone ?? DEFAULT_TIME_ZONE;
  const head = {
    zh: `${subject.indicatorNameZh} ${subject.regionNameZh}`,
    en: `${subject.indicatorNameEn} ${subject.regionNameEn}`,
  };
  const value = formatAlertNumber(latest.value);
  switch (condition.kind) {
    case 'above':
    case 'below': {
      if (condition.threshold === null) return { state: 'unknown', reason: 'no_threshold' };
      const above = condition.kind === 'above';
      const fires = above ? latest.value > condition.threshold : latest.value < condition.threshold;
      if (!fires) return { state: 'clear', value: latest.value };
      const bound = formatAlertNumber(condition.threshold);
      return {
        state: 'firing',
        value: latest.value,
        message: {
          zh: `${head.zh} ${value}，${above ? '高于' : '低于'}阈值 ${bound}`,
          en: `${head.en} ${value}, ${above ? 'above' : 'below'} the threshold ${bound}`,
        },
      };
    }
    case 'change_pct': {
      if (condition.threshold === null) return { state: 'unknown', reason: 'no_threshold' };
      const base = facts.comparison;
      if (!base) return { state: 'unknown', reason: 'no_comparison' };
      const change = percentChange(base.value, latest.value);
      if (change === null) return { state: 'unknown', reason: 'zero_base' };
      if (!exceedsChange(change, condition.threshold)) return { state: 'clear', value: latest.value };
      const baseValue = formatAlertNumber(base.value);
      const baseAt = formatAlertInstant(base.periodStart, timeZone);
      const bound = formatSignedPercent(condition.threshold);
      const changed = formatSignedPercent(change);
      return {
        state: 'firing',
        value: latest.value,
        message: {
          zh: `${head.zh} ${value}，较 ${baseAt} 的 ${baseValue} 变化 ${changed}，超过阈值 ${bound}`,
          en: `${head.en} ${value}, ${changed} from ${baseValue} on ${baseAt}, beyond the threshold ${bound}`,
        },
      };
    }
    case 'stale': {
      const cadence = typeof facts.cadence === 'string' ? parseCadence(facts.cadence) : facts.cadence;
      // Due once the latest period has ended and the allowed lag has passed; exactly due is not stale.
      const periodEnd = addCadence(latest.periodStart, cadence, timeZone);
      const dueAt = new Date(periodEnd.getTime() + (condition.windowSeconds ?? 0) * 1000);
      if (facts.now.getTime() <= dueAt.getTime()) return { state: 'clear', value: latest.value };
      const start = formatAlertInstant(latest.periodStart, timeZone);
      const due = formatAlertInstant(dueAt, timeZone);
      return {
        state: 'firing',
        value: latest.value,
        message: {
          zh: `${head.zh} 数据过期：最新一期始于 ${start}，应于 ${due} 前更新`,
          en: `${head.en} data is stale: the latest period starts ${start}, a newer one was due by ${due}`,
        },
      };
    }
  }
}
