import type { EChartsCoreOption } from 'echarts/core';
import type { RadarSeriesOption } from 'echarts/charts';
import { baseOption, type CommonChartOptions } from '../core/chart-common';
import { formatChartNumber } from '../core/chart-locale';
import type { ChartTable } from '../core/chart-table';
import { paletteFor } from '../core/chart-theme';

/** KPI scores (0–100) on one radar; `null` scores (no data) are drawn at 0 and shown as "—". */
export interface RadarData {
  axes: string[];
  series: { name: string; values: (number | null)[] }[];
}

/** Radar of KPI scores, one axis per KPI, each on the 0–100 score scale. */
export function buildRadarOptions(data: RadarData, opts: CommonChartOptions): EChartsCoreOption {
  const palette = paletteFor(opts.theme ?? 'light');
  const series: RadarSeriesOption = {
    type: 'radar',
    areaStyle: { opacity: 0.15 },
    data: data.series.map((s) => ({ name: s.name, value: s.values.map((v) => v ?? 0) })),
  };
  return {
    ...baseOption(opts),
    legend: { bottom: 0, textStyle: { color: palette.text } },
    tooltip: {
      trigger: 'item',
      valueFormatter: (v: unknown) =>
        formatChartNumber(typeof v === 'number' ? v : null, opts.locale, { maximumFractionDigits: 1 }),
    },
    radar: {
      indicator: data.axes.map((name) => ({ name, min: 0, max: 100 })),
      radius: '65%',
      axisName: { color: palette.text },
      splitLine: { lineStyle: { color: palette.splitLine } },
      axisLine: { lineStyle: { color: palette.axisLine } },
    },
    series: [series],
  };
}

/** Data-table alternative of a radar chart. */
export function buildRadarTable(
  data: RadarData,
  opts: CommonChartOptions & { caption: string; axisLabel: string },
): ChartTable {
  return {
    caption: opts.caption,
    columns: [opts.axisLabel, ...data.series.map((s) => s.name)],
    rows: data.axes.map((axis, i) => [
      axis,
      ...data.series.map((s) =>
        formatChartNumber(s.values[i] ?? null, opts.locale, { maximumFractionDigits: 1 }),
      ),
    ]),
  };
}
