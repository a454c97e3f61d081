import type { RadarSeriesOption } from 'echarts/charts';
import { buildRadarOptions, buildRadarTable } from './radar-options';

const data = {
  axes: ['Delay', 'Transit share', 'Accidents'],
  series: [{ name: '2025', values: [80, null, 45.25] }],
};

describe('buildRadarOptions', () => {
  it('puts one 0–100 axis per KPI and draws missing scores at zero', () => {
    const o = buildRadarOptions(data, { locale: 'en' });
    expect((o['radar'] as { indicator: unknown[] }).indicator).toEqual([
      { name: 'Delay', min: 0, max: 100 },
      { name: 'Transit share', min: 0, max: 100 },
      { name: 'Accidents', min: 0, max: 100 },
    ]);
    expect((o['series'] as RadarSeriesOption[])[0].data).toEqual([{ name: '2025', value: [80, 0, 45.25] }]);
    expect((o['tooltip'] as { valueFormatter: (v: unknown) => string }).valueFormatter(45.25)).toBe('45.3');
  });

  it('keeps missing scores visible as a dash in the table', () => {
    const t = buildRadarTable(data, { locale: 'en', caption: 'KPI scores', axisLabel: 'KPI' });
    expect(t.rows[1]).toEqual(['Transit share', '—']);
  });
});
