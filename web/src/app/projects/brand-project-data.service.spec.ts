import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ScorecardDto } from '@civicpulse/contracts';
import { BrandProjectDataService } from './brand-project-data.service';

describe('BrandProjectDataService', () => {
  let service: BrandProjectDataService;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(BrandProjectDataService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists projects, sending the period only when given', () => {
    service.list().subscribe();
    expect(backend.expectOne('/api/brand-projects').request.params.keys()).toEqual([]);
    service.list('2025-Q3').subscribe();
    backend.expectOne('/api/brand-projects?period=2025-Q3').flush([]);
  });

  it('asks for a scorecard with the period and comma-separated regions', () => {
    let received: ScorecardDto | undefined;
    service
      .scorecard('smart-mobility', { period: '2025', regions: ['990101', '990102'] })
      .subscribe((s) => (received = s));
    const request = backend.expectOne((r) => r.url === '/api/brand-projects/smart-mobility/scorecard');
    expect(request.request.params.get('period')).toBe('2025');
    expect(request.request.params.get('regions')).toBe('990101,990102');
    request.flush({ projectCode: 'smart-mobility' });
    expect(received?.projectCode).toBe('smart-mobility');
  });

  it('merges the target revisions of all KPIs, newest first', () => {
    let merged: string[] = [];
    service.projectTargetRevisions('p', ['a', 'b']).subscribe((list) => (merged = list.map((r) => r.id)));
    backend
      .expectOne('/api/brand-projects/p/kpis/a/revisions')
      .flush([{ id: 'a1', changedAt: '2025-01-01T00:00:00Z' }]);
    backend
      .expectOne('/api/brand-projects/p/kpis/b/revisions')
      .flush([{ id: 'b1', changedAt: '2025-03-01T00:00:00Z' }]);
    expect(merged).toEqual(['b1', 'a1']);
    let empty: unknown[] | undefined;
    service.projectTargetRevisions('p', []).subscribe((list) => (empty = list));
    expect(empty).toEqual([]);
  });

  it('escapes project codes in the path', () => {
    service.detail('a/b').subscribe();
    backend.expectOne('/api/brand-projects/a%2Fb');
  });

  it('requests the trend of one KPI at a granularity', () => {
    service.trend('p', 'traffic.peak_congestion_delay_index', { granularity: 'month' }).subscribe();
    const request = backend.expectOne((r) => r.url === '/api/brand-projects/p/trend');
    expect(request.request.params.get('kpi')).toBe('traffic.peak_congestion_delay_index');
    expect(request.request.params.get('granularity')).toBe('month');
    expect(request.request.params.has('regions')).toBe(false);
  });

  it('requests the brief in a language and format, and the target revisions', () => {
    service.brief('p', { period: 'ytd', lang: 'en', format: 'markdown' }).subscribe();
    backend.expectOne('/api/brand-projects/p/brief?period=ytd&lang=en&format=markdown');
    service.targetRevisions('p', 'traffic.transit_share').subscribe();
    backend.expectOne('/api/brand-projects/p/kpis/traffic.transit_share/revisions');
    service.matrix('p', '2025').subscribe();
    backend.expectOne('/api/brand-projects/p/matrix?period=2025');
  });
});
