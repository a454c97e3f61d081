import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ScorecardKpiDto } from '@civicpulse/contracts';
import { KpiTableComponent } from './kpi-table.component';

const kpi = (overrides: Partial<ScorecardKpiDto>): ScorecardKpiDto => ({
  indicatorCode: 'health.gp_per_10000',
  indicatorNameZh: '每万人全科医生数',
  indicatorNameEn: 'GPs per 10 000',
  unit: 'per 10k',
  direction: 'higher_is_better',
  role: 'outcome',
  value: 34.5,
  valuePeriod: null,
  baseline: 30,
  target: 40,
  band: null,
  progress: 0.45,
  expectedProgress: 0.4,
  score: 45,
  weight: 50,
  contribution: 23.7,
  status: 'on_track',
  colour: 'green',
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

async function render(rows: ScorecardKpiDto[]): Promise<HTMLElement> {
  TestBed.configureTestingModule({ providers: [provideRouter([])] });
  const fixture = TestBed.createComponent(KpiTableComponent);
  fixture.componentRef.setInput('kpis', rows);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('KpiTableComponent', () => {
  beforeEach(() => localStorage.clear());

  it('labels a carried-forward value with the period it comes from', async () => {
    const root = await render([kpi({ valuePeriod: '2025', flags: ['carried_forward'] })]);
    const label = root.querySelector('.as-of');
    expect(label?.textContent).toContain('沿用 2025 最新值');
    expect(label?.classList).not.toContain('overdue');
  });

  it('says when a carried-forward value is overdue', async () => {
    const root = await render([kpi({ valuePeriod: '2024', flags: ['carried_forward', 'stale'] })]);
    const label = root.querySelector('.as-of');
    expect(label?.textContent).toContain('已超过更新周期');
    expect(label?.classList).toContain('overdue');
  });

  it('adds no label to a value of the period itself', async () => {
    const root = await render([kpi({})]);
    expect(root.querySelector('.as-of')).toBeNull();
  });
});
