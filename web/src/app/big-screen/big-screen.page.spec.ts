import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { BigScreenPage } from './big-screen.page';

describe('BigScreenPage', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  });

  afterEach(() => jest.useRealTimers());

  it('re-fetches at the interval given by the refresh parameter and stops when destroyed', async () => {
    const fixture = TestBed.createComponent(BigScreenPage);
    fixture.componentRef.setInput('refresh', '30');
    TestBed.tick();
    const backend = TestBed.inject(HttpTestingController);
    const flushAll = () => {
      backend.expectOne('/api/overview').flush({
        cityCode: '990100',
        timeZone: 'Asia/Shanghai',
        domains: [],
        openAlertCount: 0,
        generatedAt: '2025-06-01T00:00:00Z',
      });
      backend.expectOne('/api/brand-projects').flush([]);
      backend.expectOne('/api/alerts?state=open').flush([]);
    };
    flushAll();

    await jest.advanceTimersByTimeAsync(29_000);
    TestBed.tick();
    backend.expectNone('/api/overview');
    await jest.advanceTimersByTimeAsync(1_000);
    TestBed.tick();
    await jest.advanceTimersByTimeAsync(0);
    flushAll();

    fixture.destroy();
    await jest.advanceTimersByTimeAsync(60_000);
    backend.expectNone('/api/overview');
    backend.verify();
  });
});
