import type { GaugeSeriesOption } from 'echarts/charts';
import { STATUS_COLOURS } from '../core/chart-theme';
import { buildGaugeOptions } from './gauge-options';

type Detail = { formatter: (v: number) => string };

describe('buildGaugeOptions', () => {
  it('colours the progress ring by status and formats the score', () => {
    const o = buildGaugeOptions(
      { score: 82.46, colour: 'orange', label: 'Score' },
      { locale: 'zh-CN', noScoreText: '数据不足' },
    );
    const s = (o['series'] as GaugeSeriesOption[])[0];
    expect(s.progress?.itemStyle?.color).toBe(STATUS_COLOURS.orange);
    expect(s.data).toEqual([{ value: 82.46, name: 'Score' }]);
    expect((s.detail as Detail).formatter(82.46)).toBe('82.5');
  });

  it('derives the colour from the score when not given', () => {
    const o = buildGaugeOptions({ score: 95, label: 'Score' }, { locale: 'en', noScoreText: 'n/a' });
    expect((o['series'] as GaugeSeriesOption[])[0].progress?.itemStyle?.color).toBe(STATUS_COLOURS.green);
  });

  it('scales rings and fonts for dense displays', () => {
    const o = buildGaugeOptions({ score: 50, label: 'S' }, { locale: 'en', noScoreText: '-', sizeScale: 2 });
    const s = (o['series'] as GaugeSeriesOption[])[0];
    expect(s.progress?.width).toBe(32);
    expect((s.detail as { fontSize: number }).fontSize).toBe(64);
  });

  it('shows the insufficient-data text instead of zero when there is no score', () => {
    const o = buildGaugeOptions(
      { score: null, label: 'Score' },
      { locale: 'en', noScoreText: 'Insufficient data' },
    );
    const s = (o['series'] as GaugeSeriesOption[])[0];
    expect(s.progress?.show).toBe(false);
    expect((s.detail as Detail).formatter(0)).toBe('Insufficient data');
  });
});
