import {
  type AlertCondition,
  type AlertFacts,
  type AlertPoint,
  cadenceOfFrequency,
  evaluateAlert,
  percentChange,
} from './alert-evaluation';
import { formatAlertInstant, formatAlertNumber } from './alert-text';

const subject = {
  indicatorNameZh: '拥堵指数',
  indicatorNameEn: 'Congestion index',
  regionNameZh: '海淀区',
  regionNameEn: 'Haidian',
};
const now = new Date('2025-11-15T10:00:00+08:00');
const at = (iso: string): Date => new Date(iso);
const point = (value: number, iso = '2025-11-14T00:00:00+08:00'): AlertPoint => ({
  value,
  periodStart: at(iso),
});

function facts(latest: AlertPoint | null, comparison: AlertPoint | null = null, cadence = 'P1D'): AlertFacts {
  return { latest, comparison, now, cadence, timeZone: 'Asia/Shanghai' };
}

const rule = (
  kind: AlertCondition['kind'],
  threshold: number | null,
  windowSeconds: number | null = null,
) => ({
  kind,
  threshold,
  windowSeconds,
});

describe('evaluateAlert: above / below', () => {
  it.each([
    ['above, strictly greater fires', rule('above', 1.8), 1.92, 'firing'],
    ['above, equal to the threshold does not fire', rule('above', 1.8), 1.8, 'clear'],
    ['above, below the threshold is clear', rule('above', 1.8), 1.79, 'clear'],
    ['below, strictly less fires', rule('below', 90), 89.5, 'firing'],
    ['below, equal to the threshold does not fire', rule('below', 90), 90, 'clear'],
    ['below, negative threshold', rule('below', -1), -1.5, 'firing'],
  ] as const)('%s', (_name, condition, value, state) => {
    expect(evaluateAlert(condition, subject, facts(point(value))).state).toBe(state);
  });

  it('writes the message in Chinese and English', () => {
    expect(evaluateAlert(rule('above', 1.8), subject, facts(point(1.92)))).toEqual({
      state: 'firing',
      value: 1.92,
      message: {
        zh: '拥堵指数 海淀区 1.92，高于阈值 1.80',
        en: 'Congestion index Haidian 1.92, above the threshold 1.80',
      },
    });
    const below = evaluateAlert(rule('below', 90), subject, facts(point(85)));
    expect(below).toMatchObject({ message: { zh: '拥堵指数 海淀区 85，低于阈值 90' } });
  });

  it.each([
    ['no data', rule('above', 1), null, 'no_data'],
    ['no threshold', rule('above', null), point(2), 'no_threshold'],
    ['no threshold (below)', rule('below', null), point(2), 'no_threshold'],
  ] as const)('is unknown with %s', (_name, condition, latest, reason) => {
    expect(evaluateAlert(condition, subject, facts(latest))).toEqual({ state: 'unknown', reason });
  });
});

describe('evaluateAlert: change_pct', () => {
  const week = 7 * 86_400;
  const base = (value: number) => point(value, '2025-11-07T00:00:00+08:00');
  it.each([
    ['a rise of more than the threshold fires', 20, 100, 125, 'firing'],
    ['a rise exactly at the threshold does not fire', 20, 100, 120, 'clear'],
    ['a rise at the threshold despite binary noise does not fire', 20, 1.5, 1.8, 'clear'],
    ['a fall does not fire a positive threshold', 20, 100, 50, 'clear'],
    ['a negative threshold fires on a larger fall', -10, 100, 85, 'firing'],
    ['a negative threshold exactly met does not fire', -10, 100, 90, 'clear'],
    ['a negative threshold ignores rises', -10, 100, 150, 'clear'],
    ['zero threshold fires on any change', 0, 100, 100.5, 'firing'],
    ['zero threshold stays clear without change', 0, 100, 100, 'clear'],
    ['a negative base uses its magnitude', 50, -10, -4, 'firing'],
    ['zero base and zero value: no change', 10, 0, 0, 'clear'],
  ] as const)('%s', (_name, threshold, from, to, state) => {
    expect(
      evaluateAlert(rule('change_pct', threshold, week), subject, facts(point(to), base(from))).state,
    ).toBe(state);
  });

  it('is unknown when the base is zero and the value moved, or when there is no comparison value', () => {
    expect(evaluateAlert(rule('change_pct', 10, week), subject, facts(point(3), base(0)))).toEqual({
      state: 'unknown',
      reason: 'zero_base',
    });
    expect(evaluateAlert(rule('change_pct', 10, week), subject, facts(point(3), null))).toEqual({
      state: 'unknown',
      reason: 'no_comparison',
    });
    expect(evaluateAlert(rule('change_pct', null, week), subject, facts(point(3), base(1)))).toEqual({
      state: 'unknown',
      reason: 'no_threshold',
    });
  });

  it('names the base and the change in the message', () => {
    const verdict = evaluateAlert(rule('change_pct', 20, week), subject, facts(point(125), base(100)));
    expect(verdict).toMatchObject({
      state: 'firing',
      message: {
        zh: '拥堵指数 海淀区 125，较 2025-11-07 的 100 变化 +25.0%，超过阈值 +20.0%',
        en: 'Congestion index Haidian 125, +25.0% from 100 on 2025-11-07, beyond the threshold +20.0%',
      },
    });
  });

  it('computes signed percent changes', () => {
    expect(percentChange(100, 125)).toBe(25);
    expect(percentChange(-10, -4)).toBe(60);
    expect(percentChange(0, 1)).toBeNull();
    expect(percentChange(0, 0)).toBe(0);
  });
});

