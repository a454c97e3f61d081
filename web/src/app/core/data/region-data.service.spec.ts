import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { RegionListDto } from '@civicpulse/contracts';
import { RegionDataService } from './region-data.service';

describe('RegionDataService', () => {
  it('fetches regions once and shares the answer', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const service = TestBed.inject(RegionDataService);
    const backend = TestBed.inject(HttpTestingController);
    const seen: number[] = [];
    service.regions().subscribe((r) => seen.push(r.items.length));
    const body: RegionListDto = {
      items: [
        {
          code: '990101',
          nameZh: '中心区',
          nameEn: 'Central',
          level: 'district',
          parentCode: '990100',
          population: 1,
        },
      ],
      geojson: { type: 'FeatureCollection', features: [] },
    };
    backend.expectOne('/api/regions').flush(body);
    service.regions().subscribe((r) => seen.push(r.items.length));
    backend.expectNone('/api/regions');
    expect(seen).toEqual([1, 1]);
    backend.verify();
  });
});
