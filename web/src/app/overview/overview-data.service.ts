import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { OverviewDto } from '@civicpulse/contracts';
import type { Observable } from 'rxjs';
import { API_BASE } from '../core/api-url';

/** The city operations overview. */
@Injectable({ providedIn: 'root' })
export class OverviewDataService {
  private readonly http = inject(HttpClient);

  overview(): Observable<OverviewDto> {
    return this.http.get<OverviewDto>(`${API_BASE}/overview`);
  }
}
