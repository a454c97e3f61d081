import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { OverviewDto } from '@civicpulse/contracts';
import { OverviewDataService } from './overview-data.service';

const OVERVIEW: OverviewDto = {
  cityCode: '990100',
  timeZone: 'Asia/Shanghai',
  domains: [],
  openAlertCount: 0,
  generatedAt: '2025-06-01T00:00:00Z',
};

describe('OverviewDataService', () => {
  let service: OverviewDataService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(OverviewDataService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('hands a prefetched request to the first subscription instead of sending a second one', () => {
    service.prefetch();
    service.prefetch();
    const request = http.expectOne('/api/overview');
    let received: OverviewDto | null = null;
    service.overview().subscribe((o) => (received = o));
    request.flush(OVERVIEW);
    expect(received).toEqual(OVERVIEW);
  });

  it('asks again once the prefetched answer has been used', () => {
    service.prefetch();
    http.expectOne('/api/overview').flush(OVERVIEW);
    service.overview().subscribe();
    service.overview().subscribe();
    http.expectOne('/api/overview').flush(OVERVIEW);
  });

  it('passes a failed prefetch on to the page', () => {
    service.prefetch();
    http.expectOne('/api/overview').flush({ code: 'x' }, { status: 500, statusText: 'Server Error' });
    let failed = false;
    service.overview().subscribe({ error: () => (failed = true) });
    expect(failed).toBe(true);
  });
});
