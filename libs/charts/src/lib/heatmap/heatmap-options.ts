import type { EChartsCoreOption } from 'echarts/core';
import type { HeatmapSeriesOption } from 'echarts/charts';
import { baseOption, type CommonChartOptions } from '../core/chart-common';
import { formatChartNumber } from '../core/chart-locale';
import type { ChartTable } from '../core/chart-table';
import { paletteFor, STATUS_COLOURS } from '../core/chart-theme';

/** A district × KPI matrix of scores (0–100); `null` where a district has no data for a KPI. */
export interface HeatmapData {
  /** Row labels, e.g. district names. */
  rows: string[];
  /** Column labels, e.g. KPI names. */
  columns: string[];
  /** `values[row][column]` */
  values: (number | null)[][];
}

/** Heat-map specific options. */
export interface HeatmapChartOptions extends CommonChartOptions {
  /** Shown in tooltips for empty cells. */
  noDataText: string;
}

/**
 * District × KPI heat-map on the score scale. Colours step through the scoring status bands so
 * the map reads the same as the KPI cards; empty cells stay blank rather than pretending zero.
 */
export function buildHeatmapOptions(data: HeatmapData, opts: HeatmapChartOptions): EChartsCoreOption {
  const palette = paletteFor(opts.theme ?? 'light');
  const cells: { value: [number, number, number | '-']; label: { color: string } }[] = [];
  data.values.forEach((row, r) =>
    row.forEach((v, c) => cells.push({ value: [c, r, v ?? '-'], label: { color: labelColour(v) } })),
  );
  const format = (v: unknown): string =>
    typeof v === 'number' ? formatChartNumber(v, opts.locale, { maximumFractionDigits: 1 }) : opts.noDataText;
  const series: HeatmapSeriesOption = {
    type: 'heatmap',
    data: cells,
    label: {
      show: true,
      formatter: (p: { value?: unknown }) => (Array.isArray(p.value) ? format(p.value[2]) : ''),
    },
    emphasis: { itemStyle: { borderColor: palette.text, borderWidth: 1 } },
  };
  return {
    ...baseOption(opts),
    grid: { left: 8, right: 8, top: 8, bottom: 56 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { value?: unknown }) => {
        if (!Array.isArray(p.value)) return '';
        const [c, r, v] = p.value as [number, number, unknown];
        return `${data.rows[r] ?? ''} · ${data.columns[c] ?? ''}: ${format(v)}`;
      },
    },
    xAxis: {
      type: 'category',
      data: data.columns,
      axisLabel: { color: palette.text, interval: 0, rotate: 30 },
    },
    // First row on top, in the same order as the data table.
    yAxis: { type: 'category', data: data.rows, inverse: true, axisLabel: { color: palette.text } },
    visualMap: {
      type: 'piecewise',
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      textStyle: { color: palette.text },
      pieces: [
        { gte: 90, color: STATUS_COLOURS.green },
        { gte: 75, lt: 90, color: STATUS_COLOURS.yellow },
        { gte: 60, lt: 75, color: STATUS_COLOURS.orange },
        { gte: 30, lt: 60, color: STATUS_COLOURS.red },
        { lt: 30, color: STATUS_COLOURS.darkRed },
      ],
    },
    series: [series],
  };
}

/** White on the red bands, near-black on the lighter ones: both keep ≥ 4.5:1 contrast. */
function labelColour(score: number | null): string {
  return score !== null && score < 60 ? '#ffffff' : '#1f2329';
}

/** Data-table alternative of the heat-map. */
export function buildHeatmapTable(
  data: HeatmapData,
  opts: HeatmapChartOptions & { caption: string; cornerLabel: string },
): ChartTable {
  return {
    caption: opts.caption,
    columns: [opts.cornerLabel, ...data.columns],
    rows: data.rows.map((row, r) => [
      row,
      ...data.columns.map((_, c) => {
        const v = data.values[r]?.[c] ?? null;
        return v === null ? opts.noDataText : formatChartNumber(v, opts.locale, { maximumFractionDigits: 1 });
      }),
    ]),
  };
}
