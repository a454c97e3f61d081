import type { EChartsCoreOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import { baseOption, type CommonChartOptions } from '../core/chart-common';
import { formatChartNumber } from '../core/chart-locale';
import type { ChartTable } from '../core/chart-table';
import { paletteFor } from '../core/chart-theme';

/** Values per category (e.g. district) for one or more series (e.g. periods or indicators). */
export interface BarData {
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** Optional reference line (e.g. the target or the city value). */
  reference?: { value: number; label: string };
}

/** Bar-specific options. */
export interface BarChartOptions extends CommonChartOptions {
  unit?: string;
  /** Horizontal bars read better with many long district names. */
  horizontal?: boolean;
}

/** Grouped bar comparison with an optional reference line. */
export function buildBarOptions(data: BarData, opts: BarChartOptions): EChartsCoreOption {
  const palette = paletteFor(opts.theme ?? 'light');
  const format = (v: unknown): string =>
    formatChartNumber(typeof v === 'number' ? v : null, opts.locale, { unit: opts.unit });
  const category = {
    type: 'category' as const,
    data: data.categories,
    // Horizontal bars list the first category at the top, as a ranking reads.
    inverse: opts.horizontal ?? false,
    axisLabel: { color: palette.text, interval: 0 },
    axisLine: { lineStyle: { color: palette.axisLine } },
  };
  const value = {
    type: 'value' as const,
    splitLine: { lineStyle: { color: palette.splitLine } },
    axisLabel: { color: palette.mutedText, formatter: (v: number) => formatChartNumber(v, opts.locale) },
  };
  const series: BarSeriesOption[] = data.series.map((s, i) => ({
    type: 'bar',
    name: s.name,
    data: s.values.map((v) => v ?? '-'),
    ...(i === 0 && data.reference
      ? {
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: palette.target, type: 'dashed' },
            label: {
              formatter: () => `${data.reference?.label ?? ''} ${format(data.reference?.value)}`,
              color: palette.target,
            },
            data: [opts.horizontal ? { xAxis: data.reference.value } : { yAxis: data.reference.value }],
          },
        }
      : {}),
  }));
  return {
    ...baseOption(opts),
    grid: { left: 8, right: 24, top: 36, bottom: 8 },
    legend: { top: 0, textStyle: { color: palette.text } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: format },
    xAxis: opts.horizontal ? value : category,
    yAxis: opts.horizontal ? category : value,
    series,
  };
}

/** Data-table alternative of a bar comparison. */
export function buildBarTable(
  data: BarData,
  opts: BarChartOptions & { caption: string; categoryLabel: string },
): ChartTable {
  return {
    caption: opts.caption,
    columns: [opts.categoryLabel, ...data.series.map((s) => s.name)],
    rows: data.categories.map((c, i) => [
      c,
      ...data.series.map((s) => formatChartNumber(s.values[i] ?? null, opts.locale, { unit: opts.unit })),
    ]),
  };
}
