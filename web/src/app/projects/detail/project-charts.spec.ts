import type { LineSeriesOption } from 'echarts/charts';
import type { ProjectMatrixDto, ProjectTrendDto } from '@civicpulse/contracts';
import { EN } from '../../i18n/en';
import type { MessageKey } from '../../i18n/zh-CN';
import { heatmapModel, trendModel, type ChartText } from './project-charts';

const text: ChartText = {
  locale: 'en',
  t: (key: MessageKey, params?: Record<string, string | number>) =>
    EN[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? '')),
  name: (item) => item.nameEn,
  pick: (_zh, en) => en,
};

const period = {
  key: '2025',
  kind: 'year' as const,
  from: '2025-01-01',
  to: '2025-12-31',
  previousKey: '2024',
  timeZone: 'Asia/Shanghai',
};

describe('project chart mappers', () => {
  it('maps a trend response to actual series, trajectory and target line', () => {
    const trend: ProjectTrendDto = {
      projectCode: 'p',
      indicatorCode: 'k',
      unit: '%',
      direction: 'higher_is_better',
      granularity: 'month',
      regions: [],
      actual: [
        { t: '2025-01-01', v: 40 },
        { t: '2025-02-01', v: null },
      ],
      targetLine: [
        { t: '2024-12-31', v: 40 },
        { t: '2026-12-31', v: 50 },
      ],
      targetBand: null,
      baseline: { date: '2024-12-31', value: 40 },
      target: { date: '2026-12-31', value: 50 },
      milestones: [{ date: '2025-03-15', titleZh: '开通', titleEn: 'Opening' }],
    };
    const model = trendModel(trend, 'Transit share', text);
    expect(model.heading).toBe('Trend of Transit share');
    const series = model.options['series'] as LineSeriesOption[];
    expect(series.map((s) => s.name)).toEqual(['Actual', 'Planned path']);
    const lines = series[0].markLine?.data as { yAxis?: number; name?: string }[];
    expect(lines.map((l) => l.name)).toEqual(['Target', 'Opening']);
    expect(lines[0].yAxis).toBe(50);
    expect(model.table.rows).toEqual([
      ['Jan 2025', '40%'],
      ['Feb 2025', '—'],
    ]);
  });

  it('uses a band instead of a target line for target-band indicators', () => {
    const trend = {
      projectCode: 'p',
      indicatorCode: 'beds',
      unit: '%',
      direction: 'target_band',
      granularity: 'quarter',
      regions: [],
      actual: [{ t: '2025-01-01', v: 90 }],
      targetLine: null,
      targetBand: { lo: 85, hi: 93 },
      baseline: { date: '2024-12-31', value: 95 },
      target: { date: '2026-12-31', value: 90 },
      milestones: [],
    } satisfies ProjectTrendDto;
    const series = trendModel(trend, 'Occupancy', text).options['series'] as LineSeriesOption[];
    expect(series).toHaveLength(1);
    expect(series[0].markLine).toBeUndefined();
    expect(series[0].markArea?.data).toEqual([[{ name: 'Target band', yAxis: 85 }, { yAxis: 93 }]]);
  });

  it('lays the matrix out as districts × KPIs, leaving missing cells empty', () => {
    const matrix: ProjectMatrixDto = {
      projectCode: 'p',
      period,
      regions: [
        { code: '990101', nameZh: '一区', nameEn: 'One' },
        { code: '990102', nameZh: '二区', nameEn: 'Two' },
      ],
      kpis: [{ indicatorCode: 'a', indicatorNameZh: '甲', indicatorNameEn: 'A', unit: '', weight: 1 }],
      cells: [
        {
          regionCode: '990102',
          indicatorCode: 'a',
          value: 1,
          target: 1,
          progress: 1,
          score: 88,
          status: 'on_track',
          colour: 'yellow',
        },
      ],
      regionScores: [],
    };
    const model = heatmapModel(matrix, text);
    expect(model.table.columns).toEqual(['District', 'A']);
    expect(model.table.rows).toEqual([
      ['One', 'No data'],
      ['Two', '88'],
    ]);
  });
});
