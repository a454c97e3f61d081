import type { ScorecardDto } from '@civicpulse/contracts';
import { formatNumber, kpiSentence, writeBrief } from './brief-writer';

const period: ScorecardDto['period'] = {
  key: '2025-Q3',
  kind: 'quarter',
  from: '2025-07-01',
  to: '2025-09-30',
  previousKey: '2025-Q2',
  timeZone: 'Asia/Shanghai',
};

const kpi = (overrides: Partial<ScorecardDto['kpis'][number]> = {}): ScorecardDto['kpis'][number] => ({
  indicatorCode: 'health.satisfaction',
  indicatorNameZh: '就医满意度',
  indicatorNameEn: 'Patient satisfaction',
  unit: '%',
  direction: 'higher_is_better',
  role: 'outcome',
  value: 82,
  baseline: 75,
  target: 85,
  band: null,
  progress: 0.7,
  expectedProgress: 0.75,
  score: 70,
  weight: 1,
  contribution: 70,
  status: 'needs_acceleration',
  colour: 'orange',
  flags: [],
  sparkline: [],
  lineage: {
    sourceKey: null,
    sourceName: null,
    lastRunId: null,
    lastRunStatus: null,
    lastRunAt: null,
    lastObservationAt: null,
    nextDueAt: null,
    stale: false,
  },
  regionsWithData: [],
  ...overrides,
});

describe('brief writer', () => {
  it('writes the Chinese sentence with percentage points and districts behind', () => {
    expect(kpiSentence(kpi(), 79, 2, period, 'zh')).toBe(
      '就医满意度：目标 85%，实际 82%，较上季度提高 3 个百分点，2 个区落后于进度',
    );
  });

  it('writes the English sentence', () => {
    expect(kpiSentence(kpi(), 79, 1, period, 'en')).toBe(
      'Patient satisfaction: target 85%, actual 82%, up 3 percentage points on the previous quarter; 1 district behind schedule',
    );
  });

  it('says decreases, missing data and non-percent units plainly', () => {
    expect(kpiSentence(kpi({ unit: 'ratio', value: 1.7, target: 1.6 }), 1.75, 0, period, 'zh')).toBe(
      '就医满意度：目标 1.6，实际 1.7，较上季度下降 0.05',
    );
    expect(kpiSentence(kpi({ unit: 'minutes', value: 32, target: 30 }), 35, 0, period, 'zh')).toBe(
      '就医满意度：目标 30分钟，实际 32分钟，较上季度下降 3分钟',
    );
    expect(kpiSentence(kpi({ unit: 'minutes', value: 32, target: 30 }), 35, 0, period, 'en')).toBe(
      'Patient satisfaction: target 30 min, actual 32 min, down 3 min on the previous quarter',
    );
    expect(kpiSentence(kpi({ unit: 'score 0-100', value: 81, target: 85 }), null, 0, period, 'zh')).toBe(
      '就医满意度：目标 85分，实际 81分',
    );
    expect(kpiSentence(kpi({ value: null }), null, 0, period, 'en')).toBe(
      'Patient satisfaction: target 85%, no data yet',
    );
  });

  it('renders Markdown with a title, the headline and one bullet per KPI', () => {
    const card = {
      projectCode: 'p',
      projectNameZh: '健康城市',
      projectNameEn: 'Healthy City',
      period,
      regions: [],
      score: {
        score: 58.36,
        colour: 'orange',
        coverage: 0.8182,
        insufficientData: false,
        outcomeScore: 60,
        satisfactionScore: 50,
        satisfactionShare: 0.2,
      },
      statusCounts: {
        achieved: 0,
        on_track: 0,
        needs_acceleration: 1,
        limited: 0,
        deteriorating: 0,
        no_data: 0,
      },
      kpis: [kpi()],
      freshness: {
        lastObservationAt: null,
        oldestKpiObservationAt: null,
        staleKpiCount: 0,
        failedKpiCount: 0,
        worstRun: null,
      },
      computedAt: '2025-11-15T02:00:00.000Z',
    } as ScorecardDto;
    const brief = writeBrief(
      { current: card, previousValues: new Map([['health.satisfaction', 79]]), districtsBehind: new Map() },
      'zh',
      'markdown',
    );
    expect(brief.title).toBe('健康城市 2025-Q3 简报');
    expect(brief.body).toBe(
      [
        '# 健康城市 2025-Q3 简报',
        '',
        '**综合得分 58.36（橙色），数据覆盖 81.82%**',
        '',
        '- 就医满意度：目标 85%，实际 82%，较上季度提高 3 个百分点',
        '',
      ].join('\n'),
    );
  });

  it('formats numbers without trailing zeros', () => {
    expect(formatNumber(85)).toBe('85');
    expect(formatNumber(82.456)).toBe('82.46');
  });
});
