import type { EChartsCoreOption } from 'echarts/core';
import type { GaugeSeriesOption } from 'echarts/charts';
import { baseOption, type CommonChartOptions } from '../core/chart-common';
import { formatChartNumber } from '../core/chart-locale';
import { colourForScore, paletteFor, STATUS_COLOURS, type StatusColour } from '../core/chart-theme';

/** A project score (0–100) or `null` when there is not enough data to score. */
export interface GaugeData {
  score: number | null;
  /** Colour decided by the scoring rules; derived from the score when absent. */
  colour?: StatusColour;
  /** Name shown under the number (e.g. "综合得分"). */
  label: string;
}

/** Gauge-specific options. */
export interface GaugeChartOptions extends CommonChartOptions {
  /** Text shown instead of a number when the score is `null` (e.g. "数据不足"). */
  noScoreText: string;
  /** Smaller rings and fonts for cards and sparklines. */
  compact?: boolean;
  /**
   * Multiplies ring widths and font sizes, for displays whose pixels are much denser than the
   * design size (the big screen passes viewport height ÷ 1080). Defaults to 1.
   */
  sizeScale?: number;
}

/**
 * Half-ring gauge of a project score coloured by its status band. With no score it draws an
 * empty grey ring and the "insufficient data" text instead of a misleading zero.
 */
export function buildGaugeOptions(data: GaugeData, opts: GaugeChartOptions): EChartsCoreOption {
  const palette = paletteFor(opts.theme ?? 'light');
  const colour = STATUS_COLOURS[data.colour ?? colourForScore(data.score)];
  const compact = opts.compact ?? false;
  const k = opts.sizeScale ?? 1;
  const px = (size: number): number => Math.round(size * k);
  const series: GaugeSeriesOption = {
    type: 'gauge',
    min: 0,
    max: 100,
    startAngle: 210,
    endAngle: -30,
    radius: '95%',
    center: ['50%', '58%'],
    progress: { show: data.score !== null, width: px(compact ? 10 : 16), itemStyle: { color: colour } },
    axisLine: { lineStyle: { width: px(compact ? 10 : 16), color: [[1, palette.splitLine]] } },
    pointer: { show: false },
    axisTick: { show: false },
    splitLine: { show: false },
    axisLabel: { show: false },
    anchor: { show: false },
    title: {
      show: true,
      offsetCenter: [0, compact ? '45%' : '40%'],
      color: palette.mutedText,
      fontSize: px(compact ? 11 : 14),
    },
    detail: {
      valueAnimation: opts.animation ?? true,
      offsetCenter: [0, '0%'],
      fontSize: px(compact ? 20 : 32),
      fontWeight: 'bold',
      color: data.score === null ? palette.mutedText : palette.text,
      formatter: (v: number) =>
        data.score === null
          ? opts.noScoreText
          : formatChartNumber(v, opts.locale, { maximumFractionDigits: 1 }),
    },
    data: [{ value: data.score ?? 0, name: data.label }],
  };
  return { ...baseOption(opts), series: [series] };
}