describe('evaluateAlert: stale', () => {
  // Daily value for 14 November (local): the period ends at 15 Nov 00:00 local.
  const latest = point(1.5, '2025-11-14T00:00:00+08:00');
  const withNow = (iso: string, cadence = 'P1D'): AlertFacts => ({
    ...facts(latest, null, cadence),
    now: at(iso),
  });
  it.each([
    ['just before the period end plus the allowed lag', '2025-11-15T05:59:59+08:00', 6 * 3600, 'clear'],
    ['exactly at the due instant', '2025-11-15T06:00:00+08:00', 6 * 3600, 'clear'],
    ['one second past due', '2025-11-15T06:00:01+08:00', 6 * 3600, 'firing'],
    ['no allowed lag: due at the period end', '2025-11-15T00:00:01+08:00', null, 'firing'],
  ] as const)('%s', (_name, nowIso, window, state) => {
    expect(evaluateAlert(rule('stale', null, window), subject, withNow(nowIso)).state).toBe(state);
  });

  it('uses the calendar cadence of a monthly indicator', () => {
    // November ends on 1 December; one more day of lag makes it due on 2 December.
    const monthly = {
      ...withNow('2025-12-02T00:00:00+08:00', 'P1M'),
      latest: point(7, '2025-11-01T00:00:00+08:00'),
    };
    expect(evaluateAlert(rule('stale', null, 86_400), subject, monthly).state).toBe('clear');
    const later = { ...monthly, now: at('2025-12-02T00:00:01+08:00') };
    expect(evaluateAlert(rule('stale', null, 86_400), subject, later)).toMatchObject({
      state: 'firing',
      message: {
        zh: '拥堵指数 海淀区 数据过期：最新一期始于 2025-11-01，应于 2025-12-02 前更新',
        en: 'Congestion index Haidian data is stale: the latest period starts 2025-11-01, a newer one was due by 2025-12-02',
      },
    });
  });

  it('is unknown without any data', () => {
    expect(evaluateAlert(rule('stale', null, 60), subject, facts(null))).toEqual({
      state: 'unknown',
      reason: 'no_data',
    });
  });
});

describe('alert text', () => {
  it.each([
    [1.8, '1.80'],
    [40, '40'],
    [-2.345, '-2.35'],
    [0.00123, '0.00123'],
  ])('formats %p as %p', (value, text) => {
    expect(formatAlertNumber(value)).toBe(text);
  });

  it('formats local instants, with the time when not midnight', () => {
    expect(formatAlertInstant(at('2025-11-14T00:00:00+08:00'), 'Asia/Shanghai')).toBe('2025-11-14');
    expect(formatAlertInstant(at('2025-11-14T08:30:00+08:00'), 'Asia/Shanghai')).toBe('2025-11-14 08:30');
  });

  it('maps frequencies to cadences', () => {
    expect(cadenceOfFrequency('day')).toBe('P1D');
    expect(cadenceOfFrequency('quarter')).toBe('P3M');
  });
});
