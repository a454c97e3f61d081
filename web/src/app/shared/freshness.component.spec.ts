import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { LineageDto } from '@civicpulse/contracts';
import { FreshnessComponent, freshnessLevel } from './freshness.component';

const lineage = (overrides: Partial<LineageDto>): LineageDto => ({
  sourceKey: 'demo',
  sourceName: 'Demo',
  lastRunId: 17,
  lastRunStatus: 'succeeded',
  lastRunAt: '2025-06-01T02:00:00Z',
  lastObservationAt: '2025-05-31T16:00:00Z',
  nextDueAt: null,
  stale: false,
  ...overrides,
});

describe('freshness', () => {
  beforeEach(() => localStorage.clear());

  it('ranks a failed run above staleness', () => {
    expect(freshnessLevel(lineage({}))).toBe('fresh');
    expect(freshnessLevel(lineage({ stale: true }))).toBe('stale');
    expect(freshnessLevel(lineage({ stale: true, lastRunStatus: 'failed' }))).toBe('failed');
    expect(freshnessLevel(null)).toBe('unknown');
  });

  it('renders the period, the update date, the warning and a link to the run', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(FreshnessComponent);
    fixture.componentRef.setInput('lineage', lineage({ lastRunStatus: 'failed' }));
    fixture.componentRef.setInput('period', '2025-Q2');
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const box = root.querySelector('.freshness');
    expect(box?.classList).toContain('freshness--failed');
    expect(root.textContent).toContain('2025-Q2');
    // 2025-05-31T16:00Z is 1 June in the city's time zone.
    expect(root.textContent).toContain('2025年6月1日');
    expect(root.textContent).toContain('最近一次采集失败');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('/sources/runs/17');
  });

  it('marks stale data in amber without a failure message', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(FreshnessComponent);
    fixture.componentRef.setInput('lineage', lineage({ stale: true }));
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelector('.freshness')?.classList).toContain('freshness--stale');
    expect(root.textContent).toContain('数据滞后');
    expect(root.textContent).not.toContain('采集失败');
  });
});
