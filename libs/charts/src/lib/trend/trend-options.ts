import type { EChartsCoreOption } from 'echarts/core';
import type { LineSeriesOption } from 'echarts/charts';
import { baseOption, type CommonChartOptions } from '../core/chart-common';
import { formatChartDate, formatChartNumber, toEpochMs, type DateGranularity } from '../core/chart-locale';
import { localizeUnit } from '../core/chart-units';
import type { ChartTable } from '../core/chart-table';
import { paletteFor } from '../core/chart-theme';

/** One value at one period start (ISO instant or date). `null` marks a gap. */
export interface TrendPoint {
  at: string;
  value: number | null;
}

/** A named line of the trend chart (e.g. the city, or one district). */
export interface TrendSeries {
  name: string;
  points: TrendPoint[];
}

/** A dated event drawn as a vertical line. */
export interface TrendMilestone {
  at: string;
  label: string;
}

/** Everything a trend chart shows. */
export interface TrendData {
  series: TrendSeries[];
  /** Horizontal target line at the KPI's target value. */
  target?: { value: number; label: string };
  /**
   * Planned path from baseline to target (scoring.md "trajectory"): the straight line, or a
   * polyline through intermediate period targets.
   */
  trajectory?: { points: TrendPoint[]; label: string };
  /** Target band for indicators where both extremes are bad. */
  band?: { lo: number; hi: number; label: string };
  milestones?: TrendMilestone[];
}

/** Trend-specific options. */
export interface TrendChartOptions extends CommonChartOptions {
  unit?: string;
  granularity?: DateGranularity;
}

/**
 * Line chart of one indicator over time with its target line or band, the planned trajectory and
 * milestones as vertical mark lines. Axis labels and tooltips format with the active locale.
 */
export function buildTrendOptions(data: TrendData, opts: TrendChartOptions): EChartsCoreOption {
  const palette = paletteFor(opts.theme ?? 'light');
  const granularity = opts.granularity ?? 'month';
  const formatValue = (v: unknown): string =>
    formatChartNumber(typeof v === 'number' ? v : null, opts.locale, { unit: opts.unit });
  const formatAxisDate = (v: number): string => formatChartDate(v, opts.locale, granularity, opts.timeZone);

  const series: LineSeriesOption[] = data.series.map((s, index) => ({
    type: 'line',
    name: s.name,
    showSymbol: s.points.length <= 36,
    connectNulls: false,
    data: s.points.map((p) => [toEpochMs(p.at), p.value]),
    ...(index === 0
      ? { markLine: firstSeriesMarkLine(data, opts), markArea: bandArea(data, palette.band) }
      : {}),
  }));

  if (data.trajectory) {
    series.push({
      type: 'line',
      name: data.trajectory.label,
      showSymbol: false,
      lineStyle: { type: 'dashed', color: palette.target, width: 1.5 },
      itemStyle: { color: palette.target },
      data: data.trajectory.points.map((p) => [toEpochMs(p.at), p.value]),
    });
  }

  return {
    ...baseOption(opts),
    grid: { left: 56, right: 24, top: 40, bottom: 40 },
    legend: { top: 0, textStyle: { color: palette.text } },
    tooltip: {
      trigger: 'axis',
      valueFormatter: formatValue,
      axisPointer: { label: { formatter: (p: { value: unknown }) => formatAxisDate(Number(p.value)) } },
    },
    xAxis: {
      type: 'time',
      axisLine: { lineStyle: { color: palette.axisLine } },
      axisLabel: { color: palette.mutedText, formatter: formatAxisDate, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      scale: true,
      splitLine: { lineStyle: { color: palette.splitLine } },
      axisLabel: {
        color: palette.mutedText,
        formatter: (v: number) => formatChartNumber(v, opts.locale, { maximumFractionDigits: 2 }),
      },
      name: opts.unit ? localizeUnit(opts.unit, opts.locale) : undefined,
      nameTextStyle: { color: palette.mutedText },
    },
    series,
  };

  function firstSeriesMarkLine(d: TrendData, o: TrendChartOptions): LineSeriesOption['markLine'] {
    const lines: NonNullable<NonNullable<LineSeriesOption['markLine']>['data']> = [];
    if (d.target) {
      lines.push({
        name: d.target.label,
        yAxis: d.target.value,
        lineStyle: { color: palette.target, type: 'dashed', width: 2 },
        label: {
          formatter: () => `${d.target?.label ?? ''} ${formatValue(d.target?.value)}`,
          position: 'insideEndTop',
          color: palette.target,
        },
      });
    }
    for (const m of d.milestones ?? []) {
      lines.push({
        name: m.label,
        xAxis: toEpochMs(m.at),
        lineStyle: { color: palette.milestone, type: 'dotted', width: 1.5 },
        label: {
          formatter: () => `${m.label} · ${formatChartDate(m.at, o.locale, 'day', o.timeZone)}`,
          position: 'insideEndTop',
          color: palette.milestone,
        },
      });
    }
    return lines.length ? { symbol: 'none', silent: true, data: lines } : undefined;
  }
}

function bandArea(data: TrendData, colour: string): LineSeriesOption['markArea'] {
  if (!data.band) return undefined;
  return {
    silent: true,
    itemStyle: { color: colour },
    label: { show: true, position: 'insideTopLeft', formatter: data.band.label },
    data: [[{ name: data.band.label, yAxis: data.band.lo }, { yAxis: data.band.hi }]],
  };
}

/** Data-table alternative of a trend chart: one row per period, one column per series. */
export function buildTrendTable(
  data: TrendData,
  opts: TrendChartOptions & { caption: string; periodLabel: string },
): ChartTable {
  const granularity = opts.granularity ?? 'month';
  const instants = [...new Set(data.series.flatMap((s) => s.points.map((p) => toEpochMs(p.at))))].sort(
    (a, b) => a - b,
  );
  return {
    caption: opts.caption,
    columns: [opts.periodLabel, ...data.series.map((s) => s.name)],
    rows: instants.map((t) => [
      formatChartDate(t, opts.locale, granularity, opts.timeZone),
      ...data.series.map((s) =>
        formatChartNumber(s.points.find((p) => toEpochMs(p.at) === t)?.value ?? null, opts.locale, {
          unit: opts.unit,
        }),
      ),
    ]),
  };
}
