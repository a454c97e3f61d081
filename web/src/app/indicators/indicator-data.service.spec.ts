import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { IndicatorDataService } from './indicator-data.service';

describe('IndicatorDataService', () => {
  let service: IndicatorDataService;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(IndicatorDataService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('searches by text and domain, leaving out empty filters', () => {
    service.list({ q: '拥堵', domain: 'traffic' }).subscribe();
    const request = backend.expectOne((r) => r.url === '/api/indicators');
    expect(request.request.params.get('q')).toBe('拥堵');
    expect(request.request.params.get('domain')).toBe('traffic');
    service.list({ q: '' }).subscribe();
    expect(backend.expectOne((r) => r.url === '/api/indicators').request.params.keys()).toEqual([]);
  });

  it('requests a series for chosen districts and granularity', () => {
    service.series('health.beds', { granularity: 'quarter', regions: ['990101', '990103'] }).subscribe();
    const request = backend.expectOne((r) => r.url === '/api/indicators/health.beds/series');
    expect(request.request.params.get('granularity')).toBe('quarter');
    expect(request.request.params.get('regions')).toBe('990101,990103');
  });

  it('downloads the series CSV as a blob with the same filters', () => {
    let size = -1;
    service
      .seriesCsv('health.beds', { granularity: 'month', regions: ['990101'] })
      .subscribe((b) => (size = b.size));
    const request = backend.expectOne((r) => r.url === '/api/indicators/health.beds/series.csv');
    expect(request.request.responseType).toBe('blob');
    expect(request.request.params.get('regions')).toBe('990101');
    request.flush(new Blob(['a,b']));
    expect(size).toBe(3);
  });

  it('requests the comparison and the latest value per district', () => {
    service.compare('health.beds', { period: '2025' }).subscribe();
    backend.expectOne('/api/indicators/health.beds/compare?period=2025');
    service.latestByRegion('health.beds').subscribe();
    backend.expectOne('/api/indicators/health.beds/latest-by-region');
  });
});
