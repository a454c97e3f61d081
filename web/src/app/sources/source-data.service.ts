import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  BackfillSourceRequest,
  IngestRunDetailDto,
  IngestRunSummaryDto,
  Page,
  RunListQuery,
  SourceDto,
  SourcePreviewDto,
} from '@civicpulse/contracts';
import type { Observable } from 'rxjs';
import { API_BASE, queryParams } from '../core/api-url';

/** Data sources and their ingest runs. */
@Injectable({ providedIn: 'root' })
export class SourceDataService {
  private readonly http = inject(HttpClient);

  sources(): Observable<SourceDto[]> {
    return this.http.get<SourceDto[]>(`${API_BASE}/sources`);
  }

  runs(query: RunListQuery = {}): Observable<Page<IngestRunSummaryDto>> {
    return this.http.get<Page<IngestRunSummaryDto>>(`${API_BASE}/runs`, {
      params: queryParams({ ...query }),
    });
  }

  run(id: string): Observable<IngestRunDetailDto> {
    return this.http.get<IngestRunDetailDto>(`${API_BASE}/runs/${encodeURIComponent(id)}`);
  }

  /** The first rows of a source read and mapped as a run would; nothing is written. */
  preview(key: string, limit = 50): Observable<SourcePreviewDto> {
    return this.http.post<SourcePreviewDto>(`${API_BASE}/sources/${encodeURIComponent(key)}/preview`, {
      limit,
    });
  }

  /** Queues a run of the source for the ingest worker. */
  runNow(key: string): Observable<IngestRunDetailDto> {
    return this.http.post<IngestRunDetailDto>(`${API_BASE}/sources/${encodeURIComponent(key)}/runs`, {});
  }

  /** Queues a reload of a window of history (city calendar days, inclusive). */
  backfill(key: string, window: BackfillSourceRequest): Observable<IngestRunDetailDto> {
    return this.http.post<IngestRunDetailDto>(
      `${API_BASE}/sources/${encodeURIComponent(key)}/backfill`,
      window,
    );
  }
}
