import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AlertEventDto, AlertEventState, Page } from '@civicpulse/contracts';
import { map, type Observable } from 'rxjs';
import { API_BASE, queryParams } from '../core/api-url';

/** Alert events raised by the alert rules (open or resolved). */
@Injectable({ providedIn: 'root' })
export class AlertDataService {
  private readonly http = inject(HttpClient);

  events(state?: AlertEventState): Observable<AlertEventDto[]> {
    // The API answers a page ({ items, total, … }); the screens list its items.
    return this.http
      .get<Page<AlertEventDto>>(`${API_BASE}/alerts`, { params: queryParams({ state }) })
      .pipe(map((page) => page.items));
  }
}
