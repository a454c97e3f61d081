import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  IndicatorDto,
  IndicatorListQuery,
  IndicatorSeriesDto,
  LatestByRegionDto,
  RegionComparisonDto,
  SeriesGranularity,
} from '@civicpulse/contracts';
import type { Observable } from 'rxjs';
import { API_BASE, queryParams } from '../core/api-url';

/** Series window and scope; regions are sent comma-separated. */
export interface SeriesRequest {
  granularity?: SeriesGranularity;
  regions?: readonly string[];
  from?: string;
  to?: string;
}

/** Indicators: catalogue search, series, district comparison and latest value per district. */
@Injectable({ providedIn: 'root' })
export class IndicatorDataService {
  private readonly http = inject(HttpClient);

  list(query: IndicatorListQuery = {}): Observable<IndicatorDto[]> {
    return this.http.get<IndicatorDto[]>(`${API_BASE}/indicators`, { params: queryParams({ ...query }) });
  }

  series(code: string, request: SeriesRequest = {}): Observable<IndicatorSeriesDto> {
    return this.http.get<IndicatorSeriesDto>(this.url(code, 'series'), {
      params: queryParams({ ...request, regions: request.regions?.join(',') }),
    });
  }

  /** The series as the API's CSV file (UTF-8 with BOM, for spreadsheet programs). */
  seriesCsv(code: string, request: SeriesRequest = {}): Observable<Blob> {
    return this.http.get(this.url(code, 'series.csv'), {
      params: queryParams({ ...request, regions: request.regions?.join(',') }),
      responseType: 'blob',
    });
  }

  compare(
    code: string,
    options: { period?: string; regions?: readonly string[] } = {},
  ): Observable<RegionComparisonDto> {
    return this.http.get<RegionComparisonDto>(this.url(code, 'compare'), {
      params: queryParams({ period: options.period, regions: options.regions?.join(',') }),
    });
  }

  latestByRegion(code: string): Observable<LatestByRegionDto> {
    return this.http.get<LatestByRegionDto>(this.url(code, 'latest-by-region'));
  }

  private url(code: string, leaf: string): string {
    return `${API_BASE}/indicators/${encodeURIComponent(code)}/${leaf}`;
  }
}
