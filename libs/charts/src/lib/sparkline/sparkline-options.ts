import type { EChartsCoreOption } from 'echarts/core';
import type { LineSeriesOption } from 'echarts/charts';
import { baseOption, type CommonChartOptions } from '../core/chart-common';
import { formatChartDate, formatChartNumber, toEpochMs, type DateGranularity } from '../core/chart-locale';
import { paletteFor } from '../core/chart-theme';
import type { TrendPoint } from '../trend/trend-options';

/** Sparkline-specific options. */
export interface SparklineChartOptions extends CommonChartOptions {
  unit?: string;
  granularity?: DateGranularity;
  /** Line colour; defaults to the theme's first series colour. */
  colour?: string;
}

/**
 * Axis-less mini line for tiles and cards. It keeps a tooltip (period and value) so the numbers
 * stay reachable, and has no animation by default because tiles refresh often.
 */
export function buildSparklineOptions(points: TrendPoint[], opts: SparklineChartOptions): EChartsCoreOption {
  const palette = paletteFor(opts.theme ?? 'light');
  const colour = opts.colour ?? palette.series[0];
  const series: LineSeriesOption = {
    type: 'line',
    showSymbol: false,
    smooth: false,
    lineStyle: { width: 2, color: colour },
    areaStyle: { color: colour, opacity: 0.12 },
    data: points.map((p) => [toEpochMs(p.at), p.value]),
  };
  return {
    ...baseOption({ ...opts, animation: opts.animation ?? false }),
    grid: { left: 2, right: 2, top: 4, bottom: 4 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? (params[0] as { value?: unknown }) : undefined;
        if (!first || !Array.isArray(first.value)) return '';
        const [t, v] = first.value as [number, number | null];
        return `${formatChartDate(t, opts.locale, opts.granularity ?? 'month', opts.timeZone)}: ${formatChartNumber(v, opts.locale, { unit: opts.unit })}`;
      },
    },
    xAxis: { type: 'time', show: false },
    yAxis: { type: 'value', show: false, scale: true },
    series: [series],
  };
}
