import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { IngestRunDetailDto, IngestRunSummaryDto, Page, RunListQuery, SourceDto } from '@civicpulse/contracts';
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
    return this.http.get<Page<IngestRunSummaryDto>>(`${API_BASE}/runs`, { params: queryParams({ ...query }) });
  }

  run(id: string): Observable<IngestRunDetailDto> {
    return this.http.get<IngestRunDetailDto>(`${API_BASE}/runs/${encodeURIComponent(id)}`);
  }
}
