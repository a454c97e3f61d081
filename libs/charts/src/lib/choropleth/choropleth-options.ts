import type { EChartsCoreOption } from 'echarts/core';
import type { MapSeriesOption } from 'echarts/charts';
import { baseOption, type CommonChartOptions } from '../core/chart-common';
import { formatChartNumber } from '../core/chart-locale';
import type { ChartTable } from '../core/chart-table';
import { paletteFor } from '../core/chart-theme';

/** A value per district; `name` must match the feature's `name` property in the registered map. */
export interface ChoroplethData {
  /** Name the GeoJSON was registered under (see `registerRegionMap`). */
  mapName: string;
  values: { name: string; label: string; value: number | null }[];
}

/** Choropleth-specific options. */
export interface ChoroplethChartOptions extends CommonChartOptions {
  unit?: string;
  /** For lower-is-better indicators the colour scale flips, so "good" is always green. */
  lowerIsBetter?: boolean;
  noDataText: string;
}

const GOOD_TO_BAD = ['#2e9d5b', '#a6d96a', '#fee08b', '#f46d43', '#b2182b'];

/**
 * District map of one indicator, coloured by value with a continuous scale oriented so the
 * better end is green. Districts without data are grey and say so in the tooltip.
 */
export function buildChoroplethOptions(
  data: ChoroplethData,
  opts: ChoroplethChartOptions,
): EChartsCoreOption {
  const palette = paletteFor(opts.theme ?? 'light');
  const numbers = data.values
    .map((v) => v.value)
    .filter((v): v is number => v !== null && Number.isFinite(v));
  const min = numbers.length ? Math.min(...numbers) : 0;
  const max = numbers.length ? Math.max(...numbers) : 1;
  const labels = new Map(data.values.map((v) => [v.name, v.label]));
  const format = (v: unknown): string =>
    typeof v === 'number' && Number.isFinite(v)
      ? formatChartNumber(v, opts.locale, { unit: opts.unit })
      : opts.noDataText;
  const colours = opts.lowerIsBetter ? GOOD_TO_BAD : [...GOOD_TO_BAD].reverse();
  const series: MapSeriesOption = {
    type: 'map',
    map: data.mapName,
    roam: false,
    nameProperty: 'name',
    label: {
      show: true,
      color: palette.text,
      formatter: (p: { name?: string }) => labels.get(p.name ?? '') ?? p.name ?? '',
    },
    itemStyle: { areaColor: '#d9d9d9', borderColor: palette.axisLine },
    emphasis: { label: { color: palette.text }, itemStyle: { areaColor: '#ffd666' } },
    data: data.values.map((v) => ({ name: v.name, value: v.value ?? undefined })),
  };
  return {
    ...baseOption(opts),
    tooltip: {
      trigger: 'item',
      formatter: (p: { name?: string; value?: unknown }) =>
        `${labels.get(p.name ?? '') ?? p.name ?? ''}: ${format(p.value)}`,
    },
    visualMap: {
      type: 'continuous',
      min,
      max: max === min ? min + 1 : max,
      left: 8,
      bottom: 8,
      calculable: false,
      // Legend ends read [high, low]: the actual extremes in the active locale.
      text: [format(max), format(min)],
      inRange: { color: colours },
      textStyle: { color: palette.text },
      formatter: (v: number) => format(v),
    },
    series: [series],
  };
}

/** Data-table alternative of the choropleth. */
export function buildChoroplethTable(
  data: ChoroplethData,
  opts: ChoroplethChartOptions & { caption: string; regionLabel: string; valueLabel: string },
): ChartTable {
  return {
    caption: opts.caption,
    columns: [opts.regionLabel, opts.valueLabel],
    rows: data.values.map((v) => [
      v.label,
      v.value === null ? opts.noDataText : formatChartNumber(v.value, opts.locale, { unit: opts.unit }),
    ]),
  };
}
