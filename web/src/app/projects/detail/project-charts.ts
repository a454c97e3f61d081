import {
  localizeUnit,
  buildHeatmapOptions,
  buildHeatmapTable,
  buildRadarOptions,
  buildRadarTable,
  buildTrendOptions,
  buildTrendTable,
  type ChartLocale,
  type ChartTable,
  type HeatmapData,
  type TrendData,
} from '@civicpulse/charts';
import type {
  ProjectMatrixDto,
  ProjectTrendDto,
  ScorecardDto,
  SeriesGranularity,
} from '@civicpulse/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import type { BilingualName } from '../../i18n/translation.service';
import type { MessageKey } from '../../i18n/zh-CN';

/** What a chart card needs: heading, option object and its table alternative. */
export interface ChartModel {
  heading: string;
  options: EChartsCoreOption;
  table: ChartTable;
}

/** Locale-bound text helpers the mappers need (from TranslationService). */
export interface ChartText {
  locale: ChartLocale;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  name: (item: BilingualName) => string;
  pick: (zh: string, en: string) => string;
}

const indicatorName = (k: { indicatorNameZh: string; indicatorNameEn: string }, text: ChartText): string =>
  text.pick(k.indicatorNameZh, k.indicatorNameEn);

/** Radar of KPI scores from a scorecard. */
export function radarModel(scorecard: ScorecardDto, text: ChartText): ChartModel {
  const heading = text.t('project.radarTitle');
  const data = {
    axes: scorecard.kpis.map((k) => indicatorName(k, text)),
    series: [{ name: text.t('project.score'), values: scorecard.kpis.map((k) => k.score) }],
  };
  return {
    heading,
    options: buildRadarOptions(data, { locale: text.locale, ariaDescription: heading }),
    table: buildRadarTable(data, { locale: text.locale, caption: heading, axisLabel: text.t('project.kpi') }),
  };
}

/** District × KPI heat-map of scores from the matrix endpoint. */
export function heatmapModel(matrix: ProjectMatrixDto, text: ChartText): ChartModel {
  const heading = text.t('project.matrixTitle');
  const cell = new Map(matrix.cells.map((c) => [`${c.regionCode}|${c.indicatorCode}`, c.score]));
  const data: HeatmapData = {
    rows: matrix.regions.map((r) => text.name(r)),
    columns: matrix.kpis.map((k) => indicatorName(k, text)),
    values: matrix.regions.map((r) =>
      matrix.kpis.map((k) => cell.get(`${r.code}|${k.indicatorCode}`) ?? null),
    ),
  };
  const opts = { locale: text.locale, noDataText: text.t('common.noData') };
  return {
    heading,
    options: buildHeatmapOptions(data, { ...opts, ariaDescription: heading }),
    table: buildHeatmapTable(data, { ...opts, caption: heading, cornerLabel: text.t('common.district') }),
  };
}

/** Trend with target line, band, planned trajectory and milestones. */
export function trendModel(trend: ProjectTrendDto, title: string, text: ChartText): ChartModel {
  const heading = text.t('project.trendTitle', { name: title });
  const data: TrendData = {
    series: [{ name: text.t('project.actual'), points: trend.actual.map((p) => ({ at: p.t, value: p.v })) }],
    target: trend.targetBand ? undefined : { value: trend.target.value, label: text.t('project.target') },
    trajectory: trend.targetLine
      ? {
          points: trend.targetLine.map((p) => ({ at: p.t, value: p.v })),
          label: text.t('project.trajectory'),
        }
      : undefined,
    band: trend.targetBand ? { ...trend.targetBand, label: text.t('project.targetBand') } : undefined,
    milestones: trend.milestones.map((m) => ({ at: m.date, label: text.pick(m.titleZh, m.titleEn) })),
  };
  const granularity = chartGranularity(trend.granularity);
  const opts = {
    locale: text.locale,
    unit: localizeUnit(trend.unit, text.locale, trend.indicatorCode),
    granularity,
  };
  return {
    heading,
    options: buildTrendOptions(data, { ...opts, ariaDescription: heading }),
    table: buildTrendTable(data, { ...opts, caption: heading, periodLabel: text.t('common.period') }),
  };
}

function chartGranularity(g: SeriesGranularity): 'day' | 'month' | 'quarter' | 'year' | 'datetime' {
  return g === 'hour' ? 'datetime' : g;
}
